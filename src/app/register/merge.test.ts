import { describe, expect, it } from 'vitest';
import { mergeHours, replaceWeeks, trimWeeks } from './merge.ts';

const W = (weekStart: number, ...codes: number[]) => ({ weekStart, codes: Int16Array.from(codes) });
const H = (monthStart: number, ...hours: number[]) => ({ monthStart, hours: Float64Array.from(hours) });

describe('replaceWeeks', () => {
  it('adds codes for new weeks and extends the range', () => {
    const r = replaceWeeks(W(10, 130, 0), W(11, 130, 211), 11, 12);
    expect(r.changed).toBe(true);
    expect(r.changedWeeks).toBe(2);
    expect(r.merged).toEqual(W(10, 130, 130, 211));
  });
  it('the same codes again change nothing', () => {
    const r = replaceWeeks(W(10, 130, 131), W(10, 130, 131), 10, 11);
    expect(r).toMatchObject({ changed: false, changedWeeks: 0 });
  });
  it('a redelivery replaces the weeks it covers: a changed code, a removed code; weeks outside are kept', () => {
    const r = replaceWeeks(W(10, 130, 131, 131, 140), W(11, 707), 11, 12);
    expect(r.changedWeeks).toBe(2); // week 11: 131 → 707, week 12: 131 → none
    expect(r.merged).toEqual(W(10, 130, 707, 0, 140));
  });
  it('trims empty weeks at both ends', () => {
    expect(trimWeeks(W(5, 0, 0, 130, 0))).toEqual(W(7, 130));
    expect(replaceWeeks(W(10, 130), W(10), 10, 10).merged.codes.length).toBe(0);
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
