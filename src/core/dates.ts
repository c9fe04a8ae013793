/**
 * Calendar dates as ISO strings (YYYY-MM-DD), computed in UTC so that no time zone or
 * daylight-saving shift can move a deadline by a day. The domain layer never reads the clock:
 * callers pass `today`.
 */

export type IsoDate = string;

const ISO = /^(\d{4})-(\d{2})-(\d{2})$/;
const DAY_MS = 86_400_000;

/** True for a real calendar date in YYYY-MM-DD form (rejects 2023-02-29). */
export function isIsoDate(s: string): boolean {
  const m = ISO.exec(s);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (mo < 1 || mo > 12 || d < 1) return false;
  return d <= new Date(Date.UTC(y, mo, 0)).getUTCDate();
}

// The alert rules run these for every woman on a list many times over (Mine borgere for a
// project leader: hundreds of thousands of calls a page), so both keep what they computed:
// there are only so many distinct dates in play (bounded: the memo is dropped when it grows big).
// Pure memos (a date's value never changes), so servers sharing them share nothing observable.
const MEMO_LIMIT = 100_000;
const msOf = new Map<string, number>();
const isoOf = new Map<number, IsoDate>();

function toMs(date: IsoDate): number {
  let ms = msOf.get(date);
  if (ms === undefined) {
    const [y, m, d] = date.split('-').map(Number);
    ms = Date.UTC(y, m - 1, d);
    if (msOf.size >= MEMO_LIMIT) msOf.clear();
    msOf.set(date, ms);
  }
  return ms;
}

function fromMs(ms: number): IsoDate {
  let iso = isoOf.get(ms);
  if (iso === undefined) {
    iso = new Date(ms).toISOString().slice(0, 10);
    if (isoOf.size >= MEMO_LIMIT) isoOf.clear();
    isoOf.set(ms, iso);
  }
  return iso;
}

export function addDays(date: IsoDate, days: number): IsoDate {
  return fromMs(toMs(date) + days * DAY_MS);
}

/** Calendar months; the day is clamped to the month's end (31 Jan + 1 month = 28/29 Feb). */
export function addMonths(date: IsoDate, months: number): IsoDate {
  const [y, m, d] = date.split('-').map(Number);
  const total = y * 12 + (m - 1) + months;
  const ny = Math.floor(total / 12);
  const nm = total - ny * 12;
  const dim = new Date(Date.UTC(ny, nm + 1, 0)).getUTCDate();
  return fromMs(Date.UTC(ny, nm, Math.min(d, dim)));
}

/** Whole days from `from` to `to` (positive when `to` is later). */
export function daysBetween(from: IsoDate, to: IsoDate): number {
  return Math.round((toMs(to) - toMs(from)) / DAY_MS);
}

export function minDate(a: IsoDate, b: IsoDate): IsoDate {
  return a <= b ? a : b;
}

export function maxDate(a: IsoDate, b: IsoDate): IsoDate {
  return a >= b ? a : b;
}

/** The one Danish display form of a date in Fremdrift: d.m.åååå (5.3.2024). */
export function formatDateDa(date: IsoDate): string {
  const [y, m, d] = date.slice(0, 10).split('-');
  return `${Number(d)}.${Number(m)}.${y}`;
}

export const MONTH_NAMES_DA = [
  'januar',
  'februar',
  'marts',
  'april',
  'maj',
  'juni',
  'juli',
  'august',
  'september',
  'oktober',
  'november',
  'december',
] as const;

/** 'YYYY-MM' → 'december 2022': the one Danish display form of a month. Any other text is returned as it is. */
export function formatMonthDa(month: string): string {
  const m = /^(\d{4})-(\d{2})$/.exec(month);
  const name = m ? MONTH_NAMES_DA[Number(m[2]) - 1] : undefined;
  return m && name ? `${name} ${m[1]}` : month;
}

/** ISO week 'YYYY-Www' → 'uge 48 i 2026': the one Danish display form of a week. Any other text is returned as it is. */
export function formatIsoWeekDa(week: string): string {
  const m = /^(\d{4})-W(\d{2})$/.exec(week);
  return m ? `uge ${Number(m[2])} i ${m[1]}` : week;
}
