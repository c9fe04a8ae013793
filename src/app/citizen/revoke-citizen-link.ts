/** Revoke one of her personal links at once (audited); the link then shows nothing. */
import type { Actor } from '../../core/actor.ts';
import type { AppDeps } from '../../core/deps.ts';
import { door } from '../../db/door.ts';
import { auditDenied, findCase } from '../../db/citizen/case-data.ts';
import { revokeLink } from '../../db/citizen/links.ts';
import type { SaveResult } from '../form.ts';

export function revokeCitizenLink(db: AppDeps['db'], actor: Actor, participantId: string, linkId: string): Promise<SaveResult<string>> {
  return door<SaveResult<string>>(db, actor, async (tx) => {
    const p = await findCase(tx, participantId, 'tilbagekald_borgerlink');
    if (!p) return { value: { status: 'denied' }, audit: [] };
    if (!(await revokeLink(tx, p.id, linkId, actor.userId))) {
      await auditDenied(tx, p, 'citizen_link', linkId, 'tilbagekald_borgerlink');
      return { value: { status: 'denied' }, audit: [] };
    }
    return {
      value: { status: 'ok', id: linkId },
      audit: { action: 'tilbagekald', entity: 'citizen_link', participantId: p.id, municipality: p.municipalityCode, detail: { linkId } },
    };
  });
}
