/**
 * What results and case measures are broken down by (issue 13 build 4): the recorded fields of
 * each enrolment (Flere skal med group, recruitment channel, country of origin, exit reason,
 * municipality, visitation at enrolment) and two case measures at a date. One row per
 * enrolment, keyed by enrolment id (the engine's participant id); never a name or a CPR number.
 * Runs on a tenant transaction (one project) or the agency's system transaction (all projects):
 * the callers only ever show counts.
 */
import { BUILT_IN_ACTIVITY_TYPES } from '../../domain/activities.ts';
import { sqlOf, type Sql } from '../sql.ts';

export interface BreakdownFact {
  enrolmentId: string;
  /** Her municipality's name, as in the engine's groups. */
  municipality: string;
  /** Visitation category at enrolment (not later changes). */
  visitation: string;
  flereSkalMed: number | null;
  recruitmentChannel: string | null;
  /** As stored: a Danish country name (or, from older data, a code). */
  countryOfOrigin: string | null;
  exitedOn: string | null;
  exitReason: string | null;
  /** She had started a company-oriented activity by the date (the project's catalogue). */
  companyOriented: boolean;
  /** Her plan has a CV on Jobnet and all of A, B and C of the job strategy. */
  cvAbc: boolean;
}

/** Enrolments of one project (or every project), enrolled by `date` (YYYY-MM-DD), with the case measures at `date`. */
export async function loadBreakdownFacts(tx: Sql, scope: { projectId: number } | 'all', date: string): Promise<BreakdownFact[]> {
  const companyBuiltIn = BUILT_IN_ACTIVITY_TYPES.filter((t) => t.category === 'virksomhedsrettet').map((t) => t.key);
  const builtIn = BUILT_IN_ACTIVITY_TYPES.map((t) => t.key);
  const params: unknown[] = [date, companyBuiltIn, builtIn];
  if (scope !== 'all') params.push(scope.projectId);
  return (
    await sqlOf(tx).query<BreakdownFact>(
      `SELECT e.id AS "enrolmentId", m.name AS municipality, e.visitation, e.flere_skal_med AS "flereSkalMed",
            e.recruitment_channel AS "recruitmentChannel", p.country_of_origin AS "countryOfOrigin",
            e.exited_on AS "exitedOn", e.exit_reason AS "exitReason",
            EXISTS (SELECT 1 FROM casework_activity a
                    WHERE a.participant_id = e.participant_id AND a.status <> 'planlagt' AND a.start_date <= $1::date
                      AND (a.type_key = ANY ($2::text[])
                           OR (a.type_key <> ALL ($3::text[]) AND EXISTS (
                             SELECT 1 FROM project_activity_type t
                             WHERE t.project_id = e.project_id AND t.key = a.type_key AND t.category = 'virksomhedsrettet')))) AS "companyOriented",
            coalesce((SELECT (pl.data -> 'cvOnJobnet') = 'true'::jsonb
                               AND coalesce(pl.data -> 'abcStrategy' ->> 'a', '') <> ''
                               AND coalesce(pl.data -> 'abcStrategy' ->> 'b', '') <> ''
                               AND coalesce(pl.data -> 'abcStrategy' ->> 'c', '') <> ''
                      FROM casework_plan pl WHERE pl.participant_id = e.participant_id), false) AS "cvAbc"
     FROM enrolment e JOIN participant p ON p.id = e.participant_id JOIN municipality m ON m.code = p.municipality_code
     WHERE e.enrolled_on <= $1::date ${scope === 'all' ? '' : 'AND e.project_id = $4'}
     ORDER BY e.id`,
      params,
    )
  ).rows;
}
