/** The agency's national aggregate of enrolments: counts per municipality and visitation, never a person. */
import { sqlOf, type Sql } from '../sql.ts';

export interface VisitationCount {
  name: string;
  visitation: string;
  n: number;
}

/** Enrolments up to the end of `month` (YYYY-MM) by municipality name and visitation group, all municipalities. */
export async function enrolmentsByMunicipalityAndVisitation(tx: Sql, month: string): Promise<VisitationCount[]> {
  return (
    await sqlOf(tx).query<VisitationCount>(
      `SELECT m.name, e.visitation, count(*)::int AS n FROM enrolment e JOIN participant p ON p.id = e.participant_id
       JOIN municipality m ON m.code = p.municipality_code
       WHERE e.enrolled_on < (to_date($1, 'YYYY-MM') + interval '1 month')
       GROUP BY m.name, e.visitation`,
      [month],
    )
  ).rows;
}

/** Municipality names by code (reference data). */
export async function municipalityNames(tx: Sql): Promise<Map<string, string>> {
  return new Map(
    (await sqlOf(tx).query<{ code: string; name: string }>('SELECT code, name FROM municipality')).rows.map((r) => [r.code.trim(), r.name]),
  );
}
