/**
 * Results and case measures by what is recorded about each enrolment (issue 13 build 4): Flere
 * skal med group, recruitment channel, country of origin grouped as Danmarks Statistik does
 * (vestlig / ikke-vestlig), exit reason, and municipality × visitation. Visitation is her category
 * at enrolment, as SIRI counts it; later changes (opvisitering) do not move her.
 *
 * Each table has a row per group and a total row. Its cells per row: women (enrolments, as in the
 * engine), Mål 1 or 2 and Mål 3 as best level (accumulated, register: the engine's result for
 * each enrolment), and two case measures at the report
 * month's end: a company-oriented activity started, and a CV on Jobnet with a full ABC job
 * strategy. The rest of each (no goal, not durable, …) are cells of their own that are never shown
 * but follow from the shown ones, so a difference cannot reveal a small count either.
 *
 * Suppressed form (spec §6): one pass over the table (monitoring/suppress-pass.ts, as the report's
 * engine figures: complements by cost against the equations and, with interval protection, against
 * pinning), with every cell that another table of the same page or report shows (the totals are the
 * engine's, municipality subtotals and visitation margins are the engine's groups, the national
 * municipality × visitation counts are that table's) fixed to the state it has there.
 */
import type { Actor } from '../../core/actor.ts';
import {
  BREAKDOWN_DIMENSIONS,
  EXIT_REASONS,
  FLERE_SKAL_MED_GROUPS,
  NOT_EXITED,
  NOT_RECORDED,
  ORIGIN_GROUPS,
  RECRUITMENT_CHANNELS,
  VISITATIONS,
  type BreakdownDimension,
} from '../../core/codes.ts';
import { readDataVersion } from '../../db/data-version.ts';
import { door, systemDoor, type Db } from '../../db/door.ts';
import { loadBreakdownFacts, type BreakdownFact } from '../../db/steering/breakdown-facts.ts';
import { findCountry } from '../../domain/countries.ts';
import { monitor } from '../../monitoring/engine.ts';
import { isSuppressed, PRIMARY, SECONDARY, VISIBLE, type AdditiveSet } from '../../monitoring/suppress.ts';
import { shown } from '../../monitoring/suppress-joint.ts';
import { COMPLEMENT, SMALL, suppressTogether, type Figure, type Relation } from '../../monitoring/suppress-pass.ts';
import type { Count, Durable, GroupResult, Level, MonitorResult } from '../../monitoring/types.ts';
import { countryCodeOf } from '../casework/countries.ts';
import { cohortOf, nationalMonitorInput } from '../register/load-monitor-input.ts';
import type { computeResults } from '../register/monitor-results.ts';
import { monthEnd } from './case-measures.ts';
import { versionCache } from '../../core/version-cache.ts';

/** The shown columns of every breakdown row, in order. */
export const BREAKDOWN_FIGURES = ['n', 'maal12', 'maal3', 'virksomhed', 'cvAbc'] as const;
export type BreakdownFigure = (typeof BREAKDOWN_FIGURES)[number];

// Cell offsets inside a row: the six shown, then the four never shown (the rest of each).
const N = 0,
  ACC12 = 1,
  ACC3 = 2,
  FULL = 3,
  COMP = 4,
  CV = 5,
  ACC0 = 6,
  NOT_FULL = 7,
  NOT_COMP = 8,
  NOT_CV = 9;
const W = 10;
// Durable employment is counted (its cells take part) but not printed: the project reports do not
// print the whole group's durable figure, and printing it here would let a reader combine it with
// the national view, where the one pass may hide it (found by the recoverability test).
const SHOWN = [N, ACC12, ACC3, COMP, CV];

export interface BreakdownRow {
  /** Group key: a stored code, NOT_RECORDED, NOT_EXITED, `kommune|visitation`, `kommune|*` (subtotal), or `*` (total). */
  key: string;
  kind: 'group' | 'subtotal' | 'total';
  /** The figures of BREAKDOWN_FIGURES, suppressed where needed. */
  values: Count[];
  /** Per figure: the shown cell of this breakdown a complement (`x`) protects (row key, index in BREAKDOWN_FIGURES), else null. */
  protects?: ({ key: string; figure: number } | null)[];
}

