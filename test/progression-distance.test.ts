/**
 * Issue 13, build 4: distance travelled on WHO-5 and every Fremdriftstrappen dimension per
 * visitation group at enrolment — in the project reports (every format), on the national view
 * (suppressed, small cells and complements) and on the Progression page. Every figure is checked
 * against a hand count made here in SQL from the demo's rows (first and latest assessment inside
 * the enrolment, by date), not through the code under test.
 */
import { describe, expect, it } from 'vitest';
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

interface Hand {
  name: string;
  visitation: string;
  n: number;
  mean: number;
  dansk: number | null;
}

describe.each(backends())('progression by visitation on %s', (backend) => {
  const srv = useTestServer(backend);
  const actorOf = async (u: string) =>
    (await loadActor(
      srv.t.db,
      (await srv.t.db.query<{ id: number }>('SELECT id FROM app_user WHERE username = $1', [u])).rows[0].id,
      '127.0.0.1',
    ))!;
  const projectId = async (key: string) =>
    (await srv.t.db.query<{ id: number }>('SELECT id FROM project WHERE key = $1', [key])).rows[0].id;

  /** Per municipality × visitation: enrolments with two or more measurements, their mean change in total and on Dansk. */
  const handCount = async (instrument: string, until: string, projectKey: string | null): Promise<Hand[]> =>
    (
      await srv.t.db.query<Hand>(
        `WITH a AS (
       SELECT e.id AS eid, e.municipality_code AS m, e.visitation AS v, s.total, s.answers,
              row_number() OVER (PARTITION BY e.id ORDER BY s.assessed_on, s.created_at, s.id) AS r1,
              row_number() OVER (PARTITION BY e.id ORDER BY s.assessed_on DESC, s.created_at DESC, s.id DESC) AS r2,
              count(*) OVER (PARTITION BY e.id) AS k
       FROM enrolment e JOIN project pr ON pr.id = e.project_id
       JOIN casework_assessment s ON s.participant_id = e.participant_id AND s.instrument_key = $1
         AND s.assessed_on >= e.enrolled_on AND s.assessed_on <= LEAST(coalesce(e.exited_on, $2::date), $2::date)
       WHERE e.enrolled_on <= $2::date AND ($3::text IS NULL OR pr.key = $3)),
     d AS (
       SELECT eid, m, v, sum(total) FILTER (WHERE r2 = 1) - sum(total) FILTER (WHERE r1 = 1) AS change,
              sum((answers ->> 'dansk')::int) FILTER (WHERE r2 = 1) - sum((answers ->> 'dansk')::int) FILTER (WHERE r1 = 1) AS dansk
       FROM a WHERE k >= 2 GROUP BY eid, m, v)
     SELECT mu.name, d.v AS visitation, count(*)::int AS n, avg(change)::float AS mean, avg(dansk)::float AS dansk
     FROM d JOIN municipality mu ON mu.code = d.m GROUP BY mu.name, d.v`,
        [instrument, until, projectKey],
      )
    ).rows;

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

  it('the demo has women with two or more Fremdriftstrappen measurements in both visitation groups', async () => {
    const months = await defaultMonths(srv.t.db);
    const hand = await handCount('fremdriftstrappen', `${months.month}-28`, null);
    for (const v of ['jobparat', 'aktivitetsparat']) expect(sum(hand.filter((h) => h.visitation === v)).n, v).toBeGreaterThan(30);
    // Every measurement lies inside her enrolment and not after today.
    const [{ outside }] = (
      await srv.t.db.query<{ outside: number }>(
        `SELECT count(*)::int AS outside FROM casework_assessment s WHERE s.instrument_key = 'fremdriftstrappen' AND (s.assessed_on > current_date
         OR NOT EXISTS (SELECT 1 FROM enrolment e WHERE e.participant_id = s.participant_id AND s.assessed_on >= e.enrolled_on AND (e.exited_on IS NULL OR s.assessed_on <= e.exited_on)))`,
      )
    ).rows;
    expect(outside).toBe(0);
  });

  it('the half-yearly and final reports show distance travelled per visitation equal to a hand count, in every format', async () => {
    const actor = await actorOf('projektleder.aalborg');
    const months = await defaultMonths(srv.t.db);
    const pid = await projectId('aalborg-2025');
    const d = await loadSteeringData(testDeps(srv.t.db), actor, pid, months, { suppress: false });
    const [y, m] = months.month.split('-').map(Number);
    const until = new Date(Date.UTC(y, m, 0)).toISOString().slice(0, 10);
    for (const [instrument, dim] of [
      ['fremdriftstrappen', 'Dansk'],
      ['who5', null],
    ] as const) {
      const hand = await handCount(instrument, until, 'aalborg-2025');
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
      expect(sum(hand).n, instrument).toBeGreaterThan(0);
    }
    // Every format of the report carries the tables (suppressed form, as it leaves the municipality).
    const s = await loginAs(srv.app, 'projektleder.aalborg');
    const html = await s.get(`/styring/rapporter/halvaarlig?projekt=${pid}`);
    expect(html.body).toContain('data-testid="tabel-progression-fremdriftstrappen"');
    expect(html.body).toContain('data-testid="graf-graf-progression-fremdriftstrappen"');
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
    const actor = await actorOf('projektleder.aalborg');
    const months = await defaultMonths(srv.t.db);
    const d = await loadSteeringData(testDeps(srv.t.db), actor, await projectId('aalborg-2025'), months, { suppress: true });
    // Make one group small: keep two jobparat women with two measurements, so it is 2 (< 5).
    const tr = d.progression!.find((p) => p.instrumentKey === 'fremdriftstrappen')!;
    const job = tr.groups.find((g) => g.visitation === 'jobparat')!;
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
    const months = { month: '2022-12', durableMonth: '2023-02', snapshotMonth: '2023-02' };
    const nd = await loadNationalData(testDeps(srv.t.db), await actorOf('analytiker.siri'), months);
    const report = nationalReport(nd);
    for (const instrument of ['fremdriftstrappen', 'who5']) {
      const hand = await handCount(instrument, '2022-12-31', null);
      const tb = allTables(report).find((x) => x.id === `progression-kommune-${instrument}`)!;
      expect(tb, instrument).toBeDefined();
      const groups = tb.columns
        .slice(1)
        .filter((c) => c.endsWith(': borgere'))
        .map((c) => c.replace(': borgere', ''));
      const code = (label: string) => Object.entries(VISITATION_LABELS).find(([, l]) => l === label)?.[0] ?? null;
      let shown = 0;
      let hiddenCells = 0;
      for (const r of tb.rows) {
        const mine = r[0].value === 'Hele landet' ? hand : hand.filter((h) => h.name === r[0].value);
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
      expect(shown).toBeGreaterThan(10);
      expect(hiddenCells, `${instrument}: the demo has small cells`).toBeGreaterThan(0);
      expect(allTables(report).some((x) => x.id === `progression-${instrument}`)).toBe(true);
    }
    const s = await loginAs(srv.app, 'analytiker.siri');
    const page = await s.get('/nationalt?maaned=2022-12&varig=2023-02&status=2023-02');
    expect(page.body).toContain('data-testid="tabel-progression-kommune-fremdriftstrappen"');
  });

  it('the Progression page shows the chart per visitation with the table as its text alternative', async () => {
    const s = await loginAs(srv.app, 'projektleder.aalborg');
    const res = await s.get('/progression');
    expect(res.statusCode).toBe(200);
    expect(res.body).toMatch(
      /data-testid="graf-graf-progression-fremdriftstrappen">\s*<svg role="img" aria-label="Distance travelled på Fremdriftstrappen/,
    );
    expect(res.body).toContain('data-testid="tabel-progression-fremdriftstrappen"');
    expect(res.body).toContain('Tallene står i tabellen');
  });
});
