/**
 * Issue 13, build 4: distance travelled on WHO-5 and every Fremdriftstrappen dimension per
 * visitation group at enrolment — in the project reports (every format), on the national view
 * (suppressed, small cells and complements) and on the Progression page.
 *
 * The figures come from worlds this file builds (test/helpers/world.ts), enrolled in 2015 before
 * any demo enrolment, so the national view of December 2015 holds only them; the expected figures
 * in HAND were worked out by hand from the assessments in WORLD (first and latest assessment
 * inside the enrolment, by date), not through the code under test.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { loadNationalData } from '../src/app/steering/national-data.ts';
import { loadSteeringData } from '../src/app/steering/steering-data.ts';
import { VISITATION_LABELS } from '../src/core/labels.ts';
import { loadActor } from '../src/db/users.ts';
import { defaultMonths } from '../src/http/routes/results.ts';
import { useTestServer } from './helpers/server.ts';
import { allTables, type Table } from '../src/reports/model.ts';
import { projectReport } from '../src/reports/project-reports.ts';
import { nationalReport } from '../src/reports/national-report.ts';
import { backends, testDeps } from './helpers/db.ts';
import { loginAs } from './helpers/http.ts';
import { addAssessments, createAgency, createMunicipality, type TestAssessment, type TestMunicipality } from './helpers/world.ts';

interface Hand {
  /** Which built municipality: 'a' or 'b'. */
  world: 'a' | 'b' | 'c';
  instrument: 'fremdriftstrappen' | 'who5';
  visitation: string;
  n: number;
  mean: number;
  dansk: number | null;
}

const T = 'fremdriftstrappen' as const;
const W = 'who5' as const;
const ENROLLED = '2015-01-05';
const tr = (on: string, all: number, dansk?: number): TestAssessment => ({ instrument: T, on, all, answers: dansk ? { dansk } : {} });
const who = (on: string, all: number, glad?: number): TestAssessment => ({ instrument: W, on, all, answers: glad ? { glad } : {} });

/**
 * Municipality a: six jobparat women (0–5) and six aktivitetsparat (6–11). Fremdriftstrappen's
 * total is the sum of its seven steps, WHO-5's the sum of its five answers × 4. Per woman, her
 * hand-worked change (total, Dansk) from first to latest assessment inside her enrolment.
 */
const WORLD_A: TestAssessment[][] = [
  [tr('2015-02-01', 2), tr('2015-06-01', 3), who('2015-02-01', 2), who('2015-06-01', 3)], // 14→21: +7, Dansk +1; WHO 40→60: +20
  [tr('2015-02-01', 1), tr('2015-04-01', 2), tr('2015-08-01', 3, 5), who('2015-02-01', 3), who('2015-07-01', 2)], // 7→23: +16, +4; 60→40: −20
  [tr('2015-03-01', 3), tr('2015-09-01', 2), who('2015-03-01', 1), who('2015-09-01', 4)], // 21→14: −7, −1; 20→80: +60
  [tr('2015-03-01', 2), who('2015-03-01', 2)], // one measurement each: not counted
  [tr('2014-12-01', 1), tr('2015-05-01', 2)], // the first is before her enrolment: one inside, not counted
  [tr('2015-02-01', 2, 1), tr('2015-10-01', 4, 3)], // 13→27: +14, +2
  [tr('2015-02-01', 1), tr('2015-05-01', 2), who('2015-02-01', 2), who('2015-05-01', 2, 4)], // 7→14: +7, +1; 40→48: +8
  [tr('2015-02-01', 1), tr('2015-05-01', 1, 3)], // 7→9: +2, +2
  [tr('2015-02-01', 2), tr('2015-05-01', 3)], // 14→21: +7, +1
  [tr('2015-02-01', 3), tr('2015-05-01', 3)], // 21→21: 0, 0
  [tr('2015-02-01', 2), tr('2015-05-01', 1)], // 14→7: −7, −1
  // She exits on 2015-06-30: the third assessment, after her exit, does not count. 7→14: +7, +1
  [tr('2015-02-01', 1), tr('2015-05-01', 2), tr('2015-09-01', 5)],
];
/** Municipality b: six jobparat women all climbing one step (14→21: +7, Dansk +1; WHO 40→60: +20), five aktivitetsparat 7→14 (+7, +1). */
const WORLD_B: TestAssessment[][] = [
  ...Array.from({ length: 6 }, () => [tr('2015-03-01', 2), tr('2015-11-01', 3), who('2015-03-01', 2), who('2015-11-01', 3)]),
  ...Array.from({ length: 5 }, () => [tr('2015-03-01', 1), tr('2015-11-01', 2)]),
];

