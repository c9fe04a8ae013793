/**
 * Small-number suppression (spec §6). Cells are numbers in one flat array; additive sets say
 * which cells add up to which total. The rule (see README.md):
 * 1. primary: a count from 1 to N-1 is hidden and shown as `<N`;
 * 2. secondary: while some additive set (its total and its parts) has exactly one hidden cell,
 *    hide the smallest visible non-zero part of that set too (the total if no part qualifies),
 *    shown as `x`. Repeat until no set has exactly one hidden cell.
 * Cells that are never shown but follow from shown ones (e.g. "not active" = n − active) take
 * part as cells of their own, so a difference cannot reveal a small count either.
 */
import type { Count } from './types.ts';
import { HIDDEN_CELL, KNOWN, setsByCell, SMALL_CELL, widenIntervals } from './suppress-intervals.ts';

export interface AdditiveSet {
  total: number;
  parts: number[];
}

export const VISIBLE = 0;
export const PRIMARY = 1;
export const SECONDARY = 2;

export interface SuppressOptions {
  /**
   * Headline cells (e.g. durable employment of those who reached Mål 1): never picked as a
   * complement while another cell can do, and shown again at the end when hiding them protects
   * nothing (issue 18: SIRI's headline 47 % was hidden for nothing).
   */
  headline?: ReadonlySet<number>;
  /** Cells that must stay shown (another table shows them); never picked. */
  keepShown?: (i: number) => boolean;
  /** Filled with the reason of every secondary cell: the hidden cell it protects. */
  protects?: Map<number, number>;
  /**
   * Solve the whole system after the one-set rule (protectAll): for a small table with row and
   * column totals, where the one-set rule alone can leave a cell determined by several sets.
   */
  solve?: boolean;
  /**
   * Interval protection after the rules (suppress-intervals.ts): no small count confined by the
   * bounds a reader derives (counts ≥ 0, `<N` is 1..N−1, `x` is N or more) more tightly than
   * the markers alone allow, no complement pinned to one value.
   */
  intervals?: boolean;
}

/** States (VISIBLE, PRIMARY, SECONDARY) of every cell; all VISIBLE when threshold < 1. */
export function suppressCells(values: ArrayLike<number>, sets: AdditiveSet[], threshold: number, opts: SuppressOptions = {}): Uint8Array {
  const state = new Uint8Array(values.length);
  if (threshold < 1) return state;
  for (let i = 0; i < values.length; i++) if (values[i] >= 1 && values[i] < threshold) state[i] = PRIMARY;
  const headline = opts.headline ?? new Set<number>();
  const pickable = (i: number) => state[i] === VISIBLE && values[i] > 0 && !opts.keepShown?.(i);
  let changed = true;
  while (changed) {
    changed = false;
    for (const set of sets) {
      let hidden = state[set.total] !== VISIBLE ? 1 : 0;
      let which = set.total;
      for (const p of set.parts)
        if (state[p] !== VISIBLE) {
          hidden++;
          which = p;
        }
      if (hidden !== 1) continue;
      let pick = -1;
      const better = (p: number) =>
        pick < 0 || (headline.has(pick) && !headline.has(p)) || (headline.has(pick) === headline.has(p) && values[p] < values[pick]);
      for (const p of set.parts) if (pickable(p) && better(p)) pick = p;
      if (pickable(set.total) && (pick < 0 || (headline.has(pick) && !headline.has(set.total)))) pick = set.total;
      if (pick >= 0) {
        state[pick] = SECONDARY;
        opts.protects?.set(pick, which);
        changed = true;
      }
    }
  }
  if (opts.solve) protectAll(values, sets, state, pickable, headline, opts.protects);
  if (opts.intervals) {
    const kind = (i: number) => (state[i] === VISIBLE ? KNOWN : state[i] === PRIMARY ? SMALL_CELL : HIDDEN_CELL);
    const cost = (i: number) => (headline.has(i) ? values[i] * 10_000 : values[i]);
    widenIntervals(values, sets, kind, (i) => (state[i] = SECONDARY), threshold, { pickable, cost, protects: opts.protects });
    // The interval step judges a complement by bounds alone, so it may hide a cell that the
    // equations give away exactly (a reader computes it, then bounds the rest with it): solve
    // again; hiding more only widens bounds, so no headline cell is shown again here.
    if (opts.solve) protectAll(values, sets, state, pickable, headline, opts.protects, false);
  }
  return state;
}

/**
 * The one-set rule above leaves no set with a single hidden cell, but several sets together can
 * still pin a hidden cell down (rows and columns of a table, a total shown in two tables). This
 * solves the whole system as a reader would: every set is an equation over the hidden cells (the
 * shown ones are known numbers); a hidden cell is determined when elimination leaves it alone in
 * its row. While one is, another cell of a set it is in is hidden (the smallest, headline cells
 * last). Then the headline cells hidden as complements are shown again where nothing becomes
 * determined by it. Every hidden cell's true value is ≥ 1, so a cell not determined by the
 * equations is not determined by "counts are ≥ 0" either.
 */
