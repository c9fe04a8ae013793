/**
 * A project leader corrects one citizen text for her municipalities, without a code change: the
 * text is checked like a translation file's (parses, same fields, every plural form) before it is
 * stored; an empty text removes the correction. Audited with the old and new text.
 */
import type { Actor } from '../../core/actor.ts';
import type { AppDeps } from '../../core/deps.ts';
import { door, type AuditEntry } from '../../db/door.ts';
import { deleteOverride, listOverrides, upsertOverride, type MessageOverrideRow } from '../../db/citizen/message-overrides.ts';
import { catalogFile, checkMessage, isMessageKey, type MessageKey } from '../../i18n/catalog.ts';
import { isLanguageCode, type LanguageCode } from '../../i18n/languages.ts';
import { forbidden, notFound } from '../../core/errors.ts';
import { CONTROL_CHAR_MESSAGE, hasControlChar, multilineText, type SaveResult } from '../form.ts';

function requireProjectLeader(actor: Actor) {
  if (actor.role !== 'projektleder' || actor.municipalities.length === 0) throw forbidden();
}

export interface MessageTexts {
  language: LanguageCode;
  municipality: string;
  rows: { key: MessageKey; file: string; override: MessageOverrideRow | null }[];
}

/** Every text of one language with the corrections of the actor's (first) municipality. */
export function listMessageTexts(db: AppDeps['db'], actor: Actor, language: LanguageCode): Promise<MessageTexts> {
  requireProjectLeader(actor);
  const municipality = actor.municipalities[0];
  // Texts, not personal data: nothing to audit.
  return door(db, actor, async (tx) => {
    const byKey = new Map((await listOverrides(tx, municipality, language)).map((o) => [o.key, o]));
    const file = catalogFile(language).messages;
    const rows = (Object.keys(catalogFile('da').messages) as MessageKey[]).map((key) => ({
      key,
      file: file[key],
      override: byKey.get(key) ?? null,
    }));
    return { value: { language, municipality, rows }, audit: [] };
  });
}

/** One text as it reads now for the actor's municipality (its correction, else the file's), or not found (Teksten). */
export async function currentMessageText(
  db: AppDeps['db'],
  actor: Actor,
  language: string,
  key: string,
): Promise<{ language: LanguageCode; key: MessageKey; text: string }> {
  if (!isLanguageCode(language) || !isMessageKey(key)) throw notFound('Teksten');
  const row = (await listMessageTexts(db, actor, language)).rows.find((r) => r.key === key)!;
  return { language, key, text: row.override?.text ?? row.file };
}

export function saveMessageOverride(
  db: AppDeps['db'],
  actor: Actor,
  language: string,
  key: string,
  form: Record<string, unknown>,
): Promise<SaveResult<string>> {
  requireProjectLeader(actor);
  if (!isLanguageCode(language) || !isMessageKey(key)) return Promise.resolve({ status: 'denied' });
  const text = multilineText(form, 'tekst');
  if (hasControlChar(text)) return Promise.resolve({ status: 'invalid', errors: { tekst: CONTROL_CHAR_MESSAGE } });
  if (text.length > 1000) return Promise.resolve({ status: 'invalid', errors: { tekst: 'Teksten må højst være 1000 tegn.' } });
  if (text) {
    const problems = checkMessage(language, key, text);
    if (problems.length) return Promise.resolve({ status: 'invalid', errors: { tekst: problems.join(' ') } });
  }
  return door<SaveResult<string>>(db, actor, async (tx) => {
    const audit: AuditEntry[] = [];
    for (const municipality of actor.municipalities) {
      const before = (await listOverrides(tx, municipality, language)).find((o) => o.key === key)?.text ?? null;
      if (text && text !== catalogFile(language).messages[key]) await upsertOverride(tx, municipality, language, key, text, actor.userId);
      else await deleteOverride(tx, municipality, language, key);
      audit.push({ action: 'ret', entity: 'message_override', municipality, detail: { language, key, from: before, to: text || null } });
    }
    return { value: { status: 'ok', id: key }, audit };
  });
}
