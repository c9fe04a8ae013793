/**
 * What is known about a woman at month e (spec §2) and her outcomes over the horizon (spec §4),
 * on the monitoring calendar and month classification (src/monitoring), never re-implemented.
 */
import { parseCpr } from '../core/cpr.ts';
import { firstWeekOfMonth, lastWeekOfMonth, monthOfWeek, monthOfYear, monthString, monthYear } from '../monitoring/calendar.ts';
import { codeFlags, durableOf, LEVEL_OF_FLAGS, monthFlags, Span } from '../monitoring/classify.ts';
import { AGE_BANDS, ageAt, ageBand } from '../monitoring/participant-facts.ts';
import { CATEGORIES, MAX_CODE, type CodeTable, type PersonHours, type PersonWeeks } from '../monitoring/types.ts';

/** Categories whose weeks are public support (spec §2). */
export const SUPPORT_CATEGORIES = ['ydelse', 'praktik', 'loentilskud', 'fleksjob', 'foertidspension', 'ressourceforloeb'] as const;

/** Status id 0: no code or `ingen` in the last week of e − 1. Other ids are category ids. */
export const SELF_SUPPORTING = 0;

/** Category id of a name (position + 1 in CATEGORIES), or -1 when the engine does not know it. */
export function categoryId(name: string): number {
  return (CATEGORIES as readonly string[]).indexOf(name) + 1 || -1;
}

/** Per-code lookups derived once from the code table. */
export interface CodeLookups {
  categoryOf: Uint8Array;
  /** 1 when the code is public support. */
  support: Uint8Array;
  /** Status id of each code: its category id, or SELF_SUPPORTING for `ingen`. */
  status: Uint8Array;
  /** 1 when a week with this code counts as self-supporting (code 0 or `ingen`). */
  self: Uint8Array;
  /** Month flags of monitoring §3. */
  flags: Uint8Array;
  udgaaet: number;
}

export function codeLookups(table: CodeTable): CodeLookups {
  const categoryOf = table.categoryOf;
  const supportIds = new Set(SUPPORT_CATEGORIES.map(categoryId));
  const ingen = categoryId('ingen');
  const support = new Uint8Array(MAX_CODE + 1);
  const status = new Uint8Array(MAX_CODE + 1);
  const self = new Uint8Array(MAX_CODE + 1);
  self[0] = 1;
  for (let c = 1; c <= MAX_CODE; c++) {
    const cat = categoryOf[c];
    if (supportIds.has(cat)) support[c] = 1;
    if (cat === ingen) self[c] = 1;
    status[c] = cat === ingen ? SELF_SUPPORTING : cat;
  }
  return { categoryOf, support, status, self, flags: codeFlags(categoryOf), udgaaet: categoryId('udgaaet') };
}

/** Name of a status id (`selvforsoergende` for SELF_SUPPORTING). */
export function statusName(id: number): string {
  return id === SELF_SUPPORTING ? 'selvforsoergende' : CATEGORIES[id - 1];
}

/** The month-dependent dates used for one e. */
export interface MonthKeys {
  e: number;
  /** `YYYY-MM-01`: the first day of e (age band, spec §2). */
  firstDay: string;
  /** Last ISO week of month e − 1. */
  lastWeek: number;
}

export function monthKeys(e: number): MonthKeys {
  return { e, firstDay: `${monthString(e)}-01`, lastWeek: lastWeekOfMonth(e - 1) };
}

/** Index into AGE_BANDS of a woman's band at the first day of e. */
export function bandAt(p: { id?: string; cpr: string; birthDate?: string }, keys: MonthKeys): number {
  return AGE_BANDS.indexOf(ageBand(ageAt(p, keys.firstDay)));
}

/** Birth year and month·100 + day, for the age band at many months (hot loop of the matching). */
export interface Birth {
  year: number;
  md: number;
}

export function birthOf(p: { id?: string; cpr: string; birthDate?: string }): Birth {
  let iso = p.birthDate;
  if (!iso) {
    const parsed = parseCpr(p.cpr);
    if (!parsed.ok) throw new Error(`${p.id === undefined ? 'En kvinde i sammenligningspuljen' : `Deltager ${p.id}`}: ${parsed.error}`);
    iso = parsed.value.birthDate;
  }
  return { year: Number(iso.slice(0, 4)), md: Number(iso.slice(5, 7)) * 100 + Number(iso.slice(8, 10)) };
}

const BAND_OF_AGE = Array.from({ length: 200 }, (_, age) => AGE_BANDS.indexOf(ageBand(age)));

/** Same as `bandAt` (age on the first day of e, as `ageAt` counts it), from a precomputed birth. */
export function bandOfBirth(b: Birth, e: number): number {
  const age = monthYear(e) - b.year - (monthOfYear(e) * 100 + 1 < b.md ? 1 : 0);
  return age >= 0 && age < 200 ? BAND_OF_AGE[age] : AGE_BANDS.indexOf('other');
}

/** Status id at e: the code of the last week of e − 1 (spec §2). */
export function statusAt(weeks: PersonWeeks | undefined, lk: CodeLookups, keys: MonthKeys): number {
  if (!weeks) return SELF_SUPPORTING;
  const i = keys.lastWeek - weeks.weekStart;
  return i >= 0 && i < weeks.codes.length ? lk.status[weeks.codes[i]] : SELF_SUPPORTING;
}

