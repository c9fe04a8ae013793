/**
 * The flat counters of a group block and of the monthly series (aggregate.ts, series.ts): where
 * each outcome is counted, the additive sets the suppression relies on, and the JSON form and
 * path of every cell.
 */
import { describe, expect, it } from 'vitest';
import {
  ACC,
  ACC12,
  ACTIVE,
  addOutcome,
  CROSS,
  CUR,
  DUR,
  DURABLE_SLOT,
  GROUP_CELLS,
  groupCellPath,
  groupResult,
  groupSets,
  INACTIVE,
  LEVEL_SLOT,
  N,
  partitionSets,
  SNAP,
} from './aggregate.ts';
import {
  addSeriesMonth,
  S_ACC,
  S_ACC12,
  S_ACTIVE,
  S_CUR,
  S_ENROLLED,
  S_INACTIVE,
  SERIES_CELLS,
  seriesCellPath,
  seriesPoints,
  seriesSets,
} from './series.ts';
import { PRIMARY, SECONDARY, type AdditiveSet } from './suppress.ts';
import { SNAPSHOTS } from './types.ts';

/** The value at a dotted path (`current.active`, `durableByAccumulated.1.full`). */
const at = (o: unknown, path: string): unknown => path.split('.').reduce<unknown>((v, k) => (v as Record<string, unknown>)[k], o);
const sumOf = (c: Int32Array, s: AdditiveSet) => s.parts.reduce((a, p) => a + c[p], 0);

