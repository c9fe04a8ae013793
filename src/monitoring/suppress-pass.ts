/**
 * One suppression pass over every table and chart of a page or report (issue 18 point 12): all
 * figures and all additive relations between them go into ONE system — the same figure in two
 * tables is one variable (one key) — and complements are chosen by a cost, so that the least is
 * hidden and headline figures stay shown when a cheaper complement protects as well.
 *
 * 1. primary: a printed count from 1 to N−1 is hidden (`<N`); a count that is never printed but
 *    follows from printed ones (n − active) is an unknown to the reader, and must not be
 *    determined either when it is small.
 * 2. while a small count (primary) is determined by the relations — its unit vector lies in the
 *    row space of the relations restricted to the unknowns, found by Gauss–Jordan elimination —
 *    the cheapest printed cell that frees it is hidden too (`x`), tried in order of cost among the
 *    cells of the relations it is in (then their neighbours);
 * 3. every `x` is then tried shown again, most expensive first, and stays shown when no small
 *    count becomes determined by it (this also shows an `x` that was determined anyway: it
 *    protected nothing).
 *
 * 4. interval protection (suppress-intervals.ts, when asked with `intervals`): counts being ≥ 0,
 *    a `<N` being 1..N−1 and an `x` N or more can confine a small count to part of its range
 *    (two `<5` in a row whose total and other cells are shown add up to a known number); while
 *    one is, the cheapest shown cell of its relations that widens it again is hidden too.
 */
import type { Count } from './types.ts';
import { blindBounds, HIDDEN_CELL, KNOWN, narrowedCells, SMALL_CELL, UNPRINTED, widenIntervals } from './suppress-intervals.ts';

/** One figure of the page: its true value; `printed: false` for a figure never shown (a difference). */
export interface Figure {
  value: number;
  printed?: boolean;
  /** What hiding it costs (default: its value); headline figures get a high cost. */
  cost?: number;
}

/** total = sum of parts, over figure keys. */
export interface Relation {
  total: string;
  parts: string[];
}

export const SHOWN = 0;
export const SMALL = 1;
export const COMPLEMENT = 2;
/** Never printed and not small: an unknown the reader may or may not work out. */
const FREE = 3;

export interface PassResult {
  threshold: number;
  /** SHOWN, SMALL or COMPLEMENT per printed figure. */
  state: Map<string, number>;
  /** The small figure each complement protects (the reason of its `x`). */
  protects: Map<string, string>;
  /** The printed form of a figure: its value, `<N` or `x`. Unknown keys throw. */
  display(key: string): Count;
  /** How many printed figures are hidden. */
  hiddenCount(): number;
}

const EPS = 1e-9;

/**
 * Unknowns (state ≠ SHOWN) that the relations determine, each with the equation that determines
 * it: reduced row echelon form, pivots only on unknowns, the shown cells carried along (sparse
 * rows; coefficients stay small rationals, so a tolerance is safe). The shown cells of a
 * determining equation are the complements that can break it.
 */
function determined(rels: Int32Array[], coefs: Int8Array[], unknown: (i: number) => boolean): Map<number, Map<number, number>> {
  const pivots = new Map<number, Map<number, number>>();
  const colRows = new Map<number, Set<number>>(); // unknown column → pivot columns whose row contains it
  const addCol = (c: number, p: number) => {
    let s = colRows.get(c);
    if (!s) colRows.set(c, (s = new Set()));
    s.add(p);
  };
  const subtract = (target: Map<number, number>, source: Map<number, number>, c: number, targetPivot: number | null) => {
    const f = target.get(c)! / source.get(c)!;
    for (const [k, v] of source) {
      const w = (target.get(k) ?? 0) - f * v;
      if (Math.abs(w) < EPS) {
        target.delete(k);
        if (targetPivot !== null && unknown(k)) colRows.get(k)?.delete(targetPivot);
      } else {
        if (targetPivot !== null && unknown(k) && !target.has(k)) addCol(k, targetPivot);
        target.set(k, w);
      }
    }
  };
  for (let r = 0; r < rels.length; r++) {
    const cells = rels[r];
    let any = false;
    for (let j = 0; j < cells.length && !any; j++) any = unknown(cells[j]);
    if (!any) continue;
    const row = new Map<number, number>();
    for (let j = 0; j < cells.length; j++) row.set(cells[j], coefs[r][j]);
    for (const c of [...row.keys()]) if (row.has(c) && pivots.has(c)) subtract(row, pivots.get(c)!, c, null);
    let p = -1;
    for (const c of row.keys()) if (unknown(c) && (p < 0 || c < p)) p = c;
    if (p < 0) continue;
    for (const q of [...(colRows.get(p) ?? [])]) if (q !== p) subtract(pivots.get(q)!, row, p, q);
    pivots.set(p, row);
    for (const c of row.keys()) if (unknown(c)) addCol(c, p);
  }
  const out = new Map<number, Map<number, number>>();
  for (const [c, row] of pivots) {
    let n = 0;
    for (const k of row.keys()) if (unknown(k)) n++;
    if (n === 1) out.set(c, row);
  }
  return out;
}

