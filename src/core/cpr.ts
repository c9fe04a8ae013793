/**
 * CPR numbers (personnummer): parsing, validation and derived facts.
 * Ten digits DDMMYY-SSSS; the seventh digit decides the century; the last digit the sex.
 * The modulus-11 check only warns: numbers without it have been issued since 2007.
 */

export type Sex = 'K' | 'M';

export interface CprInfo {
  /** Normalised, ten digits without dash. */
  cpr: string;
  birthDate: string; // YYYY-MM-DD
  sex: Sex;
  /** False when the number fails the modulus-11 check (valid, but worth a warning). */
  mod11: boolean;
}

export type CprResult = { ok: true; value: CprInfo } | { ok: false; error: string };

const WEIGHTS = [4, 3, 2, 7, 6, 5, 4, 3, 2, 1];

/** Strip a dash or spaces; returns null when the rest is not ten digits. */
export function normaliseCpr(input: string): string | null {
  const s = input.trim().replace(/[-\s]/g, '');
  return /^\d{10}$/.test(s) ? s : null;
}

/** Full year from the two-digit year and the seventh digit (CPR-kontoret's table). */
export function centuryYear(yy: number, seventh: number): number {
  if (seventh <= 3) return 1900 + yy;
  if (seventh === 4 || seventh === 9) return yy <= 36 ? 2000 + yy : 1900 + yy;
  return yy <= 57 ? 2000 + yy : 1800 + yy; // 5–8
}

export function mod11Ok(cpr: string): boolean {
  let sum = 0;
  for (let i = 0; i < 10; i++) sum += Number(cpr[i]) * WEIGHTS[i];
  return sum % 11 === 0;
}

function isRealDate(y: number, m: number, d: number): boolean {
  if (m < 1 || m > 12 || d < 1) return false;
  // Days in the month by the Gregorian rule (what Date.UTC(y, m, 0) gives), without a Date:
  // participant files have 100,000 rows.
  const dim = m === 2 ? (y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0) ? 29 : 28) : m === 4 || m === 6 || m === 9 || m === 11 ? 30 : 31;
  return d <= dim;
}

/**
 * True when `s` is exactly ten digits (no dash or spaces) holding a real birth date: then it is
 * its own normalised form and `parseCpr(s)` succeeds with `cpr === s`. Checked without building
 * strings, for readers of 100,000 rows; anything else is left to `parseCpr` and its messages.
 */
export function isPlainCpr(s: string): boolean {
  if (s.length !== 10) return false;
  for (let i = 0; i < 10; i++) {
    const c = s.charCodeAt(i);
    if (c < 48 || c > 57) return false;
  }
  const d = (s.charCodeAt(0) - 48) * 10 + (s.charCodeAt(1) - 48);
  const m = (s.charCodeAt(2) - 48) * 10 + (s.charCodeAt(3) - 48);
  const yy = (s.charCodeAt(4) - 48) * 10 + (s.charCodeAt(5) - 48);
  return isRealDate(centuryYear(yy, s.charCodeAt(6) - 48), m, d);
}

/** Validate a CPR number; errors are Danish sentences fit for a form. */
export function parseCpr(input: string): CprResult {
  const cpr = normaliseCpr(input ?? '');
  if (!cpr) return { ok: false, error: 'CPR-nummeret skal være 10 cifre (DDMMÅÅ-XXXX).' };
  const d = Number(cpr.slice(0, 2));
  const m = Number(cpr.slice(2, 4));
  const yy = Number(cpr.slice(4, 6));
  const y = centuryYear(yy, Number(cpr[6]));
  if (!isRealDate(y, m, d)) return { ok: false, error: 'CPR-nummeret indeholder ikke en gyldig dato.' };
  const birthDate = `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
  const sex: Sex = Number(cpr[9]) % 2 === 0 ? 'K' : 'M';
  return { ok: true, value: { cpr, birthDate, sex, mod11: mod11Ok(cpr) } };
}

/** Age in whole years on a given date (YYYY-MM-DD). */
export function ageOn(birthDate: string, on: string): number {
  const [by, bm, bd] = birthDate.split('-').map(Number);
  const [y, m, d] = on.split('-').map(Number);
  let age = y - by;
  if (m < bm || (m === bm && d < bd)) age--;
  return age;
}

/** Display form with dash: 010190-1234. */
export function formatCpr(cpr: string): string {
  return `${cpr.slice(0, 6)}-${cpr.slice(6)}`;
}

/** Masked display (birth date only) for lists: 010190-xxxx. */
export function maskCpr(cpr: string): string {
  return `${cpr.slice(0, 6)}-xxxx`;
}

/**
 * Build a valid synthetic CPR number for a birth date and sex. The serial is chosen by the
 * caller (e.g. from a seeded RNG); we pick the seventh digit to match the century and the
 * last digit to match the sex, preferring a number that passes modulus 11.
 */
export function makeCpr(birthDate: string, sex: Sex, serial: number): string {
  const [y, m, d] = birthDate.split('-').map(Number);
  const yy = y % 100;
  let seventhOptions: number[];
  if (y >= 1900 && y <= 1999) seventhOptions = [0, 1, 2, 3];
  else if (y >= 2000 && y <= 2036) seventhOptions = [4, 9];
  else if (y >= 2037 && y <= 2057) seventhOptions = [5, 6, 7, 8];
  else throw new Error(`Unsupported birth year ${y}`);
  const base = `${String(d).padStart(2, '0')}${String(m).padStart(2, '0')}${String(yy).padStart(2, '0')}`;
  const seventh = seventhOptions[serial % seventhOptions.length];
  const mid = String(Math.floor(serial / seventhOptions.length) % 100).padStart(2, '0');
  const sexDigits = sex === 'K' ? [0, 2, 4, 6, 8] : [1, 3, 5, 7, 9];
  // Try to find a last digit that passes modulus 11; fall back to the first of the right sex.
  for (let off = 0; off < 100; off++) {
    const mid2 = String((Number(mid) + off) % 100).padStart(2, '0');
    for (const last of sexDigits) {
      const c = `${base}${seventh}${mid2}${last}`;
      if (mod11Ok(c)) return c;
    }
  }
  return `${base}${seventh}${mid}${sexDigits[0]}`;
}
