/**
 * Issue 18 point 12 and issue 17 ("interval protection on the national page"): the national page
 * as an analyst loads it lets no reader narrow a small cell or work out a hidden one, over ALL its
 * tables together. Beyond the equations (recoverable), counts are ≥ 0, a `<5` is 1–4 and an `x` 5
 * or more: two `<5` cells of a row whose other cells and total are shown add up to a known number
 * (Aalborg's selvforsørgende and øvrige summed to 7, so each was 3–4), or a `<5` is the
 * difference of shown figures with a range of one (Fanø's jobparat was exactly 1). `narrowed`
 * (helpers/recoverability.ts, independent of src/monitoring/suppress*.ts) finds both.
 *
 * The page is loaded over HTTP; its tables are then read from the report model the page renders
 * (the same data and months), after checking that the page prints every count cell of the model as
 * the model has it.
 */
import { describe, expect, it } from 'vitest';
import { loadNationalData } from '../src/app/steering/national-data.ts';
import { loadNationalFunnel } from '../src/app/steering/national-funnel.ts';
import { loadActor } from '../src/db/users.ts';
import { allTables, type Report } from '../src/reports/model.ts';
import { nationalFunnelSection } from '../src/reports/national-funnel-section.ts';
import { nationalReport } from '../src/reports/national-report.ts';
import { backends, testDeps } from './helpers/db.ts';
import { getOk, loginAs } from './helpers/http.ts';
import { nationalPageFigures, type Published } from './helpers/published-tables.ts';
import { narrowed, recoverable, type Shown } from './helpers/recoverability.ts';
import { useTestServer } from './helpers/server.ts';

const THRESHOLD = 5;

/** The shown texts of a rendered table's data rows, by row heading (thousands dots and note marks dropped). */
function pageRows(body: string, tableId: string): Map<string, string[]> {
  const table = new RegExp(`id="tabel-${tableId}"[\\s\\S]*?</table>`).exec(body)?.[0] ?? '';
  const out = new Map<string, string[]>();
  for (const r of table.matchAll(/<th scope="row">([^<]*)<\/th>([\s\S]*?)<\/tr>/g)) {
    out.set(
      r[1].replace(/&amp;/g, '&'),
      [...r[2].matchAll(/<td[^>]*>([\s\S]*?)<\/td>/g)].map((m) =>
        m[1]
          .replace(/\s*<sup>[\s\S]*?<\/sup>/g, '')
          .replace(/<[^>]+>/g, '')
          .replace(/\./g, '')
          .replace(/&lt;/g, '<')
          .trim(),
      ),
    );
  }
  return out;
}

/** The recruitment funnel's two tables: municipalities add up to «Alle kommuner», a row's reasons to its declined. */
function funnelFigures(report: Report, out: Published) {
  const funnel = allTables(report).find((t) => t.id === 'rekruttering-kommune');
  const reasons = allTables(report).find((t) => t.id === 'rekruttering-kommune-afslag');
  if (!funnel || !reasons) return;
  const names = funnel.rows.map((r) => String(r[0].value));
  const munis = names.filter((n) => n !== 'Alle kommuner');
  const width = funnel.columns.length - 1;
  const rWidth = reasons.columns.length - 1; // the reasons, then "I alt" (= declined)
  for (const row of funnel.rows) row.slice(1).forEach((c, j) => out.published.set(`F:f.${String(row[0].value)}.${j}`, c.value as Shown));
  for (const row of reasons.rows) row.slice(1).forEach((c, k) => out.published.set(`F:r.${String(row[0].value)}.${k}`, c.value as Shown));
  for (let j = 0; j < width; j++) out.relations.push({ total: `F:f.Alle kommuner.${j}`, parts: munis.map((n) => `F:f.${n}.${j}`) });
  for (let k = 0; k < rWidth; k++) out.relations.push({ total: `F:r.Alle kommuner.${k}`, parts: munis.map((n) => `F:r.${n}.${k}`) });
  for (const n of names) {
    out.relations.push({ total: `F:r.${n}.${rWidth - 1}`, parts: Array.from({ length: rWidth - 1 }, (_, k) => `F:r.${n}.${k}`) });
    out.relations.push({ total: `F:f.${n}.${width - 1}`, parts: [`F:r.${n}.${rWidth - 1}`] });
  }
}

describe.each(backends())('the national page, every table together, interval protection (issues 17 and 18) on %s', (backend) => {
  const env = useTestServer(backend);

  it('lets no reader narrow a small cell or work out a hidden one from all the tables of /nationalt together', async () => {
    const s = await loginAs(env.app, 'analytiker.siri');
    const res = await getOk(s, '/nationalt');
    const field = (name: string) => new RegExp(`name="${name}"[^>]*value="(\\d{4}-\\d{2})"`).exec(res.body)![1];
    const months = { month: field('maaned'), durableMonth: field('varig'), snapshotMonth: field('status') };

    // The model the page renders, from the same data and months.
    const id = (await env.t.db.query<{ id: number }>(`SELECT id FROM app_user WHERE username = 'analytiker.siri'`)).rows[0].id;
    const actor = (await loadActor(env.t.db, id, '127.0.0.1'))!;
    const deps = testDeps(env.t.db);
    const d = await loadNationalData(deps, actor, months);
    const report = nationalReport(d, nationalFunnelSection(await loadNationalFunnel(deps, actor, months.month), d.threshold));
    expect(d.threshold).toBe(THRESHOLD);

    // The page prints every count of the model as the model has it (so the model is what is published).
    let compared = 0;
    for (const t of allTables(report)) {
      const rows = pageRows(res.body, t.id);
      expect(rows.size, `table ${t.id} is on the page`).toBeGreaterThan(0);
      for (const row of t.rows) {
        const shown = rows.get(String(row[0].value));
        expect(shown, `${t.id}: row ${String(row[0].value)}`).toBeDefined();
        row.slice(1).forEach((c, j) => {
          if (c.kind !== 'count' || c.value === null) return;
          expect(shown![j], `${t.id}: ${String(row[0].value)} / ${t.columns[1 + j]}`).toBe(String(c.value));
          compared++;
        });
      }
    }
    expect(compared).toBeGreaterThan(300);

    const all: Published = { published: new Map(), relations: [] };
    nationalPageFigures('N:', report, d.result, all);
    funnelFigures(report, all);
    const hidden = [...all.published.values()].filter((v) => typeof v === 'string');
    expect(hidden.filter((v) => v === `<${THRESHOLD}`).length, 'some small cells, so suppression is exercised').toBeGreaterThan(5);

    const found = recoverable(all.published, all.relations);
    expect(found, found.map((x) => `${x.key} shown ${x.shown} is ${x.value}`).join('\n')).toEqual([]);
    const narrow = narrowed(all.published, all.relations, THRESHOLD);
    expect(narrow, narrow.map((x) => `${x.key} shown ${x.shown} lies in ${x.lo}–${x.hi}`).join('\n')).toEqual([]);
  }, 600_000);
});