export interface PassOptions {
  /**
   * Step 4, interval protection (off by default): true for every printed figure, or a predicate
   * naming the figures the page prints (the others are unknowns ≥ 0 to the reader there, never
   * checked for narrowing nor picked as interval complements; the equations still protect them).
   */
  intervals?: boolean | ((key: string) => boolean);
  /** With `intervals`: forbid only pinning a small count to one value (suppress-intervals.ts, WidenOptions.pinsOnly). */
  pinsOnly?: boolean;
  /**
   * Figures another publication already prints (the national page's figures for the project's
   * municipality): never a complement here, since hiding a public figure protects nothing. The
   * small counts are then protected by other complements.
   */
  keepShown?: (key: string) => boolean;
  /**
   * Figures another publication hides as complements (`x`): hidden here too from the start, so that
   * printing them here does not give away what the other publication protects; protected here
   * like small counts (no `protects` entry: what they protect is in the other publication).
   */
  hidden?: (key: string) => boolean;
  /**
   * With `intervals`: figures hidden against pinning only when no other figure near the pinned one
   * can be (suppress-intervals.ts, WidenOptions.lastResort): the project reports' number of women.
   */
  lastResort?: (key: string) => boolean;
}

// Long because its four steps (primary cells, complements against the equations, showing
// again, interval protection) share one state array per figure and the closures over it
// (`unknown`, `exposed`, `pickable`, `byCost`); split into functions they would pass a dozen
// values each way. The file comment at the top numbers the steps.
export function suppressTogether(
  figures: Map<string, Figure>,
  relations: Relation[],
  threshold: number,
  opts: PassOptions = {},
): PassResult {
  const keys = [...figures.keys()];
  const index = new Map(keys.map((k, i) => [k, i]));
  const fig = keys.map((k) => figures.get(k)!);
  const value = fig.map((f) => f.value);
  const printed = fig.map((f) => f.printed !== false);
  const cost = fig.map((f) => f.cost ?? f.value);
  const state = new Uint8Array(keys.length);
  const protects = new Map<number, number>();
  const idx = (k: string) => {
    const i = index.get(k);
    if (i === undefined) throw new Error(`relation names an unknown figure: ${k}`);
    return i;
  };
  // Relations as merged sparse rows (a key both total and part cancels).
  const rels: Int32Array[] = [];
  const coefs: Int8Array[] = [];
  const relsOf: number[][] = keys.map(() => []);
  const sets: { total: number; parts: number[] }[] = [];
  for (const r of relations) {
    if (opts.intervals) sets.push({ total: idx(r.total), parts: r.parts.map(idx) });
    const m = new Map<number, number>();
    m.set(idx(r.total), -1);
    for (const p of r.parts) {
      const i = idx(p);
      m.set(i, (m.get(i) ?? 0) + 1);
    }
    for (const [c, v] of m) if (v === 0) m.delete(c);
    if (m.size < 2) continue;
    const k = rels.length;
    rels.push(Int32Array.from(m.keys()));
    coefs.push(Int8Array.from(m.values()));
    for (const c of m.keys()) relsOf[c].push(k);
  }
  if (threshold >= 1) {
    for (let i = 0; i < keys.length; i++) {
      if (value[i] >= 1 && value[i] < threshold) state[i] = SMALL;
      else if (!printed[i]) state[i] = FREE;
    }
  } else return result(keys, state, protects, value, printed, threshold);
  const keep = keys.map((k) => opts.keepShown?.(k) ?? false);
  // Hidden elsewhere: hidden here too, and protected like a small count (worked out here, it would be given away there).
  const elsewhere = new Uint8Array(keys.length);
  keys.forEach((k, i) => {
    if (state[i] === SHOWN && printed[i] && value[i] > 0 && !keep[i] && opts.hidden?.(k)) {
      state[i] = COMPLEMENT;
      elsewhere[i] = 1;
    }
  });

  const unknown = (i: number) => state[i] !== SHOWN;
  const exposed = (): [number, Map<number, number>] | null => {
    for (const [d, eq] of determined(rels, coefs, unknown)) if (state[d] === SMALL || elsewhere[d]) return [d, eq];
    return null;
  };
  const pickable = (i: number) => state[i] === SHOWN && printed[i] && value[i] > 0 && !keep[i];
  const byCost = (a: number, b: number) => cost[a] - cost[b] || a - b;
  const TRIES = 6;
  const DEARER = 2;
  for (let e = exposed(); e; e = exposed()) {
    const [d, eq] = e;
    // The shown cells of the equation that gives d away; hiding one of them breaks that equation.
    let list = [...eq.keys()].filter(pickable).sort(byCost);
    if (!list.length) {
      const near = new Set<number>();
      for (const r of relsOf[d]) for (const c of rels[r]) if (pickable(c)) near.add(c);
      list = [...near].sort(byCost);
    }
    if (!list.length) break; // nothing left to hide (cannot happen with consistent relations)
    // The cheapest, or a dearer one within a factor that frees d on its own.
    let pick = list[0];
    for (const c of list.slice(0, TRIES)) {
      if (cost[c] > cost[list[0]] * DEARER) break;
      state[c] = COMPLEMENT;
      const still = determined(rels, coefs, unknown).has(d);
      state[c] = SHOWN;
      if (!still) {
        pick = c;
        break;
      }
    }
    state[pick] = COMPLEMENT;
    protects.set(pick, d);
  }
  // Show again what protects nothing, most expensive first.
  const hiddenAgain = [...protects.keys()].sort((a, b) => byCost(b, a));
  for (const c of hiddenAgain) {
    state[c] = SHOWN;
    if (exposed()) state[c] = COMPLEMENT;
    else protects.delete(c);
  }
  if (opts.intervals) {
    const on = opts.intervals;
    const page = keys.map((k, i) => printed[i] && (on === true || on(k)));
    const kind = (i: number) => (!page[i] ? UNPRINTED : state[i] === SHOWN ? KNOWN : state[i] === SMALL ? SMALL_CELL : HIDDEN_CELL);
    const hidden = new Map<number, number>();
    const onPage = (i: number) => page[i] && pickable(i);
    widenIntervals(value, sets, kind, (i) => (state[i] = COMPLEMENT), threshold, {
      pickable: onPage,
      cost: (i) => cost[i],
      protects: hidden,
      pinsOnly: opts.pinsOnly,
      ...(opts.lastResort ? { lastResort: (i: number) => opts.lastResort!(keys[i]) } : {}),
    });
    for (const [c, d] of hidden) protects.set(c, d);
    // Show again what protects nothing now, most expensive first: no small count narrowed nor determined by it.
    if (hidden.size) {
      const blind = blindBounds(value, sets, kind, threshold);
      for (const c of [...protects.keys()].sort((a, b) => byCost(b, a))) {
        state[c] = SHOWN;
        if (narrowedCells(value, sets, kind, threshold, blind, opts.pinsOnly).length || exposed()) state[c] = COMPLEMENT;
        else protects.delete(c);
      }
    }
    // An interval complement may be the only hidden figure of a relation between figures the page
    // does not print (but the result carries): hide the cheapest other printed figure there too.
    for (let again = true; again;) {
      again = false;
      for (const st of sets) {
        const cells = [st.total, ...st.parts];
        const hid = cells.filter((i) => state[i] !== SHOWN);
        if (hid.length !== 1 || !printed[hid[0]]) continue;
        const pick = cells.filter(pickable).sort(byCost)[0];
        if (pick === undefined) continue;
        state[pick] = COMPLEMENT;
        protects.set(pick, hid[0]);
        again = true;
      }
    }
    protectComplements(rels, coefs, state, unknown, pickable, byCost, protects, (i) => !elsewhere[i] && printed[i]);
  }
  return result(keys, state, protects, value, printed, threshold);
}