/** Support weeks among the `n` weeks that end with week `last` (b52: n = 52, b156: n = 156). */
export function supportWeeksEnding(weeks: PersonWeeks | undefined, lk: CodeLookups, last: number, n: number): number {
  if (!weeks) return 0;
  const codes = weeks.codes;
  const hi = Math.min(last - weeks.weekStart, codes.length - 1);
  const lo = Math.max(last - n + 1 - weeks.weekStart, 0);
  const support = lk.support;
  let count = 0;
  for (let i = lo; i <= hi; i++) count += support[codes[i]];
  return count;
}

/** Paid hours in months e − 12 … e − 1 (h12). */
export function hoursBefore(hours: PersonHours | undefined, e: number): number {
  if (!hours) return 0;
  let sum = 0;
  const from = Math.max(e - 12, hours.monthStart);
  const to = Math.min(e - 1, hours.monthStart + hours.hours.length - 1);
  for (let m = from; m <= to; m++) sum += hours.hours[m - hours.monthStart];
  return Math.round(sum * 1e4) / 1e4;
}

/** Baseline of one woman at e: [status, band, b52, b156, h12]. */
export interface Baseline {
  status: number;
  band: number;
  b52: number;
  b156: number;
  h12: number;
}

export function baselineAt(
  person: { id?: string; cpr: string; birthDate?: string },
  weeks: PersonWeeks | undefined,
  hours: PersonHours | undefined,
  lk: CodeLookups,
  keys: MonthKeys,
): Baseline {
  return {
    status: statusAt(weeks, lk, keys),
    band: bandAt(person, keys),
    b52: supportWeeksEnding(weeks, lk, keys.lastWeek, 52),
    b156: supportWeeksEnding(weeks, lk, keys.lastWeek, 156),
    h12: hoursBefore(hours, keys.e),
  };
}

// ---- outcomes (spec §4) -------------------------------------------------------------------

/** Number of outcome values per woman, in the order of OUTCOMES. */
export const OUTCOME_COUNT = 5;

/** The months and weeks of one e and horizon, shared by every woman measured at that e. */
export class Horizon {
  readonly span: Span;
  /** Index in the span of month e and of month e + H − 1. */
  readonly first: number;
  readonly last: number;
  readonly firstWeek: number;
  readonly lastWeek: number;
  readonly flags: Uint8Array;
  constructor(
    readonly e: number,
    readonly months: number,
  ) {
    const end = e + months - 1;
    const start = Math.min(e, end - 5);
    this.span = new Span(start, end - start + 1);
    this.first = e - start;
    this.last = end - start;
    this.firstWeek = firstWeekOfMonth(e);
    this.lastWeek = lastWeekOfMonth(end);
    this.flags = new Uint8Array(this.span.length);
  }
}

/**
 * Outcomes of one woman measured from e over the horizon, written to out[at … at+4] in the
 * order of OUTCOMES (1/0 for the yes/no outcomes). Returns a code missing from the code table
 * (0 when all are known).
 */
export function outcomesAt(
  weeks: PersonWeeks | undefined,
  hours: PersonHours | undefined,
  lk: CodeLookups,
  hz: Horizon,
  out: Float64Array,
  at: number,
): number {
  const flags = hz.flags;
  const unknown = monthFlags(weeks, hours, lk.flags, hz.span, flags);
  let best1 = 0;
  let best12 = 0;
  for (let i = hz.first; i <= hz.last; i++) {
    const level = LEVEL_OF_FLAGS[flags[i]];
    if (level === 1) best1 = best12 = 1;
    else if (level === 2) best12 = 1;
  }
  let onSupport = 0;
  let self = 0;
  const nWeeks = hz.lastWeek - hz.firstWeek + 1;
  if (!weeks) self = nWeeks;
  else {
    const ws = weeks.weekStart;
    const codes = weeks.codes;
    for (let w = hz.firstWeek; w <= hz.lastWeek; w++) {
      const i = w - ws;
      const code = i >= 0 && i < codes.length ? codes[i] : 0;
      onSupport += lk.support[code];
      self += lk.self[code];
    }
  }
  out[at] = best1;
  out[at + 1] = best12;
  out[at + 2] = durableOf(flags, hz.last) === 'full' ? 1 : 0;
  out[at + 3] = onSupport;
  out[at + 4] = self;
  return unknown;
}

/**
 * Add `sign` × this woman's support weeks in the horizon window to `into`, keyed
 * `category:year` (the calendar year of the week's month), for the investment case (spec §6).
 */
export function addSupportByCategoryYear(
  weeks: PersonWeeks | undefined,
  lk: CodeLookups,
  hz: Horizon,
  sign: number,
  into: Map<string, number>,
): void {
  if (!weeks) return;
  for (let w = hz.firstWeek; w <= hz.lastWeek; w++) {
    const i = w - weeks.weekStart;
    const code = i >= 0 && i < weeks.codes.length ? weeks.codes[i] : 0;
    if (!lk.support[code]) continue;
    const key = `${CATEGORIES[lk.categoryOf[code] - 1]}:${monthYear(monthOfWeek(w))}`;
    into.set(key, (into.get(key) ?? 0) + sign);
  }
}
