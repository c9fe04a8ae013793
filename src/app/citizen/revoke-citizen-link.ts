/** Revoke one of her personal links at once (audited); the link then shows nothing. */
import type { Actor } from '../../core/actor.ts';
import type { Database } from '../../db/database.ts';
import { withTenant } from '../../db/tenant.ts';
import { auditDeniedRecord, findCaseParticipant } from '../../db/casework/access.ts';
import { revokeLink } from '../../db/citizen/links.ts';
import type { SaveResult } from '../casework/form-result.ts';

export function revokeCitizenLink(db: Database, actor: Actor, participantId: string, linkId: string): Promise<SaveResult<string>> {
  return withTenant(db, actor, async (q, audit) => {
    const p = await findCaseParticipant(q, audit, actor, participantId, 'tilbagekald_borgerlink');
    if (!p) return { status: 'denied' } as const;
    if (!(await revokeLink(q, p.id, linkId, actor.userId))) {
      await auditDeniedRecord(audit, p, 'citizen_link', linkId, 'tilbagekald_borgerlink');
      return { status: 'denied' } as const;
    }
    await audit({ action: 'tilbagekald', entity: 'citizen_link', participantId: p.id, municipality: p.municipalityCode, detail: { linkId } });
    return { status: 'ok', id: linkId } as const;
  });
}
