/**
 * suppressCells' options (headline, keepShown, solve) and determinedCells, checked against the
 * independent exact solver of the tests (test/helpers/recoverability.ts): what the whole system
 * of sets pins down, and that `solve` leaves nothing small determined where the one-set rule can.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { runs } from '../../test/fast-check-setup.ts';
import { recoverable, type Relation, type Shown } from '../../test/helpers/recoverability.ts';
import { determinedCells, display, isSuppressed, PRIMARY, SECONDARY, suppressCells, VISIBLE, type AdditiveSet } from './suppress.ts';
import { markFaults, smallTablesArb, totalsGrid } from './test-support.ts';

/** Cells a reader can work out, by the independent solver. */
function readable(values: number[], sets: AdditiveSet[], state: ArrayLike<number>): number[] {
  const pub = new Map<string, Shown>(values.map((v, i) => [`c${i}`, state[i] === VISIBLE ? v : 'x']));
  const rels: Relation[] = sets.map((s) => ({ total: `c${s.total}`, parts: s.parts.map((p) => `c${p}`) }));
  return recoverable(pub, rels)
    .map((r) => Number(r.key.slice(1)))
    .sort((a, b) => a - b);
}

/**
 * A table (found by a property below, seed 20191101) whose 1 at row 2, column 3 (cell 7) ends with
 * only hidden cells and zeros in its own row and column.
 */
const ZEROS_AROUND = [
  [5, 12, 5],
  [0, 5, 1],
  [0, 5, 0],
  [0, 0, 0],
];

/** Three sets that pin a, b, c down together though each has two hidden cells: a = (T1 + T2 − T3) / 2. */
const TRIANGLE = {
  values: [2, 6, 7, 8, 9, 13],
  sets: [
    { total: 3, parts: [0, 1] },
    { total: 4, parts: [0, 2] },
    { total: 5, parts: [1, 2] },
  ],
};

describe('determinedCells', () => {
  it('one hidden cell in a set is determined; two are not; a total and a part alike', () => {
    const sets = [{ total: 0, parts: [1, 2] }];
    expect(determinedCells([9, 4, 5], sets, Uint8Array.from([0, 1, 0]))).toEqual([1]);
    expect(determinedCells([9, 4, 5], sets, Uint8Array.from([1, 0, 0]))).toEqual([0]);
    expect(determinedCells([9, 4, 5], sets, Uint8Array.from([0, 1, 2]))).toEqual([]);
    expect(determinedCells([9, 4, 5], sets, Uint8Array.from([0, 0, 0]))).toEqual([]);
  });

  it('finds what several sets pin down together, and nothing a 2 × 2 rectangle leaves open', () => {
    expect(determinedCells(TRIANGLE.values, TRIANGLE.sets, Uint8Array.from([1, 2, 2, 0, 0, 0]))).toEqual([0, 1, 2]);
    const { values, sets } = totalsGrid([
      [3, 8],
      [9, 12],
    ]);
    // Cells: row totals 0, 3, grand total 6; interior 1, 2, 4, 5. All four interior cells hidden: none determined.
    expect(determinedCells(values, sets, Uint8Array.from([0, 1, 2, 0, 2, 2, 0, 0, 0]))).toEqual([]);
    // Three hidden: all three determined (sorted).
    expect(determinedCells(values, sets, Uint8Array.from([0, 1, 2, 0, 2, 0, 0, 0, 0]))).toEqual([1, 2, 4]);
  });

  it('agrees with the independent exact solver on random tables and random hidden cells (property)', () => {
    fc.assert(
      fc.property(smallTablesArb, fc.array(fc.boolean(), { minLength: 30, maxLength: 30 }), (rows, hide) => {
        const { values, sets } = totalsGrid(rows);
        const state = Uint8Array.from(values, (_, i) => (hide[i % hide.length] ? SECONDARY : VISIBLE));
        expect(determinedCells(values, sets, state)).toEqual(readable(values, sets, state));
      }),
      { numRuns: runs(300) },
    );
  });
});

