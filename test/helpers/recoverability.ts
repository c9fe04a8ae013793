/**
 * A reader's attack on suppressed tables, written for the tests only (independent of
 * src/monitoring/suppress*.ts): every published count is a known number or an unknown (a hidden
 * `<5`/`x`, or a count the page never prints but that the relations name), the relations are
 * linear equations between them (row and column totals, the same figure in two tables), and
 * exact Gauss–Jordan elimination over the rationals (BigInt) tells which unknowns are determined:
 * an unknown is determined when its pivot row has no other unknown left. A hidden count that is
 * determined can be read off by anyone with the tables and a pencil.
 */

export type Shown = number | string;

/** total = sum of parts; keys name figures (the same key in two tables is the same figure). */
export interface Relation {
  total: string;
  parts: string[];
}

export interface Recovered {
  key: string;
  shown: string;
  value: number;
}

const abs = (a: bigint) => (a < 0n ? -a : a);
function gcd(a: bigint, b: bigint): bigint {
  a = abs(a);
  b = abs(b);
  while (b) [a, b] = [b, a % b];
  return a;
}

/** An equation: sparse integer coefficients over the unknowns' columns, and the right-hand side. */
type Row = { a: Map<number, bigint>; b: bigint };

/**
 * Take column `c` out of `row` with `pivot`, fraction-free (row × p − pivot × f, p and f their
 * entries in `c`); false when `row` has no `c`.
 */
function eliminate(row: Row, pivot: Row, c: number): boolean {
  const f = row.a.get(c);
  if (!f) return false;
  const p = pivot.a.get(c)!;
  const next = new Map<number, bigint>();
  for (const [k, v] of row.a) next.set(k, v * p);
  for (const [k, v] of pivot.a) {
    const w = (next.get(k) ?? 0n) - f * v;
    if (w === 0n) next.delete(k);
    else next.set(k, w);
  }
  row.b = row.b * p - f * pivot.b;
  row.a = next;
  return true;
}

/** Divide `row` by the greatest common divisor of its coefficients and right-hand side. */
function normalise(row: Row) {
  let g = abs(row.b);
  for (const v of row.a.values()) g = gcd(g, v);
  if (g > 1n) {
    for (const [k, v] of row.a) row.a.set(k, v / g);
    row.b /= g;
  }
}

/**
 * Hidden published figures whose value follows from the shown ones and the relations.
 * `published`: key → shown value (number when shown, string when suppressed).
 */
export function recoverable(published: Map<string, Shown>, relations: Relation[]): Recovered[] {
  const known = (k: string) => typeof published.get(k) === 'number';
  const col = new Map<string, number>();
  const keys: string[] = [];
  const colOf = (k: string) => {
    let c = col.get(k);
    if (c === undefined) {
      c = keys.length;
      col.set(k, c);
      keys.push(k);
    }
    return c;
  };
  // Each row: sparse coefficients over unknowns, and the right-hand side.
  const rows: Row[] = [];
  for (const r of relations) {
    const a = new Map<number, bigint>();
    let b = 0n;
    const add = (k: string, s: bigint) => {
      if (known(k)) b -= s * BigInt(published.get(k) as number);
      else {
        const c = colOf(k);
        const v = (a.get(c) ?? 0n) + s;
        if (v === 0n) a.delete(c);
        else a.set(c, v);
      }
    };
    add(r.total, -1n);
    for (const p of r.parts) add(p, 1n);
    if (a.size) rows.push({ a, b });
    else if (b !== 0n) throw new Error(`relation does not hold on the shown figures: ${r.total} = ${r.parts.join(' + ')}`);
  }
  // Gauss–Jordan, fraction-free with gcd normalisation.
  const pivotRowOf = new Map<number, Row>();
  for (const row of rows) {
    // Reduce by the existing pivots.
    for (const [c, pr] of pivotRowOf) eliminate(row, pr, c);
    if (!row.a.size) continue;
    normalise(row);
    const c = Math.min(...row.a.keys());
    // Eliminate the new pivot from the rows before it (reduced form).
    for (const pr of pivotRowOf.values()) if (eliminate(pr, row, c)) normalise(pr);
    pivotRowOf.set(c, row);
  }
  const out: Recovered[] = [];
  for (const [c, row] of pivotRowOf) {
    if (row.a.size !== 1) continue;
    const k = keys[c];
    const shown = published.get(k);
    if (typeof shown !== 'string') continue; // not printed anywhere: a reader learns it, but nothing was hidden
    out.push({ key: k, shown, value: Number(row.b / row.a.get(c)!) });
  }
  return out.sort((x, y) => x.key.localeCompare(y.key));
}

