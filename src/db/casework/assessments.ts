/** Progression assessments (WHO-5, Fremdriftstrappen …) of one woman; SQL only. */
import { allRows, sqlOf, type Sql } from '../sql.ts';
import { herRecords } from '../her-records.ts';

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

export interface AssessmentData {
  instrumentKey: string;
  date: string;
  answers: Record<string, number>;
  total: number;
  /** A project instrument's version (its key names it too); null for WHO-5 and Fremdriftstrappen. */
  instrumentVersionId?: number | null;
}

const answered = (a: AssessmentData) => ({ assessed_on: a.date, answers: JSON.stringify(a.answers), total: a.total });

/** Her assessments, oldest first. A correction changes the date and the answers; the instrument stays. */
export const assessmentRecords = herRecords<AssessmentRow, AssessmentData>(
  'casework_assessment',
  COLS,
  'assessed_on, created_at, id',
  (a) => ({ instrument_key: a.instrumentKey, ...answered(a), instrument_version_id: a.instrumentVersionId ?? null }),
  { updateValues: answered },
);

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

export interface EnrolmentAssessmentRow {
  enrolmentId: string;
  participantId: string;
  projectId: number;
  municipality: string;
  visitation: string;
  enrolledOn: string;
  exitedOn: string | null;
  instrumentKey: string | null;
  date: string | null;
  answers: Record<string, number> | null;
}

/**
 * Enrolments with their assessments dated inside the enrolment (from enrolment to exit, and up
 * to `until`), one row per assessment (or one row with nulls for an enrolment without any).
 * Filters: a project, a caseworker's own enrolments, enrolments from `until` or before. Row-level
 * security scopes it to the tenant; the agency's system door reads every municipality.
 */
export async function enrolmentAssessments(
  tx: Sql,
  f: { projectId?: number | null; caseworkerId?: number | null; until?: string | null; instrumentKeys?: readonly string[] | null },
): Promise<EnrolmentAssessmentRow[]> {
  return allRows<EnrolmentAssessmentRow>(
    tx,
    `SELECT e.id AS "enrolmentId", e.participant_id AS "participantId", e.project_id AS "projectId", e.municipality_code AS municipality,
              e.visitation, e.enrolled_on::text AS "enrolledOn", e.exited_on::text AS "exitedOn",
              a.instrument_key AS "instrumentKey", a.assessed_on::text AS "date", a.answers
       FROM enrolment e
       LEFT JOIN casework_assessment a ON a.participant_id = e.participant_id
         AND a.assessed_on >= e.enrolled_on AND (e.exited_on IS NULL OR a.assessed_on <= e.exited_on)
         AND ($3::date IS NULL OR a.assessed_on <= $3::date)
         AND ($4::text[] IS NULL OR a.instrument_key = ANY ($4::text[]))
       WHERE ($1::int IS NULL OR e.project_id = $1) AND ($2::int IS NULL OR e.caseworker_id = $2)
         AND ($3::date IS NULL OR e.enrolled_on <= $3::date)
       ORDER BY e.municipality_code, e.id, a.assessed_on, a.created_at, a.id`,
    [f.projectId ?? null, f.caseworkerId ?? null, f.until ?? null, f.instrumentKeys ?? null],
  );
}