/**
 * Step 4 judges a complement by bounds alone, so it may hide a figure that the equations give
 * away exactly (seeded 179640758: an `x` of 18 that three shown rows and columns add up to). A
 * hidden figure a reader can compute protects nothing and is a figure "that would let a reader
 * compute a hidden cell" (spec §6): while one is determined, hide the cheapest shown figure of the
 * equation that determines it. Hiding only widens the bounds of step 4, so no count is narrowed
 * again by it.
 */
function protectComplements(
  rels: Int32Array[],
  coefs: Int8Array[],
  state: Uint8Array,
  unknown: (i: number) => boolean,
  pickable: (i: number) => boolean,
  byCost: (a: number, b: number) => number,
  protects: Map<number, number>,
  mine: (i: number) => boolean,
): void {
  for (let round = 0; round < state.length; round++) {
    let picked = false;
    for (const [d, eq] of determined(rels, coefs, unknown)) {
      if (state[d] !== COMPLEMENT || !mine(d)) continue;
      const pick = [...eq.keys()].filter(pickable).sort(byCost)[0];
      if (pick === undefined) continue;
      state[pick] = COMPLEMENT;
      protects.set(pick, d);
      picked = true;
      break;
    }
    if (!picked) return;
  }
}

function result(
  keys: string[],
  state: Uint8Array,
  protects: Map<number, number>,
  value: number[],
  printed: boolean[],
  threshold: number,
): PassResult {
  const st = new Map<string, number>();
  keys.forEach((k, i) => st.set(k, state[i] === FREE ? SHOWN : state[i]));
  const pr = new Map<string, string>();
  // A complement whose figure was shown again afterwards protects others still (else it would have been shown again too): no named reason.
  for (const [c, d] of protects) if (state[d] !== SHOWN) pr.set(keys[c], keys[d]);
  const valueOf = new Map(keys.map((k, i) => [k, value[i]]));
  return {
    threshold,
    state: st,
    protects: pr,
    display(key: string): Count {
      const s = st.get(key);
      if (s === undefined) throw new Error(`no figure ${key}`);
      if (s === SMALL) return `<${threshold}`;
      if (s === COMPLEMENT) return 'x';
      return valueOf.get(key)!;
    },
    hiddenCount() {
      let n = 0;
      state.forEach((s, i) => {
        if (printed[i] && (s === SMALL || s === COMPLEMENT)) n++;
      });
      return n;
    },
  };
}
