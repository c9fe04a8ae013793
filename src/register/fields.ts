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