/** A hidden figure's feasible range under the relations and counts ≥ 0. */
export interface Range {
  key: string;
  shown: string;
  lo: number;
  hi: number;
}

/**
 * Interval reasoning (issue 17): beyond what the equations determine, counts are ≥ 0, a `<N`
 * is 1..N−1 and an `x` is N or more (a complement is never a small count, nor 0), so a reader can bound a hidden figure from a total and the other parts' bounds
 * (total = Σ parts: each part ≤ total − Σ others' lower bounds, ≥ total − Σ others' upper bounds;
 * the total between Σ lower and Σ upper). Bounds are propagated to a fixed point; the result is
 * the range of every hidden published figure (a sound outer bound of what an LP would give).
 */
export function ranges(published: Map<string, Shown>, relations: Relation[], threshold: number): Range[] {
  const lo = new Map<string, number>();
  const hi = new Map<string, number>();
  const keys = new Set<string>();
  for (const r of relations) for (const k of [r.total, ...r.parts]) keys.add(k);
  for (const k of keys) {
    const v = published.get(k);
    if (typeof v === 'number') {
      lo.set(k, v);
      hi.set(k, v);
    } else if (typeof v === 'string' && v.startsWith('<')) {
      lo.set(k, 1);
      hi.set(k, threshold - 1);
    }
    // An `x` hides a count the rule did not find small: the reader knows it is N or more.
    else if (v === 'x') {
      lo.set(k, threshold);
      hi.set(k, Infinity);
    } else {
      lo.set(k, 0);
      hi.set(k, Infinity);
    }
  }
  for (let round = 0, changed = true; changed && round < 200; round++) {
    changed = false;
    const tighten = (k: string, l: number, h: number) => {
      if (l > lo.get(k)!) {
        lo.set(k, l);
        changed = true;
      }
      if (h < hi.get(k)!) {
        hi.set(k, h);
        changed = true;
      }
    };
    for (const r of relations) {
      let sumLo = 0;
      let sumHi = 0;
      for (const p of r.parts) {
        sumLo += lo.get(p)!;
        sumHi += hi.get(p)!;
      }
      tighten(r.total, sumLo, sumHi);
      for (const p of r.parts) {
        const othersLo = sumLo - lo.get(p)!;
        const othersHi = sumHi === Infinity ? r.parts.filter((q) => q !== p).reduce((a, q) => a + hi.get(q)!, 0) : sumHi - hi.get(p)!;
        tighten(p, lo.get(r.total)! - othersHi, hi.get(r.total)! - othersLo);
      }
    }
  }
  const out: Range[] = [];
  for (const [k, v] of published) if (typeof v === 'string' && keys.has(k)) out.push({ key: k, shown: v, lo: lo.get(k)!, hi: hi.get(k)! });
  return out.sort((a, b) => a.key.localeCompare(b.key));
}

/**
 * Hidden figures a reader can bound more tightly than the rule allows (spec §6, issue 17):
 * a `<N` count narrower than what the markers and zeros say among themselves — every shown
 * figure is 0 or N or more, so that is its range with every shown non-zero figure read as
 * "N or more" (a `<5` total of two `<5` parts makes each part 1–3 whatever else is shown) —
 * or an `x` pinned to one value.
 */
export function narrowed(published: Map<string, Shown>, relations: Relation[], threshold: number): Range[] {
  const blind = new Map<string, Shown>();
  for (const [k, v] of published) blind.set(k, typeof v === 'number' && v > 0 ? 'x' : v);
  const base = new Map(ranges(blind, relations, threshold).map((r) => [r.key, r]));
  return ranges(published, relations, threshold).filter((r) =>
    r.shown.startsWith('<') ? r.lo > base.get(r.key)!.lo || r.hi < base.get(r.key)!.hi : r.lo >= r.hi,
  );
}
