/**
 * Her company consultant over time (migration 0141), SQL only: the caller runs behind the door
 * and audits. The consultant on a day is the latest change from on or before that day.
 */
import { isUuid } from '../tenant.ts';
import { sqlOf, type Sql } from '../sql.ts';
import { deleteHers, insertHers } from '../her-records.ts';

export interface ConsultantChangeRow {
  id: string;
  fromDate: string;
  consultantId: number | null;
  consultantName: string | null;
  createdBy: number | null;
  createdByName: string | null;
}

const COLS = `c.id, to_char(c.from_date, 'YYYY-MM-DD') AS "fromDate", c.consultant_id AS "consultantId", u.display_name AS "consultantName",
            c.created_by AS "createdBy", b.display_name AS "createdByName"
     FROM company_consultant_change c LEFT JOIN app_user u ON u.id = c.consultant_id LEFT JOIN app_user b ON b.id = c.created_by`;

/** Every change of hers, oldest first. */
export async function listConsultantChanges(tx: Sql, participantId: string): Promise<ConsultantChangeRow[]> {
  return (
    await sqlOf(tx).query<ConsultantChangeRow>(
      `SELECT ${COLS}
     WHERE c.participant_id = $1 ORDER BY c.from_date, c.created_at`,
      [participantId],
    )
  ).rows;
}

export function insertConsultantChange(
  tx: Sql,
  p: { id: string; municipalityCode: string },
  fromDate: string,
  consultantId: number | null,
  userId: number,
): Promise<string> {
  const her = { participantId: p.id, municipality: p.municipalityCode, userId };
  return insertHers(tx, 'company_consultant_change', her, { from_date: fromDate, consultant_id: consultantId });
}

export async function getConsultantChange(tx: Sql, participantId: string, id: string): Promise<ConsultantChangeRow | undefined> {
  if (!isUuid(id)) return undefined;
  return (await sqlOf(tx).query<ConsultantChangeRow>(`SELECT ${COLS} WHERE c.id = $1 AND c.participant_id = $2`, [id, participantId]))
    .rows[0];
}

export function deleteConsultantChange(tx: Sql, participantId: string, id: string): Promise<void> {
  return deleteHers(tx, 'company_consultant_change', participantId, id);
}

/** The consultant of each of these women on `day` (women without one are left out). */
export async function consultantsOn(tx: Sql, ids: readonly string[], day: string): Promise<Map<string, { id: number; name: string }>> {
  const rows = (
    await sqlOf(tx).query<{ pid: string; id: number | null; name: string | null }>(
      `SELECT DISTINCT ON (c.participant_id) c.participant_id AS pid, c.consultant_id AS id, u.display_name AS name
     FROM company_consultant_change c LEFT JOIN app_user u ON u.id = c.consultant_id
     WHERE c.participant_id = ANY ($1::uuid[]) AND c.from_date <= $2
     ORDER BY c.participant_id, c.from_date DESC, c.created_at DESC`,
      [ids, day],
    )
  ).rows;
  return new Map(rows.filter((r) => r.id !== null).map((r) => [r.pid, { id: r.id!, name: r.name ?? '' }]));
}

/** The women whose consultant on `day` is this user. */
export async function womenOfConsultant(tx: Sql, userId: number, day: string): Promise<string[]> {
  return (
    await sqlOf(tx).query<{ pid: string }>(
      `SELECT pid FROM (
       SELECT DISTINCT ON (c.participant_id) c.participant_id AS pid, c.consultant_id
       FROM company_consultant_change c WHERE c.from_date <= $2
       ORDER BY c.participant_id, c.from_date DESC, c.created_at DESC) x
     WHERE x.consultant_id = $1`,
      [userId, day],
    )
  ).rows.map((r) => r.pid);
}
