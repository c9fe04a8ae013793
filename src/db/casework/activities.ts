/** Activities of one woman (SQL only; the caller runs inside the door, which writes the audit record). */
import type { ActivityStatus, CompanyConsent } from '../../core/codes.ts';
import { isUuid } from '../tenant.ts';
import { sqlOf, type Sql } from '../sql.ts';

/** What a caseworker records of an activity. */
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

/** An activity as stored. */
export interface ActivityRow extends ActivityData {
  id: string;
  createdBy: number | null;
  /** The company of a placement (set from the CVR number by the database, migration 0140). */
  companyId: string | null;
  /** Her consent on the placement: what the company may be told (migration 0182; null before it or without a company). */
  companyConsent: CompanyConsent | null;
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

/** The columns an insert and an update write, in the order of `dataValues`. */
const DATA_COLS = 'type_key, provider, cvr, start_date, end_date, hours_per_week, status, address, schedule, company_consent'.split(', ');
const dataValues = (a: ActivityData) => [
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
];

export async function insertActivity(
  tx: Sql,
  participantId: string,
  municipality: string,
  a: ActivityData,
  userId: number,
): Promise<string> {
  const params = DATA_COLS.map((_, i) => `$${i + 4}`).join(', ');
  return (
    await sqlOf(tx).query<{ id: string }>(
      `INSERT INTO casework_activity (participant_id, municipality_code, created_by, ${DATA_COLS.join(', ')})
       VALUES ($1, $2, $3, ${params}) RETURNING id`,
      [participantId, municipality, userId, ...dataValues(a)],
    )
  ).rows[0].id;
}

export async function updateActivity(tx: Sql, participantId: string, id: string, a: ActivityData): Promise<void> {
  const set = DATA_COLS.map((c, i) => `${c} = $${i + 3}`).join(', ');
  await sqlOf(tx).query(`UPDATE casework_activity SET ${set}, updated_at = now() WHERE id = $1 AND participant_id = $2`, [
    id,
    participantId,
    ...dataValues(a),
  ]);
}

export async function deleteActivity(tx: Sql, participantId: string, id: string): Promise<void> {
  await sqlOf(tx).query('DELETE FROM casework_activity WHERE id = $1 AND participant_id = $2', [id, participantId]);
}
