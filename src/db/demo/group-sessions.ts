/**
 * Demo group sessions (issue 14 build 3), per demo project: a kvindecafé every 4 weeks and a
 * fællesmøde with interpreters every 4 weeks (over five months and two beyond), a
 * kick-start team, an informationsmøde and a session for partners; one fællesmøde cancelled.
 * Attendance at the held sessions for the women enrolled on the day (at the kvindecafé about half
 * of them): mostly mødt, some afbud and udeblevet, by a hash of who she is, so it is the same on every seeding.
 */
import { sqlOf, type Sql } from '../sql.ts';
import { WHO } from './danish.ts';

export async function seedDemoSessions(tx: Sql, today: string): Promise<{ sessions: number; attendance: number }> {
  const q = sqlOf(tx);
  // Two windows per project: the last five months of its period (what Styring's month shows) and
  // from five months ago to two months ahead (what a caseworker sees today); one when they meet.
  const sessions = await q.query(
    `WITH p AS (
       SELECT DISTINCT pr.id, (SELECT min(pm.municipality_code) FROM project_municipality pm WHERE pm.project_id = pr.id) AS m,
              (SELECT u.id FROM app_user u WHERE u.username = 'projektleder.' || pr.key) AS by, a.anchor
       FROM project pr CROSS JOIN LATERAL (VALUES (least(pr.end_date, $1::date)), ($1::date)) AS a(anchor)
       WHERE EXISTS (SELECT 1 FROM project_municipality pm WHERE pm.project_id = pr.id)
     ), plan (kind, title, after, weeks, starts, ends, place, langs) AS (VALUES
       ('kvindecafe', 'Kvindecafé i beboerhuset', 0, 4, '10:00'::time, '12:00'::time, 'Beboerhuset, Søndergade 12', '{}'::text[]),
       ('faellesmoede', 'Fællesmøde med tolk', 14, 4, '13:00', '15:00', 'Jobcentret, mødelokale 2', '{arabisk,somali,tigrinya}'),
       ('kickstart', 'Kick-start-team: første uge', 30, 0, '09:00', '14:00', 'Jobcentret, kursuslokalet', '{arabisk}'),
       ('informationsmoede', 'Sådan virker projektet', 45, 0, '16:00', '17:30', 'Biblioteket, salen', '{arabisk,somali}'),
       ('partnere', 'Aften for partnere og mænd', 90, 0, '18:00', '20:00', 'Beboerhuset, Søndergade 12', '{arabisk,dari}')
     )
     INSERT INTO group_session (project_id, municipality_code, series_id, kind, title, held_on, starts_at, ends_at, place, interpreter_languages, created_by)
     SELECT p.id, p.m, CASE WHEN plan.weeks > 0 THEN md5(p.id::text || plan.kind || p.anchor::text)::uuid END, plan.kind, plan.title, d::date,
            plan.starts, plan.ends, plan.place, plan.langs, p.by
     FROM p CROSS JOIN plan
     CROSS JOIN LATERAL generate_series(p.anchor - 150 + plan.after, CASE WHEN plan.weeks > 0 THEN p.anchor + 60 ELSE p.anchor - 150 + plan.after END,
       make_interval(weeks => greatest(plan.weeks, 1))) AS d
     WHERE NOT EXISTS (SELECT 1 FROM group_session x WHERE x.project_id = p.id)`,
    [today],
  );
  // One fællesmøde (the third) was cancelled.
  await q.query(
    `UPDATE group_session s SET cancelled_on = s.held_on - 2, cancel_reason = 'Tolken meldte afbud.'
     FROM (SELECT id, row_number() OVER (PARTITION BY project_id ORDER BY held_on) AS n FROM group_session WHERE kind = 'faellesmoede') x
     WHERE x.id = s.id AND x.n = 3`,
  );
  const attendance = await q.query(
    `INSERT INTO group_session_attendance (session_id, participant_id, municipality_code, status, created_by)
     SELECT s.id, e.participant_id, e.municipality_code,
            CASE WHEN h.v < 72 THEN 'moedt' WHEN h.v < 86 THEN 'afbud' ELSE 'udeblevet' END, s.created_by
     FROM group_session s
     JOIN enrolment e ON e.project_id = s.project_id AND e.enrolled_on <= s.held_on AND (e.exited_on IS NULL OR e.exited_on >= s.held_on)
     JOIN participant w ON w.id = e.participant_id
     CROSS JOIN LATERAL (SELECT abs(hashtext(${WHO('w')} || s.held_on::text || s.kind)) % 100 AS v) h
     WHERE s.held_on < $1::date AND s.cancelled_on IS NULL
       AND (s.kind <> 'kvindecafe' OR abs(hashtext(${WHO('w')} || s.held_on::text || 'cafe')) % 2 = 0)
     ON CONFLICT (session_id, participant_id) DO NOTHING`,
    [today],
  );
  return { sessions: sessions.rowCount, attendance: attendance.rowCount };
}
