/**
 * Issue 18 (the committee chart of the current Aalborg project had no bars on 1 Dec 2026): a small
 * visitation group whose «Mål 1 eller 2» (7 of 8) would pin its Mål 3 (1) lost its cheap Mål 1 to
 * interval protection, which forced its «Mål 1 eller 2» out, and the column total then gave the large
 * aktivitetsparat group's away: the chart had no bar for the large group either. The report pass
 * (app/steering/report-pass.ts) now chooses interval complements by what they force as well
 * (suppress-intervals.ts, lookahead) and widens the small cells before the complements pinned beside
 * them: the small group's own cell (its women) goes, the large group's bar stays.
 *
 * The women are built here (no demo draws): 54 aktivitetsparate (24 in education, 10 in a work
 * placement), 8 jobparate (7 in education, 1 in a work placement), 6 selvforsørgende and 3 øvrige
 * without either. The published figures are read as the reports print them (report-pass.ts onReport)
 * and the independent solvers (helpers/recoverability.ts) check that nothing hidden is determined
 * or pinned to one value.
 */
import { describe, expect, it } from 'vitest';
import { onReport, reportPass } from '../src/app/steering/report-pass.ts';
import { monitor } from '../src/monitoring/engine.ts';
import { resultFigures } from '../src/monitoring/suppress-result.ts';
import { inputOf, type PersonSpec } from '../src/monitoring/test-support.ts';
import type { MonitorResult } from '../src/monitoring/types.ts';
import { engineRelations } from './helpers/published-tables.ts';
import { ranges, recoverable, type Shown } from './helpers/recoverability.ts';

const THRESHOLD = 5;
const MONTH = '2025-11';

function women(): PersonSpec[] {
  const out: PersonSpec[] = [];
  const add = (n: number, visitation: PersonSpec['visitation'], weeks?: Record<string, number>) => {
    for (let i = 0; i < n; i++) out.push({ id: `k${out.length}`, in: '2025-02-03', kommune: 'Aalborg', visitation, weeks });
  };
  add(24, 'aktivitetsparat', { '2025-W20': 651 }); // SU: education (Mål 1)
  add(10, 'aktivitetsparat', { '2025-W20': 137 }); // virksomhedspraktik (Mål 3)
  add(20, 'aktivitetsparat');
  add(7, 'jobparat', { '2025-W20': 651 });
  add(1, 'jobparat', { '2025-W20': 137 });
  add(6, 'selvforsoergende');
  add(3, 'oevrige');
  return out;
}

const at = (r: MonitorResult, key: string): Shown =>
  key.split('.').reduce<unknown>((o, p) => (o as Record<string, unknown>)[p], r) as Shown;

describe('the report pass keeps the large groups’ bars (issue 18, the committee chart)', () => {
  const raw = monitor(inputOf(women()), { month: MONTH, suppress: 0 });
  const r = reportPass(raw, THRESHOLD, null);

  it('the data is as built: jobparat’s Mål 3 is small and its «Mål 1 eller 2» 7 of 8', () => {
    const j = raw.groups.visitation.jobparat;
    expect([j.n, j.accumulated['1_or_2'], j.accumulated['3']]).toEqual([8, 7, 1]);
    expect([raw.groups.visitation.aktivitetsparat.n, raw.groups.visitation.aktivitetsparat.accumulated['1_or_2']]).toEqual([54, 24]);
    expect(r.groups.visitation.jobparat.accumulated['3']).toBe(`<${THRESHOLD}`);
  });

  it('the large group’s women and «Mål 1 eller 2» stay shown (its bar is drawn), and the whole group’s figures too', () => {
    const a = r.groups.visitation.aktivitetsparat;
    expect([a.n, a.accumulated['1_or_2']]).toEqual([54, 24]);
    const all = r.groups.all;
    expect([all.n, all.accumulated['1_or_2'], all.accumulated['1'], all.accumulated['3']]).toEqual([71, 31, 31, 11]);
  });

  it('nothing the reports print hidden is determined or pinned to one value', () => {
    const published = new Map<string, Shown>();
    for (const k of resultFigures(raw, {}).figures.keys()) if (onReport(k)) published.set(`P:${k}`, at(r, k));
    const relations = engineRelations('P:', raw);
    expect([...published.values()].filter((v) => typeof v === 'string').length, 'some figures are hidden').toBeGreaterThan(1);
    const found = recoverable(published, relations);
    expect(found.map((x) => `${x.key} shown ${x.shown} is ${x.value}`)).toEqual([]);
    const pinned = ranges(published, relations, THRESHOLD).filter((x) => x.lo >= x.hi);
    expect(pinned.map((x) => `${x.key} shown ${x.shown} is ${x.lo}`)).toEqual([]);
  });
});
