/**
 * The register calendar (spec §2). Weeks and months are small integers so that the engine can
 * index typed arrays with them:
 * - week index 0 = ISO week 1990-W01 (Monday 1 January 1990), one step per week;
 * - month index 0 = January 1990, one step per calendar month.
 * A week belongs to the month (and ISO year) that holds its Thursday.
 */

const DAY_MS = 86_400_000;
/** Days from 1970-01-01 to Monday 1990-01-01 (the first day of ISO week 1990-W01). */
const BASE_DAY = Date.UTC(1990, 0, 1) / DAY_MS;
export const BASE_YEAR = 1990;

/** Days since 1970-01-01 of a calendar date (month 1–12). */
export function dayNumber(year: number, month: number, day: number): number {
  return Date.UTC(year, month - 1, day) / DAY_MS;
}

/** Calendar date of a day number. */
export function dateOfDay(day: number): { year: number; month: number; day: number } {
  const d = new Date(day * DAY_MS);
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

export function isoDate(day: number): string {
  const { year, month, day: dd } = dateOfDay(day);
  return `${year}-${pad2(month)}-${pad2(dd)}`;
}

function pad2(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

// ---- months -------------------------------------------------------------------------------

export function monthIndex(year: number, month: number): number {
  return (year - BASE_YEAR) * 12 + (month - 1);
}

export function monthYear(m: number): number {
  return BASE_YEAR + Math.floor(m / 12);
}

/** Calendar month 1–12 of a month index. */
export function monthOfYear(m: number): number {
  return (((m % 12) + 12) % 12) + 1;
}

/** `YYYY-MM` of a month index. */
export function monthString(m: number): string {
  return `${monthYear(m)}-${pad2(monthOfYear(m))}`;
}

/** Month index of `YYYY-MM`, or null when the text is not a valid month. */
export function parseMonth(text: string): number | null {
  const r = /^(\d{4})-(\d{2})$/.exec(text.trim());
  if (!r) return null;
  const mm = Number(r[2]);
  if (mm < 1 || mm > 12) return null;
  return monthIndex(Number(r[1]), mm);
}

export function addMonths(month: string, n: number): string {
  const m = parseMonth(month);
  if (m === null) throw new RangeError(`Invalid month ${month}`);
  return monthString(m + n);
}

export function daysInMonth(m: number): number {
  const y = monthYear(m);
  const mm = monthOfYear(m);
  return new Date(Date.UTC(y, mm, 0)).getUTCDate();
}

/** Month index of a day number. */
export function monthOfDay(day: number): number {
  const { year, month } = dateOfDay(day);
  return monthIndex(year, month);
}

// ---- weeks --------------------------------------------------------------------------------

/** Day number of the Monday of a week index. */
export function mondayOf(w: number): number {
  return BASE_DAY + 7 * w;
}

/** Week index of the ISO week holding a day. */
export function weekOfDay(day: number): number {
  return Math.floor((day - BASE_DAY) / 7);
}

/** Number of ISO weeks (52 or 53) in an ISO year. */
export function weeksInIsoYear(year: number): number {
  return weekOfDay(isoWeek1Monday(year + 1)) - weekOfDay(isoWeek1Monday(year));
}

/** Day number of the Monday of ISO week 1 (the week that holds 4 January). */
function isoWeek1Monday(year: number): number {
  const jan4 = dayNumber(year, 1, 4);
  const dow = (new Date(jan4 * DAY_MS).getUTCDay() + 6) % 7; // 0 = Monday
  return jan4 - dow;
}

/** Week index of ISO year + week number, or null when the week does not exist. */
export function isoWeekIndex(year: number, week: number): number | null {
  if (!Number.isInteger(week) || week < 1 || week > weeksInIsoYear(year)) return null;
  return weekOfDay(isoWeek1Monday(year)) + week - 1;
}

/** ISO year and week number of a week index (the Thursday decides the year). */
export function isoWeekOf(w: number): { year: number; week: number } {
  const thursday = mondayOf(w) + 3;
  const year = dateOfDay(thursday).year;
  return { year, week: w - weekOfDay(isoWeek1Monday(year)) + 1 };
}

/** `YYYY-Www` of a week index. */
export function weekString(w: number): string {
  const { year, week } = isoWeekOf(w);
  return `${year}-W${pad2(week)}`;
}

/** Week index of `YYYY-Www`, or null. */
export function parseWeek(text: string): number | null {
  const r = /^(\d{4})-?[Ww](\d{2})$/.exec(text.trim());
  return r ? isoWeekIndex(Number(r[1]), Number(r[2])) : null;
}

// ---- week → month table -------------------------------------------------------------------

/** Weeks covered by the precomputed tables: 1990-W01 up to about 2089. */
export const TABLE_WEEKS = 5_220;
const weekMonth = new Int32Array(TABLE_WEEKS);
for (let w = 0; w < TABLE_WEEKS; w++) weekMonth[w] = monthOfDay(mondayOf(w) + 3);

/** Month index of a week: the month holding its Thursday (spec §2). */
export function monthOfWeek(w: number): number {
  return w >= 0 && w < TABLE_WEEKS ? weekMonth[w] : monthOfDay(mondayOf(w) + 3);
}

/** The shared week → month table (read only) for hot loops; valid for 0 ≤ w < TABLE_WEEKS. */
export function weekMonthTable(): Int32Array {
  return weekMonth;
}

/** First week index whose Thursday falls in month m. */
export function firstWeekOfMonth(m: number): number {
  const first = dayNumber(monthYear(m), monthOfYear(m), 1);
  // The week holding the 1st belongs to m when its Thursday is on or after the 1st.
  const w = weekOfDay(first);
  return mondayOf(w) + 3 >= first ? w : w + 1;
}

/** Last week index whose Thursday falls in month m (used by the snapshot, spec §4). */
export function lastWeekOfMonth(m: number): number {
  return firstWeekOfMonth(m + 1) - 1;
}

// ---- dates --------------------------------------------------------------------------------

function isLeap(y: number): boolean {
  return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
}

const DIM = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function validDay(y: number, m: number, d: number): boolean {
  return m >= 1 && m <= 12 && d >= 1 && d <= (m === 2 && isLeap(y) ? 29 : DIM[m - 1]);
}

function digits(t: string, from: number, n: number): number {
  let v = 0;
  for (let i = from; i < from + n; i++) {
    const c = t.charCodeAt(i) - 48;
    if (c < 0 || c > 9) return -1;
    v = v * 10 + c;
  }
  return v;
}

/**
 * A date as `YYYY-MM-DD`, from `YYYY-MM-DD` or `DD-MM-YYYY` (also with `.` or `/`), or null.
 * The ISO form is checked without allocating (participant files have 100,000 rows).
 */
export function isoDateText(text: string): string | null {
  const t = text.length === 10 ? text : text.trim();
  if (t.length === 10 && t.charCodeAt(4) === 45 && t.charCodeAt(7) === 45) {
    const y = digits(t, 0, 4);
    const m = digits(t, 5, 2);
    const d = digits(t, 8, 2);
    return y >= 0 && validDay(y, m, d) ? t : null;
  }
  const day = parseDate(t);
  return day === null ? null : isoDate(day);
}

/** Day number of `YYYY-MM-DD` or `DD-MM-YYYY` (also with `.` or `/`), or null when invalid. */
export function parseDate(text: string): number | null {
  const t = text.trim();
  let r = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(t);
  let y: number, m: number, d: number;
  if (r) {
    y = Number(r[1]);
    m = Number(r[2]);
    d = Number(r[3]);
  } else {
    r = /^(\d{1,2})[-./](\d{1,2})[-./](\d{4})$/.exec(t);
    if (!r) return null;
    d = Number(r[1]);
    m = Number(r[2]);
    y = Number(r[3]);
  }
  return validDay(y, m, d) ? dayNumber(y, m, d) : null;
}
