/**
 * A small seeded pseudo-random generator (mulberry32) and the draws the demo generator needs.
 * Deterministic across platforms: only 32-bit integer arithmetic and exact float division.
 */

export interface Rng {
  /** Uniform in [0, 1). */
  next(): number;
  /** Integer in [lo, hi] (both inclusive). */
  int(lo: number, hi: number): number;
  /** True with probability p. */
  chance(p: number): boolean;
  pick<T>(items: readonly T[]): T;
  /** Pick by weight; weights need not sum to 1. */
  weighted<T>(items: readonly (readonly [T, number])[]): T;
}

export function mulberry32(seed: number): Rng {
  let a = seed >>> 0;
  const next = (): number => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (lo, hi) => lo + Math.floor(next() * (hi - lo + 1)),
    chance: (p) => next() < p,
    pick: (items) => items[Math.floor(next() * items.length)],
    weighted: (items) => {
      let total = 0;
      for (const [, w] of items) total += w;
      let x = next() * total;
      for (const [v, w] of items) {
        x -= w;
        if (x < 0) return v;
      }
      return items[items.length - 1][0];
    },
  };
}

/** A seed derived from a base seed and a stream number, so sub-generators are independent. */
export function deriveSeed(seed: number, stream: number): number {
  let h = (seed ^ Math.imul(stream + 1, 0x9e3779b1)) >>> 0;
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b) >>> 0;
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35) >>> 0;
  return (h ^ (h >>> 16)) >>> 0;
}

/** Fisher–Yates shuffle in place. */
export function shuffle<T>(items: T[], rng: Rng): T[] {
  for (let i = items.length - 1; i > 0; i--) {
    const j = Math.floor(rng.next() * (i + 1));
    const t = items[i];
    items[i] = items[j];
    items[j] = t;
  }
  return items;
}

/**
 * Split a total into whole counts proportional to the shares (largest remainder), so the
 * counts always add up to the total exactly.
 */
export function apportion(total: number, shares: readonly number[]): number[] {
  const sum = shares.reduce((s, x) => s + x, 0);
  const exact = shares.map((s) => (sum > 0 ? (total * s) / sum : 0));
  const counts = exact.map(Math.floor);
  let left = total - counts.reduce((s, x) => s + x, 0);
  const order = exact.map((x, i) => [x - Math.floor(x), i] as const).sort((p, q) => q[0] - p[0] || p[1] - q[1]);
  for (let k = 0; left > 0; k = (k + 1) % order.length, left--) counts[order[k][1]]++;
  return counts;
}

/**
 * Choose `count` items without replacement, each with probability rising with its weight
 * (Efraimidis–Spirakis keys). Items with weight 0 are chosen only when nothing else is left.
 */
export function sampleWeighted<T>(items: readonly T[], count: number, weight: (item: T) => number, rng: Rng): T[] {
  const keyed = items.map((item, i) => {
    const w = weight(item);
    const u = rng.next() || 1e-12;
    return { item, i, key: w > 0 ? Math.log(u) / w : -Infinity };
  });
  keyed.sort((a, b) => b.key - a.key || a.i - b.i);
  return keyed.slice(0, Math.min(count, keyed.length)).map((k) => k.item);
}
