import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  cprFromBytes,
  cprFromText,
  cprNumberFromBytes,
  cprText,
  decimalFromBytes,
  dreamYear,
  intFromBytes,
  monthFromBytes,
  parseDecimal,
  parseDreamWeek,
  weekFromBytes,
} from './fields.ts';
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
    // Every number of decimals the reader takes (up to 16 digits in all), as Number reads them.
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 99 }), fc.stringMatching(/^[0-9]{1,14}$/), (i, f) => {
        expect(whole(decimalFromBytes, `${i},${f}`.slice(0, 16))).toBe(Number(`${i}.${f}`.slice(0, 16)));
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

/** Each parser on a field inside a row (`;field;`), so that a bound read one byte too far shows. */
const inRow = <T>(f: (b: Uint8Array, s: number, e: number) => T, field: string) => {
  const b = bytes(`9${field}9`);
  return f(b, 1, b.length - 1);
};

/** The parser gives `want` for each field in a row (a failure names the field). */
function expectEach<T>(f: (b: Uint8Array, s: number, e: number) => T, fields: string[], want: T) {
  for (const field of fields) expect(inRow(f, field), `«${field}»`).toEqual(want);
}

describe('field parsers at their edges', () => {
  it('CPR bytes: the dash only as the seventh of eleven, digits only, blanks trimmed on both sides', () => {
    expect(inRow(cprFromBytes, '0101901234')).toBe('0101901234');
    expect(inRow(cprFromBytes, '  010190-1234  ')).toBe('0101901234');
    expectEach(
      cprFromBytes,
      ['0101901-234', '-0101901234', '01019012345', '010190+1234', '01019/1234', '010190:234', '', '          '],
      null,
    );
  });
  it('CPR number bytes: the same rules, -1 for anything else', () => {
    expect(inRow(cprNumberFromBytes, '0101901234')).toBe(101901234);
    expect(inRow(cprNumberFromBytes, ' 3112999999 ')).toBe(3112999999);
    expect(inRow(cprNumberFromBytes, '311299-9999')).toBe(3112999999);
    const refused = ['0101901-234', '01019012345', '010190/1234', '010190:234', '010190-/234', '010190-:234', '010190123', ''];
    expectEach(cprNumberFromBytes, refused, -1);
    expect(cprText(0)).toBe('0000000000');
    expect(cprText(3112999999)).toBe('3112999999');
  });
  it('CPR text: ten digits with or without one dash after the sixth, trimmed', () => {
    expect(cprFromText(' 010190-1234 ')).toBe('0101901234');
    expect(cprFromText('0101901234')).toBe('0101901234');
    for (const text of ['0101901-234', 'x0101901234', '0101901234x', '010190--1234']) expect(cprFromText(text), text).toBeNull();
  });
  it('integers: up to nine digits, blanks trimmed, anything else -2', () => {
    expect(inRow(intFromBytes, ' 42 ')).toBe(42);
    expect(inRow(intFromBytes, '0')).toBe(0);
    expect(inRow(intFromBytes, '999999999')).toBe(999999999);
    expectEach(intFromBytes, ['', '   '], -1);
    expectEach(intFromBytes, ['1000000000', '/', ':', '-1', '1 2'], -2);
  });
  it('decimal text: optional minus, one separator with digits on both sides', () => {
    expect(parseDecimal(' -7,25 ')).toBe(-7.25);
    expect(parseDecimal('12')).toBe(12);
    for (const text of ['1,', 'x1', '1x', '1,5,5']) expect(parseDecimal(text), text).toBeNull();
  });
  it('decimal bytes: minus, blanks, the separators, and the length bounds of exact arithmetic', () => {
    expect(inRow(decimalFromBytes, ' -7,25 ')).toBe(-7.25);
    expect(inRow(decimalFromBytes, '-12')).toBe(-12);
    expect(inRow(decimalFromBytes, '12')).toBe(12);
    expect(inRow(decimalFromBytes, '0.5')).toBe(0.5);
    expectEach(decimalFromBytes, ['-', '-,5', '1,', '1;5', '1,5x', '1,5,5', '1/5', '/', ':', '1,:', '1,/', '    '], NaN);
    // Fifteen integer digits and sixteen digits in all are read; one more of either is not.
    expect(inRow(decimalFromBytes, '123456789012345')).toBe(123456789012345);
    expect(inRow(decimalFromBytes, '12345678901234,5')).toBe(12345678901234.5);
    expect(inRow(decimalFromBytes, '1,23456789012345')).toBe(1.23456789012345);
    expectEach(decimalFromBytes, ['1234567890123456', '123456789012345,5', '1,234567890123456'], NaN);
    expect(inRow(decimalFromBytes, '0,1')).toBe(0.1);
    expect(inRow(decimalFromBytes, '80,125')).toBe(80.125);
  });
  it('months in bytes: blanks trimmed, four-digit year, two-digit month 01–12, from any base', () => {
    const month = (t: string, base = BASE_YEAR) => inRow((b, s, e) => monthFromBytes(b, s, e, base), t);
    expect(month(' 2021-02 ')).toBe(parseMonth('2021-02'));
    expect(month('2021-01', 2021)).toBe(0);
    expect(month('2022-12', 2021)).toBe(23);
    expect(month('2021-12')).toBe(parseMonth('2021-12'));
    expect(month('2021-09')).toBe(parseMonth('2021-09'));
    expect(month('2021-10')).toBe(parseMonth('2021-10'));
    // The second month digit alone decides between a month and junk in 2021-1/ (1/ would read as 9).
    const junk = ['2021-00', '2021/02', '202/-02', '202:-02', '/021-02', ':021-02', '2021-/2', '2021-:2', '2021-0/', '2021-0:', '2021-1/'];
    expectEach((b, s, e) => monthFromBytes(b, s, e, BASE_YEAR), [...junk, '2021-1', '2021-011', ''], NaN);
  });
  it('DREAM years: 00–89 are 20YY, 90–99 19YY', () => {
    expect(dreamYear(0)).toBe(2000);
    expect(dreamYear(89)).toBe(2089);
    expect(dreamYear(90)).toBe(1990);
    expect(dreamYear(99)).toBe(1999);
    expect(weekString(parseDreamWeek(' 8901 ')!)).toBe('2089-W01');
    expect(weekString(parseDreamWeek('9001')!)).toBe('1990-W01');
    expect(parseDreamWeek('x2107')).toBeNull();
    expect(parseDreamWeek('12107')).toBeNull();
  });
  it('weeks in bytes: blanks trimmed, W or w, digits only, and the cache answers as the parser', () => {
    const cache = new Map<number, number>();
    const week = (t: string) => inRow((b, s, e) => weekFromBytes(b, s, e, cache), t);
    expect(week(' 2107 ')).toBe(parseDreamWeek('2107'));
    expect(week(' 2021-W07 ')).toBe(parseDreamWeek('2021-W07'));
    expect(week('8901')).toBe(parseDreamWeek('8901'));
    expect(week('9001')).toBe(parseDreamWeek('9001'));
    expect(week('2021-X07')).toBeNaN();
    expect(week('2021-V07')).toBeNaN();
    expect(week('2021-v07')).toBeNaN();
    expect(week('2021/W07')).toBeNaN();
    expect(week('202/-W07')).toBeNaN();
    expect(week('2021-W0/')).toBeNaN();
    expect(week('2021-W:7')).toBeNaN();
    expect(week('21/7')).toBeNaN();
    expect(week('21:7')).toBeNaN();
    expect(week('/107')).toBeNaN();
    expect(week('210')).toBeNaN();
    expect(week('2021-W7')).toBeNaN();
    expect(week('2021-W007')).toBeNaN();
    expect(week('2021-W071')).toBeNaN();
    expect(week('0000-W01')).toBe(parseDreamWeek('0000-W01'));
    expect(week('2153')).toBeNaN();
    expect(week('2021-W53')).toBeNaN();
    expect(week('2020-W53')).toBe(parseDreamWeek('2020-W53'));
    expect(week('2053')).toBe(parseDreamWeek('2053'));
    // Asked again, from the cache: the same answers (a refused week stays refused).
    expect(week('2107')).toBe(parseDreamWeek('2107'));
    expect(week('2021-W53')).toBeNaN();
    expect(week('2153')).toBeNaN();
    expect(cache.size).toBeGreaterThan(0);
  });
});