export interface Breakdown {
  dimension: BreakdownDimension;
  rows: BreakdownRow[];
  /**
   * The raw cells and sets behind the table (shown rows and never-shown margins), for checks; `printed`:
   * the cells a reader sees here or in another table of the page (the others are unknowns ≥ 0 to her).
   */
  cells: { values: number[]; state: Uint8Array; sets: AdditiveSet[]; printed: Set<number> };
}

/** One enrolment in the cohort with its register result. */
export interface Member {
  fact: BreakdownFact;
  accumulated: Level;
  durable: Durable;
}

/** DST's grouping of her country of origin, or NOT_RECORDED when unknown. */
export function originGroupOf(stored: string | null): string {
  const code = countryCodeOf(stored);
  return (code && findCountry(code)?.group) || NOT_RECORDED;
}

/** The group an enrolment falls in, for one dimension, at the date `at` (YYYY-MM-DD). */
export function groupKey(dim: BreakdownDimension, f: BreakdownFact, at: string): string {
  switch (dim) {
    case 'flere_skal_med':
      return f.flereSkalMed === null ? NOT_RECORDED : String(f.flereSkalMed);
    case 'kanal':
      return f.recruitmentChannel ?? NOT_RECORDED;
    case 'oprindelse':
      return originGroupOf(f.countryOfOrigin);
    case 'udskrivning':
      return f.exitedOn !== null && f.exitedOn <= at ? (f.exitReason ?? NOT_RECORDED) : NOT_EXITED;
    case 'kommune_visitation':
      return `${f.municipality}|${f.visitation}`;
  }
}

function add(values: number[], row: number, m: Member) {
  const o = row * W;
  values[o + N]++;
  if (m.accumulated === 1 || m.accumulated === 2) values[o + ACC12]++;
  else if (m.accumulated === 3) values[o + ACC3]++;
  else values[o + ACC0]++;
  values[o + (m.durable === 'full' ? FULL : NOT_FULL)]++;
  values[o + (m.fact.companyOriented ? COMP : NOT_COMP)]++;
  values[o + (m.fact.cvAbc ? CV : NOT_CV)]++;
}

/** Sets inside one row: women = goal levels = durable or not = with the measure or not. */
function rowSets(r: number): AdditiveSet[] {
  const o = r * W;
  return [
    { total: o + N, parts: [o + ACC12, o + ACC3, o + ACC0] },
    { total: o + N, parts: [o + FULL, o + NOT_FULL] },
    { total: o + N, parts: [o + COMP, o + NOT_COMP] },
    { total: o + N, parts: [o + CV, o + NOT_CV] },
  ];
}

/** Column by column: row `total` is the sum of `parts`. */
const sumSets = (total: number, parts: number[]): AdditiveSet[] =>
  Array.from({ length: W }, (_, c) => ({ total: total * W + c, parts: parts.map((p) => p * W + c) }));

/** The engine's figures a row shares with the engine's tables (states only matter). */
function engineCells(g: GroupResult | undefined): [number, Count][] {
  if (!g) return [];
  return [
    [N, g.n],
    [ACC12, g.accumulated['1_or_2']],
    [ACC3, g.accumulated['3']],
    [ACC0, g.accumulated['0']],
    [FULL, g.durable.full],
  ];
}

interface Layout {
  rows: BreakdownRow[];
  /** Row index in the cell array of each shown row (same order as rows). */
  at: number[];
  rowCount: number;
  sets: AdditiveSet[];
  /** Row index by group key (every row, shown or not). */
  index: Map<string, number>;
}

