import { describe, expect, it } from 'vitest';
import { ageOn, centuryYear, makeCpr, parseCpr } from './cpr.ts';

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
