/**
 * Danish tuition (issue 14 build 4) end to end: bad input refused in Danish with nothing stored
 * (attendance outside 0–100 %, a month in the future, a passed test without its result, a module
 * test without its module, a course without provider, a sprogmakker "ja" without a name, a month
 * recorded twice); a course, attendance, a test and a sprogmakker recorded, shown in her section
 * and on her timeline, corrected and deleted after confirming, each audited on her; another
 * jobcentre sees and changes none of it; the project's threshold setting; and the two goal
 * measures on Styring equal a hand count of the demo data in independent SQL.
 *
 * The records are written for a fresh municipality's woman without tuition (test/helpers/world.ts);
 * "another jobcentre" is a second fresh municipality. The goal measures are counted over the demo's
 * Aalborg project (its goals and attendance are the data they are counted from).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { todayInDenmark } from '../src/app/casework/today.ts';
import { addDays, addMonths } from '../src/core/dates.ts';
import { backends } from './helpers/db.ts';
import { useTestServer } from './helpers/server.ts';
import { expectRejected, loginAs, type Session } from './helpers/http.ts';
import { createMunicipality } from './helpers/world.ts';

const da = (iso: string) => `${iso.slice(8, 10)}-${iso.slice(5, 7)}-${iso.slice(0, 4)}`;
const mmyyyy = (iso: string) => `${iso.slice(5, 7)}-${iso.slice(0, 4)}`;

describe.each(backends())('Danish tuition on %s', (backend) => {
  const srv = useTestServer(backend);
  let s: Session;
  let other: Session;
  let her = '';
  const today = todayInDenmark();
  const lastMonth = addMonths(`${today.slice(0, 7)}-01`, -1);
  const count = async (sql: string, params: unknown[] = []) => (await srv.t.db.query<{ n: number }>(sql, params)).rows[0].n;
  const rows = async () =>
    count(
      `SELECT ((SELECT count(*) FROM danish_course WHERE participant_id = $1) + (SELECT count(*) FROM danish_attendance WHERE participant_id = $1)
      + (SELECT count(*) FROM danish_test WHERE participant_id = $1) + (SELECT count(*) FROM danish_buddy WHERE participant_id = $1))::int AS n`,
      [her],
    );
  const audits = async (entity: string, action: string) =>
    count('SELECT count(*)::int AS n FROM audit_log WHERE entity = $1 AND action = $2 AND participant_id = $3', [entity, action, her]);

  beforeAll(async () => {
    // A fresh municipality's woman: no tuition recorded (so the counts below are hers alone).
    const m = await createMunicipality(srv.t.db, { women: 1 });
    const elsewhere = await createMunicipality(srv.t.db, { women: 1 });
    s = await loginAs(srv.app, m.caseworker.username);
    other = await loginAs(srv.app, elsewhere.caseworker.username);
    her = m.women[0].id;
  });

  it('refuses bad input in Danish, keeps what was typed and stores nothing', async () => {
    const base = `/deltagere/${her}/dansk`;
    const before = await rows();
    const att = await s.post(`${base}/fremmoede`, { month: mmyyyy(addMonths(today, 2)), percent: '140' });
    expectRejected(att, 'Måneden ligger i fremtiden.', 'Fremmødet skal være mellem 0 og 100 %.', 'value="140"');
    const neg = await s.post(`${base}/fremmoede`, { month: '13-2025', percent: 'tres' });
    expect(neg.body).toContain('Skriv måneden som mm-åååå, fx 03-2026.');
    expect(neg.body).toContain('Angiv fremmødet i procent som et helt tal fra 0 til 100.');
    const test = await s.post(`${base}/proever`, {
      kind: 'modultest',
      module: '',
      takenOn: da(addDays(today, -3)),
      outcome: 'bestaaet',
      result: '',
    });
    expectRejected(test, 'Skriv resultatet (karakter eller point), når prøven er bestået.', 'Vælg hvilket modul modultesten gjaldt.');
    const future = await s.post(`${base}/proever`, { kind: 'pd2', takenOn: da(addDays(today, 10)), outcome: 'ikke_bestaaet', result: '' });
    expect(future.body).toContain('En prøve med resultat kan ikke ligge i fremtiden.');
    const course = await s.post(`${base}/kurser`, { education: 'du4', module: '7', provider: ' ', startDate: '31-02-2026', endDate: '' });
    expectRejected(
      course,
      'Vælg danskuddannelse (DU1, DU2 eller DU3).',
      'Vælg et modul fra 1 til 6.',
      'Skriv sprogcentret eller udbyderen.',
      '31. februar 2026 findes ikke.',
    );
    const backwards = await s.post(`${base}/kurser`, {
      education: 'du2',
      module: '3',
      provider: 'Sprogcenter Aalborg',
      startDate: da(today),
      endDate: da(addDays(today, -1)),
    });
    expect(backwards.body).toContain('Slutdatoen kan ikke ligge før startdatoen.');
    const buddy = await s.post(`${base}/sprogmakker`, { fromDate: da(today), hasBuddy: 'ja', buddyName: '' });
    expectRejected(buddy, 'Skriv sprogmakkerens navn.');
    expect(await rows()).toBe(before);
  });

  it('records course, attendance, test and sprogmakker; shows them in her section and timeline; audits each', async () => {
    const base = `/deltagere/${her}/dansk`;
    const ok = async (path: string, form: Record<string, string>) => {
      const r = await s.post(`${base}/${path}`, form);
      expect(r.statusCode, r.body.slice(0, 2000)).toBe(303);
      expect(r.headers.location).toBe(`/deltagere/${her}/dansk?gemt=dansk`);
    };
    await ok('kurser', {
      education: 'du2',
      module: '3',
      provider: 'Sprogcenter Aalborg',
      startDate: da(addDays(today, -100)),
      endDate: '',
    });
    await ok('fremmoede', { month: mmyyyy(lastMonth), percent: '85' });
    await ok('fremmoede', {
      month: `${Number(addMonths(lastMonth, -1).slice(5, 7))}-${addMonths(lastMonth, -1).slice(0, 4)}`,
      percent: '0',
    });
    await ok('proever', { kind: 'modultest', module: '3', takenOn: da(addDays(today, -5)), outcome: 'bestaaet', result: '10' });
    await ok('sprogmakker', { fromDate: da(addDays(today, -20)), hasBuddy: 'ja', buddyName: 'Karen Sprogmakker' });
    // The same month twice is refused (one figure per month).
    const twice = await s.post(`${base}/fremmoede`, { month: mmyyyy(lastMonth), percent: '50' });
    expectRejected(twice, 'er allerede registreret. Ret det i stedet.');

    const stored = (
      await srv.t.db.query<{ month: string; percent: number }>(
        `SELECT to_char(month, 'YYYY-MM') AS month, percent FROM danish_attendance WHERE participant_id = $1 ORDER BY month`,
        [her],
      )
    ).rows;
    expect(stored).toEqual([
      { month: addMonths(lastMonth, -1).slice(0, 7), percent: 0 },
      { month: lastMonth.slice(0, 7), percent: 85 },
    ]);
    const page = (await s.get(`/deltagere/${her}/dansk?gemt=dansk`)).body;
    expect(page).toContain('Danskundervisningen er opdateret.');
    const section = page.slice(page.indexOf('data-testid="danish-section"'));
    // One heading for the section ("Dansk", as in the menu), its parts one level below it.
    const body = page.slice(page.indexOf('data-testid="section-body"'));
    expect([...body.matchAll(/<h2[^>]*>([^<]*)<\/h2>/g)].map((m) => m[1])).toEqual(['Dansk']);
    expect([...section.matchAll(/<h3[^>]*>([^<]*)<\/h3>/g)].map((m) => m[1])).toEqual([
      'Danskuddannelse',
      'Fremmøde pr. måned',
      'Prøver',
      'Sprogmakker',
    ]);
    expect(page).not.toContain('>Danskundervisning</h');
    expect(section).toContain('Danskuddannelse 2');
    expect(section).toContain('Sprogcenter Aalborg');
    expect(section).toMatch(/<td class="text-right">85 %<\/td>/);
    expect(section).toContain('Modultest, modul 3');
    expect(section).toMatch(/Sprogmakker i dag:<\/strong> Karen Sprogmakker/);
    const tl = (await s.get(`/deltagere/${her}/tidslinje`)).body;
    expect(tl).toContain('data-testid="timeline"');
    const timeline = tl.slice(tl.indexOf('data-testid="timeline"'));
    expect(timeline).toContain('Dansk: modultest, modul 3 – bestået');
    expect(timeline).toContain('Resultat: 10');
    expect(timeline).toContain('Dansk: Danskuddannelse 2, modul 3');
    expect(timeline).toMatch(/Fremmøde til dansk i [a-z]+ \d{4}: 85 %/);
    expect(timeline).toContain('Sprogmakker: Karen Sprogmakker');
    for (const e of ['danskkursus', 'danskproeve', 'sprogmakker']) expect(await audits(e, 'opret')).toBe(1);
    expect(await audits('danskfremmoede', 'opret')).toBe(2);
    expect(await audits('dansk', 'vis')).toBeGreaterThan(0);
    // The sprogmakker's name (a third person) is not written to the audit log.
    const detail = (
      await srv.t.db.query<{ d: string }>(`SELECT detail::text AS d FROM audit_log WHERE entity = 'sprogmakker' AND participant_id = $1`, [
        her,
      ])
    ).rows[0].d;
    expect(detail).not.toContain('Karen');
  });

  it('corrects and deletes after confirming, audited; "ingen sprogmakker" ends the arrangement', async () => {
    const base = `/deltagere/${her}/dansk`;
    const att = (await srv.t.db.query<{ id: string }>(`SELECT id FROM danish_attendance WHERE participant_id = $1 AND percent = 85`, [her]))
      .rows[0].id;
    const form = await s.get(`${base}/fremmoede/${att}`);
    expect(form.body).toContain(`value="${mmyyyy(lastMonth)}"`);
    expect(form.body).toContain('value="85"');
    expect((await s.post(`${base}/fremmoede/${att}`, { month: mmyyyy(lastMonth), percent: '101' })).statusCode).toBe(400);
    expect((await s.post(`${base}/fremmoede/${att}`, { month: mmyyyy(lastMonth), percent: '90' })).statusCode).toBe(303);
    expect(await count('SELECT percent AS n FROM danish_attendance WHERE id = $1', [att])).toBe(90);
    expect(await audits('danskfremmoede', 'ret')).toBe(1);

    const confirm = await s.get(`${base}/fremmoede/${att}/slet`);
    expect(confirm.body).toMatch(/Vil du slette <strong>fremmødet for [a-z]+ \d{4} \(90 %\)<\/strong>/);
    expect((await s.post(`${base}/fremmoede/${att}/slet`, {})).statusCode).toBe(303);
    expect(await count('SELECT count(*)::int AS n FROM danish_attendance WHERE id = $1', [att])).toBe(0);
    expect(await audits('danskfremmoede', 'slet')).toBe(1);

    expect((await s.post(`${base}/sprogmakker`, { fromDate: da(today), hasBuddy: 'nej', buddyName: 'ignored' })).statusCode).toBe(303);
    const names = (
      await srv.t.db.query<{ name: string | null }>(
        'SELECT buddy_name AS name FROM danish_buddy WHERE participant_id = $1 ORDER BY from_date',
        [her],
      )
    ).rows;
    expect(names).toEqual([{ name: 'Karen Sprogmakker' }, { name: null }]);
    expect((await s.get(`/deltagere/${her}/dansk`)).body).toMatch(/Sprogmakker i dag:<\/strong> Ingen/);
  });

  it('another jobcentre neither sees nor changes her tuition', async () => {
    const base = `/deltagere/${her}/dansk`;
    const before = await rows();
    const test = (await srv.t.db.query<{ id: string }>('SELECT id FROM danish_test WHERE participant_id = $1', [her])).rows[0].id;
    for (const url of [`${base}/kurser/ny`, `${base}/proever/${test}`, `${base}/proever/${test}/slet`])
      expect((await other.get(url)).statusCode).toBe(404);
    expect((await other.post(`${base}/fremmoede`, { month: mmyyyy(lastMonth), percent: '50' })).statusCode).toBe(404);
    expect(
      (await other.post(`${base}/proever/${test}`, { kind: 'pd1', takenOn: da(today), outcome: 'ikke_bestaaet', result: '' })).statusCode,
    ).toBe(404);
    expect((await other.post(`${base}/proever/${test}/slet`, {})).statusCode).toBe(404);
    expect(await rows()).toBe(before);
    // Her own caseworker gets a 404 for a record id that is not hers.
    expect((await s.get(`${base}/proever/00000000-0000-4000-8000-000000000000`)).statusCode).toBe(404);
  });

  it('evaluates "møder stabilt" and "bestået" on Styring equal to a hand count of the demo data, with the project threshold', async () => {
    const pl = await loginAs(srv.app, 'projektleder.aalborg');
    const pid = (await srv.t.db.query<{ id: number }>(`SELECT id FROM project WHERE key = 'aalborg-2025'`)).rows[0].id;
    const goals = (
      await srv.t.db.query<{ measure: string }>(
        `SELECT measure FROM project_goal WHERE project_id = $1 AND measure LIKE 'dansk%' ORDER BY measure`,
        [pid],
      )
    ).rows;
    expect(goals.map((g) => g.measure)).toEqual(['dansk_bestaaet', 'dansk_stabil']);

    const cells = async (label: string) => {
      const body = (await pl.get(`/styring?projekt=${pid}`)).body;
      const row = [...body.matchAll(/<tr>([\s\S]*?)<\/tr>/g)].map((m) => m[1]).find((r) => r.includes(label));
      expect(row, label).toBeDefined();
      return [...row!.matchAll(/<t[dh][^>]*>([\s\S]*?)<\/t[dh]>/g)].map((m) => m[1].replace(/<[^>]+>/g, '').trim());
    };
    // Columns: goal, measure, population, target, deadline, as of (YYYY-MM), result, denominator, share, status.
    const hand = async (asOf: string, threshold: number) => {
      const end = (
        await srv.t.db.query<{ d: string }>(
          `SELECT to_char((date_trunc('month', $1::date) + interval '1 month - 1 day')::date, 'YYYY-MM-DD') AS d`,
          [`${asOf}-01`],
        )
      ).rows[0].d;
      const stable = (
        await srv.t.db.query<{ count: number; denominator: number }>(
          `WITH women AS (SELECT DISTINCT participant_id FROM enrolment WHERE project_id = $1 AND enrolled_on <= $2::date),
              m AS (SELECT a.participant_id, a.percent, row_number() OVER (PARTITION BY a.participant_id ORDER BY a.month DESC) AS k
                    FROM danish_attendance a JOIN women w USING (participant_id) WHERE a.month <= date_trunc('month', $2::date))
         SELECT count(*) FILTER (WHERE n3 = 3 AND low3 >= $3)::int AS count, count(*)::int AS denominator
         FROM (SELECT participant_id, count(*) FILTER (WHERE k <= 3) AS n3, min(percent) FILTER (WHERE k <= 3) AS low3 FROM m GROUP BY participant_id) x`,
          [pid, end, threshold],
        )
      ).rows[0];
      const passed = (
        await srv.t.db.query<{ count: number; denominator: number }>(
          `WITH women AS (SELECT participant_id, min(enrolled_on) AS first FROM enrolment WHERE project_id = $1 AND enrolled_on <= $2::date GROUP BY participant_id)
         SELECT (SELECT count(DISTINCT t.participant_id) FROM danish_test t JOIN women w USING (participant_id)
                 WHERE t.outcome = 'bestaaet' AND t.taken_on <= $2::date AND t.taken_on >= w.first)::int AS count,
                (SELECT count(*) FROM women)::int AS denominator`,
          [pid, end],
        )
      ).rows[0];
      return { stable, passed };
    };
    const fmt = (n: number) => n.toLocaleString('da-DK');
    const stableRow = await cells('Møder stabilt til danskundervisning (sagsdata)');
    const passedRow = await cells('Bestået danskuddannelse eller modultest (sagsdata)');
    const asOf = stableRow[5];
    expect(asOf).toMatch(/^\d{4}-\d{2}$/);
    const h = await hand(asOf, 80);
    // The demo has both women who attend steadily and women who do not, and women who passed.
    expect(h.stable.count).toBeGreaterThan(0);
    expect(h.stable.count).toBeLessThan(h.stable.denominator);
    expect(h.passed.count).toBeGreaterThan(0);
    expect([stableRow[6], stableRow[7]]).toEqual([fmt(h.stable.count), fmt(h.stable.denominator)]);
    expect([passedRow[6], passedRow[7]]).toEqual([fmt(h.passed.count), fmt(h.passed.denominator)]);

    // The project leader lowers the threshold to 50 %; the measure follows, again equal to the hand count.
    const settings = (await pl.get(`/projekt/${pid}`)).body;
    expect(settings).toContain('Stabilt fremmøde til dansk: mindst (%) i hver af de seneste 3 måneder');
    const values = Object.fromEntries(
      [...settings.matchAll(/<input class="form-input[^"]*" id="[^"]+" name="([A-Za-z]+)" type="text"\s+value="([^"]*)"/g)].map((m) => [
        m[1],
        m[2],
      ]),
    );
    expect(values.danishAttendanceThreshold).toBe('80');
    expect((await pl.post(`/projekt/${pid}/opfoelgning`, { ...values, danishAttendanceThreshold: '101' })).statusCode).toBe(400);
    expect((await pl.post(`/projekt/${pid}/opfoelgning`, { ...values, danishAttendanceThreshold: '50' })).statusCode).toBe(303);
    const h50 = await hand(asOf, 50);
    expect(h50.stable.count).toBeGreaterThan(h.stable.count);
    const lowered = await cells('Møder stabilt til danskundervisning (sagsdata)');
    expect([lowered[6], lowered[7]]).toEqual([fmt(h50.stable.count), fmt(h50.stable.denominator)]);
  });
});