/** Every code in a fixed order (a code from an older release after them), then «not recorded» when some are. */
function orderOf(dim: BreakdownDimension, present: Set<string>): string[] {
  const tail = (keys: readonly string[]) => {
    const known = new Set<string>(keys);
    const older = [...present].filter((k) => !known.has(k) && k !== NOT_RECORDED && k !== NOT_EXITED).sort();
    return [...keys, ...older, ...(present.has(NOT_RECORDED) ? [NOT_RECORDED] : [])];
  };
  switch (dim) {
    case 'flere_skal_med':
      return tail(FLERE_SKAL_MED_GROUPS.map(String));
    case 'kanal':
      return tail(RECRUITMENT_CHANNELS);
    case 'oprindelse':
      return tail(ORIGIN_GROUPS);
    case 'udskrivning':
      return [...tail(EXIT_REASONS), NOT_EXITED];
    case 'kommune_visitation':
      return [];
  }
}

function layout(dim: BreakdownDimension, keys: string[], municipalities: string[]): Layout {
  const index = new Map<string, number>();
  const rows: BreakdownRow[] = [];
  const at: number[] = [];
  const sets: AdditiveSet[] = [];
  let next = 0;
  const row = (key: string, kind: BreakdownRow['kind'] | null) => {
    const r = next++;
    index.set(key, r);
    if (kind) {
      rows.push({ key, kind, values: [] });
      at.push(r);
    }
    sets.push(...rowSets(r));
    return r;
  };
  if (dim !== 'kommune_visitation') {
    const groups = keys.map((k) => row(k, 'group'));
    sets.push(...sumSets(row('*', 'total'), groups));
    return { rows, at, rowCount: next, sets, index };
  }
  const subtotals: number[] = [];
  const cells = new Map<string, number[]>(VISITATIONS.map((v) => [v, []]));
  for (const m of municipalities) {
    const mine = VISITATIONS.map((v) => {
      const r = row(`${m}|${v}`, 'group');
      cells.get(v)!.push(r);
      return r;
    });
    // One municipality: its subtotal is the total.
    if (municipalities.length > 1) {
      const s = row(`${m}|*`, 'subtotal');
      sets.push(...sumSets(s, mine));
      subtotals.push(s);
    } else subtotals.push(-1);
  }
  // Visitation margins (the engine's visitation groups): never shown here, but shown elsewhere.
  const margins = VISITATIONS.map((v) => row(`*|${v}`, null));
  VISITATIONS.forEach((v, i) => sets.push(...sumSets(margins[i], cells.get(v)!)));
  const total = row('*', 'total');
  sets.push(...sumSets(total, margins));
  if (municipalities.length > 1) sets.push(...sumSets(total, subtotals));
  return { rows, at, rowCount: next, sets, index };
}

export interface SharedStates {
  /** The engine's result whose groups are shown in other tables of the same page or report. */
  result: MonitorResult;
  /** Municipality × visitation women already shown elsewhere (the national enrolment table), by `kommune|visitation`. */
  kvShown?: Map<string, Count>;
  /**
   * Interval protection against pinning only (the project reports, as reportPass); without it no small
   * count may be narrowed at all (the national page, whose every table is protected so: national-intervals test).
   */
  pinsOnly?: boolean;
}

