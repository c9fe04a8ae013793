/** Progression assessments (WHO-5, Fremdriftstrappen …) of one woman; SQL only. */
import { isUuid } from '../tenant.ts';
import { sqlOf, type Sql } from '../sql.ts';

export interface AssessmentRow {
  id: string;
  instrumentKey: string;
  date: string;
  answers: Record<string, number>;
  total: number;
  createdBy: number | null;
  /** `borger` when she answered it herself through her personal link. */
  reportedBy: 'sagsbehandler' | 'borger';
}

const COLS = `id, instrument_key AS "instrumentKey", assessed_on AS "date", answers, total, created_by AS "createdBy", reported_by AS "reportedBy"`;

export async function listAssessments(tx: Sql, participantId: string): Promise<AssessmentRow[]> {
  return (await sqlOf(tx).query<AssessmentRow>(`SELECT ${COLS} FROM casework_assessment WHERE participant_id = $1 ORDER BY assessed_on, created_at`, [participantId])).rows;
}

export async function getAssessment(tx: Sql, participantId: string, id: string): Promise<AssessmentRow | undefined> {
  if (!isUuid(id)) return undefined;
  return (await sqlOf(tx).query<AssessmentRow>(`SELECT ${COLS} FROM casework_assessment WHERE id = $1 AND participant_id = $2`, [id, participantId])).rows[0];
}

export interface AssessmentData {
  instrumentKey: string;
  date: string;
  answers: Record<string, number>;
  total: number;
}

export async function insertAssessment(tx: Sql, participantId: string, municipality: string, a: AssessmentData, userId: number): Promise<string> {
  return (
    await sqlOf(tx).query<{ id: string }>(
      `INSERT INTO casework_assessment (participant_id, municipality_code, instrument_key, assessed_on, answers, total, created_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id`,
      [participantId, municipality, a.instrumentKey, a.date, JSON.stringify(a.answers), a.total, userId],
    )
  ).rows[0].id;
}

export async function updateAssessment(tx: Sql, participantId: string, id: string, a: AssessmentData): Promise<void> {
  await sqlOf(tx).query(
    `UPDATE casework_assessment SET assessed_on = $3, answers = $4, total = $5, updated_at = now() WHERE id = $1 AND participant_id = $2`,
    [id, participantId, a.date, JSON.stringify(a.answers), a.total],
  );
}

export async function deleteAssessment(tx: Sql, participantId: string, id: string): Promise<void> {
  await sqlOf(tx).query('DELETE FROM casework_assessment WHERE id = $1 AND participant_id = $2', [id, participantId]);
}

/** Every assessment of the women in the actor's municipalities, or of one caseworker's own women (her latest enrolment). */
export async function assessmentsOfCaseload(tx: Sql, caseworkerId: number | null) {
  return (
    await sqlOf(tx).query<{ pid: string; instrumentKey: string; date: string; answers: Record<string, number> }>(
      `SELECT a.participant_id AS pid, a.instrument_key AS "instrumentKey", a.assessed_on AS "date", a.answers
       FROM casework_assessment a
       WHERE $1::int IS NULL OR EXISTS (
         SELECT 1 FROM enrolment e WHERE e.participant_id = a.participant_id AND e.caseworker_id = $1
           AND e.enrolled_on = (SELECT max(enrolled_on) FROM enrolment x WHERE x.participant_id = a.participant_id))`,
      [caseworkerId],
    )
  ).rows;
}
