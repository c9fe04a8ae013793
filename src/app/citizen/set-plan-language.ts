/** The language her plan opens in (chosen by the caseworker with her; audited). */
import type { Actor } from '../../core/actor.ts';
import type { AppDeps } from '../../core/deps.ts';
import { door } from '../../db/door.ts';
import { findCase } from '../../db/citizen/case-data.ts';
import { getPlanLanguage, setPlanLanguage as store } from '../../db/citizen/preference.ts';
import { isLanguageCode } from '../../i18n/languages.ts';
import { str, type SaveResult } from '../form.ts';

export function setPlanLanguage(
  db: AppDeps['db'],
  actor: Actor,
  participantId: string,
  form: Record<string, unknown>,
): Promise<SaveResult<string>> {
  const language = str(form, 'sprog');
  return door<SaveResult<string>>(db, actor, async (tx) => {
    const p = await findCase(tx, participantId, 'ret_plansprog');
    if (!p) return { value: { status: 'denied' }, audit: [] };
    if (!isLanguageCode(language)) return { value: { status: 'invalid', errors: { sprog: 'Vælg et sprog fra listen.' } }, audit: [] };
    const before = await getPlanLanguage(tx, p.id);
    await store(tx, p.id, p.municipalityCode, language, actor.userId);
    return {
      value: { status: 'ok', id: language },
      audit: {
        action: 'ret',
        entity: 'citizen_preference',
        participantId: p.id,
        municipality: p.municipalityCode,
        detail: { from: before, to: language },
      },
    };
  });
}