describe('suppressCells options', () => {
  it('solve: hides more where the one-set rule leaves a small count pinned down by several sets', () => {
    const plain = suppressCells(TRIANGLE.values, TRIANGLE.sets, 5);
    expect([...plain]).toEqual([PRIMARY, SECONDARY, SECONDARY, VISIBLE, VISIBLE, VISIBLE]);
    expect(readable(TRIANGLE.values, TRIANGLE.sets, plain)).toContain(0); // the one-set rule alone gives the 2 away
    const protects = new Map<number, number>();
    const solved = suppressCells(TRIANGLE.values, TRIANGLE.sets, 5, { solve: true, protects });
    expect(readable(TRIANGLE.values, TRIANGLE.sets, solved)).toEqual([]);
    expect(solved[0]).toBe(PRIMARY);
    const extra = [3, 4, 5].filter((c) => solved[c] === SECONDARY);
    expect(extra).toHaveLength(1);
    expect(protects.get(extra[0])).toBeGreaterThanOrEqual(0);
    expect(protects.get(extra[0])).toBeLessThanOrEqual(2);
  });

  it('solve: a small count pinned down through sets it is not in gets a complement there (zeros around it)', () => {
    // Found by the property below (seed 20191101): the 1 at row 2, column 3 ends with only hidden
    // cells and zeros in its own row and column, yet row 1, column 1 and the column totals give it
    // away (1 + 3 = 10, 17 = 1, 17 + 19 = 11, 19 = 3 + 7, so 7 = 1). The solver stopped there.
    const { values, sets } = totalsGrid(ZEROS_AROUND);
    expect(values[7]).toBe(1);
    const plain = suppressCells(values, sets, 5);
    expect(readable(values, sets, plain)).toContain(7);
    const solved = suppressCells(values, sets, 5, { solve: true });
    expect(solved[7]).toBe(PRIMARY);
    expect(readable(values, sets, solved)).toEqual([]);
  });

  it('solve: every small count is hidden and none can be worked out, on random tables (property)', () => {
    fc.assert(
      fc.property(smallTablesArb, (rows) => {
        const { values, sets } = totalsGrid(rows);
        const protects = new Map<number, number>();
        const state = suppressCells(values, sets, 5, { solve: true, protects });
        expect(markFaults(values, state, protects)).toEqual([]);
        expect(readable(values, sets, state).filter((c) => state[c] === PRIMARY)).toEqual([]);
      }),
      { numRuns: runs(200) },
    );
  });

  it('solve: a headline complement is shown again when nothing becomes determined without it', () => {
    fc.assert(
      fc.property(smallTablesArb, fc.integer({ min: 0, max: 29 }), (rows, h) => {
        const { values, sets } = totalsGrid(rows);
        const headline = new Set([h % values.length]);
        const protects = new Map<number, number>();
        const state = suppressCells(values, sets, 5, { solve: true, headline, protects });
        expect(readable(values, sets, state).filter((c) => state[c] === PRIMARY)).toEqual([]);
        for (const c of headline) {
          if (state[c] !== SECONDARY) continue;
          const again = Uint8Array.from(state);
          again[c] = VISIBLE;
          expect(determinedCells(values, sets, again).length, `headline ${c} hidden for nothing`).toBeGreaterThan(0);
          expect(protects.has(c)).toBe(true);
        }
      }),
      { numRuns: runs(200) },
    );
  });

  it('headline: a part that is not headline is the complement before one that is, even a smaller one', () => {
    const values = [20, 2, 4, 14];
    const sets = [{ total: 0, parts: [1, 2, 3] }];
    expect([...suppressCells(values, sets, 5)]).toEqual([VISIBLE, PRIMARY, PRIMARY, VISIBLE]);
    const v2 = [30, 2, 6, 22];
    expect([...suppressCells(v2, sets, 5)]).toEqual([VISIBLE, PRIMARY, SECONDARY, VISIBLE]);
    expect([...suppressCells(v2, sets, 5, { headline: new Set([2]) })]).toEqual([VISIBLE, PRIMARY, VISIBLE, SECONDARY]);
    // Every visible part headline: the total, which is not.
    expect([...suppressCells(v2, sets, 5, { headline: new Set([2, 3]) })]).toEqual([SECONDARY, PRIMARY, VISIBLE, VISIBLE]);
    // Every cell headline: the smallest part, as without headline cells.
    expect([...suppressCells(v2, sets, 5, { headline: new Set([0, 2, 3]) })]).toEqual([VISIBLE, PRIMARY, SECONDARY, VISIBLE]);
    // A headline part picked first is replaced by a later part that is not headline, though larger.
    expect([...suppressCells([30, 6, 2, 22], [{ total: 0, parts: [1, 2, 3] }], 5, { headline: new Set([1]) })]).toEqual([
      VISIBLE,
      VISIBLE,
      PRIMARY,
      SECONDARY,
    ]);
  });

  it('headline: the total is the complement before a headline part', () => {
    expect([...suppressCells([30, 2, 28], [{ total: 0, parts: [1, 2] }], 5, { headline: new Set([2]) })]).toEqual([
      SECONDARY,
      PRIMARY,
      VISIBLE,
    ]);
    expect([...suppressCells([30, 2, 28], [{ total: 0, parts: [1, 2] }], 5)]).toEqual([VISIBLE, PRIMARY, SECONDARY]);
    // Both headline: the part, as without headline cells.
    expect([...suppressCells([30, 2, 28], [{ total: 0, parts: [1, 2] }], 5, { headline: new Set([0, 2]) })]).toEqual([
      VISIBLE,
      PRIMARY,
      SECONDARY,
    ]);
  });

  it('the complement is the smallest part even when the part at index 0 is the smallest', () => {
    expect([...suppressCells([7, 9, 2, 18], [{ total: 3, parts: [0, 1, 2] }], 5)]).toEqual([SECONDARY, VISIBLE, PRIMARY, VISIBLE]);
  });

  it('keepShown: never a complement; the total is hidden instead, and with nothing left the run still ends', () => {
    const sets = [{ total: 0, parts: [1, 2] }];
    expect([...suppressCells([9, 2, 7], sets, 5, { keepShown: (i) => i === 2 })]).toEqual([SECONDARY, PRIMARY, VISIBLE]);
    expect([...suppressCells([9, 2, 7], sets, 5, { keepShown: (i) => i !== 1 })]).toEqual([VISIBLE, PRIMARY, VISIBLE]);
  });
});

