/**
 * The national view for the agency: every municipality side by side with the evaluation's
 * figures, pseudonymised aggregates only (no names, no CPR numbers), and small-number
 * suppression: no count from 1 to 4 appears, and no additive set (total and parts) has exactly
 * one hidden cell, so no hidden cell can be recovered from a total or a difference — inside a
 * table and across the engine's tables and the municipality × visitation table.
 */
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { loadNationalData } from '../src/app/steering/national-data.ts';
import { nationalReport } from '../src/reports/national-report.ts';
import { loadNationalFunnel } from '../src/app/steering/national-funnel.ts';
import { nationalFunnelSection } from '../src/reports/national-funnel-section.ts';
import { allTables } from '../src/reports/model.ts';
import type { Count, GroupResult, MonitorResult } from '../src/monitoring/types.ts';
import { defaultMonths } from '../src/http/routes/results.ts';
import { loadActor } from '../src/db/users.ts';
import { backends, testDeps } from './helpers/db.ts';
import { useTestServer } from './helpers/server.ts';
import { loginAs } from './helpers/http.ts';
import { createMunicipality } from './helpers/world.ts';
import { popplerAvailable, readPdf } from './helpers/pdf.ts';

const small = (c: unknown) => typeof c === 'number' && c >= 1 && c <= 4;
const hidden = (c: Count) => typeof c === 'string';

/** Every additive relation the engine's groups satisfy; each must have 0 or ≥ 2 hidden cells. */
function relations(r: MonitorResult): Count[][] {
  const out: Count[][] = [];
  const group = (g: GroupResult) => {
    const a = g.accumulated;
    out.push([g.n, a['1'], a['2'], a['3'], a['0']], [a['1_or_2'], a['1'], a['2']], [g.n, a['1_or_2'], a['3'], a['0']]);
    out.push([g.n, g.durable.full, g.durable.partial, g.durable.none], [g.n, ...Object.values(g.snapshot)]);
    out.push([g.current.active, g.current['1'], g.current['2'], g.current['3'], g.current['0']]);
    for (const k of ['1', '2', '3', '0'] as const) out.push([a[k], ...Object.values(g.durableByAccumulated[k])]);
  };
  const groups = [r.groups.all, ...(['kommune', 'visitation', 'alder', 'aar'] as const).flatMap((k) => Object.values(r.groups[k]))];
  groups.forEach(group);
  for (const k of ['kommune', 'visitation', 'alder', 'aar'] as const) {
    const parts = Object.values(r.groups[k]);
    out.push([r.groups.all.n, ...parts.map((g) => g.n)]);
    for (const l of ['1', '2', '3', '0', '1_or_2'] as const) out.push([r.groups.all.accumulated[l], ...parts.map((g) => g.accumulated[l])]);
    out.push([r.groups.all.durable.full, ...parts.map((g) => g.durable.full)]);
  }
  return out;
}

