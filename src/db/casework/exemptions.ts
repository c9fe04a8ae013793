/** Her exemption periods (SQL only; the caller runs behind the door and audits). */
import type { ExemptionKind } from '../../core/codes.ts';
import { sqlOf, type Sql } from '../sql.ts';
import { herRecords } from '../her-records.ts';

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

const dataValues = (e: ExemptionData) => ({ kind: e.kind, start_date: e.startDate, end_date: e.endDate, reason: e.reason });

/** Her exemption periods, latest first. */
export const exemptionRecords = herRecords<ExemptionRow, ExemptionData>(
  'casework_exemption',
  COLS,
  'start_date DESC, created_at DESC',
  dataValues,
);

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