describe("protectAll's choice of complement (solve: the smallest cell of the determined count's sets, headline cells last)", () => {
  const P = PRIMARY,
    S = SECONDARY,
    V = VISIBLE;

  it('the triangle: the smaller of the two totals beside the small count, one complement and no more', () => {
    // a = 2 small, b = 6 and c = 7 hidden by the one-set rule; T1 = a + b = 8, T2 = a + c = 9, T3 = b + c = 13.
    const protects = new Map<number, number>();
    const state = suppressCells(TRIANGLE.values, TRIANGLE.sets, 5, { solve: true, protects });
    expect([...state]).toEqual([P, S, S, S, V, V]);
    expect(protects).toEqual(
      new Map([
        [1, 0],
        [2, 0],
        [3, 0],
      ]),
    );
  });

  it('the smallest wherever it stands: here the second total', () => {
    // a = 2, b = 7, c = 6: T1 = 9, T2 = 8 (smaller, and after T1).
    const values = [2, 7, 6, 9, 8, 13];
    expect([...suppressCells(values, TRIANGLE.sets, 5, { solve: true })]).toEqual([P, S, S, V, S, V]);
    // T2 headline: T1 though dearer (a smaller headline never replaces a cell that is not).
    expect([...suppressCells(values, TRIANGLE.sets, 5, { solve: true, headline: new Set([4]) })]).toEqual([P, S, S, S, V, V]);
  });

  it('a headline cell last: the dearer total that is not headline, and among headline cells the smallest', () => {
    const headline3 = suppressCells(TRIANGLE.values, TRIANGLE.sets, 5, { solve: true, headline: new Set([3]) });
    expect([...headline3]).toEqual([P, S, S, V, S, V]);
    // Both headline: the smaller, T1; showing it again would give a away, so it stays hidden.
    const protects = new Map<number, number>();
    const both = suppressCells(TRIANGLE.values, TRIANGLE.sets, 5, { solve: true, headline: new Set([3, 4]), protects });
    expect([...both]).toEqual([P, S, S, S, V, V]);
    expect(protects.get(3)).toBe(0);
    expect(readable(TRIANGLE.values, TRIANGLE.sets, both)).toEqual([]);
  });

  it("looks beyond the small count's own sets only when they have nothing to hide", () => {
    // a = 4, b = 3, c = 2 all small: T1 = 7, T2 = 6, T3 = 5 pin them down. a's own sets offer T2 (6); T3 (5),
    // cheaper, is in a set linked to a through the hidden b and c only.
    const values = [4, 3, 2, 7, 6, 5];
    const protects = new Map<number, number>();
    const state = suppressCells(values, TRIANGLE.sets, 5, { solve: true, protects });
    expect([...state]).toEqual([P, P, P, V, S, V]);
    expect(protects).toEqual(new Map([[4, 0]]));
    expect(readable(values, TRIANGLE.sets, state)).toEqual([]);
  });

  it('the linked sets: the smallest cell of the sets reached through hidden cells, not through shown ones', () => {
    // The table of "zeros around it" above: the 1 at cell 7 has only hidden cells and zeros in its row and
    // column; the sets linked through hidden cells hold 12 (cell 2), 22 and 33. A further set 22 = 10 + 12 on
    // the shown row total (cell 0) holds a cheaper 10, but is linked only through a shown cell.
    const { values, sets } = totalsGrid(ZEROS_AROUND);
    const protects = new Map<number, number>();
    const state = suppressCells(values, sets, 5, { solve: true, protects });
    expect(protects.get(2)).toBe(7);
    expect([...state].flatMap((s, i) => (s === SECONDARY ? [i] : []))).toEqual([1, 2, 3, 4, 6, 8, 10, 17, 19]);
    const more = [...values, 10, 12];
    const moreSets = [...sets, { total: 0, parts: [20, 21] }];
    const p2 = new Map<number, number>();
    const s2 = suppressCells(more, moreSets, 5, { solve: true, protects: p2 });
    expect(s2[2]).toBe(SECONDARY);
    expect(s2[20]).toBe(VISIBLE);
    expect(p2.get(2)).toBe(7);
    expect(readable(more, moreSets, s2)).toEqual([]);
  });

  it('a headline complement that protects nothing at the end is shown again, and loses its reason', () => {
    // Rows 22 = 0 + 22, 20 = 4 + 16, 27 = 5 + 22; columns 9 and 60; grand total 69. Headline: cells 1, 2, 3,
    // 5, 6, 8, 9, 11. The one-set rule hides the 16 beside the 4 (its total, 20, is headline too), then the
    // 5, the 22s and the 20; with the 20 and the 22s hidden the 16 protects nothing and is shown again.
    const { values, sets } = totalsGrid([
      [0, 22],
      [4, 16],
      [5, 22],
    ]);
    const headline = new Set([1, 2, 3, 5, 6, 8, 9, 11]);
    const protects = new Map<number, number>();
    const state = suppressCells(values, sets, 5, { solve: true, headline, protects });
    expect(values[5]).toBe(16);
    expect([...state]).toEqual([S, V, S, S, P, V, V, S, S, V, V, V]);
    expect(protects.has(5)).toBe(false);
    expect(readable(values, sets, state)).toEqual([]);
    // Without the headline cells the same table hides the 16 (the cheapest part beside the 4) and keeps it.
    const plain = suppressCells(values, sets, 5, { solve: true });
    expect(plain[5]).toBe(SECONDARY);
  });

  it('intervals: the cheapest cell that widens two small counts with a known sum; a headline one last', () => {
    const values = [30, 3, 4, 23];
    const sets = [{ total: 0, parts: [1, 2, 3] }];
    expect([...suppressCells(values, sets, 5)]).toEqual([V, P, P, V]);
    const protects = new Map<number, number>();
    expect([...suppressCells(values, sets, 5, { intervals: true, protects })]).toEqual([V, P, P, S]);
    expect(protects).toEqual(new Map([[3, 1]]));
    expect([...suppressCells(values, sets, 5, { intervals: true, headline: new Set([3]) })]).toEqual([S, P, P, V]);
    expect([...suppressCells(values, sets, 5, { intervals: true, keepShown: (i) => i === 3 })]).toEqual([S, P, P, V]);
    expect([...suppressCells(values, sets, 0, { intervals: true })]).toEqual([V, V, V, V]);
  });
});