/** Municipality c: eight jobparat (14→21 and 60→80: +7, Dansk +1; +20) and eight aktivitetsparat (7→21 and 20→40: +14, Dansk +2; +20). */
const WORLD_C: TestAssessment[][] = [
  ...Array.from({ length: 8 }, () => [tr('2015-04-01', 2), tr('2015-12-01', 3), who('2015-04-01', 3), who('2015-12-01', 4)]),
  ...Array.from({ length: 8 }, () => [tr('2015-04-01', 1), tr('2015-12-01', 3), who('2015-04-01', 1), who('2015-12-01', 2)]),
];

/** Per municipality × instrument × visitation: women with two or more measurements, mean change in total and on Dansk. */
const HAND: Hand[] = [
  { world: 'a', instrument: T, visitation: 'jobparat', n: 4, mean: (7 + 16 - 7 + 14) / 4, dansk: (1 + 4 - 1 + 2) / 4 }, // 7.5, 1.5
  { world: 'a', instrument: T, visitation: 'aktivitetsparat', n: 6, mean: (7 + 2 + 7 + 0 - 7 + 7) / 6, dansk: (1 + 2 + 1 + 0 - 1 + 1) / 6 },
  { world: 'a', instrument: W, visitation: 'jobparat', n: 3, mean: (20 - 20 + 60) / 3, dansk: null }, // 20
  { world: 'a', instrument: W, visitation: 'aktivitetsparat', n: 1, mean: 8, dansk: null },
  { world: 'b', instrument: T, visitation: 'jobparat', n: 6, mean: 7, dansk: 1 },
  { world: 'b', instrument: T, visitation: 'aktivitetsparat', n: 5, mean: 7, dansk: 1 },
  { world: 'b', instrument: W, visitation: 'jobparat', n: 6, mean: 20, dansk: null },
  { world: 'c', instrument: T, visitation: 'jobparat', n: 8, mean: 7, dansk: 1 },
  { world: 'c', instrument: T, visitation: 'aktivitetsparat', n: 8, mean: 14, dansk: 2 },
  { world: 'c', instrument: W, visitation: 'jobparat', n: 8, mean: 20, dansk: null },
  { world: 'c', instrument: W, visitation: 'aktivitetsparat', n: 8, mean: 20, dansk: null },
];

