/**
 * The monthly series (spec §5): per month the women enrolled so far, the active ones and their
 * current levels, and the accumulated-to-that-month levels of all enrolled so far.
 */
import { LEVEL_SLOT } from './aggregate.ts';
import { display, type AdditiveSet } from './suppress.ts';
import { monthString } from './calendar.ts';
import type { Count, SeriesPoint } from './types.ts';

export const S_ENROLLED = 0;
export const S_ACTIVE = 1;
export const S_CUR = 2; // 4 cells, levels 1, 2, 3, 0
export const S_ACC = 6; // 4 cells
export const S_ACC12 = 10;
/** Not shown: enrolled − active. */
export const S_INACTIVE = 11;
export const SERIES_CELLS = 12;

/** Count one woman in the month block at offset o: level is her level that month, -1 when not active. */
export function addSeriesMonth(c: Int32Array, o: number, level: number, best: number): void {
  c[o + S_ENROLLED]++;
  if (level >= 0) {
    c[o + S_ACTIVE]++;
    c[o + S_CUR + LEVEL_SLOT[level]]++;
  } else c[o + S_INACTIVE]++;
  const a = LEVEL_SLOT[best];
  c[o + S_ACC + a]++;
  if (a < 2) c[o + S_ACC12]++;
}

export function seriesSets(offset: number, months: number): AdditiveSet[] {
  const sets: AdditiveSet[] = [];
  for (let k = 0; k < months; k++) {
    const o = offset + k * SERIES_CELLS;
    sets.push(
      { total: o + S_ENROLLED, parts: [o + S_ACTIVE, o + S_INACTIVE] },
      { total: o + S_ACTIVE, parts: [0, 1, 2, 3].map((i) => o + S_CUR + i) },
      { total: o + S_ENROLLED, parts: [0, 1, 2, 3].map((i) => o + S_ACC + i) },
      { total: o + S_ACC12, parts: [o + S_ACC, o + S_ACC + 1] },
      { total: o + S_ENROLLED, parts: [o + S_ACC12, o + S_ACC + 2, o + S_ACC + 3] },
    );
  }
  return sets;
}

export function seriesPoints(
  values: Int32Array,
  state: Uint8Array,
  offset: number,
  firstMonth: number,
  months: number,
  threshold: number,
): SeriesPoint[] {
  const out: SeriesPoint[] = [];
  for (let k = 0; k < months; k++) {
    const o = offset + k * SERIES_CELLS;
    const v = (i: number): Count => display(values[o + i], state[o + i], threshold);
    out.push({
      month: monthString(firstMonth + k),
      enrolled: v(S_ENROLLED),
      active: v(S_ACTIVE),
      current: { '1': v(S_CUR), '2': v(S_CUR + 1), '3': v(S_CUR + 2), '0': v(S_CUR + 3) },
      accumulated: { '1': v(S_ACC), '2': v(S_ACC + 1), '3': v(S_ACC + 2), '0': v(S_ACC + 3), '1_or_2': v(S_ACC12) },
    });
  }
  return out;
}

/** A cell's path inside its month block (`accumulated.1`), as in the JSON form. */
export function seriesCellPath(c: number): string {
  const levels = ['1', '2', '3', '0'];
  if (c === S_ENROLLED) return 'enrolled';
  if (c === S_ACTIVE) return 'active';
  if (c >= S_CUR && c < S_CUR + 4) return `current.${levels[c - S_CUR]}`;
  if (c >= S_ACC && c < S_ACC + 4) return `accumulated.${levels[c - S_ACC]}`;
  if (c === S_ACC12) return 'accumulated.1_or_2';
  return 'inactive';
}
