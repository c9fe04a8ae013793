/**
 * A project's own progression instruments (issue 14 build 5): the project leader defines one
 * (name, scale, dimensions, a text per step) with Danish errors; a caseworker scores a woman on
 * it; editing a used version makes the next version while earlier scores keep their version and
 * texts; a retired version takes no new scores; distance travelled is computed within a version
 * only; everything audited, and another jobcentre sees none of it — on fresh municipalities of the
 * test's own (test/helpers/world.ts). The demo's progressionstrappe is counted wherever WHO-5 and
 * Fremdriftstrappen are — the half-yearly and final reports, the national view and its downloads, the
 * pseudonymised microdata — equal to a hand count in SQL (those two tests read the demo's own data).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { backends } from './helpers/db.ts';
import { loginAs } from './helpers/http.ts';
import { useTestServer } from './helpers/server.ts';
import { defaultMonths } from '../src/app/register/default-months.ts';
import { addDays, addMonths } from '../src/core/dates.ts';
import { loadNationalData } from '../src/app/steering/national-data.ts';
import { loadActor } from '../src/db/users.ts';
import { allTables } from '../src/reports/model.ts';
import { nationalReport } from '../src/reports/national-report.ts';
import { testDeps } from './helpers/db.ts';
import { fold, pdfText, xlsxCells } from './helpers/downloads.ts';
import { popplerAvailable } from './helpers/pdf.ts';
import { createMunicipality, type TestMunicipality } from './helpers/world.ts';

const csvOf = (body: string) => body.replace(/^\uFEFF/, '');
/** A caseworker's score of a woman on an instrument version: one answer per dimension, in order. */
const scoreOn = (
  cw: Awaited<ReturnType<typeof loginAs>>,
  woman: number | string,
  instrumentKey: string,
  date: string,
  ...answers: string[]
) =>
  cw.post(`/deltagere/${woman}/maalinger`, { instrumentKey, date, ...Object.fromEntries(answers.map((a, i) => [`answers.d${i + 1}`, a])) });
const STEPS_1_5 = (prefix: string) => [1, 2, 3, 4, 5].map((n) => `${prefix} trin ${n}`).join('\n');

