import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { cprFromBytes, decimalFromBytes, intFromBytes, monthFromBytes, parseDecimal, parseDreamWeek, weekFromBytes } from './fields.ts';
import { BASE_YEAR, parseMonth, weekString } from '../monitoring/calendar.ts';

const bytes = (s: string) => new TextEncoder().encode(s);
const whole = <T>(f: (b: Uint8Array, s: number, e: number) => T, s: string) => f(bytes(s), 0, bytes(s).length);

describe('field parsers', () => {
  it('CPR with or without dash, nothing else', () => {
    expect(whole(cprFromBytes, '010190-1234')).toBe('0101901234');
    expect(whole(cprFromBytes, ' 0101901234 ')).toBe('0101901234');
    expect(whole(cprFromBytes, '01019-01234')).toBeNull();
    expect(whole(cprFromBytes, '010190123')).toBeNull();
    expect(whole(cprFromBytes, '01019012345')).toBeNull();
  });
  it('integer codes: empty is -1, junk is -2', () => {
    expect(whole(intFromBytes, '131')).toBe(131);
    expect(whole(intFromBytes, '  ')).toBe(-1);
    expect(whole(intFromBytes, '13a')).toBe(-2);
  });
  it('decimal comma or point; the byte parser agrees with the text parser', () => {
    expect(parseDecimal('80,5')).toBe(80.5);
    expect(parseDecimal('80.5')).toBe(80.5);
    expect(parseDecimal('1.234,5')).toBeNull();
    expect(whole(decimalFromBytes, '79,3')).toBe(79.3);
    expect(whole(decimalFromBytes, '7x')).toBeNaN();
    expect(whole(decimalFromBytes, '')).toBeNaN();
    expect(whole(decimalFromBytes, ',5')).toBeNaN();
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 100000 }), fc.integer({ min: 0, max: 999 }), fc.constantFrom(',', '.'), (i, f, sep) => {
        const text = `${i}${sep}${String(f).padStart(3, '0')}`;
        expect(whole(decimalFromBytes, text)).toBe(parseDecimal(text));
      }),
    );
  });
  it('months in bytes, also before 1990 (negative indexes)', () => {
    expect(whole((b, s, e) => monthFromBytes(b, s, e, BASE_YEAR), '1989-12')).toBe(-1);
    expect(whole((b, s, e) => monthFromBytes(b, s, e, BASE_YEAR), '2021-02')).toBe(parseMonth('2021-02'));
    expect(whole((b, s, e) => monthFromBytes(b, s, e, BASE_YEAR), '2021-13')).toBeNaN();
    expect(whole((b, s, e) => monthFromBytes(b, s, e, BASE_YEAR), '2021-2')).toBeNaN();
  });
  it('DREAM weeks: YYWW with YY < 90 as 20YY, and YYYY-Www', () => {
    expect(weekString(parseDreamWeek('2107')!)).toBe('2021-W07');
    expect(weekString(parseDreamWeek('9853')!)).toBe('1998-W53');
    expect(parseDreamWeek('9153')).toBeNull(); // 1991 has 52 ISO weeks
    expect(weekString(parseDreamWeek('2021-W07')!)).toBe('2021-W07');
    expect(parseDreamWeek('2153')).toBeNull();
    expect(parseDreamWeek('21-07')).toBeNull();
  });
  it('the byte week parser agrees with parseDreamWeek on valid and invalid weeks', () => {
    const cache = new Map<number, number>();
    fc.assert(
      fc.property(fc.integer({ min: 1985, max: 2030 }), fc.integer({ min: 0, max: 54 }), fc.boolean(), (y, w, long) => {
        const text = long ? `${y}-W${String(w).padStart(2, '0')}` : `${String(y % 100).padStart(2, '0')}${String(w).padStart(2, '0')}`;
        const expected = parseDreamWeek(text);
        const got = whole((b, s, e) => weekFromBytes(b, s, e, cache), text);
        if (expected === null) expect(got).toBeNaN();
        else expect(got).toBe(expected);
      }),
    );
    expect(whole((b, s, e) => weekFromBytes(b, s, e, cache), '2021-w07')).toBe(parseDreamWeek('2021-W07'));
  });
});
