/**
 * One woman's weekly codes and monthly hours while they are being built, with month-based
 * helpers (a week belongs to the month of its Thursday, spec §2).
 */
import { firstWeekOfMonth as firstWeekSlow } from '../monitoring/calendar.ts';

/** Cached first week of each month index (1990 … 2089): the generator asks millions of times. */
const FIRST_WEEK = Int32Array.from({ length: 1200 }, (_, m) => firstWeekSlow(m));
function firstWeekOfMonth(m: number): number {
  return m >= 0 && m < FIRST_WEEK.length ? FIRST_WEEK[m] : firstWeekSlow(m);
}

export class Timeline {
  readonly codes: Int16Array;
  readonly hours: Float64Array;
  readonly firstWeek: number;
  readonly lastWeek: number;

  constructor(
    readonly firstMonth: number,
    readonly lastMonth: number,
  ) {
    this.firstWeek = firstWeekOfMonth(firstMonth);
    this.lastWeek = firstWeekOfMonth(lastMonth + 1) - 1;
    this.codes = new Int16Array(this.lastWeek - this.firstWeek + 1);
    this.hours = new Float64Array(lastMonth - firstMonth + 1);
  }

  /** First week index of month m. */
  weekOf(m: number): number {
    return firstWeekOfMonth(m);
  }

  /** Set the code of weeks w0..w1 (week indexes, inclusive), clipped to the timeline. */
  setWeeks(w0: number, w1: number, code: number): void {
    const a = Math.max(w0, this.firstWeek) - this.firstWeek;
    const b = Math.min(w1, this.lastWeek) - this.firstWeek;
    for (let i = a; i <= b; i++) this.codes[i] = code;
  }

  /** Set the code of every week of months m0..m1. */
  setMonths(m0: number, m1: number, code: number): void {
    this.setWeeks(firstWeekOfMonth(m0), firstWeekOfMonth(m1 + 1) - 1, code);
  }

  /** Replace code `from` by `to` in weeks w0..w1 (noise only touches benefit weeks). */
  replaceWeeks(w0: number, w1: number, from: number, to: number): void {
    const a = Math.max(w0, this.firstWeek) - this.firstWeek;
    const b = Math.min(w1, this.lastWeek) - this.firstWeek;
    for (let i = a; i <= b; i++) if (this.codes[i] === from) this.codes[i] = to;
  }

  setHours(m: number, h: number): void {
    if (m >= this.firstMonth && m <= this.lastMonth) this.hours[m - this.firstMonth] = h;
  }

  /** Set hours for months m0..m1 from a per-month draw. */
  fillHours(m0: number, m1: number, draw: () => number): void {
    for (let m = m0; m <= m1; m++) this.setHours(m, draw());
  }
}
