/**
 * Interval protection (issue 17, issue 18 point 12): beyond the equations (a hidden count must
 * not be determined), a reader knows that counts are ≥ 0, that a `<N` is 1..N−1 and that an `x`
 * is N or more (a complement is never small). With a row whose total and other cells are shown,
 * two `<5` cells add up to a known number — 7 makes each 3 or 4 — and a `<5` beside an `x` is at
 * most the row's hidden sum minus N. A small count is *narrowed* when these bounds, propagated
 * over every additive set to a fixed point, confine it more tightly than the markers alone do
 * (every shown non-zero figure read as "N or more"); a complement is narrowed when it is pinned to
 * one value.
 *
 * `widenIntervals` hides further complements until nothing is narrowed: for a narrowed cell, the
 * cheapest shown cell of one of its sets whose hiding lets that set alone allow the cell's whole
 * range (checked with the bounds already known: one evaluation per candidate, no global re-solve
 * per trial), else the cheapest cell of its sets or of the sets linked to it through hidden cells;
 * then one propagation over the system to find what is still narrowed. Hiding only adds unknowns,
 * so nothing the equations protected becomes determined.
 */
/** total = Σ parts, over cell indices (suppress.ts's AdditiveSet). */
export interface AdditiveSet {
  total: number;
  parts: readonly number[];
}

/** What a reader knows of a cell. */
export const KNOWN = 0;
export const SMALL_CELL = 1;
export const HIDDEN_CELL = 2;
/** Never printed: only ≥ 0. */
export const UNPRINTED = 3;

const ROUNDS = 200;
/** How much dearer than the cheapest a complement that widens more may be. */
const DEARER = 4;

/**
 * The bounds a reader derives for every cell: `kind` says what is printed (KNOWN: the value; SMALL_CELL:
 * 1..N−1; HIDDEN_CELL: N or more; UNPRINTED: ≥ 0), propagated over the sets (total = Σ parts) to a fixed point.
 */
export function cellBounds(
  values: ArrayLike<number>,
  sets: readonly AdditiveSet[],
  kind: (i: number) => number,
  threshold: number,
): { lo: Float64Array; hi: Float64Array } {
  const n = values.length;
  const lo = new Float64Array(n);
  const hi = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const k = kind(i);
    if (k === KNOWN) lo[i] = hi[i] = values[i];
    else if (k === SMALL_CELL) {
      lo[i] = 1;
      hi[i] = threshold - 1;
    } else {
      lo[i] = k === HIDDEN_CELL ? threshold : 0;
      hi[i] = Infinity;
    }
  }
  for (let round = 0, changed = true; changed && round < ROUNDS; round++) {
    changed = false;
    for (const s of sets) if (tightenSet(s, lo, hi)) changed = true;
  }
  return { lo, hi };
}

/** One set's bounds on its total and parts; true when one moved. */
function tightenSet(s: AdditiveSet, lo: Float64Array, hi: Float64Array): boolean {
  let changed = false;
  let sumLo = 0;
  let finHi = 0;
  let infinite = 0;
  for (const p of s.parts) {
    sumLo += lo[p];
    if (hi[p] === Infinity) infinite++;
    else finHi += hi[p];
  }
  const t = s.total;
  if (sumLo > lo[t]) {
    lo[t] = sumLo;
    changed = true;
  }
  if (infinite === 0 && finHi < hi[t]) {
    hi[t] = finHi;
    changed = true;
  }
  for (const p of s.parts) {
    const othersHi = infinite - (hi[p] === Infinity ? 1 : 0) > 0 ? Infinity : finHi - (hi[p] === Infinity ? 0 : hi[p]);
    const l = lo[t] - othersHi;
    const h = hi[t] - (sumLo - lo[p]);
    if (l > lo[p]) {
      lo[p] = l;
      changed = true;
    }
    if (h < hi[p]) {
      hi[p] = h;
      changed = true;
    }
  }
  return changed;
}

export interface WidenOptions {
  /** A shown cell that may be hidden as a complement (printed, not 0, not kept shown). */
  pickable: (i: number) => boolean;
  /** What hiding a cell costs (default: its value). */
  cost?: (i: number) => number;
  /** Filled with the narrowed cell each new complement protects. */
  protects?: Map<number, number>;
  /**
   * Only pinning counts (a small cell confined to one value, like an `x`): the project reports'
   * mode (issue 18 point 12), where forbidding every narrowing cascades up to the headline figures.
   */
  pinsOnly?: boolean;
  /**
   * Cells hidden only when nothing else near a narrowed cell can be (the whole group's number of women
   * in the project reports): a full widener among them loses to any other cell that widens or links.
   */
  lastResort?: (i: number) => boolean;
}

