/**
 * Parsers for single field values (spec §1): CPR with or without dash, integer codes, decimal
 * comma or point, DREAM week names. The byte versions serve the hot paths of the big files.
 */
import { isoWeekIndex, parseWeek } from '../monitoring/calendar.ts';

const D0 = 48;
const D9 = 57;
const DASH = 45;
const SPACE = 32;

/** Ten-digit CPR from bytes `DDMMYYSSSS` or `DDMMYY-SSSS` (spaces around allowed), or null. */
export function cprFromBytes(b: Uint8Array, s: number, e: number): string | null {
  while (s < e && b[s] === SPACE) s++;
  while (e > s && b[e - 1] === SPACE) e--;
  const len = e - s;
  if (len !== 10 && len !== 11) return null;
  let out = '';
  for (let p = s; p < e; p++) {
    const c = b[p];
    if (c >= D0 && c <= D9) out += String.fromCharCode(c);
    else if (!(c === DASH && len === 11 && p === s + 6)) return null;
  }
  return out.length === 10 ? out : null;
}

/**
 * The same CPR as `cprFromBytes`, as the number its ten digits spell (leading zeros dropped;
 * `cprText` gives the string back), or -1. No string is built: the readers key people by this.
 */
export function cprNumberFromBytes(b: Uint8Array, s: number, e: number): number {
  while (s < e && b[s] === SPACE) s++;
  while (e > s && b[e - 1] === SPACE) e--;
  const len = e - s;
  let v = 0;
  if (len === 10) {
    for (let p = s; p < e; p++) {
      const d = b[p] - D0;
      if (d < 0 || d > 9) return -1;
      v = v * 10 + d;
    }
    return v;
  }
  if (len !== 11 || b[s + 6] !== DASH) return -1;
  for (let p = s; p < e; p++) {
    if (p === s + 6) continue;
    const d = b[p] - D0;
    if (d < 0 || d > 9) return -1;
    v = v * 10 + d;
  }
  return v;
}

/** The ten-digit CPR string of a number from `cprNumberFromBytes`. */
export function cprText(n: number): string {
  return String(n).padStart(10, '0');
}

/** Ten-digit CPR from text with or without dash, or null. */
export function cprFromText(t: string): string | null {
  const s = t.trim();
  return /^\d{6}-?\d{4}$/.test(s) ? s.replace('-', '') : null;
}

/** Non-negative integer in bytes; -1 when empty (blanks only), -2 when not an integer. */
export function intFromBytes(b: Uint8Array, s: number, e: number): number {
  while (s < e && b[s] === SPACE) s++;
  while (e > s && b[e - 1] === SPACE) e--;
  if (s === e) return -1;
  if (e - s > 9) return -2;
  let v = 0;
  for (let p = s; p < e; p++) {
    const c = b[p];
    if (c < D0 || c > D9) return -2;
    v = v * 10 + (c - D0);
  }
  return v;
}

/** Decimal number with comma or point (`80,5`, `80.5`), or null. */
export function parseDecimal(text: string): number | null {
  const t = text.trim();
  if (!/^-?\d+([.,]\d+)?$/.test(t)) return null;
  return Number(t.replace(',', '.'));
}

/** DREAM two-digit year: below 90 means 20YY, otherwise 19YY (spec §1.2). */
export function dreamYear(yy: number): number {
  return yy < 90 ? 2000 + yy : 1900 + yy;
}

/** Week index of `YYWW` (DREAM) or `YYYY-Www`, or null when not a real ISO week. */
export function parseDreamWeek(text: string): number | null {
  const t = text.trim();
  const r = /^(\d{2})(\d{2})$/.exec(t);
  if (r) return isoWeekIndex(dreamYear(Number(r[1])), Number(r[2]));
  return parseWeek(t);
}

/** 10^k for k = 0 … 16, the same numbers as `10 ** k` (all exact), read from a table: `**` costs a call to pow per row of paid hours. */
export const POWERS_OF_TEN = [1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16];

/**
 * Decimal number in bytes with comma or point (`80,5`, `80.5`, optional minus); NaN when not
 * a number. Fast path for the paid-hours file; `parseDecimal` gives the same results.
 */
