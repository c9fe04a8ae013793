/** Record or correct a conversation with her (date not in the future). */
import type { Actor } from '../../core/actor.ts';
import type { Db } from '../../db/door.ts';
import { conversationRecords } from '../../db/casework/conversations.ts';
import { makeConversationSchema } from '../../domain/conversations.ts';
import { str, zodFieldErrors, type FormData, type SaveResult } from '../form.ts';
import { todayInDenmark } from './today.ts';
import { savedRecord, unaudited, withRecord } from './with-case.ts';

export const CONVERSATION_FIELDS = ['date', 'kind', 'participants', 'interpreterUsed', 'note'] as const;

export async function saveConversation(
  db: Db,
  actor: Actor,
  participantId: string,
  form: FormData,
  conversationId?: string,
  today = todayInDenmark(),
): Promise<SaveResult> {
  return withRecord(db, actor, participantId, 'samtale', conversationId, conversationRecords.get, async (tx, p, before) => {
    const input = Object.fromEntries(CONVERSATION_FIELDS.map((f) => [f, str(form, f)]));
    const parsed = makeConversationSchema(today).safeParse(input);
    if (!parsed.success) return unaudited({ status: 'invalid', errors: zodFieldErrors(parsed.error) });
    if (conversationId) {
      await conversationRecords.update(tx, p.id, conversationId, parsed.data);
      return savedRecord(p, 'ret', 'samtale', conversationId, { before: { ...before, note: undefined }, date: parsed.data.date });
    }
    const id = await conversationRecords.insert(tx, p, parsed.data, actor.userId);
    return savedRecord(p, 'opret', 'samtale', id, { date: parsed.data.date, kind: parsed.data.kind });
  });
}