/** One breakdown table from the cohort's members; suppressed when `threshold` ≥ 1. */
export function breakdownOf(
  dim: BreakdownDimension,
  members: Member[],
  at: string,
  threshold: number,
  shared: SharedStates | null,
): Breakdown {
  const keyOf = members.map((m) => groupKey(dim, m.fact, at));
  const municipalities = [...new Set(members.map((m) => m.fact.municipality))].sort((a, b) => a.localeCompare(b, 'da'));
  const l = layout(dim, orderOf(dim, new Set(keyOf)), municipalities);
  const values = new Array<number>(l.rowCount * W).fill(0);
  const total = l.index.get('*')!;
  members.forEach((m, i) => {
    const k = keyOf[i];
    add(values, l.index.get(k)!, m);
    add(values, total, m);
    if (dim === 'kommune_visitation') {
      const [mun, vis] = k.split('|');
      const sub = l.index.get(`${mun}|*`);
      if (sub !== undefined) add(values, sub, m);
      add(values, l.index.get(`*|${vis}`)!, m);
    }
  });
  const sets = l.sets;
  const state = new Uint8Array(values.length);
  const protects = new Map<number, number>();
  const printed = printedCells(l);
  if (threshold >= 1 && shared) {
    const fixed = new Map<number, 'shown' | 'hidden'>();
    const fix = (r: number | undefined, cells: [number, Count][]) => {
      if (r === undefined) return;
      for (const [c, v] of cells) {
        fixed.set(r * W + c, isSuppressed(v) ? 'hidden' : 'shown');
        printed.add(r * W + c);
      }
    };
    fix(total, engineCells(shared.result.groups.all));
    if (dim === 'kommune_visitation') {
      // With one municipality its row is the total, already fixed to the whole group's states: the report
      // prints the whole group's figures, not the municipality's, so the municipality's states (never
      // printed, never hidden as complements) must not overwrite them (1 Dec 2026: the whole group's
      // «Mål 3» hidden as x in the other breakdowns was printed as 24 here, seeded for 2 Dec).
      for (const m of municipalities) fix(l.index.get(`${m}|*`), engineCells(shared.result.groups.kommune[m]));
      // With one municipality its cells are the visitation groups themselves: the engine's state too.
      const one = municipalities.length === 1 ? municipalities[0] : null;
      for (const v of VISITATIONS) {
        fix(l.index.get(`*|${v}`), engineCells(shared.result.groups.visitation[v]));
        if (one !== null) fix(l.index.get(`${one}|${v}`), engineCells(shared.result.groups.visitation[v]));
      }
      for (const [k, c] of shared.kvShown ?? []) fix(l.index.get(k), [[N, c]]);
    }
    suppressBreakdown(values, sets, threshold, fixed, printed, state, protects, shared.pinsOnly ?? false);
  }
  const show = shown(values, state, threshold);
  const rowOf = new Map(l.at.map((r, i) => [r, l.rows[i].key]));
  return {
    dimension: dim,
    rows: l.rows.map((row, i) => ({
      ...row,
      values: SHOWN.map((c) => show(l.at[i] * W + c)),
      protects: SHOWN.map((c) => {
        const t = protects.get(l.at[i] * W + c);
        const col = t === undefined ? -1 : SHOWN.indexOf(t % W);
        const key = t === undefined ? undefined : rowOf.get(Math.floor(t / W));
        return key !== undefined && col >= 0 ? { key, figure: col } : null;
      }),
    })),
    cells: { values, state, sets, printed },
  };
}

/** The cells a reader sees here or in another table of the report (the shown rows' shown columns). */
function printedCells(l: Layout): Set<number> {
  const out = new Set<number>();
  for (const r of l.at) for (const c of SHOWN) out.add(r * W + c);
  return out;
}

/**
 * The one pass (monitoring/suppress-pass.ts) over one breakdown, as the report's engine figures:
 * the cells another table shows are fixed (shown stays shown, hidden stays hidden and is protected
 * like a small count), complements against the equations and, with interval protection, against
 * pinning (issue 18 point 12: before, two groups of 4 women beside the engine's 18 and a shown 10
 * were each pinned to 4; `pinsOnly` for the project reports, every narrowing on the national page).
 * Cells printed here or elsewhere (`printed`, the fixed ones among them) are the reader's; the others
 * (no goal, not durable, the margins' case measures) are unknowns ≥ 0 to her.
 */