describe('a group block (aggregate.ts)', () => {
  it('counts one outcome in exactly its cells', () => {
    const c = new Int32Array(GROUP_CELLS);
    addOutcome(c, 0, { current: 2, accumulated: 1, durable: DURABLE_SLOT.partial, snapshot: 3 });
    const expected = new Int32Array(GROUP_CELLS);
    for (const i of [N, ACC + 0, ACC12, ACTIVE, CUR + 1, DUR + 1, CROSS + 0 * 3 + 1, SNAP + 3]) expected[i] = 1;
    expect([...c]).toEqual([...expected]);
    // Not active, accumulated 3 (not in "1 or 2"), durable none, snapshot 8, in a block at an offset.
    const d = new Int32Array(GROUP_CELLS * 2);
    addOutcome(d, GROUP_CELLS, { current: -1, accumulated: 3, durable: DURABLE_SLOT.none, snapshot: 8 });
    const e = new Int32Array(GROUP_CELLS * 2);
    for (const i of [N, ACC + 2, INACTIVE, DUR + 2, CROSS + 2 * 3 + 2, SNAP + 8]) e[GROUP_CELLS + i] = 1;
    expect([...d]).toEqual([...e]);
    // Level 0 is counted last (slot 3), level 2 in "1 or 2", current level 0 is active.
    const f = new Int32Array(GROUP_CELLS);
    addOutcome(f, 0, { current: 0, accumulated: 2, durable: DURABLE_SLOT.full, snapshot: 0 });
    addOutcome(f, 0, { current: 3, accumulated: 0, durable: DURABLE_SLOT.full, snapshot: 0 });
    expect([f[ACC + 1], f[ACC + 3], f[ACC12], f[ACTIVE], f[CUR + 3], f[CUR + 2], f[INACTIVE], f[DUR], f[SNAP]]).toEqual([
      1, 1, 1, 2, 1, 1, 0, 2, 2,
    ]);
    expect([f[CROSS + 1 * 3 + 0], f[CROSS + 3 * 3 + 0]]).toEqual([1, 1]);
    expect(LEVEL_SLOT).toEqual([3, 0, 1, 2]);
  });

  it('every additive set of a block holds on counted outcomes, and the sets are the relations of spec §5', () => {
    const o = GROUP_CELLS; // a block at an offset
    const c = new Int32Array(GROUP_CELLS * 2);
    let k = 0;
    for (const current of [-1, 0, 1, 2, 3])
      for (const accumulated of [0, 1, 2, 3])
        for (const durable of [0, 1, 2]) addOutcome(c, o, { current, accumulated, durable, snapshot: k++ % SNAPSHOTS.length });
    const sets = groupSets(o);
    for (const s of sets) expect(sumOf(c, s), JSON.stringify(s)).toBe(c[s.total]);
    const named = sets.map((s) => `${groupCellPath(s.total - o)} = ${s.parts.map((p) => groupCellPath(p - o)).join(' + ')}`);
    expect(named).toEqual([
      'n = accumulated.1 + accumulated.2 + accumulated.3 + accumulated.0',
      'accumulated.1_or_2 = accumulated.1 + accumulated.2',
      'n = accumulated.1_or_2 + accumulated.3 + accumulated.0',
      'n = current.active + inactive',
      'current.active = current.1 + current.2 + current.3 + current.0',
      'n = durable.full + durable.partial + durable.none',
      `n = ${SNAPSHOTS.map((s) => `snapshot.${s}`).join(' + ')}`,
      ...['1', '2', '3', '0'].map(
        (l) => `accumulated.${l} = durableByAccumulated.${l}.full + durableByAccumulated.${l}.partial + durableByAccumulated.${l}.none`,
      ),
      ...['full', 'partial', 'none'].map(
        (d) => `durable.${d} = ${['1', '2', '3', '0'].map((l) => `durableByAccumulated.${l}.${d}`).join(' + ')}`,
      ),
    ]);
  });

  it('partition sets tie every cell of the whole to the same cell of each part', () => {
    expect(partitionSets(0, [])).toEqual([]);
    const sets = partitionSets(0, [GROUP_CELLS, 3 * GROUP_CELLS]);
    expect(sets).toHaveLength(GROUP_CELLS);
    sets.forEach((s, c) => expect(s).toEqual({ total: c, parts: [GROUP_CELLS + c, 3 * GROUP_CELLS + c] }));
  });

  it('every cell has its own path, and the JSON form shows each cell under that path', () => {
    const values = Int32Array.from({ length: GROUP_CELLS * 2 }, (_, i) => 1000 + i);
    const state = new Uint8Array(GROUP_CELLS * 2);
    const g = groupResult(values, state, GROUP_CELLS, 5);
    const paths = Array.from({ length: GROUP_CELLS }, (_, c) => groupCellPath(c));
    expect(new Set(paths).size).toBe(GROUP_CELLS);
    expect(paths[INACTIVE]).toBe('inactive');
    for (let c = 0; c < INACTIVE; c++) expect(at(g, paths[c]), paths[c]).toBe(1000 + GROUP_CELLS + c);
    expect(paths.slice(0, 8)).toEqual([
      'n',
      'accumulated.1',
      'accumulated.2',
      'accumulated.3',
      'accumulated.0',
      'accumulated.1_or_2',
      'current.active',
      'current.1',
    ]);
    expect(paths[CROSS + 5]).toBe('durableByAccumulated.2.none');
    expect(paths[SNAP + 8]).toBe(`snapshot.${SNAPSHOTS[8]}`);
    // The JSON form has exactly these cells (inactive is never shown).
    const leaves = (o: object): number => Object.values(o).reduce<number>((a, v) => a + (typeof v === 'object' ? leaves(v) : 1), 0);
    expect(leaves(g)).toBe(INACTIVE);
    expect(Object.keys(g.accumulated)).toEqual(['0', '1', '2', '3', '1_or_2']);
  });

  it('shows a primary cell as <threshold and a secondary one as x', () => {
    const values = new Int32Array(GROUP_CELLS).fill(7);
    const state = new Uint8Array(GROUP_CELLS);
    state[N] = PRIMARY;
    state[ACTIVE] = SECONDARY;
    const g = groupResult(values, state, 0, 4);
    expect(g.n).toBe('<4');
    expect(g.current.active).toBe('x');
    expect(g.current['1']).toBe(7);
  });
});

