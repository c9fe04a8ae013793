import { describe, expect, it } from 'vitest';
import { ageOn, centuryYear, isPlainCpr, makeCpr, parseCpr } from './cpr.ts';

describe('parseCpr', () => {
  it('accepts a number with or without dash and derives birth date and sex', () => {
    const r = parseCpr('070761-4285');
    expect(r.ok).toBe(true);
    if (r.ok) {
      expect(r.value.cpr).toBe('0707614285');
      expect(r.value.birthDate).toBe('1961-07-07');
      expect(r.value.sex).toBe('M');
    }
    expect(parseCpr('0707614285').ok).toBe(true);
  });
  it('rejects wrong length and impossible dates with a Danish message', () => {
    const a = parseCpr('12345');
    expect(a.ok).toBe(false);
    if (!a.ok) expect(a.error).toMatch(/10 cifre/);
    const b = parseCpr('310290-1234'); // 31 February
    expect(b.ok).toBe(false);
    if (!b.ok) expect(b.error).toMatch(/gyldig dato/);
  });
  it('accepts 29 February only in leap years, century from the seventh digit', () => {
    expect(parseCpr('290200-4000').ok).toBe(true); // 2000 is a leap year (7th digit 4 → 2000)
    expect(parseCpr('290201-4000').ok).toBe(false);
  });
  it('only warns (mod11=false) when the modulus-11 check fails', () => {
    const r = parseCpr('010190-1235');
    expect(r.ok).toBe(true);
    if (r.ok) expect(r.value.mod11).toBe(false);
  });
  it('maps the seventh digit to the century', () => {
    expect(centuryYear(36, 4)).toBe(2036);
    expect(centuryYear(37, 4)).toBe(1937);
    expect(centuryYear(57, 5)).toBe(2057);
    expect(centuryYear(58, 5)).toBe(1858);
    expect(centuryYear(99, 3)).toBe(1999);
    expect(centuryYear(10, 9)).toBe(2010);
  });
});

describe("isPlainCpr (the participants reader's fast check)", () => {
  const two = (n: number) => String(n).padStart(2, '0');
  it('is true exactly when parseCpr accepts the text as its own normalised form', () => {
    // Every day 00–99 of every month 00–13 for years from each century rule, against the
    // calendar's own answer (Date.UTC), which is what the check replaced.
    const seen = { ok: 0, bad: 0 };
    for (const [yy, seventh] of [
      [0, 4],
      [0, 0],
      [4, 4],
      [96, 3],
      [58, 5],
      [57, 5],
      [36, 9],
      [37, 9],
      [1, 7],
    ]) {
      for (let m = 0; m <= 13; m++) {
        for (let d = 0; d <= 40; d++) {
          const s = `${two(d)}${two(m)}${two(yy)}${seventh}123`;
          const y = centuryYear(yy, seventh);
          const real = m >= 1 && m <= 12 && d >= 1 && d <= new Date(Date.UTC(y, m, 0)).getUTCDate();
          const r = parseCpr(s);
          expect(r.ok, s).toBe(real);
          expect(isPlainCpr(s), s).toBe(real);
          if (r.ok) expect(r.value.cpr).toBe(s);
          seen[real ? 'ok' : 'bad']++;
        }
      }
    }
    expect(seen.ok).toBeGreaterThan(3000);
    expect(seen.bad).toBeGreaterThan(1000);
  });
  it('leaves every other form to parseCpr', () => {
    for (const s of ['010190-1234', ' 0101901234', '0101901234 ', '01019O1234', '010190123', '01019012345', '0101901234\n', '']) {
      expect(isPlainCpr(s), s).toBe(false);
    }
    expect(isPlainCpr('2902004000')).toBe(true); // 2000 is a leap year
    expect(isPlainCpr('2902011000')).toBe(false);
    expect(isPlainCpr('2902001000')).toBe(false); // 1900 (seventh digit 1) is not a leap year
  });
});

describe('makeCpr', () => {
  it('builds valid female numbers for the birth date that pass modulus 11', () => {
    for (let s = 0; s < 200; s++) {
      const c = makeCpr('1985-03-14', 'K', s);
      const r = parseCpr(c);
      expect(r.ok).toBe(true);
      if (r.ok) {
        expect(r.value.birthDate).toBe('1985-03-14');
        expect(r.value.sex).toBe('K');
      }
    }
  });
});

describe('ageOn', () => {
  it('counts whole years, not yet having had the birthday', () => {
    expect(ageOn('1990-06-15', '2020-06-14')).toBe(29);
    expect(ageOn('1990-06-15', '2020-06-15')).toBe(30);
  });
});
