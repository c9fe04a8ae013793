/** Her exemption periods (SQL only; the caller runs behind the door and audits). */
import type { ExemptionKind } from '../../core/codes.ts';
import { sqlOf, type Sql } from '../sql.ts';
import { deleteHers, getHers, insertHers, listHers, updateHers } from '../her-records.ts';

export interface ExemptionData {
  kind: ExemptionKind;
  startDate: string;
  endDate: string | null;
  reason: string | null;
}

export interface ExemptionRow extends ExemptionData {
  id: string;
  createdBy: number | null;
}

const COLS = `id, kind, start_date AS "startDate", end_date AS "endDate", reason, created_by AS "createdBy"`;

const TABLE = 'casework_exemption';
const dataValues = (e: ExemptionData) => ({ kind: e.kind, start_date: e.startDate, end_date: e.endDate, reason: e.reason });

export function listExemptions(tx: Sql, participantId: string): Promise<ExemptionRow[]> {
  return listHers(tx, TABLE, COLS, participantId, 'start_date DESC, created_at DESC');
}

/** Every period of these women, by woman (for a caseload). */
export async function exemptionsOf(tx: Sql, ids: string[]): Promise<Map<string, ExemptionRow[]>> {
  const rows = (
    await sqlOf(tx).query<ExemptionRow & { pid: string }>(
      `SELECT participant_id AS pid, ${COLS} FROM casework_exemption WHERE participant_id = ANY ($1::uuid[])`,
      [ids],
    )
  ).rows;
  const out = new Map<string, ExemptionRow[]>();
  for (const { pid, ...r } of rows) out.set(pid, [...(out.get(pid) ?? []), r]);
  return out;
}

export function getExemption(tx: Sql, participantId: string, id: string): Promise<ExemptionRow | undefined> {
  return getHers(tx, TABLE, COLS, participantId, id);
}

export function insertExemption(tx: Sql, participantId: string, municipality: string, e: ExemptionData, userId: number): Promise<string> {
  return insertHers(tx, TABLE, { participantId, municipality, userId }, dataValues(e));
}

export function updateExemption(tx: Sql, participantId: string, id: string, e: ExemptionData): Promise<void> {
  return updateHers(tx, TABLE, participantId, id, dataValues(e));
}

export function deleteExemption(tx: Sql, participantId: string, id: string): Promise<void> {
  return deleteHers(tx, TABLE, participantId, id);
}
