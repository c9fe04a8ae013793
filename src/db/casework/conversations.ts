/** Conversations with one woman (SQL only; the caller runs inside the door, which writes the audit record). */
import type { ConversationKind } from '../../core/codes.ts';
import { isUuid } from '../tenant.ts';
import { sqlOf, type Sql } from '../sql.ts';

export interface ConversationData {
  date: string;
  kind: ConversationKind;
  participants: string | null;
  interpreterUsed: boolean;
  note: string | null;
}

export interface ConversationRow extends ConversationData {
  id: string;
  createdBy: number | null;
}

const COLS = `id, held_on AS "date", kind, participants, interpreter_used AS "interpreterUsed", note, created_by AS "createdBy"`;

export async function listConversations(tx: Sql, participantId: string): Promise<ConversationRow[]> {
  return (
    await sqlOf(tx).query<ConversationRow>(
      `SELECT ${COLS} FROM casework_conversation WHERE participant_id = $1 ORDER BY held_on DESC, created_at DESC`,
      [participantId],
    )
  ).rows;
}

export async function getConversation(tx: Sql, participantId: string, id: string): Promise<ConversationRow | undefined> {
  if (!isUuid(id)) return undefined;
  return (
    await sqlOf(tx).query<ConversationRow>(`SELECT ${COLS} FROM casework_conversation WHERE id = $1 AND participant_id = $2`, [
      id,
      participantId,
    ])
  ).rows[0];
}

export async function insertConversation(
  tx: Sql,
  participantId: string,
  municipality: string,
  c: ConversationData,
  userId: number,
): Promise<string> {
  return (
    await sqlOf(tx).query<{ id: string }>(
      `INSERT INTO casework_conversation (participant_id, municipality_code, held_on, kind, participants, interpreter_used, note, created_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id`,
      [participantId, municipality, c.date, c.kind, c.participants, c.interpreterUsed, c.note, userId],
    )
  ).rows[0].id;
}

export async function updateConversation(tx: Sql, participantId: string, id: string, c: ConversationData): Promise<void> {
  await sqlOf(tx).query(
    `UPDATE casework_conversation SET held_on = $3, kind = $4, participants = $5, interpreter_used = $6, note = $7, updated_at = now()
     WHERE id = $1 AND participant_id = $2`,
    [id, participantId, c.date, c.kind, c.participants, c.interpreterUsed, c.note],
  );
}

export async function deleteConversation(tx: Sql, participantId: string, id: string): Promise<void> {
  await sqlOf(tx).query('DELETE FROM casework_conversation WHERE id = $1 AND participant_id = $2', [id, participantId]);
}
