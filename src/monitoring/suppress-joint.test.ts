/**
 * The joint rule (suppress-joint.ts) on hand-made sets, one rule per test: which cell becomes
 * the complement, what a fixed cell does, and when a complement that protects nothing is shown
 * again. The properties over random tables are in test/reports-suppress.test.ts.
 */
import { describe, expect, it } from 'vitest';
import { PRIMARY, SECONDARY, VISIBLE } from './suppress.ts';
import { shown, suppressJoint } from './suppress-joint.ts';

const none = new Map<number, 'shown' | 'hidden'>();

describe('suppressJoint', () => {
  it('threshold 0 shows everything, even a cell fixed as hidden', () => {
    expect([...suppressJoint([5, 2, 3], [{ total: 0, parts: [1, 2] }], 0, new Map([[0, 'hidden']]))]).toEqual([VISIBLE, VISIBLE, VISIBLE]);
  });

  it('threshold 1 hides no count as small, but a cell fixed as hidden stays hidden (with a complement)', () => {
    const state = suppressJoint([9, 2, 7], [{ total: 0, parts: [1, 2] }], 1, new Map([[1, 'hidden']]));
    expect([...state]).toEqual([VISIBLE, SECONDARY, SECONDARY]);
  });

  it('a cell fixed as hidden is hidden though it is not small, and its set gets a complement', () => {
    const state = suppressJoint([30, 10, 8, 12], [{ total: 0, parts: [1, 2, 3] }], 5, new Map([[1, 'hidden']]));
    expect([...state]).toEqual([VISIBLE, SECONDARY, SECONDARY, VISIBLE]);
  });

  it('the complement is the smallest non-zero visible part, wherever it stands in the set', () => {
    // total 0; parts: 1 small, then 7, 9 (smallest first) …
    expect([...suppressJoint([18, 2, 7, 9], [{ total: 0, parts: [1, 2, 3] }], 5, none)]).toEqual([VISIBLE, PRIMARY, SECONDARY, VISIBLE]);
    // … 9, 7 (smallest last) …
    expect([...suppressJoint([18, 2, 9, 7], [{ total: 0, parts: [1, 2, 3] }], 5, none)]).toEqual([VISIBLE, PRIMARY, VISIBLE, SECONDARY]);
    // … and a part at index 0, smaller than the part after it.
    expect([...suppressJoint([7, 9, 2, 18], [{ total: 3, parts: [0, 1, 2] }], 5, none)]).toEqual([SECONDARY, VISIBLE, PRIMARY, VISIBLE]);
  });

  it('a zero is never the complement (a hidden 0 hides nothing): the next part or the total is', () => {
    expect([...suppressJoint([9, 2, 0, 7], [{ total: 0, parts: [1, 2, 3] }], 5, none)]).toEqual([VISIBLE, PRIMARY, VISIBLE, SECONDARY]);
    expect([...suppressJoint([2, 2, 0], [{ total: 0, parts: [1, 2] }], 5, none)]).toEqual([PRIMARY, PRIMARY, VISIBLE]);
  });

  it('the total is the complement only when no part can be: not when a part can', () => {
    // The part at index 0 is picked; the total (index 3) stays shown.
    expect([...suppressJoint([7, 2, 0, 9], [{ total: 3, parts: [0, 1, 2] }], 5, none)]).toEqual([SECONDARY, PRIMARY, VISIBLE, VISIBLE]);
    // The other part is fixed as shown: the total is hidden instead.
    expect([...suppressJoint([9, 2, 7], [{ total: 0, parts: [1, 2] }], 5, new Map([[2, 'shown']]))]).toEqual([SECONDARY, PRIMARY, VISIBLE]);
  });

  it('a complement that can still be worked out protects nothing: it is shown again and another cell of its first set is hidden', () => {
    // Sets: A = 0 = 1 + 2, B = 3 = 2 + 4. Cell 1 is small: 2 is its complement (smaller than the total).
    // In B, 2 is the only hidden cell and 4 and the total are fixed as shown: 2 can be worked
    // out from B, so it is shown again, and A hides its total instead.
    const values = [12, 3, 9, 20, 11];
    const sets = [
      { total: 0, parts: [1, 2] },
      { total: 3, parts: [2, 4] },
    ];
    const state = suppressJoint(
      values,
      sets,
      5,
      new Map([
        [3, 'shown'],
        [4, 'shown'],
      ]),
    );
    expect([...state]).toEqual([SECONDARY, PRIMARY, VISIBLE, VISIBLE, VISIBLE]);
  });

  it('a cell fixed as hidden stays hidden even when it can be worked out, and a small count always stays hidden', () => {
    const sets = [{ total: 0, parts: [1, 2] }];
    // 2 is fixed hidden, 0 and 1 fixed shown: 2 is recoverable, but the other table hides it.
    expect([
      ...suppressJoint(
        [20, 11, 9],
        sets,
        5,
        new Map([
          [0, 'shown'],
          [1, 'shown'],
          [2, 'hidden'],
        ]),
      ),
    ]).toEqual([VISIBLE, VISIBLE, SECONDARY]);
    // A small count with nothing left to hide beside it stays <5.
    expect([
      ...suppressJoint(
        [20, 17, 3],
        sets,
        5,
        new Map([
          [0, 'shown'],
          [1, 'shown'],
        ]),
      ),
    ]).toEqual([VISIBLE, VISIBLE, PRIMARY]);
  });

  it('shown() prints a cell as its value, <N or x', () => {
    const values = [18, 2, 7, 9];
    const state = suppressJoint(values, [{ total: 0, parts: [1, 2, 3] }], 5, none);
    expect([0, 1, 2, 3].map(shown(values, state, 5))).toEqual([18, '<5', 'x', 9]);
  });
});
