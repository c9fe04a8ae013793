/**
 * One participant's months (spec §3) as bit flags over a span of months, shared by the engine
 * and the per-woman explanations so that both always agree.
 */
import { daysInMonth, firstWeekOfMonth, lastWeekOfMonth, monthOfWeek, TABLE_WEEKS, weekMonthTable } from './calendar.ts';
import { CAT, SNAPSHOTS, type Durable, type Level, type PersonHours, type PersonWeeks, type Snapshot } from './types.ts';

/** U(m): a week of m has an `uddannelse` code. */
export const FLAG_U = 1;
/** V(m): a week of m has a `praktik` or `loentilskud` code. */
export const FLAG_V = 2;
/** h(m) > 0. */
export const FLAG_H = 4;
/** F(m): a(m) > 18.5. D(m) is FLAG_H without FLAG_F. */
export const FLAG_F = 8;

/** Flag contributed by a week code of each category id (see CAT). */
const CATEGORY_FLAG = new Uint8Array(CAT.ingen + 1);
CATEGORY_FLAG[CAT.uddannelse] = FLAG_U;
CATEGORY_FLAG[CAT.praktik] = FLAG_V;
CATEGORY_FLAG[CAT.loentilskud] = FLAG_V;

/** Marks a code missing from the code table in `codeFlags`. */
export const UNKNOWN = 128;

/**
 * A range of month indexes with, precomputed once: month lengths, the week range, and the
 * month (relative to `start`) of every week in it.
 */
export class Span {
  readonly days: Int32Array;
  readonly firstWeek: number;
  readonly lastWeek: number;
  /** weekMonth[w - firstWeek] = month index of week w minus start. */
  readonly weekMonth: Int32Array;
  /** firstWeekOf[k] = the first week of month start + k. */
  readonly firstWeekOf: Int32Array;
  constructor(
    readonly start: number,
    readonly length: number,
  ) {
    this.days = new Int32Array(length);
    for (let i = 0; i < length; i++) this.days[i] = daysInMonth(start + i);
    this.firstWeek = firstWeekOfMonth(start);
    this.lastWeek = lastWeekOfMonth(start + length - 1);
    this.weekMonth = new Int32Array(Math.max(0, this.lastWeek - this.firstWeek + 1));
    const table = weekMonthTable();
    for (let w = this.firstWeek; w <= this.lastWeek; w++) {
      this.weekMonth[w - this.firstWeek] = (w >= 0 && w < TABLE_WEEKS ? table[w] : monthOfWeek(w)) - start;
    }
    this.firstWeekOf = Int32Array.from({ length }, (_, k) => firstWeekOfMonth(start + k));
  }
}

/** Month flag of every code (FLAG_U, FLAG_V, 0, or UNKNOWN when not in the table). */
export function codeFlags(categoryOf: Uint8Array): Uint8Array {
  const out = new Uint8Array(categoryOf.length);
  for (let c = 1; c < categoryOf.length; c++) out[c] = categoryOf[c] === 0 ? UNKNOWN : CATEGORY_FLAG[categoryOf[c]];
  return out;
}

/**
 * F(m) with exact decimals: a = h·7/days > 18.5 ⇔ h·14 > 37·days. Hours are kept to four
 * decimals, so 74 h in February 2021 (a = 18.5 exactly) is D, not F.
 */
export function isFullTime(hours: number, days: number): boolean {
  return Math.round(hours * 1e4) * 14 > 370_000 * days;
}

/**
 * Fill out[0..span.length) with the flags of each month; `flagOfCode` comes from `codeFlags`. Returns a code found in the span
 * that is missing from the code table (category 0), or 0 when all codes are known.
 */
export function monthFlags(
  weeks: PersonWeeks | undefined,
  hours: PersonHours | undefined,
  flagOfCode: Uint8Array,
  span: Span,
  out: Uint8Array,
): number {
  return weeks
    ? monthFlagsAt(weeks.codes, 0, weeks.weekStart, weeks.codes.length, hours, flagOfCode, span, out)
    : monthFlagsAt(NO_CODES, 0, 0, 0, hours, flagOfCode, span, out);
}

const NO_CODES = /* @__PURE__ */ new Int16Array(0);

/**
 * `monthFlags` of the weeks ws … ws + n − 1 whose codes are codes[at …] (a person in a shared array);
 * for weeks as bytes (`WeekColumns.codeAt`), `flagOfCode` is by byte and the byte is returned.
 * `from` (a month index, at least `span.start`): only the months from there on are filled, the
 * earlier ones are left 0, and a code missing from the table is looked for only there.
 */
