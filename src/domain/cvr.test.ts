import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cvrMod11Ok, parseCvr } from './cvr.ts';

describe('parseCvr', () => {
  it('accepts known valid numbers (10403782: 2+0+24+0+12+21+16+2 = 77 = 7·11)', () => {
    expect(parseCvr('10403782')).toEqual({ ok: true, value: '10403782' });
    expect(parseCvr('DK 29 18 94 20')).toEqual({ ok: true, value: '29189420' }); // Aalborg Kommune, seed 002
  });
  it('rejects a changed digit, wrong length and a leading zero, in Danish', () => {
    const bad = parseCvr('10403783');
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.error).toMatch(/kontrolcifferet/);
    const short = parseCvr('1040378');
    if (!short.ok) expect(short.error).toMatch(/8 cifre/);
    expect(short.ok).toBe(false);
    expect(parseCvr('04037820').ok).toBe(false);
  });
  it('detects every single-digit change of a valid number (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 7 }), fc.integer({ min: 1, max: 9 }), (pos, delta) => {
        const digits = '10403782'.split('').map(Number);
        digits[pos] = (digits[pos] + delta) % 10;
        expect(cvrMod11Ok(digits.join(''))).toBe(false);
      }),
    );
  });
});