export function decimalFromBytes(b: Uint8Array, s: number, e: number): number {
  while (s < e && b[s] === SPACE) s++;
  while (e > s && b[e - 1] === SPACE) e--;
  const neg = s < e && b[s] === DASH;
  if (neg) s++;
  let int = 0;
  let p = s;
  for (; p < e && b[p] >= D0 && b[p] <= D9; p++) int = int * 10 + (b[p] - D0);
  if (p === s || p - s > 15) return NaN;
  if (p === e) return neg ? -int : int;
  if (b[p] !== 44 && b[p] !== 46) return NaN;
  const fs = ++p;
  for (; p < e && b[p] >= D0 && b[p] <= D9; p++);
  const k = p - fs;
  if (p !== e || k === 0 || p - s > 16) return NaN;
  // (int·10^k + frac) / 10^k with both integers exact (< 2^53) is the correctly rounded
  // value of the decimal, i.e. exactly what Number("int.frac") gives.
  let frac = 0;
  for (let q = fs; q < e; q++) frac = frac * 10 + (b[q] - D0);
  const scale = POWERS_OF_TEN[k];
  const v = (int * scale + frac) / scale;
  return neg ? -v : v;
}

/** Month index (calendar.ts, from `base`) of `YYYY-MM` in bytes, or NaN. */
export function monthFromBytes(b: Uint8Array, s: number, e: number, base: number): number {
  while (s < e && b[s] === SPACE) s++;
  while (e > s && b[e - 1] === SPACE) e--;
  if (e - s !== 7 || b[s + 4] !== DASH) return NaN;
  let y = 0;
  for (let p = s; p < s + 4; p++) {
    if (b[p] < D0 || b[p] > D9) return NaN;
    y = y * 10 + (b[p] - D0);
  }
  const m1 = b[s + 5] - D0;
  const m2 = b[s + 6] - D0;
  if (m1 < 0 || m1 > 9 || m2 < 0 || m2 > 9) return NaN;
  const m = m1 * 10 + m2;
  if (m < 1 || m > 12) return NaN;
  return (y - base) * 12 + (m - 1);
}

/**
 * Week index of `YYWW` or `YYYY-Www` in bytes, or NaN (long DREAM files have a row per person
 * and week, so this avoids a string per row). `cache` maps the numeric form to the index.
 */
export function weekFromBytes(b: Uint8Array, s: number, e: number, cache: Map<number, number>): number {
  while (s < e && b[s] === SPACE) s++;
  while (e > s && b[e - 1] === SPACE) e--;
  const len = e - s;
  let key: number;
  if (len === 4) {
    key = digitsAt(b, s, 4);
  } else if (len === 8 && b[s + 4] === DASH && (b[s + 5] === 87 || b[s + 5] === 119)) {
    const y = digitsAt(b, s, 4);
    const w = digitsAt(b, s + 6, 2);
    key = y < 0 || w < 0 ? -1 : 100_000 + y * 100 + w;
  } else return NaN;
  if (key < 0) return NaN;
  let week = cache.get(key);
  if (week === undefined) {
    const idx =
      key < 100_000
        ? isoWeekIndex(dreamYear(Math.floor(key / 100)), key % 100)
        : isoWeekIndex(Math.floor((key - 100_000) / 100), key % 100);
    week = idx ?? NaN;
    cache.set(key, week);
  }
  return week;
}

/** n ASCII digits at b[s…] as a number, or -1 (also past the end of `b`). */
export function digitsAt(b: Uint8Array, s: number, n: number): number {
  let v = 0;
  for (let p = s; p < s + n; p++) {
    const c = b[p] - D0;
    if (!(c >= 0 && c <= 9)) return -1;
    v = v * 10 + c;
  }
  return v;
}

/** A CPR number of ten ASCII digits at b[p…] (before `len`) as a number, or -1: the plain-row readers' person field. */
export const cprAt = (b: Uint8Array, p: number, len: number): number => (p + 10 > len ? -1 : digitsAt(b, p, 10));

/**
 * After a field of a plain row at b[p]: where the next field starts (past the delimiter) or, after
 * the `last` field, the next row (past LF or CRLF); -1 when neither follows.
 *
 * The fast paths that use it (`plainYearlyRows`, `plainHoursRows`, `longRows`) share a shape rather
 * than a loop: each is one `rows: for (; p < len; done = p)` loop over the chunk's bytes with its
 * fields parsed inline and its state in locals, which leaves with `break rows` on anything unusual;
 * `done` is then where the last whole row ended, and the general reader takes the row from there.
 * One shared loop with a callback per field was measurably slower on the long file.
 */
export function pastField(b: Uint8Array, p: number, last: boolean, delim: number): number {
  const c = b[p];
  if (!last) return c === delim ? p + 1 : -1;
  if (c === 10) return p + 1;
  return c === 13 && b[p + 1] === 10 ? p + 2 : -1;
}