function protectAll(
  values: ArrayLike<number>,
  sets: AdditiveSet[],
  state: Uint8Array,
  pickable: (i: number) => boolean,
  headline: ReadonlySet<number>,
  protects?: Map<number, number>,
  showHeadlineAgain = true,
): void {
  const setsOf = setsByCell(sets);
  for (let round = 0; round < 10_000; round++) {
    const det = determinedCells(values, sets, state);
    if (!det.length) break;
    let hidAny = false;
    for (const d of det) {
      // Still determined after earlier picks this round is checked next round; pick one complement now.
      let pick = -1;
      const consider = (ks: Iterable<number>) => {
        for (const k of ks) {
          for (const c of [sets[k].total, ...sets[k].parts]) {
            if (!pickable(c)) continue;
            if (
              pick < 0 ||
              (headline.has(pick) && !headline.has(c)) ||
              (headline.has(pick) === headline.has(c) && values[c] < values[pick])
            )
              pick = c;
          }
        }
      };
      consider(setsOf.get(d) ?? []);
      // Nothing to hide beside d (its sets hold only hidden cells and zeros): the equation that
      // gives d away runs through the sets its hidden neighbours are in; hide a cell there.
      if (pick < 0) consider(setsLinkedTo(d, sets, setsOf, state));
      if (pick >= 0) {
        state[pick] = SECONDARY;
        protects?.set(pick, d);
        hidAny = true;
        break;
      }
    }
    if (!hidAny) break;
  }
  if (!showHeadlineAgain) return;
  for (const h of headline) {
    if (state[h] !== SECONDARY) continue;
    state[h] = VISIBLE;
    if (determinedCells(values, sets, state).length) state[h] = SECONDARY;
    else protects?.delete(h);
  }
}

/** The sets reachable from the sets of `d` through hidden cells (breadth first, `d`'s own sets included). */
function setsLinkedTo(d: number, sets: AdditiveSet[], setsOf: Map<number, number[]>, state: Uint8Array): number[] {
  const seen = new Set<number>(setsOf.get(d) ?? []);
  const queue = [...seen];
  for (let q = 0; q < queue.length; q++) {
    const s = sets[queue[q]];
    for (const c of [s.total, ...s.parts]) {
      if (state[c] === VISIBLE) continue;
      for (const k of setsOf.get(c) ?? [])
        if (!seen.has(k)) {
          seen.add(k);
          queue.push(k);
        }
    }
  }
  return queue;
}

/**
 * Hidden cells whose value follows from the shown cells and the sets: Gauss–Jordan elimination
 * over the hidden cells only (sparse rows; coefficients stay small integers, so a tolerance is safe).
 */
export function determinedCells(values: ArrayLike<number>, sets: AdditiveSet[], state: Uint8Array): number[] {
  const EPS = 1e-9;
  const pivots = new Map<number, Map<number, number>>();
  const combine = (target: Map<number, number>, source: Map<number, number>, c: number) => {
    const f = target.get(c)! / source.get(c)!;
    for (const [k, v] of source) {
      const w = (target.get(k) ?? 0) - f * v;
      if (Math.abs(w) < EPS) target.delete(k);
      else target.set(k, w);
    }
  };
  for (const s of sets) {
    const row = new Map<number, number>();
    for (const c of [s.total, ...s.parts]) {
      if (state[c] === VISIBLE) continue;
      row.set(c, (row.get(c) ?? 0) + (c === s.total ? -1 : 1));
    }
    for (const [c, v] of row) if (v === 0) row.delete(c);
    if (!row.size) continue;
    for (const [c, pr] of pivots) if (row.has(c)) combine(row, pr, c);
    if (!row.size) continue;
    let c0 = -1;
    for (const c of row.keys()) if (c0 < 0 || c < c0) c0 = c;
    for (const pr of pivots.values()) if (pr.has(c0)) combine(pr, row, c0);
    pivots.set(c0, row);
  }
  const out: number[] = [];
  for (const [c, row] of pivots) if (row.size === 1) out.push(c);
  return out.sort((a, b) => a - b);
}

/** The shown form of a cell. */
export function display(value: number, state: number, threshold: number): Count {
  if (state === PRIMARY) return `<${threshold}`;
  if (state === SECONDARY) return 'x';
  return value;
}

export function isSuppressed(c: Count): c is string {
  return typeof c === 'string';
}

/** Share count/denominator for presentation, or null when either is hidden or the denominator is 0. */
export function share(count: Count, denominator: Count): number | null {
  if (typeof count !== 'number' || typeof denominator !== 'number' || denominator === 0) return null;
  return count / denominator;
}