describe('a month of the series (series.ts)', () => {
  it('counts one woman-month in exactly its cells', () => {
    const c = new Int32Array(SERIES_CELLS * 2);
    addSeriesMonth(c, SERIES_CELLS, 3, 2);
    const e = new Int32Array(SERIES_CELLS * 2);
    for (const i of [S_ENROLLED, S_ACTIVE, S_CUR + 2, S_ACC + 1, S_ACC12]) e[SERIES_CELLS + i] = 1;
    expect([...c]).toEqual([...e]);
    const d = new Int32Array(SERIES_CELLS);
    addSeriesMonth(d, 0, -1, 3);
    addSeriesMonth(d, 0, 0, 0);
    const f = new Int32Array(SERIES_CELLS);
    f[S_ENROLLED] = 2;
    f[S_INACTIVE] = 1;
    f[S_ACTIVE] = 1;
    f[S_CUR + 3] = 1;
    f[S_ACC + 2] = 1;
    f[S_ACC + 3] = 1;
    expect([...d]).toEqual([...f]);
  });

  it('its additive sets hold and are the relations of spec §5, month by month', () => {
    const c = new Int32Array(SERIES_CELLS * 3);
    for (const k of [1, 2])
      for (const level of [-1, 0, 1, 2, 3])
        for (const best of [0, 1, 2, 3]) if (k === 2 || best !== 1) addSeriesMonth(c, k * SERIES_CELLS, level, best);
    const sets = seriesSets(SERIES_CELLS, 2);
    expect(sets).toHaveLength(10);
    for (const s of sets) expect(sumOf(c, s), JSON.stringify(s)).toBe(c[s.total]);
    const name = (i: number) => `${Math.floor(i / SERIES_CELLS)}.${seriesCellPath(i % SERIES_CELLS)}`;
    expect(sets.slice(5).map((s) => `${name(s.total)} = ${s.parts.map(name).join(' + ')}`)).toEqual([
      '2.enrolled = 2.active + 2.inactive',
      '2.active = 2.current.1 + 2.current.2 + 2.current.3 + 2.current.0',
      '2.enrolled = 2.accumulated.1 + 2.accumulated.2 + 2.accumulated.3 + 2.accumulated.0',
      '2.accumulated.1_or_2 = 2.accumulated.1 + 2.accumulated.2',
      '2.enrolled = 2.accumulated.1_or_2 + 2.accumulated.3 + 2.accumulated.0',
    ]);
    expect(seriesSets(0, 0)).toEqual([]);
  });

  it('every cell has its own path, the points show each cell there, month by month', () => {
    const values = Int32Array.from({ length: SERIES_CELLS * 3 }, (_, i) => 500 + i);
    const state = new Uint8Array(SERIES_CELLS * 3);
    state[SERIES_CELLS * 2 + S_ACTIVE] = PRIMARY;
    state[SERIES_CELLS * 2 + S_ACC12] = SECONDARY;
    const points = seriesPoints(values, state, SERIES_CELLS, 12 * 31 + 10, 2, 3); // from 2021-11
    expect(points.map((p) => p.month)).toEqual(['2021-11', '2021-12']);
    const paths = Array.from({ length: SERIES_CELLS }, (_, c) => seriesCellPath(c));
    expect(new Set(paths).size).toBe(SERIES_CELLS);
    expect(paths[S_INACTIVE]).toBe('inactive');
    for (let c = 0; c < S_INACTIVE; c++) expect(at(points[0], paths[c]), paths[c]).toBe(500 + SERIES_CELLS + c);
    expect(points[1].active).toBe('<3');
    expect(points[1].accumulated['1_or_2']).toBe('x');
    expect(points[1].enrolled).toBe(500 + 2 * SERIES_CELLS);
    expect(Object.keys(points[0]).sort()).toEqual(['accumulated', 'active', 'current', 'enrolled', 'month']);
    expect(seriesPoints(values, state, 0, 0, 0, 5)).toEqual([]);
  });
});
