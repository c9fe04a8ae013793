/**
 * Group sessions (issue 14 build 3) end to end: bad input refused in Danish; a repeating series
 * created (every 4 weeks until a date) and one session of it corrected alone; attendance per woman
 * recorded, changed and undone (each audited on her) and shown on her timeline; a woman outside
 * the roster and an unknown status refused; a session cancelled (reason required), closed to
 * attendance, left out of the rate, and taken back; another jobcentre sees none of it; the
 * attendance rate per kind on Styring equals a hand count. Each test reads only what it built: a
 * fresh municipality with its own caseworker, project leader, project and women, and a second one
 * as the other jobcentre (test/helpers/world.ts), not the demo data.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { todayInDenmark } from '../src/app/casework/today.ts';
import { sessionSteering } from '../src/app/group-sessions/group-sessions.ts';
import { loadActor } from '../src/db/users.ts';
import { addDays } from '../src/core/dates.ts';
import { backends } from './helpers/db.ts';
import { createMunicipality, type TestMunicipality } from './helpers/world.ts';
import { useTestServer } from './helpers/server.ts';
import { expectRejected, loginAs, type Session } from './helpers/http.ts';

const da = (iso: string) => `${iso.slice(8, 10)}-${iso.slice(5, 7)}-${iso.slice(0, 4)}`;

describe.each(backends())('group sessions on %s', (backend) => {
  const srv = useTestServer(backend);
  let s: Session;
  let pid = 0;
  let own: TestMunicipality;
  let other: TestMunicipality;
  const today = todayInDenmark();
  const count = async (sql: string, params: unknown[] = []) => (await srv.t.db.query<{ n: number }>(sql, params)).rows[0].n;
  const form = (o: Record<string, string> = {}) => ({
    kind: 'faellesmoede',
    title: '',
    projectId: String(pid),
    heldOn: da(addDays(today, -7)),
    startsAt: '13.00',
    endsAt: '15.00',
    place: 'Jobcentret, lokale 4',
    languages: 'arabisk, somali',
    note: '',
    repeatWeeks: '',
    repeatUntil: '',
    ...o,
  });

  beforeAll(async () => {
    own = await createMunicipality(srv.t.db, { women: 5 });
    other = await createMunicipality(srv.t.db, { women: 1 });
    s = await loginAs(srv.app, own.caseworker.username);
    pid = own.projectId;
  });

  it('refuses a bad session in Danish, keeps what was typed and stores nothing', async () => {
    const before = await count('SELECT count(*)::int AS n FROM group_session');
    const bad = await s.post('/grupper/ny', form({ kind: '', startsAt: '25.00', place: '', languages: 'arabisk, 123', repeatWeeks: '4' }));
    expectRejected(
      bad,
      'Vælg hvilken slags møde det er.',
      'Skriv starttidspunktet som tt.mm',
      'Angiv stedet.',
      'Skriv sprogene med bogstaver',
      'Angiv hvornår gentagelsen slutter.',
      'value="arabisk, 123"',
    );
    const backwards = await s.post(
      '/grupper/ny',
      form({ startsAt: '15.00', endsAt: '13.00', repeatWeeks: '4', repeatUntil: da(addDays(today, -14)) }),
    );
    expectRejected(backwards, 'Sluttidspunktet skal ligge efter starttidspunktet.', 'Gentagelsen skal slutte efter det første møde');
    const tooMany = await s.post('/grupper/ny', form({ repeatWeeks: '1', repeatUntil: da(addDays(today, 800)) }));
    expect(tooMany.body).toContain('En serie kan højst have 53 møder.');
    const foreign = await s.post('/grupper/ny', form({ projectId: String(other.projectId) }));
    expect(foreign.body).toContain('Vælg et af jobcentrets projekter.');
    expect(await count('SELECT count(*)::int AS n FROM group_session')).toBe(before);
  });

  it('creates a series every 4 weeks until a date, and corrects one session of it alone', async () => {
    const first = addDays(today, 3);
    const res = await s.post(
      '/grupper/ny',
      form({
        kind: 'kvindecafe',
        title: 'Serietest',
        heldOn: da(first),
        startsAt: '9.30',
        endsAt: '11',
        repeatWeeks: '4',
        repeatUntil: da(addDays(first, 12 * 7)),
      }),
    );
    expect(res.statusCode).toBe(303);
    const rows = (
      await srv.t.db.query<{ id: string; held: string; series: string; starts: string; langs: string[] }>(
        `SELECT id, to_char(held_on, 'YYYY-MM-DD') AS held, series_id AS series, to_char(starts_at, 'HH24:MI') AS starts, interpreter_languages AS langs
       FROM group_session WHERE title = 'Serietest' ORDER BY held_on`,
      )
    ).rows;
    expect(rows.map((r) => r.held)).toEqual([0, 4, 8, 12].map((w) => addDays(first, w * 7)));
    expect(new Set(rows.map((r) => r.series)).size).toBe(1);
    expect(rows[0].series).not.toBeNull();
    expect(rows[0].starts).toBe('09:30');
    expect(rows[0].langs).toEqual(['arabisk', 'somali']);
    expect(res.headers.location).toBe(`/grupper/${rows[0].id}?gemt=serie`);
    const list = (await s.get('/grupper')).body;
    expect(list.match(/Kvindecafé: Serietest/g)?.length).toBe(4);

    // A session of a series asks which sessions the change is for, preselecting this one only.
    const editForm = await s.get(`/grupper/${rows[1].id}/ret`);
    expect(editForm.body).toMatch(/name="scope" value="kun_denne" checked/);
    expect(editForm.body).toContain('Hele serien');
    const noScope = await s.post(
      `/grupper/${rows[1].id}/ret`,
      form({ kind: 'kvindecafe', title: 'Serietest', heldOn: da(rows[1].held), place: 'Biblioteket', startsAt: '9.30', endsAt: '11' }),
    );
    expectRejected(noScope, 'Vælg, om ændringen gælder kun dette møde eller hele serien.', 'value="Biblioteket"');

    const edit = await s.post(
      `/grupper/${rows[1].id}/ret`,
      form({
        kind: 'kvindecafe',
        title: 'Serietest',
        heldOn: da(rows[1].held),
        place: 'Biblioteket',
        startsAt: '9.30',
        endsAt: '11',
        scope: 'kun_denne',
      }),
    );
    expect(edit.statusCode).toBe(303);
    const series = async () =>
      (
        await srv.t.db.query<{ id: string; held: string; place: string; starts: string; langs: string[] }>(
          `SELECT id, to_char(held_on, 'YYYY-MM-DD') AS held, place, to_char(starts_at, 'HH24:MI') AS starts, interpreter_languages AS langs
       FROM group_session WHERE series_id = $1 ORDER BY held_on`,
          [rows[0].series],
        )
      ).rows;
    expect((await series()).map((r) => r.place)).toEqual([
      'Jobcentret, lokale 4',
      'Biblioteket',
      'Jobcentret, lokale 4',
      'Jobcentret, lokale 4',
    ]);

    // "Hele serien": the date-independent fields change on every session; only this one's date moves.
    const moved = addDays(rows[2].held, 1);
    const whole = await s.post(
      `/grupper/${rows[2].id}/ret`,
      form({
        kind: 'kvindecafe',
        title: 'Serietest',
        heldOn: da(moved),
        place: 'Medborgerhuset',
        startsAt: '10',
        endsAt: '12',
        languages: 'arabisk, dari',
        scope: 'hele_serien',
      }),
    );
    expect(whole.statusCode).toBe(303);
    expect(whole.headers.location).toBe(`/grupper/${rows[2].id}?gemt=serie-rettet`);
    const after = await series();
    expect(after.map((r) => r.held)).toEqual([rows[0].held, rows[1].held, moved, rows[3].held]);
    expect(after.map((r) => r.place)).toEqual(['Medborgerhuset', 'Medborgerhuset', 'Medborgerhuset', 'Medborgerhuset']);
    expect(after.map((r) => r.starts)).toEqual(['10:00', '10:00', '10:00', '10:00']);
    expect(after.every((r) => r.langs.join(',') === 'arabisk,dari')).toBe(true);
    const audit = (
      await srv.t.db.query<{ detail: { scope: string; alsoChanged: string[] } }>(
        `SELECT detail FROM audit_log WHERE entity = 'gruppemoede' AND action = 'ret' ORDER BY id DESC LIMIT 1`,
      )
    ).rows[0].detail;
    expect(audit.scope).toBe('hele_serien');
    expect(audit.alsoChanged.sort()).toEqual([rows[0].id, rows[1].id, rows[3].id].sort());
    // A session outside any series has no such choice and needs none.
    const single = await s.post('/grupper/ny', form({ title: 'Enkeltmøde' }));
    const sid = /\/grupper\/([0-9a-f-]{36})/.exec(String(single.headers.location))![1];
    expect((await s.get(`/grupper/${sid}/ret`)).body).not.toContain('name="scope"');
    expect((await s.post(`/grupper/${sid}/ret`, form({ title: 'Enkeltmøde', place: 'Biblioteket' }))).statusCode).toBe(303);
  });

  it('records, changes and undoes attendance per woman, audited on her, shown on her timeline; refuses strangers and unknown answers', async () => {
    const res = await s.post('/grupper/ny', form({ title: 'Fremmødetest' }));
    expect(res.statusCode).toBe(303);
    const sid = /\/grupper\/([0-9a-f-]{36})/.exec(res.headers.location as string)![1];
    const page = await s.get(`/grupper/${sid}`);
    expect(page.statusCode).toBe(200);
    const roster = [...page.body.matchAll(/name="a_([0-9a-f-]{36})"/g)].map((m) => m[1]);
    expect(roster.length).toBeGreaterThan(3);
    // The roster is the women enrolled in the project on the session's day.
    const day = addDays(today, -7);
    const hand = (
      await srv.t.db.query<{ id: string }>(
        `SELECT DISTINCT participant_id AS id FROM enrolment WHERE project_id = $1 AND enrolled_on <= $2 AND (exited_on IS NULL OR exited_on >= $2)`,
        [pid, day],
      )
    ).rows.map((r) => r.id);
    expect([...roster].sort()).toEqual([...hand].sort());
    const [a, b, c] = roster;

    expect(roster).toHaveLength(own.women.length);
    const stranger = await s.post(`/grupper/${sid}/fremmoede`, { [`a_${a}`]: 'moedt', [`a_${other.women[0].id}`]: 'moedt' });
    expectRejected(stranger, 'Fremmøde kan kun registreres for kvinder i projektet på mødets dato.');
    const unknown = await s.post(`/grupper/${sid}/fremmoede`, { [`a_${a}`]: 'moedt', [`a_${b}`]: 'maaske' });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.body).toMatch(/Vælg mødt, afbud eller udeblevet for /);
    expect(await count('SELECT count(*)::int AS n FROM group_session_attendance WHERE session_id = $1', [sid])).toBe(0);

    expect(
      (await s.post(`/grupper/${sid}/fremmoede`, { [`a_${a}`]: 'moedt', [`a_${b}`]: 'afbud', [`a_${c}`]: 'udeblevet' })).statusCode,
    ).toBe(303);
    const statuses = async () =>
      Object.fromEntries(
        (
          await srv.t.db.query<{ p: string; st: string }>(
            'SELECT participant_id AS p, status AS st FROM group_session_attendance WHERE session_id = $1',
            [sid],
          )
        ).rows.map((r) => [r.p, r.st]),
      );
    expect(await statuses()).toEqual({ [a]: 'moedt', [b]: 'afbud', [c]: 'udeblevet' });
    expect(
      await count(
        `SELECT count(*)::int AS n FROM audit_log WHERE entity = 'gruppemoede_fremmoede' AND action = 'opret' AND participant_id = ANY ($1::uuid[])`,
        [[a, b, c]],
      ),
    ).toBe(3);
    const timeline = (await s.get(`/deltagere/${a}/tidslinje`)).body;
    expect(timeline).toMatch(
      /<strong>Fællesmøde: mødt<\/strong><br><span class="meta">Fremmødetest · kl\. 13\.00 · Jobcentret, lokale 4<\/span>/,
    );

    // Change one, undo one; only the changes are written.
    expect((await s.post(`/grupper/${sid}/fremmoede`, { [`a_${a}`]: 'afbud', [`a_${b}`]: 'afbud', [`a_${c}`]: '' })).statusCode).toBe(303);
    expect(await statuses()).toEqual({ [a]: 'afbud', [b]: 'afbud' });
    expect(
      await count(
        `SELECT count(*)::int AS n FROM audit_log WHERE entity = 'gruppemoede_fremmoede' AND action IN ('ret', 'slet') AND participant_id = ANY ($1::uuid[])`,
        [[a, b, c]],
      ),
    ).toBe(2);
    expect((await s.get(`/deltagere/${a}/tidslinje`)).body).toContain('Fællesmøde: afbud');
  });

  it('cancels a session with a reason, closes it to attendance, leaves it out of the rate, and takes the cancellation back', async () => {
    const sid = (await srv.t.db.query<{ id: string }>(`SELECT id FROM group_session WHERE title = 'Fremmødetest'`)).rows[0].id;
    const actor = (await loadActor(srv.t.db, own.leader.id, '127.0.0.1'))!;
    const rate = async () => (await sessionSteering(srv.t.db, actor, pid, today)).find((r) => r.kind === 'faellesmoede')!;
    const held = await rate();
    const noReason = await s.post(`/grupper/${sid}/aflys`, { reason: ' ' });
    expectRejected(noReason, 'Skriv hvorfor mødet er aflyst.');
    expect((await s.post(`/grupper/${sid}/aflys`, { reason: 'Tolken blev syg.' })).statusCode).toBe(303);
    expect((await s.get(`/grupper/${sid}`)).body).toContain('Mødet er aflyst');
    const closed = await s.post(`/grupper/${sid}/fremmoede`, {});
    expectRejected(closed, 'Mødet er aflyst. Genoptag det for at registrere fremmøde.');
    const cancelled = await rate();
    expect(cancelled.sessions).toBe(held.sessions - 1);
    expect(cancelled.registered).toBe(held.registered - 2);
    expect((await s.post(`/grupper/${sid}/genoptag`, {})).statusCode).toBe(303);
    expect(await rate()).toEqual(held);
  });

  it('is closed to another jobcentre', async () => {
    const sid = (await srv.t.db.query<{ id: string }>(`SELECT id FROM group_session WHERE title = 'Fremmødetest'`)).rows[0].id;
    const stranger = await loginAs(srv.app, other.caseworker.username);
    expect((await stranger.get(`/grupper/${sid}`)).statusCode).toBe(404);
    expect((await stranger.post(`/grupper/${sid}/aflys`, { reason: 'Forsøg' })).statusCode).toBe(404);
    expect((await stranger.post(`/grupper/${sid}/ret`, form())).statusCode).toBe(404);
    expect((await stranger.get('/grupper')).body).not.toContain('Fremmødetest');
    expect(await count(`SELECT count(*)::int AS n FROM group_session WHERE id = $1 AND cancelled_on IS NOT NULL`, [sid])).toBe(0);
  });

  it('shows the attendance rate per kind on Styring as a hand count does', async () => {
    // One held session of every kind, with attendance recorded for every woman of the roster.
    const answers = ['moedt', 'afbud', 'udeblevet', 'moedt', 'moedt'];
    for (const [k, kind] of ['kvindecafe', 'faellesmoede', 'kickstart', 'informationsmoede', 'partnere'].entries()) {
      const res = await s.post('/grupper/ny', form({ kind, title: `Fremmøderate ${kind}`, heldOn: da(addDays(today, -2 - k)) }));
      const sid = /\/grupper\/([0-9a-f-]{36})/.exec(res.headers.location as string)![1];
      const roster = [...(await s.get(`/grupper/${sid}`)).body.matchAll(/name="a_([0-9a-f-]{36})"/g)].map((m) => m[1]);
      const marks = Object.fromEntries(roster.map((w, i) => [`a_${w}`, answers[(i + k) % answers.length]]));
      expect((await s.post(`/grupper/${sid}/fremmoede`, marks)).statusCode).toBe(303);
    }
    const actor = (await loadActor(srv.t.db, own.leader.id, '127.0.0.1'))!;
    const rates = await sessionSteering(srv.t.db, actor, pid, today);
    const hand = (
      await srv.t.db.query<{ kind: string; sessions: number; registered: number; attended: number; excused: number; absent: number }>(
        `SELECT s.kind, count(DISTINCT s.id)::int AS sessions, count(a.id)::int AS registered,
              count(a.id) FILTER (WHERE a.status = 'moedt')::int AS attended, count(a.id) FILTER (WHERE a.status = 'afbud')::int AS excused,
              count(a.id) FILTER (WHERE a.status = 'udeblevet')::int AS absent
       FROM group_session s LEFT JOIN group_session_attendance a ON a.session_id = s.id
       WHERE s.project_id = $1 AND s.held_on <= $2 AND s.cancelled_on IS NULL GROUP BY s.kind`,
        [pid, today],
      )
    ).rows;
    for (const h of hand) {
      const r = rates.find((x) => x.kind === h.kind)!;
      expect({
        kind: r.kind,
        sessions: r.sessions,
        registered: r.registered,
        attended: r.attended,
        excused: r.excused,
        absent: r.absent,
      }).toEqual(h);
      expect(r.rate).toBeCloseTo(h.attended / h.registered, 10);
    }
    expect(hand.length).toBe(5);
    expect(hand.every((h) => h.registered > 0)).toBe(true);
    const pl = await loginAs(srv.app, own.leader.username);
    // Styring counts the sessions held by the end of its month: this month, so every kind is held by then (the
    // default month follows the register data).
    const styring = await pl.get(`/styring?projekt=${pid}&maaned=${today.slice(0, 7)}`);
    expect(styring.statusCode).toBe(200);
    expect(styring.body).toContain('Gruppemøder og fremmøde');
    expect(styring.body).toContain('Møde for partnere og mænd');
  });
});
