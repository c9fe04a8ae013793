/** Activities of one woman (SQL only; the caller runs inside the door, which writes the audit record). */
import type { ActivityStatus, CompanyConsent } from '../../core/codes.ts';
import { isUuid } from '../tenant.ts';
import { sqlOf, type Sql } from '../sql.ts';

export interface ActivityRow {
  id: string;
  typeKey: string;
  provider: string | null;
  address: string | null;
  schedule: string | null;
  cvr: string | null;
  startDate: string;
  endDate: string | null;
  hoursPerWeek: number | null;
  status: ActivityStatus;
  createdBy: number | null;
  /** The company of a placement (set from the CVR number by the database, migration 0140). */
  companyId: string | null;
  /** Her consent on the placement: what the company may be told (migration 0182; null before it or without a company). */
  companyConsent: CompanyConsent | null;
}

export interface ActivityData {
  typeKey: string;
  provider: string | null;
  address: string | null;
  schedule: string | null;
  cvr: string | null;
  startDate: string;
  endDate: string | null;
  hoursPerWeek: number | null;
  status: ActivityStatus;
  companyConsent?: CompanyConsent | null;
}

const COLS = `id, type_key AS "typeKey", provider, address, schedule, cvr, start_date AS "startDate", end_date AS "endDate",
  hours_per_week AS "hoursPerWeek", status, created_by AS "createdBy", company_id AS "companyId",
  company_consent AS "companyConsent"`;

export async function listActivities(tx: Sql, participantId: string): Promise<ActivityRow[]> {
  return (
    await sqlOf(tx).query<ActivityRow>(
      `SELECT ${COLS} FROM casework_activity WHERE participant_id = $1 ORDER BY start_date DESC, created_at DESC`,
      [participantId],
    )
  ).rows;
}

export async function getActivity(tx: Sql, participantId: string, id: string): Promise<ActivityRow | undefined> {
  if (!isUuid(id)) return undefined;
  return (
    await sqlOf(tx).query<ActivityRow>(`SELECT ${COLS} FROM casework_activity WHERE id = $1 AND participant_id = $2`, [id, participantId])
  ).rows[0];
}

export async function insertActivity(
  tx: Sql,
  participantId: string,
  municipality: string,
  a: ActivityData,
  userId: number,
): Promise<string> {
  return (
    await sqlOf(tx).query<{ id: string }>(
      `INSERT INTO casework_activity (participant_id, municipality_code, type_key, provider, cvr, start_date, end_date, hours_per_week, status, created_by, address, schedule, company_consent)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13) RETURNING id`,
      [
        participantId,
        municipality,
        a.typeKey,
        a.provider,
        a.cvr,
        a.startDate,
        a.endDate,
        a.hoursPerWeek,
        a.status,
        userId,
        a.address ?? null,
        a.schedule ?? null,
        a.companyConsent ?? null,
      ],
    )
  ).rows[0].id;
}

export async function updateActivity(tx: Sql, participantId: string, id: string, a: ActivityData): Promise<void> {
  await sqlOf(tx).query(
    `UPDATE casework_activity SET type_key = $3, provider = $4, cvr = $5, start_date = $6, end_date = $7, hours_per_week = $8,
            status = $9, address = $10, schedule = $11, company_consent = $12, updated_at = now() WHERE id = $1 AND participant_id = $2`,
    [
      id,
      participantId,
      a.typeKey,
      a.provider,
      a.cvr,
      a.startDate,
      a.endDate,
      a.hoursPerWeek,
      a.status,
      a.address ?? null,
      a.schedule ?? null,
      a.companyConsent ?? null,
    ],
  );
}

export async function deleteActivity(tx: Sql, participantId: string, id: string): Promise<void> {
  await sqlOf(tx).query('DELETE FROM casework_activity WHERE id = $1 AND participant_id = $2', [id, participantId]);
}
