/** Conversations with one woman (SQL only; the caller runs inside the door, which writes the audit record). */
import type { ConversationKind } from '../../core/codes.ts';
import type { Sql } from '../sql.ts';
import { deleteHers, getHers, insertHers, listHers, updateHers } from '../her-records.ts';

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

const TABLE = 'casework_conversation';
const dataValues = (c: ConversationData) => ({
  held_on: c.date,
  kind: c.kind,
  participants: c.participants,
  interpreter_used: c.interpreterUsed,
  note: c.note,
});

export function listConversations(tx: Sql, participantId: string): Promise<ConversationRow[]> {
  return listHers(tx, TABLE, COLS, participantId, 'held_on DESC, created_at DESC');
}

export function getConversation(tx: Sql, participantId: string, id: string): Promise<ConversationRow | undefined> {
  return getHers(tx, TABLE, COLS, participantId, id);
}

export function insertConversation(
  tx: Sql,
  participantId: string,
  municipality: string,
  c: ConversationData,
  userId: number,
): Promise<string> {
  return insertHers(tx, TABLE, { participantId, municipality, userId }, dataValues(c));
}

export function updateConversation(tx: Sql, participantId: string, id: string, c: ConversationData): Promise<void> {
  return updateHers(tx, TABLE, participantId, id, dataValues(c));
}

export function deleteConversation(tx: Sql, participantId: string, id: string): Promise<void> {
  return deleteHers(tx, TABLE, participantId, id);
}
