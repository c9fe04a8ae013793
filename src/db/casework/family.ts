/**
 * Her family situation over time (migration 0147), SQL only: the caller runs behind the door and
 * audits. The situation on a day is the latest snapshot from on or before that day.
 */
import type { FamilyChange, FamilySituation } from '../../domain/family.ts';
import { isUuid } from '../tenant.ts';
import { sqlOf, type Sql } from '../sql.ts';

export interface FamilyChangeRow extends FamilyChange {
  id: string;
  createdBy: number | null;
  createdByName: string | null;
}

const SITUATION = `f.children_count AS "childrenCount", f.child_ages AS "childAges", f.childcare, f.partner_involvement AS "partnerInvolvement",
            f.interpreter_needed AS "interpreterNeeded", f.interpreter_language AS "interpreterLanguage"`;
const COLS = `f.id, to_char(f.from_date, 'YYYY-MM-DD') AS "fromDate", ${SITUATION}, f.created_by AS "createdBy", b.display_name AS "createdByName"
     FROM family_situation f LEFT JOIN app_user b ON b.id = f.created_by`;

/** Every snapshot of hers, oldest first. */
export async function listFamilyChanges(tx: Sql, participantId: string): Promise<FamilyChangeRow[]> {
  return (
    await sqlOf(tx).query<FamilyChangeRow>(`SELECT ${COLS} WHERE f.participant_id = $1 ORDER BY f.from_date, f.created_at`, [participantId])
  ).rows;
}

export async function insertFamilyChange(
  tx: Sql,
  p: { id: string; municipalityCode: string },
  fromDate: string,
  s: FamilySituation,
  userId: number | null,
): Promise<string> {
  return (
    await sqlOf(tx).query<{ id: string }>(
      `INSERT INTO family_situation (participant_id, municipality_code, from_date, children_count, child_ages, childcare, partner_involvement, interpreter_needed, interpreter_language, created_by)
     VALUES ($1, $2, $3, $4, $5::smallint[], $6, $7, $8, $9, $10) RETURNING id`,
      [
        p.id,
        p.municipalityCode,
        fromDate,
        s.childrenCount,
        s.childAges,
        s.childcare,
        s.partnerInvolvement,
        s.interpreterNeeded,
        s.interpreterLanguage,
        userId,
      ],
    )
  ).rows[0].id;
}

export async function getFamilyChange(tx: Sql, participantId: string, id: string): Promise<FamilyChangeRow | undefined> {
  if (!isUuid(id)) return undefined;
  return (await sqlOf(tx).query<FamilyChangeRow>(`SELECT ${COLS} WHERE f.id = $1 AND f.participant_id = $2`, [id, participantId])).rows[0];
}

export async function deleteFamilyChange(tx: Sql, participantId: string, id: string): Promise<void> {
  await sqlOf(tx).query('DELETE FROM family_situation WHERE id = $1 AND participant_id = $2', [id, participantId]);
}

/**
 * For Styring: the women enrolled in the project on `day`, each with her situation in force on
 * her enrolment date and on `day` (null when none was recorded by then).
 */
export async function projectFamilyFacts(
  tx: Sql,
  projectId: number,
  day: string,
): Promise<{ atEnrolment: FamilySituation | null; now: FamilySituation | null }[]> {
  const rows = (
    await sqlOf(tx).query<{ at: FamilySituation | null; now: FamilySituation | null }>(
      `WITH w AS (
       SELECT DISTINCT ON (e.participant_id) e.participant_id, e.enrolled_on
       FROM enrolment e WHERE e.project_id = $1 AND e.enrolled_on <= $2::date AND (e.exited_on IS NULL OR e.exited_on > $2::date)
       ORDER BY e.participant_id, e.enrolled_on DESC)
     SELECT (SELECT row_to_json(x) FROM (SELECT ${SITUATION} FROM family_situation f
               WHERE f.participant_id = w.participant_id AND f.from_date <= w.enrolled_on ORDER BY f.from_date DESC, f.created_at DESC LIMIT 1) x) AS at,
            (SELECT row_to_json(x) FROM (SELECT ${SITUATION} FROM family_situation f
               WHERE f.participant_id = w.participant_id AND f.from_date <= $2::date ORDER BY f.from_date DESC, f.created_at DESC LIMIT 1) x) AS now
     FROM w`,
      [projectId, day],
    )
  ).rows;
  const parse = (v: FamilySituation | string | null): FamilySituation | null =>
    typeof v === 'string' ? (JSON.parse(v) as FamilySituation) : v;
  return rows.map((r) => ({ atEnrolment: parse(r.at), now: parse(r.now) }));
}