/**
 * Printed cells a reader confines too tightly: a small cell whose bounds are narrower than with
 * every shown non-zero figure read as "N or more" (with `pinsOnly`, only one so confined to one
 * value), a hidden (`x`) cell pinned to one value.
 * `kind` as in cellBounds.
 */
export function narrowedCells(
  values: ArrayLike<number>,
  sets: readonly AdditiveSet[],
  kind: (i: number) => number,
  threshold: number,
  blind?: { lo: Float64Array; hi: Float64Array },
  pinsOnly = false,
): number[] {
  return narrowedOf(values, kind, blind ?? blindBounds(values, sets, kind, threshold), cellBounds(values, sets, kind, threshold), pinsOnly);
}

function narrowedOf(
  values: ArrayLike<number>,
  kind: (i: number) => number,
  b: { lo: Float64Array; hi: Float64Array },
  { lo, hi }: { lo: Float64Array; hi: Float64Array },
  pinsOnly: boolean,
): number[] {
  const out: number[] = [];
  for (let i = 0; i < values.length; i++) {
    const k = kind(i);
    const pinned = lo[i] >= hi[i];
    // A small cell the markers and zeros alone confine (its blind bounds) is not narrowed by what is
    // shown: no complement can widen it, and reported it kept every complement hidden (suppress-pass).
    const narrower = lo[i] > b.lo[i] || hi[i] < b.hi[i];
    if (k === SMALL_CELL ? (pinsOnly ? pinned && narrower : narrower) : k === HIDDEN_CELL && pinned) out.push(i);
  }
  return out;
}

/** The bounds with every shown non-zero figure read as "N or more" (what the markers alone allow). */
export function blindBounds(values: ArrayLike<number>, sets: readonly AdditiveSet[], kind: (i: number) => number, threshold: number) {
  return cellBounds(values, sets, (i) => (kind(i) === KNOWN && values[i] > 0 ? HIDDEN_CELL : kind(i)), threshold);
}

/**
 * Hide complements (`hide(i)`, after which `kind(i)` must say HIDDEN_CELL) until no printed cell is
 * narrowed. Returns how many were hidden.
 */
export function widenIntervals(
  values: ArrayLike<number>,
  sets: readonly AdditiveSet[],
  kind: (i: number) => number,
  hide: (i: number) => void,
  threshold: number,
  opts: WidenOptions,
): number {
  if (threshold < 1) return 0;
  const cost = opts.cost ?? ((i: number) => values[i]);
  const setsOf = setsByCell(sets);
  // Hiding a shown non-zero cell does not change the blind bounds (it was read as "N or more" there).
  const blind = blindBounds(values, sets, kind, threshold);
  let hidden = 0;
  for (let guard = 0; guard < values.length; guard++) {
    const { lo, hi } = cellBounds(values, sets, kind, threshold);
    const narrow = narrowedOf(values, kind, blind, { lo, hi }, opts.pinsOnly ?? false);
    if (!narrow.length) break;
    let done = false;
    for (const d of narrow) {
      const choose = (pickable: (i: number) => boolean) =>
        complementFor(d, sets, setsOf, kind, lo, hi, blind, threshold, pickable, cost, opts.pinsOnly ?? false);
      const last = opts.lastResort;
      let pick = last ? choose((i) => opts.pickable(i) && !last(i)) : -1;
      if (pick < 0) pick = choose(opts.pickable);
      if (pick < 0) continue;
      hide(pick);
      opts.protects?.set(pick, d);
      hidden++;
      done = true;
      break;
    }
    if (!done) break; // nothing left to hide near any narrowed cell
  }
  return hidden;
}

