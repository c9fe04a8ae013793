/** Her exemption periods (SQL only; the caller runs behind the door and audits). */
import type { ExemptionKind } from '../../core/codes.ts';
import { isUuid } from '../tenant.ts';
import { sqlOf, type Sql } from '../sql.ts';

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

export async function listExemptions(tx: Sql, participantId: string): Promise<ExemptionRow[]> {
  return (
    await sqlOf(tx).query<ExemptionRow>(
      `SELECT ${COLS} FROM casework_exemption WHERE participant_id = $1 ORDER BY start_date DESC, created_at DESC`,
      [participantId],
    )
  ).rows;
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

export async function getExemption(tx: Sql, participantId: string, id: string): Promise<ExemptionRow | undefined> {
  if (!isUuid(id)) return undefined;
  return (
    await sqlOf(tx).query<ExemptionRow>(`SELECT ${COLS} FROM casework_exemption WHERE id = $1 AND participant_id = $2`, [id, participantId])
  ).rows[0];
}

export async function insertExemption(
  tx: Sql,
  participantId: string,
  municipality: string,
  e: ExemptionData,
  userId: number,
): Promise<string> {
  return (
    await sqlOf(tx).query<{ id: string }>(
      `INSERT INTO casework_exemption (participant_id, municipality_code, kind, start_date, end_date, reason, created_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id`,
      [participantId, municipality, e.kind, e.startDate, e.endDate, e.reason, userId],
    )
  ).rows[0].id;
}

export async function updateExemption(tx: Sql, participantId: string, id: string, e: ExemptionData): Promise<void> {
  await sqlOf(tx).query(
    `UPDATE casework_exemption SET kind = $3, start_date = $4, end_date = $5, reason = $6, updated_at = now() WHERE id = $1 AND participant_id = $2`,
    [id, participantId, e.kind, e.startDate, e.endDate, e.reason],
  );
}

export async function deleteExemption(tx: Sql, participantId: string, id: string): Promise<void> {
  await sqlOf(tx).query('DELETE FROM casework_exemption WHERE id = $1 AND participant_id = $2', [id, participantId]);
}
