import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { runs } from '../../test/fast-check-setup.ts';
import { PRIMARY, SECONDARY, share, suppressCells, VISIBLE, type AdditiveSet } from './suppress.ts';
import { monitor } from './engine.ts';
import { inputOf } from './test-support.ts';

describe('suppressCells (spec §6)', () => {
  it('hides counts 1..N-1, never 0 or N and above', () => {
    const s = suppressCells([0, 1, 4, 5, 100], [], 5);
    expect([...s]).toEqual([VISIBLE, PRIMARY, PRIMARY, VISIBLE, VISIBLE]);
    expect([...suppressCells([2, 3], [], 3)]).toEqual([PRIMARY, VISIBLE]);
  });
  it('threshold 0 turns it off', () => {
    expect([...suppressCells([1, 2, 3], [{ total: 0, parts: [1, 2] }], 0)]).toEqual([0, 0, 0]);
  });
  it('one hidden part: the smallest visible non-zero part is hidden too, zeros are skipped', () => {
    // n = 63 = 3 + 0 + 20 + 40
    const values = [63, 3, 0, 20, 40];
    const s = suppressCells(values, [{ total: 0, parts: [1, 2, 3, 4] }], 5);
    expect([...s]).toEqual([VISIBLE, PRIMARY, VISIBLE, SECONDARY, VISIBLE]);
  });
  it('a hidden total with visible parts hides a part', () => {
    // total 3 = 3 + 0: the part 3 is primary too, so two cells are hidden and nothing else is needed.
    expect([...suppressCells([3, 3, 0], [{ total: 0, parts: [1, 2] }], 5)]).toEqual([PRIMARY, PRIMARY, VISIBLE]);
  });
  it('cascades to a fixed point across sets sharing cells', () => {
    // cells: 0 all = 1 + 2 (kommuner); 3 = 4 + 5 inside kommune 1; 1 = 3 + 6
    const values = [40, 12, 28, 10, 2, 8, 2];
    const sets: AdditiveSet[] = [
      { total: 0, parts: [1, 2] },
      { total: 3, parts: [4, 5] },
      { total: 1, parts: [3, 6] },
    ];
    const s = suppressCells(values, sets, 5);
    for (const set of sets) {
      const hidden = [set.total, ...set.parts].filter((c) => s[c] !== VISIBLE).length;
      expect(hidden).not.toBe(1);
    }
    expect(s[4]).toBe(PRIMARY);
    expect(s[5]).toBe(SECONDARY);
  });
  it('share() hides a share whose count or denominator is hidden', () => {
    expect(share(5, 10)).toBe(0.5);
    expect(share('<5', 10)).toBeNull();
    expect(share(5, 'x')).toBeNull();
    expect(share(0, 0)).toBeNull();
  });
  it('property: no additive set is left with exactly one hidden cell', () => {
    fc.assert(
      fc.property(
        fc.array(fc.array(fc.integer({ min: 0, max: 12 }), { minLength: 2, maxLength: 6 }), { minLength: 1, maxLength: 6 }),
        (rows) => {
          // A table: each row adds up to its row total; columns add up to column totals.
          const values: number[] = [];
          const sets: AdditiveSet[] = [];
          const width = Math.max(...rows.map((r) => r.length));
          const grid = rows.map((r) => Array.from({ length: width }, (_, j) => r[j] ?? 0));
          const cell = grid.map((r) => r.map((v) => values.push(v) - 1));
          const rowTotals = grid.map((r) => values.push(r.reduce((a, b) => a + b, 0)) - 1);
          const colTotals = Array.from({ length: width }, (_, j) => values.push(grid.reduce((a, r) => a + r[j], 0)) - 1);
          cell.forEach((r, i) => sets.push({ total: rowTotals[i], parts: r }));
          for (let j = 0; j < width; j++) sets.push({ total: colTotals[j], parts: cell.map((r) => r[j]) });
          const s = suppressCells(values, sets, 5);
          for (const set of sets) expect([set.total, ...set.parts].filter((c) => s[c] !== VISIBLE).length).not.toBe(1);
          for (let i = 0; i < values.length; i++) if (values[i] >= 1 && values[i] < 5) expect(s[i]).toBe(PRIMARY);
        },
      ),
      { numRuns: runs(300) },
    );
  });
});

describe('suppression in monitor results', () => {
  it('applies to groups and series, never to participants; --suppress 0 shows all', () => {
    const people = Array.from({ length: 12 }, (_, i) => ({
      in: '2022-01-01',
      kommune: i < 9 ? 'Aalborg' : 'Aarhus',
      hours: (i < 2 ? { '2022-06': 160 } : {}) as Record<string, number>,
    }));
    const input = inputOf(people);
    const r = monitor(input, { month: '2022-12' });
    expect(r.suppress).toBe(5);
    expect(r.groups.all.n).toBe(12);
    expect(r.groups.all.accumulated['1']).toBe('<5');
    expect(r.groups.all.accumulated['0']).toBe('x'); // 12 − 2 would reveal the 2
    expect(r.groups.kommune.Aarhus.n).toBe('<5');
    expect(r.groups.kommune.Aalborg.n).toBe('x'); // 12 − 9 would reveal Aarhus' 3
    expect(r.participants.filter((p) => p.accumulated === 1)).toHaveLength(2);
    const r0 = monitor(input, { month: '2022-12', suppress: 0 });
    expect(r0.groups.all.accumulated).toEqual({ '1': 2, '2': 0, '3': 0, '0': 10, '1_or_2': 2 });
    expect(r0.series.at(-1)!.accumulated['1']).toBe(2);
    expect(r.series.at(-1)!.accumulated['1']).toBe('<5');
  });
});
