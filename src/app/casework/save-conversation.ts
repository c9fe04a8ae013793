/** Record or correct a conversation with her (date not in the future). */
import type { Actor } from '../../core/actor.ts';
import type { Db } from '../../db/door.ts';
import { auditDeniedRecord } from '../../db/casework/access.ts';
import { getConversation, insertConversation, updateConversation } from '../../db/casework/conversations.ts';
import { makeConversationSchema } from '../../domain/conversations.ts';
import { mayCorrect, str, zodFieldErrors, type FormData, type SaveResult } from './form-result.ts';
import { todayInDenmark } from './today.ts';
import { about, audited, unaudited, withCase } from './with-case.ts';

export const CONVERSATION_FIELDS = ['date', 'kind', 'participants', 'interpreterUsed', 'note'] as const;

export async function saveConversation(
  db: Db,
  actor: Actor,
  participantId: string,
  form: FormData,
  conversationId?: string,
  today = todayInDenmark(),
): Promise<SaveResult> {
  return withCase<string>(db, actor, participantId, conversationId ? 'ret_samtale' : 'opret_samtale', async (tx, p) => {
    const before = conversationId ? await getConversation(tx, p.id, conversationId) : undefined;
    if (conversationId && !before) {
      await auditDeniedRecord(tx, p, 'samtale', conversationId, 'ret_samtale');
      return unaudited({ status: 'denied' });
    }
    if (before && !mayCorrect(actor, before.createdBy)) return unaudited({ status: 'forbidden' });
    const input = Object.fromEntries(CONVERSATION_FIELDS.map((f) => [f, str(form, f)]));
    const parsed = makeConversationSchema(today).safeParse(input);
    if (!parsed.success) return unaudited({ status: 'invalid', errors: zodFieldErrors(parsed.error) });
    if (conversationId) {
      await updateConversation(tx, p.id, conversationId, parsed.data);
      return audited(
        { status: 'ok', id: conversationId },
        {
          action: 'ret',
          entity: 'samtale',
          ...about(p),
          detail: { id: conversationId, before: { ...before, note: undefined }, date: parsed.data.date },
        },
      );
    }
    const id = await insertConversation(tx, p.id, p.municipalityCode, parsed.data, actor.userId);
    return audited(
      { status: 'ok', id },
      { action: 'opret', entity: 'samtale', ...about(p), detail: { id, date: parsed.data.date, kind: parsed.data.kind } },
    );
  });
}