describe.each(backends())('project instruments on %s', (backend) => {
  const s = useTestServer(backend);
  const pid = async (key: string) => (await s.t.db.query<{ id: number }>('SELECT id FROM project WHERE key = $1', [key])).rows[0].id;
  /** A fresh municipality whose two women (enrolled 6 January 2025) are in different visitation groups, and another jobcentre. */
  let m: TestMunicipality;
  let other: TestMunicipality;
  beforeAll(async () => {
    m = await createMunicipality(s.t.db, { women: 2, visitation: (i) => ['jobparat', 'aktivitetsparat'][i] });
    other = await createMunicipality(s.t.db, { women: 1 });
  });
  const form = (o: Record<string, string> = {}) => ({
    name: 'Testtrappen',
    scaleMin: '1',
    scaleMax: '5',
    'dim1.name': 'Sprog',
    'dim1.steps': STEPS_1_5('Sprog'),
    'dim2.name': 'Netværk',
    'dim2.steps': STEPS_1_5('Netværk'),
    ...o,
  });
  const versionRow = async (instrumentId: number, version: number) =>
    (
      await s.t.db.query<{
        id: number;
        used_at: string | null;
        retired_at: string | null;
        dimensions: { name: string; steps: string[] }[];
      }>('SELECT id, used_at, retired_at, dimensions FROM project_instrument_version WHERE instrument_id = $1 AND version = $2', [
        instrumentId,
        version,
      ])
    ).rows[0];

  it('refuses a definition without a text per step, with Danish errors beside the fields, and keeps what was typed', async () => {
    const leader = await loginAs(s.app, m.leader.username);
    const project = m.projectId;
    const res = await leader.post(
      `/projekt/${project}/maaleredskaber`,
      form({
        name: '',
        'dim1.steps': 'kun ét trin\nog et til',
        'dim2.name': '',
        scaleMax: '1',
      }),
    );
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain('Giv måleredskabet et navn.');
    expect(res.body).toContain('Skalaens højeste trin skal være større end det laveste.');
    expect(res.body).toContain('Giv dimension nr. 2 et navn.');
    expect(res.body).toContain('kun ét trin');
    const wrongCount = await leader.post(`/projekt/${project}/maaleredskaber`, form({ 'dim1.steps': 'a\nb\nc\nd' }));
    expect(wrongCount.statusCode).toBe(400);
    expect(wrongCount.body).toContain(
      'Dimensionen &quot;Sprog&quot; skal have en tekst for hvert trin: 5 trin (1–5), én linje pr. trin. Der er 4.',
    );
    const gap = await leader.post(`/projekt/${project}/maaleredskaber`, form({ 'dim2.steps': 'a\n\nc\nd\ne' }));
    expect(gap.body).toContain('Dimensionen &quot;Netværk&quot; har en tom linje');
    const big = await leader.post(`/projekt/${project}/maaleredskaber`, form({ scaleMax: '11' }));
    expect(big.body).toContain('Skalaens højeste trin skal være et helt tal fra 0 til 10.');
    const none = await leader.post(`/projekt/${project}/maaleredskaber`, { name: 'Tom', scaleMin: '1', scaleMax: '5' });
    expect(none.body).toContain('Måleredskabet skal have mindst én dimension med navn og trintekster.');
    expect((await s.t.db.query(`SELECT 1 FROM audit_log WHERE action = 'opret' AND entity = 'maaleredskab'`)).rows.length).toBe(0);
    expect((await s.t.db.query(`SELECT 1 FROM project_instrument_version WHERE name IN ('Testtrappen', 'Tom')`)).rows.length).toBe(0);
    // Only the project leader defines instruments.
    const cw = await loginAs(s.app, m.caseworker.username);
    expect((await cw.post(`/projekt/${project}/maaleredskaber`, form())).statusCode).toBe(403);
    expect((await cw.get(`/projekt/${project}/maaleredskaber/nyt`)).statusCode).toBe(403);
  });

  it('versions: a used version is frozen, an edit makes the next version, old scores keep their texts, distance compares within a version', async () => {
    const leader = await loginAs(s.app, m.leader.username);
    const cw = await loginAs(s.app, m.caseworker.username);
    const project = m.projectId;
    const created = await leader.post(`/projekt/${project}/maaleredskaber`, form());
    expect(created.statusCode).toBe(303);
    const iid = Number(/maaleredskaber\/(\d+)/.exec(String(created.headers.location))![1]);
    expect(
      (
        await s.t.db.query(`SELECT 1 FROM audit_log WHERE username = $1 AND action = 'opret' AND entity = 'maaleredskab'`, [
          m.leader.username,
        ])
      ).rows.length,
    ).toBe(1);
    // Unused: an edit changes version 1 in place.
    const inPlace = await leader.post(`/projekt/${project}/maaleredskaber/${iid}`, form({ 'dim1.steps': STEPS_1_5('Dansk') }));
    expect(inPlace.headers.location).toContain('gemt=rettet');
    expect((await versionRow(iid, 1)).dimensions[0].steps[0]).toBe('Dansk trin 1');
    expect(await versionRow(iid, 2)).toBeUndefined();

    // The caseworker scores her on it from her page.
    const her = m.women[0].id;
    const page = await cw.get(`/deltagere/${her}/maalinger`);
    const key = `projekt-${iid}-v1`;
    expect(page.body).toContain(`/deltagere/${her}/maalinger/ny?redskab=${key}`);
    const blank = await cw.get(`/deltagere/${her}/maalinger/ny?redskab=${key}`);
    expect(blank.statusCode).toBe(200);
    expect(blank.body).toContain('3: Dansk trin 3');
    const missing = await cw.post(`/deltagere/${her}/maalinger`, { _: '', instrumentKey: key, date: '1.3.2026', 'answers.d1': '2' });
    expect(missing.statusCode).toBe(400);
    expect(missing.body).toContain('Vælg et svar på &quot;Netværk&quot;.');
    const outOfScale = await scoreOn(cw, her, key, '1.3.2026', '6', '2');
    expect(outOfScale.statusCode).toBe(400);
    expect((await scoreOn(cw, her, key, '1.3.2026', '2', '1')).statusCode).toBe(303);
    const v1 = await versionRow(iid, 1);
    expect(v1.used_at).not.toBeNull();
    const stored = (
      await s.t.db.query<{ instrument_version_id: number; total: string }>(
        'SELECT instrument_version_id, total::int AS total FROM casework_assessment WHERE participant_id = $1 AND instrument_key = $2',
        [her, key],
      )
    ).rows;
    expect(stored).toEqual([{ instrument_version_id: v1.id, total: 3 }]);
    // The database itself refuses to change the texts of a used version.
    await expect(s.t.db.query(`UPDATE project_instrument_version SET name = 'Snyd' WHERE id = $1`, [v1.id])).rejects.toThrow(
      /cannot change/,
    );

    // Used: the edit becomes version 2; version 1 and her score keep their texts.
    const edited = await leader.post(
      `/projekt/${project}/maaleredskaber/${iid}`,
      form({ name: 'Testtrappen 2', 'dim1.steps': STEPS_1_5('Nyt sprog') }),
    );
    expect(edited.headers.location).toContain('gemt=version-2');
    expect((await versionRow(iid, 1)).dimensions[0].steps[1]).toBe('Dansk trin 2');
    expect((await versionRow(iid, 2)).dimensions[0].steps[1]).toBe('Nyt sprog trin 2');
    expect((await s.t.db.query(`SELECT 1 FROM audit_log WHERE action = 'opret' AND entity = 'maaleredskab_version'`)).rows.length).toBe(1);
    const show = await leader.get(String(edited.headers.location));
    expect(show.body).toContain('Ændringen er gemt som version 2');
    expect(show.body).toContain('Afløst af version 2');
    expect(show.body).toContain('Tager nye målinger');
    const after = await cw.get(`/deltagere/${her}/maalinger`);
    expect(after.body).toContain('<strong>Sprog:</strong> 2 – Dansk trin 2');
    expect(after.body).not.toContain('Nyt sprog trin 2');
    // A new score goes on version 2; version 1 takes none.
    expect(after.body).toContain(`redskab=projekt-${iid}-v2`);
    expect(after.body).not.toContain(`redskab=projekt-${iid}-v1`);
    // An old link opens the version that takes scores now.
    const stale = await cw.get(`/deltagere/${her}/maalinger/ny?redskab=${key}`);
    expect(stale.body).toContain(`name="instrumentKey" value="projekt-${iid}-v2"`);
    expect(stale.body).toContain('3: Nyt sprog trin 3');
    const old = await scoreOn(cw, her, key, '2.3.2026', '3', '3');
    expect(old.statusCode).toBe(400);
    expect(old.body).toContain('versionen er udfaset');
    expect(old.body).toContain(`name="instrumentKey" value="projekt-${iid}-v2"`);
    const key2 = `projekt-${iid}-v2`;
    expect((await scoreOn(cw, her, key2, '1.4.2026', '1', '2')).statusCode).toBe(303);
    // One score per version: no distance yet (versions are not bridged).
    const one = await cw.get(`/deltagere/${her}/maalinger`);
    expect(one.body).toContain('kræver mindst to målinger på samme version');
    expect((await scoreOn(cw, her, key2, '1.6.2026', '4', '3')).statusCode).toBe(303);
    const two = await cw.get(`/deltagere/${her}/maalinger`);
    const table = new RegExp(`data-testid="distance-${key2}"[\\s\\S]*?</table>`).exec(two.body)![0];
    expect(table).toContain('<th scope="row">Sprog</th><td>1: Nyt sprog trin 1</td><td>4: Nyt sprog trin 4</td><td>+3</td>');
    expect(table).toContain('<th scope="row">Netværk</th><td>2: Netværk trin 2</td><td>3: Netværk trin 3</td><td>+1</td>');
    expect(table).toContain('<td>3</td><td>7</td><td>+4</td>');

    // The Progression page: per version, the mean change per dimension and visitation group, by hand.
    const second = m.women[1].id;
    expect(second).not.toBe(her);
    expect((await scoreOn(cw, second, key2, '1.5.2026', '2', '2')).statusCode).toBe(303);
    expect((await scoreOn(cw, second, key2, '1.7.2026', '3', '2')).statusCode).toBe(303);
    const prog = (await leader.get('/progression')).body;
    const cohort = new RegExp(`data-testid="cohort-${key2}"[\\s\\S]*?</table>`).exec(prog)![0];
    // Sprog: (+3, +1) → +2; Netværk: (+1, 0) → +0,5; total (+4, +1) → +2,5; the last column is everyone.
    expect(cohort).toMatch(/<th scope="col">Alle <span class="weight-normal">\(2 borgere\)<\/span><\/th><\/tr>/);
    expect(cohort).toMatch(/<th scope="row">Sprog<\/th>(?:<td>[^<]*<\/td>)*<td>\+2<\/td><\/tr>/);
    expect(cohort).toMatch(/<th scope="row">Netværk<\/th>(?:<td>[^<]*<\/td>)*<td>\+0,5<\/td><\/tr>/);
    expect(cohort).toMatch(/<th scope="row">I alt<\/th>(?:<td>[^<]*<\/td>)*<td>\+2,5<\/td><\/tr>/);
    // Per visitation group: each woman in her group at enrolment (jobparat and aktivitetsparat, one each).
    expect(cohort.match(/\(1 borger\)/g)).toHaveLength(2);
    // Version 1 (one score) is its own table, and nobody has two scores on it.
    expect(prog).toMatch(new RegExp(`data-testid="cohort-${key}"[\\s\\S]*?Alle <span class="weight-normal">\\(0 borgere\\)`));

    // A correction keeps the version it was given under, even after a newer version exists.
    const scoreId = (
      await s.t.db.query<{ id: string }>('SELECT id FROM casework_assessment WHERE participant_id = $1 AND instrument_key = $2', [her, key])
    ).rows[0].id;
    const fix = await cw.get(`/deltagere/${her}/maalinger/${scoreId}`);
    expect(fix.body).toContain('Dansk trin 4');
    expect(
      (await cw.post(`/deltagere/${her}/maalinger/${scoreId}`, { date: '1.3.2026', 'answers.d1': '4', 'answers.d2': '1' })).statusCode,
    ).toBe(303);
    expect(
      (
        await s.t.db.query<{ instrument_key: string; total: string }>(
          'SELECT instrument_key, total::int AS total FROM casework_assessment WHERE id = $1',
          [scoreId],
        )
      ).rows[0],
    ).toEqual({ instrument_key: key, total: 5 });

    // Retire version 2: no new scores on it, her scores stay.
    expect((await cw.post(`/projekt/${project}/maaleredskaber/${iid}/versioner/2/udfas`, {})).statusCode).toBe(403);
    const retired = await leader.post(`/projekt/${project}/maaleredskaber/${iid}/versioner/2/udfas`, {});
    expect(retired.statusCode).toBe(303);
    expect((await versionRow(iid, 2)).retired_at).not.toBeNull();
    expect((await s.t.db.query(`SELECT 1 FROM audit_log WHERE action = 'udfas' AND entity = 'maaleredskab_version'`)).rows.length).toBe(1);
    const gone = await cw.get(`/deltagere/${her}/maalinger`);
    expect(gone.body).not.toContain(`redskab=${key2}`);
    expect(gone.body).toContain(`data-testid="distance-${key2}"`);
    const refused = await scoreOn(cw, her, key2, '2.6.2026', '4', '3');
    expect(refused.statusCode).toBe(404);
    expect((await cw.get(`/deltagere/${her}/maalinger/ny?redskab=${key2}`)).statusCode).toBe(404);
    expect(
      (await s.t.db.query('SELECT 1 FROM casework_assessment WHERE participant_id = $1 AND instrument_key = $2', [her, key2])).rows.length,
    ).toBe(2);
    expect((await leader.get(`/projekt/${project}/maaleredskaber/${iid}`)).body).toContain('Udfaset');
  });

  it("demo: Aalborg's progressionstrappe has women with two scores each, and the Progression page equals a hand count", async () => {
    const project = await pid('aalborg-2025');
    const v = (
      await s.t.db.query<{ id: number; instrument_id: number; dimensions: { key: string; name: string; steps: string[] }[] }>(
        `SELECT id, instrument_id, dimensions FROM project_instrument_version WHERE project_id = $1 AND name = 'Aalborgs progressionstrappe'`,
        [project],
      )
    ).rows[0];
    expect(v.dimensions.map((d) => d.steps.length)).toEqual([5, 5, 5, 5]);
    const rows = (
      await s.t.db.query<{ pid: string; answers: Record<string, number> }>(
        `SELECT participant_id AS pid, answers FROM casework_assessment WHERE instrument_version_id = $1 ORDER BY participant_id, assessed_on`,
        [v.id],
      )
    ).rows;
    const byWoman = new Map<string, Record<string, number>[]>();
    for (const r of rows) byWoman.set(r.pid, [...(byWoman.get(r.pid) ?? []), r.answers]);
    expect(byWoman.size).toBeGreaterThanOrEqual(5);
    for (const list of byWoman.values()) expect(list.length).toBe(2);
    // Hand count: mean change of each dimension over the women, first to second score.
    const fmt = (n: number) => (n > 0 ? '+' : '') + new Intl.NumberFormat('da-DK', { maximumFractionDigits: 1 }).format(n);
    const mean = (k: string) => [...byWoman.values()].reduce((a, l) => a + l[1][k] - l[0][k], 0) / byWoman.size;
    const leader = await loginAs(s.app, 'projektleder.aalborg');
    const prog = (await leader.get('/progression')).body;
    const key = `projekt-${v.instrument_id}-v1`;
    const cohort = new RegExp(`data-testid="cohort-${key}"[\\s\\S]*?</table>`).exec(prog)![0];
    expect(cohort).toContain(`Alle <span class="weight-normal">(${byWoman.size} borgere)</span>`);
    for (const d of v.dimensions) {
      const row = new RegExp(`<th scope="row">${d.name}</th>(.*?)</tr>`).exec(cohort)![1];
      expect(row.endsWith(`<td>${fmt(mean(d.key))}</td>`), `${d.name}: ${row}`).toBe(true);
    }
    // Her page (its Målinger section) shows her scores with the step texts, and her distance travelled.
    const [her, scores] = [...byWoman.entries()][0];
    const page = (await leader.get(`/deltagere/${her}/maalinger`)).body;
    const d1 = v.dimensions[0];
    expect(page).toContain(`<strong>${d1.name}:</strong> ${scores[1].d1} – ${d1.steps[scores[1].d1 - 1]}`);
    expect(page).toContain(`data-testid="distance-${key}"`);
  });

  it("counts Aalborg's progressionstrappe where WHO-5 and Fremdriftstrappen are: half-yearly and final reports, national view, microdata (hand count)", async () => {
    const project = await pid('aalborg-2025');
    const v = (
      await s.t.db.query<{ id: number; instrument_id: number; version: number; name: string; dimensions: { key: string; name: string }[] }>(
        `SELECT id, instrument_id, version, name, dimensions FROM project_instrument_version WHERE project_id = $1 AND name = 'Aalborgs progressionstrappe'`,
        [project],
      )
    ).rows[0];
    const key = `projekt-${v.instrument_id}-v${v.version}`;
    const caption = `${v.name} (version ${v.version}): gennemsnitlig ændring fra første til seneste måling efter visitation ved indskrivning`;
    // By hand: per enrolment in the project, her scores on this version inside the enrolment up to the report month's end.
    const { month } = await defaultMonths(s.t.db);
    const until = addDays(addMonths(`${month}-01`, 1), -1);
    const rows = (
      await s.t.db.query<{ eid: string; answers: Record<string, number> }>(
        `SELECT e.id AS eid, a.answers FROM enrolment e
       JOIN casework_assessment a ON a.participant_id = e.participant_id AND a.instrument_version_id = $1
         AND a.assessed_on >= e.enrolled_on AND a.assessed_on <= LEAST(coalesce(e.exited_on, $2::date), $2::date)
       WHERE e.project_id = $3 AND e.enrolled_on <= $2::date ORDER BY e.id, a.assessed_on, a.created_at, a.id`,
        [v.id, until, project],
      )
    ).rows;
    const byEnrolment = new Map<string, Record<string, number>[]>();
    for (const r of rows) byEnrolment.set(r.eid, [...(byEnrolment.get(r.eid) ?? []), r.answers]);
    const moved = [...byEnrolment.values()].filter((l) => l.length >= 2);
    expect(moved.length, `enrolments with two scores by ${until}`).toBeGreaterThanOrEqual(5);
    const change = (l: Record<string, number>[], k: string) => l.at(-1)![k] - l[0][k];
    const mean = (k: string | null) =>
      moved.reduce((a, l) => a + (k ? change(l, k) : v.dimensions.reduce((t, d) => t + change(l, d.key), 0)), 0) / moved.length;
    const round1 = (x: number) => Math.round(x * 10) / 10;

    // The half-yearly and final reports (suppressed; the whole cohort is not small): XLSX cells of "I alt", the PDF's caption.
    const leader = await loginAs(s.app, 'projektleder.aalborg');
    for (const kind of ['halvaarlig', 'slutrapport']) {
      expect((await leader.get(`/styring/rapporter/${kind}?projekt=${project}`)).body).toContain(`data-testid="tabel-progression-${key}"`);
      const sheet = [
        ...(await xlsxCells((await leader.get(`/styring/rapporter/${kind}.xlsx?projekt=${project}`)).rawPayload)).values(),
      ].find((r) => r[0]?.[0] === caption);
      expect(sheet, `${kind}: ${caption}`).toBeDefined();
      const total = sheet![1].indexOf('I alt');
      const cell = (label: string) => sheet!.find((r) => r?.[0] === label)?.[total];
      expect(Number(cell('Borgere med mindst to målinger')), kind).toBe(moved.length);
      expect(Number(cell('Ændring i samlet score')), kind).toBeCloseTo(round1(mean(null)), 5);
      for (const d of v.dimensions) expect(Number(cell(d.name)), `${kind}: ${d.name}`).toBeCloseTo(round1(mean(d.key)), 5);
      if (popplerAvailable())
        expect(fold(pdfText((await leader.get(`/styring/rapporter/${kind}.pdf?projekt=${project}`)).rawPayload))).toContain(fold(caption));
    }

    // The national view: per municipality × visitation (its own suppressed table), on the page and in its downloads.
    const analyst = await loginAs(s.app, 'analytiker.siri');
    expect((await analyst.get('/nationalt')).body).toContain(`data-testid="tabel-progression-kommune-${key}"`);
    const aid = (await s.t.db.query<{ id: number }>(`SELECT id FROM app_user WHERE username = 'analytiker.siri'`)).rows[0].id;
    const nd = await loadNationalData(testDeps(s.t.db), (await loadActor(s.t.db, aid, '127.0.0.1'))!, await defaultMonths(s.t.db));
    const tb = allTables(nationalReport(nd)).find((x) => x.id === `progression-kommune-${key}`)!;
    expect(tb, 'national table').toBeDefined();
    const n = tb.columns.indexOf('I alt: borgere');
    expect(tb.rows.map((r) => [r[0].value, r[n].value])).toEqual([
      ['Aalborg', moved.length],
      ['Hele landet', moved.length],
    ]);
    expect(csvOf((await analyst.get('/nationalt/rapport.csv')).body)).toContain(caption);

    // The microdata: one column group for the version; her project's enrolments have counts, every other enrolment empty cells.
    const [head, ...lines] = csvOf((await analyst.get('/nationalt/mikrodata.csv')).body)
      .trim()
      .split('\r\n')
      .map((l) => l.split(';'));
    const col = (name: string) => {
      const i = head.indexOf(name);
      expect(i, name).toBeGreaterThan(0);
      return i;
    };
    const own = lines.filter((l) => l[col('projekt')] === 'aalborg-2025');
    const others = lines.filter((l) => l[col('projekt')] !== 'aalborg-2025');
    expect(own.length).toBeGreaterThan(0);
    expect(others.length).toBeGreaterThan(0);
    expect(others.every((l) => l[col(`${key}_antal`)] === '' && l[col(`${key}_d1_aendring`)] === '')).toBe(true);
    expect(own.reduce((a, l) => a + Number(l[col(`${key}_antal`)]), 0)).toBe(rows.length);
    const two = own.filter((l) => Number(l[col(`${key}_antal`)]) >= 2);
    expect(two.length).toBe(moved.length);
    for (const d of v.dimensions) {
      expect(two.reduce((a, l) => a + Number(l[col(`${key}_${d.key}_aendring`)]), 0) / two.length, d.name).toBeCloseTo(mean(d.key), 9);
    }
    expect(two.reduce((a, l) => a + Number(l[col(`${key}_aendring`)]), 0) / two.length).toBeCloseTo(mean(null), 9);
  }, 180_000);

  it("shows nothing of a project's instruments to another jobcentre, and the database policy hides them too", async () => {
    const project = m.projectId;
    const leader = await loginAs(s.app, m.leader.username);
    const created = await leader.post(`/projekt/${project}/maaleredskaber`, form({ name: 'Hemmelig Testtrappe' }));
    const iid = Number(/maaleredskaber\/(\d+)/.exec(String(created.headers.location))![1]);
    expect((await leader.get(`/projekt/${project}/maaleredskaber`)).body).toContain('Hemmelig Testtrappe');
    const them = await loginAs(s.app, other.leader.username);
    expect((await them.get(`/projekt/${project}/maaleredskaber`)).statusCode).toBe(404);
    expect((await them.get(`/projekt/${project}/maaleredskaber/${iid}`)).statusCode).toBe(404);
    expect((await them.post(`/projekt/${project}/maaleredskaber/${iid}`, form({ name: 'Overtaget' }))).statusCode).toBe(404);
    expect((await them.post(`/projekt/${project}/maaleredskaber/${iid}/versioner/1/udfas`, {})).statusCode).toBe(404);
    const own = await them.get('/projekt');
    const theirProject = Number(/\/projekt\/(\d+)\/maaleredskaber/.exec(own.body)![1]);
    expect(theirProject).toBe(other.projectId);
    // The instrument under the other jobcentre's project's address: not found.
    expect((await them.get(`/projekt/${theirProject}/maaleredskaber/${iid}`)).statusCode).toBe(404);
    const theirs = await them.get(`/projekt/${theirProject}/maaleredskaber`);
    expect(theirs.statusCode).toBe(200);
    expect(theirs.body).not.toContain('Hemmelig Testtrappe');
    // Row-level security: as the application role with the other jobcentre's municipality as tenant, the rows are not there.
    const seen = await s.t.db.tx(async (q) => {
      await q.query('SET LOCAL ROLE fremdrift_app');
      await q.query(`SELECT set_config('fremdrift.kommuner', $1, true)`, [other.code]);
      return (await q.query('SELECT id FROM project_instrument_version WHERE instrument_id = $1', [iid])).rows.length;
    });
    expect(seen).toBe(0);
    expect((await s.t.db.query(`SELECT 1 FROM project_instrument_version WHERE instrument_id = $1`, [iid])).rows.length).toBe(1);
  });
});
