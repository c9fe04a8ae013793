/** The demo family situations' reads and writes (app/casework/seed-demo-family.ts decides what to write). */
import type { FamilySituation } from '../../domain/family.ts';
import { sqlOf, type Sql } from '../sql.ts';

export interface DemoWoman {
  id: string;
  mun: string;
  enrolledOn: string;
  exitedOn: string | null;
  birthDate: string;
  country: string | null;
  cw: number | null;
}

/** The synthetic women without a family situation yet, at their latest enrolment (in no particular order). */
export async function demoWomenWithoutFamily(tx: Sql): Promise<DemoWoman[]> {
  return (
    await sqlOf(tx).query<DemoWoman>(
      `SELECT DISTINCT ON (p.id) p.id, p.municipality_code AS mun, to_char(e.enrolled_on, 'YYYY-MM-DD') AS "enrolledOn", to_char(e.exited_on, 'YYYY-MM-DD') AS "exitedOn",
            to_char(p.birth_date, 'YYYY-MM-DD') AS "birthDate", p.country_of_origin AS country, e.caseworker_id AS cw
     FROM participant p JOIN enrolment e ON e.participant_id = p.id
     WHERE p.synthetic AND NOT EXISTS (SELECT 1 FROM family_situation f WHERE f.participant_id = p.id)
     ORDER BY p.id, e.enrolled_on DESC`,
    )
  ).rows;
}

/** Family situations in one bulk insert. */
export async function insertDemoFamilySituations(
  tx: Sql,
  rows: { pid: string; mun: string; from: string; s: FamilySituation; by: number | null }[],
) {
  await sqlOf(tx).query(
    `INSERT INTO family_situation (participant_id, municipality_code, from_date, children_count, child_ages, childcare, partner_involvement, interpreter_needed, interpreter_language, created_by)
     SELECT p, m, f::date, n, a::smallint[], c, pa, i, l, b
     FROM unnest($1::uuid[], $2::text[], $3::text[], $4::int[], $5::text[], $6::text[], $7::text[], $8::bool[], $9::text[], $10::int[]) AS t(p, m, f, n, a, c, pa, i, l, b)`,
    [
      rows.map((r) => r.pid),
      rows.map((r) => r.mun),
      rows.map((r) => r.from),
      rows.map((r) => r.s.childrenCount),
      rows.map((r) => `{${r.s.childAges.join(',')}}`),
      rows.map((r) => r.s.childcare),
      rows.map((r) => r.s.partnerInvolvement),
      rows.map((r) => r.s.interpreterNeeded),
      rows.map((r) => r.s.interpreterLanguage),
      rows.map((r) => r.by),
    ],
  );
}