function suppressBreakdown(
  values: number[],
  sets: AdditiveSet[],
  threshold: number,
  fixed: Map<number, 'shown' | 'hidden'>,
  printed: Set<number>,
  state: Uint8Array,
  protects: Map<number, number>,
  pinsOnly: boolean,
): void {
  const figures = new Map<string, Figure>();
  values.forEach((v, i) => figures.set(String(i), { value: v, printed: printed.has(i) }));
  const relations: Relation[] = sets.map((s) => ({ total: String(s.total), parts: s.parts.map(String) }));
  const pass = suppressTogether(figures, relations, threshold, {
    intervals: true,
    pinsOnly,
    keepShown: (k) => fixed.get(Number(k)) === 'shown',
    hidden: (k) => fixed.get(Number(k)) === 'hidden',
  });
  for (const [k, st] of pass.state) state[Number(k)] = st === COMPLEMENT ? SECONDARY : st === SMALL ? PRIMARY : VISIBLE;
  // A never-printed cell is never marked: its state only says whether it is protected.
  for (const [c, d] of pass.protects) protects.set(Number(c), Number(d));
}

/** The breakdowns of a cohort (every dimension unless told). */
export function breakdownsOf(
  members: Member[],
  at: string,
  threshold: number,
  shared: SharedStates | null,
  dimensions: readonly BreakdownDimension[] = BREAKDOWN_DIMENSIONS,
): Breakdown[] {
  return dimensions.map((d) => breakdownOf(d, members, at, threshold, shared));
}

/**
 * The national view's breakdowns: not municipality × visitation. Each municipality's rows are its
 * projects' own figures, which their reports publish suppressed on their own; suppressed again here
 * apart from them, the two could be combined to recover a hidden count (the recoverability test
 * found one). Results by municipality and by visitation stay in the engine's national tables.
 */
export const NATIONAL_BREAKDOWNS = BREAKDOWN_DIMENSIONS.filter((d) => d !== 'kommune_visitation');

/** The cohort's members: the engine's result for each enrolment joined to its recorded fields. */
export function membersOf(result: MonitorResult, facts: BreakdownFact[]): Member[] {
  const byId = new Map(facts.map((f) => [f.enrolmentId, f]));
  const out: Member[] = [];
  for (const p of result.participants) {
    const f = byId.get(p.id);
    if (f) out.push({ fact: f, accumulated: p.accumulated, durable: p.durable });
  }
  return out;
}

/** A project's breakdowns, from the engine's result for its women (which carries one result per enrolment). */
export async function projectBreakdowns(
  db: Db,
  actor: Actor,
  projectId: number,
  result: MonitorResult,
  threshold: number,
): Promise<Breakdown[]> {
  const at = monthEnd(result.month);
  const facts = await door(db, actor, async (tx) => ({ value: await loadBreakdownFacts(tx, { projectId }, at), audit: [] }));
  // The engine computation that gave `result` is the audited read of her data; this reads counts only.
  return breakdownsOf(membersOf(result, facts), at, threshold, threshold >= 1 ? { result, pinsOnly: true } : null);
}

/**
 * The national members (every municipality), computed once per data version and months and kept
 * for a few minutes (case data can change without a new data version). Counts only leave this
 * module suppressed.
 */
const nationalCache = versionCache<Member[]>({ ttlMs: 5 * 60_000, max: 20 });

export async function nationalMembers(
  db: Parameters<typeof computeResults>[0]['db'],
  actor: Actor,
  months: { month: string; durableMonth: string; snapshotMonth: string },
): Promise<Member[]> {
  const key = JSON.stringify(months);
  const version = await readDataVersion(db);
  return systemDoor(db, actor, async (tx) => {
    const hit = nationalCache.get(db, key, version);
    if (hit) return { value: hit, audit: [] };
    const cohort = cohortOf((await nationalMonitorInput(tx)).input, months.month);
    const result = monitor(cohort.input, { ...months, suppress: 0 });
    const members = membersOf(result, await loadBreakdownFacts(tx, 'all', monthEnd(months.month)));
    nationalCache.set(db, key, version, members);
    return {
      value: members,
      audit: { action: 'beregning', entity: 'monitoring', detail: { scope: 'national', breakdown: true, month: months.month } },
    };
  });
}