describe('choices pinned by the second mutation run', () => {
  const P = PRIMARY,
    S = SECONDARY,
    V = VISIBLE;

  it('one-set rule: a smaller headline part named after a part that is not headline does not replace it', () => {
    expect([...suppressCells([30, 2, 22, 6], [{ total: 0, parts: [1, 2, 3] }], 5, { headline: new Set([3]) })]).toEqual([V, P, S, V]);
  });

  it('solve: the pick may be cell 0, and then it is hidden and kept', () => {
    // The triangle with T1 (8) as cell 0: cells 0 T1, 1 a = 2, 2 b = 6, 3 c = 7, 4 T2 = 9, 5 T3 = 13.
    const sets = [
      { total: 0, parts: [1, 2] },
      { total: 4, parts: [1, 3] },
      { total: 5, parts: [2, 3] },
    ];
    expect([...suppressCells([8, 2, 6, 7, 9, 13], sets, 5, { solve: true })]).toEqual([S, P, S, S, V, V]);
    // All small, T2 (6) as cell 0: a's own sets offer it; the cheaper T3 (5) is only linked.
    const small = [
      { total: 4, parts: [1, 2] },
      { total: 0, parts: [1, 3] },
      { total: 5, parts: [2, 3] },
    ];
    expect([...suppressCells([6, 4, 3, 2, 7, 5], small, 5, { solve: true })]).toEqual([S, P, P, P, V, V]);
  });

  it('solve: with nothing left to hide it stops, and names no complement it did not hide', () => {
    const protects = new Map<number, number>();
    const state = suppressCells(TRIANGLE.values, TRIANGLE.sets, 5, { solve: true, keepShown: (i) => i >= 3, protects });
    expect([...state]).toEqual([P, S, S, V, V, V]);
    expect(protects).toEqual(
      new Map([
        [1, 0],
        [2, 0],
      ]),
    );
  });

  it('solve: a headline shown again without a protects map to update', () => {
    const { values, sets } = totalsGrid([
      [0, 22],
      [4, 16],
      [5, 22],
    ]);
    const state = suppressCells(values, sets, 5, { solve: true, headline: new Set([1, 2, 3, 5, 6, 8, 9, 11]) });
    expect(state[5]).toBe(VISIBLE);
  });

  it('determinedCells: a hidden cell that is the total of one set and a part of another', () => {
    // X = a + b (b = 10 shown) and Y = X + a (Y = 14 shown): X − a = 10 and X + a = 14 give a = 2, X = 12.
    // Counted with the same sign for totals and parts the two rows would be one, and nothing determined.
    const values = [2, 10, 12, 14];
    const sets = [
      { total: 2, parts: [0, 1] },
      { total: 3, parts: [2, 0] },
    ];
    expect(determinedCells(values, sets, Uint8Array.from([P, V, S, V]))).toEqual([0, 2]);
    expect(readable(values, sets, [P, V, S, V])).toEqual([0, 2]);
  });
});

describe('display and isSuppressed', () => {
  it('prints a small count as <N, a complement as x, anything else as its value', () => {
    expect(display(3, PRIMARY, 5)).toBe('<5');
    expect(display(3, PRIMARY, 3)).toBe('<3');
    expect(display(17, SECONDARY, 5)).toBe('x');
    expect(display(17, VISIBLE, 5)).toBe(17);
    expect(display(0, VISIBLE, 5)).toBe(0);
    expect(isSuppressed('<5')).toBe(true);
    expect(isSuppressed('x')).toBe(true);
    expect(isSuppressed(0)).toBe(false);
    expect(isSuppressed(12)).toBe(false);
  });
});
