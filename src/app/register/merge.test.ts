import { describe, expect, it } from 'vitest';
import { mergeHours, mergeWeeks, trimWeeks } from './merge.ts';

const W = (weekStart: number, ...codes: number[]) => ({ weekStart, codes: Int16Array.from(codes) });
const H = (monthStart: number, ...hours: number[]) => ({ monthStart, hours: Float64Array.from(hours) });

describe('mergeWeeks', () => {
  it('adds codes to empty weeks and extends the range', () => {
    const r = mergeWeeks(W(10, 130, 0), W(11, 130, 211));
    expect(r.changed).toBe(true);
    expect(r.conflict).toBeUndefined();
    expect(r.merged.weekStart).toBe(10);
    expect([...r.merged.codes]).toEqual([130, 130, 211]);
  });
  it('accepts the same code twice without a change', () => {
    const r = mergeWeeks(W(10, 130, 131), W(10, 130, 131));
    expect(r.changed).toBe(false);
  });
  it('reports a different code for the same week as a conflict', () => {
    const r = mergeWeeks(W(10, 130, 131), W(11, 211));
    expect(r.conflict).toEqual({ week: 11, stored: 131, incoming: 211 });
  });
  it('trims empty weeks at both ends', () => {
    expect(trimWeeks(W(5, 0, 0, 130, 0))).toEqual(W(7, 130));
  });
});

describe('mergeHours', () => {
  it('replaces the months the new file covers and keeps the others', () => {
    const r = mergeHours(H(100, 10, 20, 30), H(101, 25), 101, 102);
    expect(r.changed).toBe(true);
    expect(r.merged).toEqual(H(100, 10, 25));
  });
  it('changes nothing when the months are equal', () => {
    expect(mergeHours(H(100, 10, 20), H(100, 10, 20), 100, 101).changed).toBe(false);
  });
});