describe.each(backends())('national view on %s', (backend) => {
  const srv = useTestServer(backend);

  async function data() {
    const deps = testDeps(srv.t.db);
    const id = (await srv.t.db.query<{ id: number }>(`SELECT id FROM app_user WHERE username = 'analytiker.siri'`)).rows[0].id;
    const actor = (await loadActor(srv.t.db, id, '127.0.0.1'))!;
    return loadNationalData(deps, actor, await defaultMonths(srv.t.db));
  }
  /** The national report as its download route builds it: the page's sections, the recruitment funnel per municipality included. */
  async function downloadedReport() {
    const deps = testDeps(srv.t.db);
    const id = (await srv.t.db.query<{ id: number }>(`SELECT id FROM app_user WHERE username = 'analytiker.siri'`)).rows[0].id;
    const actor = (await loadActor(srv.t.db, id, '127.0.0.1'))!;
    const d = await loadNationalData(deps, actor, await defaultMonths(srv.t.db));
    return nationalReport(d, nationalFunnelSection(await loadNationalFunnel(deps, actor, d.months.month), d.threshold));
  }

  it("shows every municipality and the evaluation's figures, and no name or CPR number", async () => {
    const s = await loginAs(srv.app, 'analytiker.siri');
    const res = await s.get('/nationalt');
    expect(res.statusCode).toBe(200);
    for (const m of ['Aalborg', 'Aarhus', 'Brøndby', 'Esbjerg', 'Fanø', 'Frederikshavn', 'Hvidovre', 'Ishøj', 'Vallensbæk', 'Viborg'])
      expect(res.body).toContain(m);
    for (const h of [
      'Evalueringens tal',
      'Visitation ved indtræden',
      'Bedste niveau i projektperioden',
      'Varig beskæftigelse efter bedste niveau',
      'Resultater pr. kommune',
      'Aktivitetsparate pr. kommune',
    ]) {
      expect(res.body).toContain(`<h2>${h}</h2>`);
    }
    expect(res.body).not.toMatch(/\b\d{6}-?\d{4}\b/);
    const names = (
      await srv.t.db.query<{ n: string }>(`SELECT first_name || ' ' || last_name AS n FROM participant ORDER BY random() LIMIT 50`)
    ).rows;
    for (const { n } of names) expect(res.body).not.toContain(n);
    expect(res.body).not.toMatch(/<style|\sstyle="/);
  });

  it('shows no count from 1 to 4 in any table, and no share of a hidden count', async () => {
    const report = nationalReport(await data());
    for (const table of allTables(report)) {
      for (const row of table.rows) {
        for (const c of row) {
          if (c.kind === 'count') expect(small(c.value), `${table.id}: ${JSON.stringify(row)}`).toBe(false);
        }
      }
    }
    const s = await loginAs(srv.app, 'analytiker.siri');
    const body = (await s.get('/nationalt')).body;
    const cells = [...body.matchAll(/<td class="text-right count">([^<]*)(?:<sup>[\s\S]*?<\/sup>)?<\/td>/g)].map((m) => m[1].trim());
    expect(cells.length).toBeGreaterThan(100);
    for (const c of cells) expect(['1', '2', '3', '4']).not.toContain(c);
    expect(cells).toContain('&lt;5'); // Fanø's six women make small cells: suppression is exercised
  });

  it('leaves no hidden cell recoverable from a total or a difference', async () => {
    const d = await data();
    for (const rel of relations(d.result)) {
      const h = rel.filter(hidden).length;
      expect(h === 0 || h >= 2, JSON.stringify(rel)).toBe(true);
    }
    // The municipality × visitation table: its rows add up to the engine's municipality counts,
    // its columns to the engine's visitation counts.
    const rows = d.visitationByMunicipality;
    expect(rows.length).toBeGreaterThan(5);
    for (const row of rows) {
      const rel = [row.n, ...Object.values(row.byVisitation)];
      expect(rel.filter(hidden).length !== 1, JSON.stringify(rel)).toBe(true);
    }
    for (const v of Object.keys(rows[0].byVisitation)) {
      const rel = [d.result.groups.visitation[v].n, ...rows.map((r) => r.byVisitation[v])];
      expect(rel.filter(hidden).length !== 1, JSON.stringify(rel)).toBe(true);
    }
    // The row totals of the municipality × visitation table are shown exactly as the engine shows them.
    for (const row of d.visitationByMunicipality) expect(row.n).toEqual(d.result.groups.kommune[row.municipality].n);
  });

  it('downloads the national view as PDF, XLSX and CSV, suppressed like the page', async () => {
    const s = await loginAs(srv.app, 'analytiker.siri');
    const pdf = await s.get('/nationalt/rapport.pdf');
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    if (popplerAvailable()) {
      const facts = readPdf(pdf.rawPayload);
      expect(facts.tagged).toBe(true);
      expect(facts.structure).toMatch(/H1 \(block\)\n\s+"[^"]+"/);
      expect(facts.structure).toMatch(/Table[^\n]*\n\s+TR[^\n]*\n\s+TH/);
    }
    const xlsx = await s.get('/nationalt/rapport.xlsx');
    expect(xlsx.statusCode).toBe(200);
    expect(xlsx.rawPayload.subarray(0, 2).toString()).toBe('PK');
    const csv = await s.get('/nationalt/rapport.csv');
    expect(csv.statusCode).toBe(200);
    expect(csv.headers['content-disposition']).toMatch(/attachment; filename="nationalt-overblik-\d{4}-\d{2}\.csv"/);
    expect(csv.body.charCodeAt(0)).toBe(0xfeff);
    expect(csv.body).toContain('<5');
    expect(csv.body).not.toMatch(/\b\d{6}-?\d{4}\b/);
  });

  it('writes no count from 1 to 4 into the XLSX download: every count column read back, sheet by sheet', async () => {
    const report = await downloadedReport();
    expect(allTables(report).map((x) => x.id)).toContain('rekruttering-kommune');
    const s = await loginAs(srv.app, 'analytiker.siri');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await s.get('/nationalt/rapport.xlsx')).rawPayload as unknown as ArrayBuffer);
    const sheets = wb.worksheets.slice(1);
    const tables = allTables(report);
    expect(sheets.length).toBe(tables.length);
    let checked = 0;
    tables.forEach((table, ti) => {
      expect(sheets[ti].getCell(1, 1).value).toBe(table.caption);
      table.rows.forEach((row, r) =>
        row.forEach((c, i) => {
          if (c.kind !== 'count') return;
          const cell = sheets[ti].getCell(3 + r, i + 1);
          const v = cell.value;
          expect(small(v), `${table.id} row ${r} col ${i}`).toBe(false);
          // A suppressed count is an empty cell, named with its marker in the row's last column (issue 18).
          if (typeof c.value === 'string') {
            expect(v).toBeNull();
            expect(String(sheets[ti].getCell(3 + r, table.columns.length + 1).value)).toContain(`${table.columns[i]}: ${c.value}`);
          } else expect(v).toEqual(c.value);
          checked++;
        }),
      );
    });
    expect(checked).toBeGreaterThan(200);
  });

  it("is for the agency's analysts only", async () => {
    const pl = await loginAs(srv.app, (await createMunicipality(srv.t.db, { women: 1 })).leader.username); // test/helpers/world.ts
    expect((await pl.get('/nationalt')).statusCode).toBe(403);
    expect((await pl.get('/nationalt/rapport.csv')).statusCode).toBe(403);
  });
});
