/**
 * Group counts (spec §5) in a flat number array, one block of GROUP_CELLS per group, and the
 * additive sets that tie the cells together for suppression (spec §6).
 */
import type { AdditiveSet } from './suppress.ts';
import { display } from './suppress.ts';
import { SNAPSHOTS, type Count, type Durable, type GroupResult } from './types.ts';

/** Counter order for levels: 1, 2, 3, 0 (index = LEVEL_SLOT[level]). */
export const LEVEL_SLOT = [3, 0, 1, 2] as const;
const LEVEL_KEYS = ['1', '2', '3', '0'] as const;
const DURABLES: Durable[] = ['full', 'partial', 'none'];
export const DURABLE_SLOT: Record<Durable, number> = { full: 0, partial: 1, none: 2 };

export const N = 0;
export const ACC = 1; // 4 cells
export const ACC12 = 5;
export const ACTIVE = 6;
export const CUR = 7; // 4 cells
export const DUR = 11; // 3 cells
export const CROSS = 14; // 4 × 3 cells, accumulated slot × durable slot
export const SNAP = 26; // 9 cells
/** Not shown: n − active; a cell so that the difference is protected too. */
export const INACTIVE = 35;
export const GROUP_CELLS = 36;

export interface Outcome {
  current: number; // level, or -1 when not active
  accumulated: number;
  durable: number; // DURABLE_SLOT
  snapshot: number; // index into SNAPSHOTS
}

export function addOutcome(c: Int32Array, off: number, o: Outcome): void {
  c[off + N]++;
  const a = LEVEL_SLOT[o.accumulated];
  c[off + ACC + a]++;
  if (a < 2) c[off + ACC12]++;
  if (o.current >= 0) {
    c[off + ACTIVE]++;
    c[off + CUR + LEVEL_SLOT[o.current]]++;
  } else c[off + INACTIVE]++;
  c[off + DUR + o.durable]++;
  c[off + CROSS + a * 3 + o.durable]++;
  c[off + SNAP + o.snapshot]++;
}

const range = (from: number, n: number) => Array.from({ length: n }, (_, i) => from + i);

/** Additive sets inside one group block at offset o. */
export function groupSets(o: number): AdditiveSet[] {
  const sets: AdditiveSet[] = [
    { total: o + N, parts: range(o + ACC, 4) },
    { total: o + ACC12, parts: [o + ACC, o + ACC + 1] },
    { total: o + N, parts: [o + ACC12, o + ACC + 2, o + ACC + 3] },
    { total: o + N, parts: [o + ACTIVE, o + INACTIVE] },
    { total: o + ACTIVE, parts: range(o + CUR, 4) },
    { total: o + N, parts: range(o + DUR, 3) },
    { total: o + N, parts: range(o + SNAP, SNAPSHOTS.length) },
  ];
  for (let a = 0; a < 4; a++) sets.push({ total: o + ACC + a, parts: range(o + CROSS + a * 3, 3) });
  for (let d = 0; d < 3; d++) sets.push({ total: o + DUR + d, parts: [0, 1, 2, 3].map((a) => o + CROSS + a * 3 + d) });
  return sets;
}

/** Sets saying that the groups at `offsets` partition the group at `all`, cell by cell. */
export function partitionSets(all: number, offsets: number[]): AdditiveSet[] {
  if (offsets.length === 0) return [];
  return range(0, GROUP_CELLS).map((c) => ({ total: all + c, parts: offsets.map((o) => o + c) }));
}

/** The JSON form of a group block (spec §7, shape in README.md). */
export function groupResult(values: Int32Array, state: Uint8Array, o: number, threshold: number): GroupResult {
  const v = (i: number): Count => display(values[o + i], state[o + i], threshold);
  const levels = (base: number) => Object.fromEntries(LEVEL_KEYS.map((k, i) => [k, v(base + i)])) as Record<'1' | '2' | '3' | '0', Count>;
  const durable = (base: number) => Object.fromEntries(DURABLES.map((d, i) => [d, v(base + i)])) as Record<Durable, Count>;
  return {
    n: v(N),
    accumulated: { ...levels(ACC), '1_or_2': v(ACC12) },
    current: { active: v(ACTIVE), ...levels(CUR) },
    durable: durable(DUR),
    durableByAccumulated: Object.fromEntries(LEVEL_KEYS.map((k, a) => [k, durable(CROSS + a * 3)])) as GroupResult['durableByAccumulated'],
    snapshot: Object.fromEntries(SNAPSHOTS.map((s, i) => [s, v(SNAP + i)])) as GroupResult['snapshot'],
  };
}

/** A cell's path inside its group block (`accumulated.1`, `durableByAccumulated.1.full`), as in the JSON form. */
export function groupCellPath(c: number): string {
  if (c === N) return 'n';
  if (c >= ACC && c < ACC + 4) return `accumulated.${LEVEL_KEYS[c - ACC]}`;
  if (c === ACC12) return 'accumulated.1_or_2';
  if (c === ACTIVE) return 'current.active';
  if (c >= CUR && c < CUR + 4) return `current.${LEVEL_KEYS[c - CUR]}`;
  if (c >= DUR && c < DUR + 3) return `durable.${DURABLES[c - DUR]}`;
  if (c >= CROSS && c < SNAP) return `durableByAccumulated.${LEVEL_KEYS[Math.floor((c - CROSS) / 3)]}.${DURABLES[(c - CROSS) % 3]}`;
  if (c >= SNAP && c < INACTIVE) return `snapshot.${SNAPSHOTS[c - SNAP]}`;
  return 'inactive';
}
