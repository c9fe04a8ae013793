/** Conversations with one woman (SQL only; the caller runs inside the door, which writes the audit record). */
import type { ConversationKind } from '../../core/codes.ts';
import { herRecords } from '../her-records.ts';

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

const dataValues = (c: ConversationData) => ({
  held_on: c.date,
  kind: c.kind,
  participants: c.participants,
  interpreter_used: c.interpreterUsed,
  note: c.note,
});

/** Her conversations, newest first. */
export const conversationRecords = herRecords<ConversationRow, ConversationData>(
  'casework_conversation',
  COLS,
  'held_on DESC, created_at DESC',
  dataValues,
);
