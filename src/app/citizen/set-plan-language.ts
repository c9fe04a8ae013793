/** The language her plan opens in (chosen by the caseworker with her; audited). */
import type { Actor } from '../../core/actor.ts';
import type { Database } from '../../db/database.ts';
import { withTenant } from '../../db/tenant.ts';
import { findCaseParticipant } from '../../db/casework/access.ts';
import { getPlanLanguage, setPlanLanguage as store } from '../../db/citizen/preference.ts';
import { isLanguageCode } from '../../i18n/languages.ts';
import { str, type SaveResult } from '../casework/form-result.ts';

export function setPlanLanguage(db: Database, actor: Actor, participantId: string, form: Record<string, unknown>): Promise<SaveResult<string>> {
  const language = str(form, 'sprog');
  return withTenant(db, actor, async (q, audit) => {
    const p = await findCaseParticipant(q, audit, actor, participantId, 'ret_plansprog');
    if (!p) return { status: 'denied' } as const;
    if (!isLanguageCode(language)) return { status: 'invalid', errors: { sprog: 'Vælg et sprog fra listen.' } } as const;
    const before = await getPlanLanguage(q, p.id);
    await store(q, p.id, p.municipalityCode, language, actor.userId);
    await audit({ action: 'ret', entity: 'citizen_preference', participantId: p.id, municipality: p.municipalityCode, detail: { from: before, to: language } });
    return { status: 'ok', id: language } as const;
  });
}
