/**
 * Demo Danish tuition (issue 14 build 4) for the women of the current (2025–2027) demo projects,
 * where Slagelse's measures ("møder stabilt til danskundervisning", "består danskuddannelse")
 * can be followed month by month. About seven in ten women are taught Danish: one running module
 * (DU1–DU3, module 1–4) at the municipality's sprogcenter from a week after enrolment; her
 * attendance each month from then to the last complete month (steady for about three in five of
 * them, 80–100 %, otherwise 35–95 %); a module test four months in (most passed with a grade,
 * some failed), Prøve i Dansk 2 for some DU2 women; a sprogmakker for about one in four.
 * Stable across seedings and days (hashes of who she is, not of her random id): a woman's tuition
 * on a later day is the same up to the day before.
 */
import { sqlOf, type Sql } from '../sql.ts';

/** Who a synthetic woman is (participant `p`), as stable as the demo generator's data: what the hashes are of. */
export const WHO = (p: string) => `concat_ws('|', ${p}.municipality_code, ${p}.birth_date, ${p}.last_name, ${p}.first_name)`;

const TAUGHT = `
  SELECT DISTINCT ON (e.participant_id) e.participant_id AS pid, e.municipality_code AS m, e.enrolled_on AS enrolled, e.exited_on AS exited,
         e.caseworker_id AS by, abs(hashtext(${WHO('w')} || 'dansk')) AS h, mu.name AS place
  FROM enrolment e JOIN project p ON p.id = e.project_id JOIN municipality mu ON mu.code = e.municipality_code JOIN participant w ON w.id = e.participant_id
  WHERE p.key LIKE '%-2025' AND e.enrolled_on + 7 < $1::date AND (e.exited_on IS NULL OR e.exited_on >= e.enrolled_on + 7) AND abs(hashtext(${WHO('w')} || 'dansk')) % 10 < 7
  ORDER BY e.participant_id, e.enrolled_on DESC`;

export async function seedDemoDanish(tx: Sql, today: string): Promise<{ courses: number; months: number; tests: number; buddies: number }> {
  const q = sqlOf(tx);
  const courses = await q.query(
    `INSERT INTO danish_course (participant_id, municipality_code, education, module, provider, start_date, end_date, created_by)
     SELECT pid, m, (ARRAY['du1', 'du2', 'du3'])[1 + h % 3], 1 + (h / 3) % 4, 'Sprogcenter ' || place, enrolled + 7, exited, by
     FROM (${TAUGHT}) t
     WHERE NOT EXISTS (SELECT 1 FROM danish_course c WHERE c.participant_id = t.pid)`,
    [today],
  );
  // Each month from the module's start to the last complete month (and not after she left).
  const months = await q.query(
    `INSERT INTO danish_attendance (participant_id, municipality_code, month, percent, created_by)
     SELECT c.participant_id, c.municipality_code, d::date,
            CASE WHEN abs(hashtext(${WHO('w')} || 'stabil')) % 5 < 3
                 THEN 80 + abs(hashtext(${WHO('w')} || d::text)) % 21
                 ELSE 35 + abs(hashtext(${WHO('w')} || d::text)) % 61 END,
            c.created_by
     FROM danish_course c JOIN participant w ON w.id = c.participant_id
     CROSS JOIN LATERAL generate_series(date_trunc('month', c.start_date), least(date_trunc('month', $1::date) - interval '1 month',
       date_trunc('month', coalesce(c.end_date, $1::date))), interval '1 month') AS d
     ON CONFLICT (participant_id, month) DO NOTHING`,
    [today],
  );
  const modul = await q.query(
    `INSERT INTO danish_test (participant_id, municipality_code, kind, module, taken_on, outcome, result, created_by)
     SELECT c.participant_id, c.municipality_code, 'modultest', c.module, c.start_date + 120,
            CASE WHEN x.v < 75 THEN 'bestaaet' ELSE 'ikke_bestaaet' END,
            CASE WHEN x.v < 75 THEN (ARRAY['02', '4', '7', '7', '10', '12'])[1 + x.v % 6] END, c.created_by
     FROM danish_course c JOIN participant w ON w.id = c.participant_id CROSS JOIN LATERAL (SELECT abs(hashtext(${WHO('w')} || 'modultest')) % 100 AS v) x
     WHERE c.start_date + 120 < $1::date AND (c.end_date IS NULL OR c.end_date >= c.start_date + 120)
       AND NOT EXISTS (SELECT 1 FROM danish_test t WHERE t.participant_id = c.participant_id)`,
    [today],
  );
  const pd = await q.query(
    `INSERT INTO danish_test (participant_id, municipality_code, kind, module, taken_on, outcome, result, created_by)
     SELECT c.participant_id, c.municipality_code, 'pd2', NULL, c.start_date + 200, 'bestaaet', '7', c.created_by
     FROM danish_course c JOIN participant w ON w.id = c.participant_id
     WHERE c.education = 'du2' AND abs(hashtext(${WHO('w')} || 'pd2')) % 3 = 0 AND c.start_date + 200 < $1::date
       AND (c.end_date IS NULL OR c.end_date >= c.start_date + 200)
       AND NOT EXISTS (SELECT 1 FROM danish_test t WHERE t.participant_id = c.participant_id AND t.kind = 'pd2')`,
    [today],
  );
  const buddies = await q.query(
    `INSERT INTO danish_buddy (participant_id, municipality_code, from_date, buddy_name, created_by)
     SELECT c.participant_id, c.municipality_code, c.start_date + 30,
            (ARRAY['Mette Hansen', 'Lone Kristensen', 'Birgitte Møller', 'Hanne Poulsen', 'Susanne Lund'])[1 + abs(hashtext(${WHO('w')} || 'navn')) % 5],
            c.created_by
     FROM danish_course c JOIN participant w ON w.id = c.participant_id
     WHERE abs(hashtext(${WHO('w')} || 'makker')) % 4 = 0 AND c.start_date + 30 < $1::date
       AND NOT EXISTS (SELECT 1 FROM danish_buddy b WHERE b.participant_id = c.participant_id)`,
    [today],
  );
  return { courses: courses.rowCount, months: months.rowCount, tests: modul.rowCount + pd.rowCount, buddies: buddies.rowCount };
}