describe.each(backends())('progression by visitation on %s', (backend) => {
  const srv = useTestServer(backend);
  const w = {} as { a: TestMunicipality; b: TestMunicipality; c: TestMunicipality; siri: string };
  beforeAll(async () => {
    const build = async (plan: TestAssessment[][], jobparat: number) => {
      const m = await createMunicipality(srv.t.db, {
        women: plan.length,
        enrolledOn: ENROLLED,
        visitation: (i) => (i < jobparat ? 'jobparat' : 'aktivitetsparat'),
      });
      for (const [i, list] of plan.entries()) await addAssessments(srv.t.db, m, m.women[i], list);
      return m;
    };
    w.a = await build(WORLD_A, 6);
    w.b = await build(WORLD_B, 6);
    w.c = await build(WORLD_C, 8);
    await srv.t.db.query(`UPDATE enrolment SET exited_on = '2015-06-30', exit_reason = 'andet' WHERE participant_id = $1`, [
      w.a.women[11].id,
    ]);
    w.siri = (await createAgency(srv.t.db)).analyst.username;
  });
  const actorOf = async (u: string) =>
    (await loadActor(
      srv.t.db,
      (await srv.t.db.query<{ id: number }>('SELECT id FROM app_user WHERE username = $1', [u])).rows[0].id,
      '127.0.0.1',
    ))!;
  const handOf = (instrument: string, world?: 'a' | 'b' | 'c') =>
    HAND.filter((h) => h.instrument === instrument && (world === undefined || h.world === world));

  const sum = (rows: Hand[]) => {
    const n = rows.reduce((s, r) => s + r.n, 0);
    return {
      n,
      mean: n === 0 ? null : rows.reduce((s, r) => s + r.n * r.mean, 0) / n,
      dansk: n === 0 ? null : rows.reduce((s, r) => s + r.n * (r.dansk ?? 0), 0) / n,
    };
  };
  const round1 = (x: number | null) => (x === null ? null : Math.round(x * 10) / 10);
  const column = (tb: Table, label: string) => tb.columns.indexOf(label);
  const row = (tb: Table, heading: string) => tb.rows.find((r) => r[0].value === heading)!;

  it('the demo seed has women with two or more Fremdriftstrappen measurements in both visitation groups', async () => {
    // The demo is what a new user sees: it must show distance travelled in both groups.
    const groups = (
      await srv.t.db.query<{ v: string; n: number }>(
        `SELECT v, count(*)::int AS n FROM (
           SELECT e.id, e.visitation AS v FROM enrolment e JOIN casework_assessment s ON s.participant_id = e.participant_id
             AND s.instrument_key = 'fremdriftstrappen' AND s.assessed_on >= e.enrolled_on AND (e.exited_on IS NULL OR s.assessed_on <= e.exited_on)
           WHERE e.municipality_code < '900' GROUP BY e.id, e.visitation HAVING count(*) >= 2) x GROUP BY v`,
      )
    ).rows;
    for (const v of ['jobparat', 'aktivitetsparat']) expect(groups.find((g) => g.v === v)?.n, v).toBeGreaterThan(30);
    // Every measurement lies inside her enrolment and not after today (the built worlds, codes 900–999, break this on purpose).
    const [{ outside }] = (
      await srv.t.db.query<{ outside: number }>(
        `SELECT count(*)::int AS outside FROM casework_assessment s WHERE s.instrument_key = 'fremdriftstrappen' AND s.municipality_code < '900' AND (s.assessed_on > current_date
         OR NOT EXISTS (SELECT 1 FROM enrolment e WHERE e.participant_id = s.participant_id AND s.assessed_on >= e.enrolled_on AND (e.exited_on IS NULL OR s.assessed_on <= e.exited_on)))`,
      )
    ).rows;
    expect(outside).toBe(0);
  });

  it('the half-yearly and final reports show distance travelled per visitation equal to a hand count, in every format', async () => {
    const actor = await actorOf(w.a.leader.username);
    const months = await defaultMonths(srv.t.db);
    const pid = w.a.projectId;
    const d = await loadSteeringData(testDeps(srv.t.db), actor, pid, months, { suppress: false });
    for (const [instrument, dim] of [
      ['fremdriftstrappen', 'Dansk'],
      ['who5', null],
    ] as const) {
      const hand = handOf(instrument, 'a');
      for (const kind of ['halvaarlig', 'slutrapport'] as const) {
        const tb = allTables({ ...projectReport(kind, d) }).find((x) => x.id === `progression-${instrument}`)!;
        expect(tb, `${kind} ${instrument}`).toBeDefined();
        for (const [v, label] of [
          ['jobparat', VISITATION_LABELS.jobparat],
          ['aktivitetsparat', VISITATION_LABELS.aktivitetsparat],
          [null, 'I alt'],
        ] as const) {
          const h = sum(hand.filter((x) => v === null || x.visitation === v));
          const c = column(tb, label);
          expect(row(tb, 'Borgere med mindst to målinger')[c].value, `${instrument} ${label}`).toBe(h.n);
          expect(row(tb, 'Ændring i samlet score')[c].value).toBe(round1(h.mean));
          if (dim) expect(row(tb, dim)[c].value).toBe(round1(h.dansk));
        }
      }
    }
    // The hand count written out: Fremdriftstrappen 10 women, +4.6 in total and +1.0 on Dansk.
    expect(sum(handOf(T, 'a'))).toEqual({ n: 10, mean: 4.6, dansk: 1 });
    // Every format of the report carries the tables (suppressed form, as it leaves the municipality).
    const s = await loginAs(srv.app, w.a.leader.username);
    const html = await s.get(`/styring/rapporter/halvaarlig?projekt=${pid}`);
    expect(html.body).toContain('data-testid="tabel-progression-fremdriftstrappen"');
    // The chart is there; in this world it may have no bar left: a's Fremdriftstrappen count is the
    // national page's, which hides jobparat's 4 and, as the complement of its column, aktivitetsparat's 6.
    expect(html.body).toMatch(/data-testid="graf-graf-progression-fremdriftstrappen(-tom)?"/);
    const csv = await s.get(`/styring/rapporter/slutrapport.csv?projekt=${pid}`);
    expect(csv.body).toContain('Fremdriftstrappen: gennemsnitlig ændring fra første til seneste måling');
    expect(csv.body).toContain('Borgere med mindst to målinger');
    const xlsx = await s.get(`/styring/rapporter/halvaarlig.xlsx?projekt=${pid}`);
    expect(xlsx.statusCode).toBe(200);
    expect(xlsx.rawPayload.length).toBeGreaterThan(1000);
    const pdf = await s.get(`/styring/rapporter/halvaarlig.pdf?projekt=${pid}`);
    expect(pdf.statusCode).toBe(200);
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
  });

  it('a report that leaves the municipality hides a small group and a complement, and their means', async () => {
    const actor = await actorOf(w.a.leader.username);
    const months = await defaultMonths(srv.t.db);
    const d = await loadSteeringData(testDeps(srv.t.db), actor, w.a.projectId, months, { suppress: true });
    // Make one group small: keep two jobparat women with two measurements, so it is 2 (< 5).
    const tr = d.progression!.find((p) => p.instrumentKey === 'fremdriftstrappen')!;
    const job = tr.groups.find((g) => g.visitation === 'jobparat')!;
    // The hand count: 4 jobparat and 6 aktivitetsparat women with two measurements (2 + 6 = 8 once made small).
    expect([job.distance.n, tr.all.distance.n]).toEqual([4, 10]);
    const small = {
      ...tr,
      groups: tr.groups.map((g) => (g === job ? { ...g, distance: { ...g.distance, n: 2 } } : g)),
      all: { ...tr.all, distance: { ...tr.all.distance, n: tr.all.distance.n - job.distance.n + 2 } },
    };
    const tb = allTables(projectReport('halvaarlig', { ...d, progression: [small] })).find(
      (x) => x.id === 'progression-fremdriftstrappen',
    )!;
    const n = row(tb, 'Borgere med mindst to målinger');
    const jc = column(tb, VISITATION_LABELS.jobparat);
    expect(n[jc].value).toBe('<5');
    expect(row(tb, 'Dansk')[jc].value).toBe('x');
    // The total would give the small group away: another cell of the set is hidden too.
    const hidden = n.slice(1).filter((c) => typeof c.value === 'string');
    expect(hidden.length).toBeGreaterThanOrEqual(2);
    for (let i = 1; i < n.length; i++) if (typeof n[i].value === 'string') expect(row(tb, 'Ændring i samlet score')[i].value).toBe('x');
  });

  it('the national view shows municipality × visitation equal to a hand count, small cells and their complements hidden', async () => {
    // December 2015: only this file's three municipalities have enrolled anyone by then.
    const months = { month: '2015-12', durableMonth: '2015-12', snapshotMonth: '2015-12' };
    const nd = await loadNationalData(testDeps(srv.t.db), await actorOf(w.siri), months);
    expect(nd.threshold).toBe(5);
    const report = nationalReport(nd);
    for (const instrument of ['fremdriftstrappen', 'who5']) {
      const hand = handOf(instrument);
      const tb = allTables(report).find((x) => x.id === `progression-kommune-${instrument}`)!;
      expect(tb, instrument).toBeDefined();
      // In the page's order (by name): the codes are drawn from 900–999 and wrap, so a may come after c.
      expect(tb.rows.map((r) => r[0].value)).toEqual([...[w.a.name, w.b.name, w.c.name].sort(), 'Hele landet']);
      const groups = tb.columns
        .slice(1)
        .filter((c) => c.endsWith(': borgere'))
        .map((c) => c.replace(': borgere', ''));
      expect(groups).toEqual([VISITATION_LABELS.aktivitetsparat, VISITATION_LABELS.jobparat, 'I alt']);
      const code = (label: string) => Object.entries(VISITATION_LABELS).find(([, l]) => l === label)?.[0] ?? null;
      let shown = 0;
      let hiddenCells = 0;
      for (const r of tb.rows) {
        const mine = r[0].value === 'Hele landet' ? hand : hand.filter((h) => w[h.world].name === r[0].value);
        const cells = groups.map((g) => {
          const v = code(g);
          const h = sum(mine.filter((x) => v === null || x.visitation === v));
          const i = tb.columns.indexOf(`${g}: borgere`);
          return { h, n: r[i].value, mean: r[i + 1].value };
        });
        for (const c of cells) {
          if (typeof c.n === 'number') {
            shown++;
            expect(c.n).toBe(c.h.n);
            expect(c.mean).toBe(round1(c.h.mean));
          } else {
            hiddenCells++;
            expect(c.mean).toBe('x');
          }
          // A small count is never shown.
          if (c.h.n >= 1 && c.h.n < nd.threshold) expect(c.n).toBe(`<${nd.threshold}`);
        }
        // Within a row (groups and total) never exactly one hidden cell: it would follow from the others.
        expect(cells.filter((c) => typeof c.n === 'string').length).not.toBe(1);
      }
      // Nor exactly one in a column.
      for (const g of groups) {
        const i = tb.columns.indexOf(`${g}: borgere`);
        expect(tb.rows.filter((r) => typeof r[i].value === 'string').length, `${instrument} ${g}`).not.toBe(1);
      }
      // Which complements are hidden depends on the order of the municipalities (their codes are drawn
      // afresh each run), so only some shown cell is asked for; every shown one was checked above.
      expect(shown, instrument).toBeGreaterThan(0);
      expect(hiddenCells, `${instrument}: the world has small cells`).toBeGreaterThan(0);
      expect(allTables(report).some((x) => x.id === `progression-${instrument}`)).toBe(true);
    }
    const s = await loginAs(srv.app, w.siri);
    const page = await s.get('/nationalt?maaned=2015-12&varig=2015-12&status=2015-12');
    expect(page.body).toContain('data-testid="tabel-progression-kommune-fremdriftstrappen"');
  });

  it('the Progression page shows the chart per visitation with the table as its text alternative', async () => {
    const s = await loginAs(srv.app, w.a.leader.username);
    const res = await s.get('/progression');
    expect(res.statusCode).toBe(200);
    expect(res.body).toMatch(
      /data-testid="graf-graf-progression-fremdriftstrappen">\s*<svg role="img" aria-label="Distance travelled på Fremdriftstrappen/,
    );
    expect(res.body).toContain('data-testid="tabel-progression-fremdriftstrappen"');
    expect(res.body).toContain('Tallene står i tabellen');
  });
});