/** The complement for narrowed cell d (see the module comment); −1 when there is none. */
function complementFor(
  d: number,
  sets: readonly AdditiveSet[],
  setsOf: Map<number, number[]>,
  kind: (i: number) => number,
  lo: Float64Array,
  hi: Float64Array,
  blind: { lo: Float64Array; hi: Float64Array },
  threshold: number,
  pickable: (i: number) => boolean,
  cost: (i: number) => number,
  pinsOnly: boolean,
): number {
  const byCost = (a: number, b: number) => cost(a) - cost(b) || a - b;
  const own = setsOf.get(d) ?? [];
  // Candidates that let one of d's sets alone allow d's whole blind range, the cheapest; else,
  // among those costing at most DEARER times the cheapest, the one that widens d most.
  let best = -1;
  const short: [number, number][] = [];
  for (const k of own) {
    const s = sets[k];
    for (const c of [s.total, ...s.parts]) {
      if (c === d || !pickable(c)) continue;
      if (best >= 0 && byCost(c, best) >= 0) continue;
      const w = widening(s, d, c, lo, hi, blind, threshold, pinsOnly);
      if (w >= 0) best = c;
      else short.push([c, w]);
    }
  }
  let fallback = -1;
  if (best < 0 && short.length) {
    const cheapest = Math.min(...short.map(([c]) => cost(c)));
    let widest = -Infinity;
    for (const [c, w] of short)
      if (cost(c) <= cheapest * DEARER + 1 && (w > widest || (w === widest && byCost(c, fallback) < 0))) {
        widest = w;
        fallback = c;
      }
  }
  if (best >= 0) return best;
  if (fallback >= 0) return fallback;
  // d's sets hold only hidden cells and zeros: hide the cheapest cell of a set linked to d through hidden cells.
  const seen = new Set(own);
  const queue = [...own];
  let pick = -1;
  for (let q = 0; q < queue.length; q++) {
    const s = sets[queue[q]];
    for (const c of [s.total, ...s.parts]) {
      if (pickable(c) && (pick < 0 || byCost(c, pick) < 0)) pick = c;
      if (kind(c) === KNOWN) continue;
      for (const k of setsOf.get(c) ?? [])
        if (!seen.has(k)) {
          seen.add(k);
          queue.push(k);
        }
    }
  }
  return pick;
}

/**
 * How far set s, with c read as "N or more" and the other cells' current bounds, lets d reach
 * beyond its blind range: ≥ 0 when it allows all of it, else the (negative) shortfall. For an `x`
 * (blind range unbounded above) ≥ 0 when the set leaves it two values or more (not pinned).
 */
function widening(
  s: AdditiveSet,
  d: number,
  c: number,
  lo: Float64Array,
  hi: Float64Array,
  blind: { lo: Float64Array; hi: Float64Array },
  threshold: number,
  pinsOnly = false,
): number {
  const l = (i: number) => (i === c ? threshold : lo[i]);
  const h = (i: number) => (i === c ? Infinity : hi[i]);
  let dLo: number;
  let dHi: number;
  if (s.total === d) {
    dLo = 0;
    dHi = 0;
    for (const p of s.parts) {
      dLo += l(p);
      dHi += h(p);
    }
  } else {
    let othersLo = 0;
    let othersHi = 0;
    let seenD = false;
    for (const p of s.parts) {
      if (p === d && !seenD) {
        seenD = true;
        continue;
      }
      othersLo += l(p);
      othersHi += h(p);
    }
    dLo = l(s.total) - othersHi;
    dHi = h(s.total) - othersLo;
  }
  // An `x` (blind range N..∞) is narrowed only when pinned to one value: the set must leave it two
  // values or more. Measured against ∞ its upper slack was NaN (∞ − ∞) or −∞ for every candidate,
  // so it never had a full widener, the fallback could not rank, and the cheapest cell of the linked
  // sets was hidden, wherever it stood (issue 18 point 12). Asking for the whole range up to ∞
  // instead would make only a total a full widener: a headline figure hidden where a cheap part frees it.
  if (blind.hi[d] === Infinity) return dHi - Math.max(dLo, blind.lo[d]) - 1;
  // Only pinning forbidden: the set must leave a small cell two values or more of its blind range.
  if (pinsOnly) return Math.min(dHi, blind.hi[d]) - Math.max(dLo, blind.lo[d]) - 1;
  return Math.min(blind.lo[d] - dLo, dHi - blind.hi[d]);
}

/** For each cell, the indexes of the sets (total and parts) it is in. */
export function setsByCell(sets: readonly { total: number; parts: readonly number[] }[]): Map<number, number[]> {
  const setsOf = new Map<number, number[]>();
  sets.forEach((s, k) => {
    for (const c of [s.total, ...s.parts]) {
      const l = setsOf.get(c);
      if (l) l.push(k);
      else setsOf.set(c, [k]);
    }
  });
  return setsOf;
}