export function monthFlagsAt(
  codes: Int16Array | Uint8Array,
  at: number,
  ws: number,
  n: number,
  hours: PersonHours | undefined,
  flagOfCode: Uint8Array,
  span: Span,
  out: Uint8Array,
  from = span.start,
): number {
  out.fill(0, 0, span.length);
  let unknown = 0;
  if (n > 0) {
    const lo = Math.max(ws, span.firstWeekOf[from - span.start] ?? span.lastWeek + 1);
    const hi = Math.min(ws + n - 1, span.lastWeek);
    const weekMonth = span.weekMonth;
    const fw = span.firstWeek;
    const shift = at - ws;
    for (let w = lo; w <= hi; w++) {
      const code = codes[w + shift];
      if (code === 0) continue;
      const bit = flagOfCode[code];
      if (bit === 0) continue;
      if (bit === UNKNOWN) unknown = code;
      else out[weekMonth[w - fw]] |= bit;
    }
  }
  if (hours) {
    const ms = hours.monthStart;
    const h = hours.hours;
    const lo = Math.max(ms, from);
    const hi = Math.min(ms + h.length - 1, span.start + span.length - 1);
    for (let m = lo; m <= hi; m++) {
      const v = h[m - ms];
      if (v > 0) out[m - span.start] |= isFullTime(v, span.days[m - span.start]) ? FLAG_H | FLAG_F : FLAG_H;
    }
  }
  return unknown;
}

/** level(m) = 1 if U or F; else 2 if D; else 3 if V; else 0 (spec §3). */
export function levelOf(flags: number): Level {
  if (flags & (FLAG_U | FLAG_F)) return 1;
  if (flags & FLAG_H) return 2;
  if (flags & FLAG_V) return 3;
  return 0;
}

/** levelOf for every combination of the four flags, for hot loops. */
export const LEVEL_OF_FLAGS = Array.from({ length: 16 }, (_, f) => levelOf(f)) as Level[];

/** True when level a is better than b: 1 > 2 > 3 > 0. */
export function isBetter(a: number, b: number): boolean {
  return a !== 0 && (b === 0 || a < b);
}

/** Durable employment over six flags ending at index `end` (spec §4); indexes < 0 count as empty. */
export function durableOf(flags: Uint8Array, end: number): Durable {
  let runF = 0;
  let runH = 0;
  let bestF = 0;
  let bestH = 0;
  for (let i = end - 5; i <= end; i++) {
    const f = i >= 0 ? flags[i] : 0;
    runF = f & FLAG_F ? runF + 1 : 0;
    runH = f & FLAG_H ? runH + 1 : 0;
    if (runF > bestF) bestF = runF;
    if (runH > bestH) bestH = runH;
  }
  return bestF >= 3 ? 'full' : bestH >= 3 ? 'partial' : 'none';
}

/**
 * Category id of the code a person has in week w; 0 when none, and 0 too for a code in the
 * category `ingen` (spec §1.4: such a week counts as a week without a code).
 */
export function categoryInWeek(weeks: PersonWeeks | undefined, categoryOf: Uint8Array, w: number): number {
  return weeks ? categoryInWeekAt(weeks.codes, 0, weeks.weekStart, weeks.codes.length, categoryOf, w) : 0;
}

/** `categoryInWeek` of the weeks ws … ws + n − 1 whose codes are codes[at …]. */
export function categoryInWeekAt(
  codes: Int16Array | Uint8Array,
  at: number,
  ws: number,
  n: number,
  categoryOf: Uint8Array,
  w: number,
): number {
  const i = w - ws;
  if (i < 0 || i >= n) return 0;
  const cat = categoryOf[codes[at + i]];
  return cat === CAT.ingen ? CAT.none : cat;
}

/** Index into SNAPSHOTS from the last week's category and the month's flags (spec §4, 1–9). */
export function snapshotIndex(cat: number, flags: number): number {
  if (cat === CAT.udgaaet) return 0;
  if (cat === CAT.uddannelse) return 1;
  if (flags & FLAG_F) return 2;
  if (flags & FLAG_H) return 3;
  if (cat === CAT.fleksjob) return 4;
  if (cat === CAT.foertidspension) return 5;
  if (cat === CAT.ressourceforloeb) return 6;
  if (cat !== CAT.none) return 7; // ydelse, praktik, loentilskud
  return 8;
}

export function snapshotOf(cat: number, flags: number): Snapshot {
  return SNAPSHOTS[snapshotIndex(cat, flags)];
}
