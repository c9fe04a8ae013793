/**
 * Pauses between company-oriented activities (Viborg: "max 6 ugers pause mellem hvert
 * virksomhedsrettede tilbud"), counted only while she is enrolled.
 *
 * Counting: a pause starts on the first day without a company-oriented activity (the day after
 * one ends, or the enrolment date when none is running) and lasts until the next one starts.
 * With a 6-week limit the next activity must start at the latest 42 days after the pause
 * began (`deadline`); starting on day 43 breaks the rule. Planned activities count as if they
 * will happen; activities of other categories do not count.
 */
import { isCompanyOriented, type ActivityType } from './activities.ts';
import { addDays, daysBetween, maxDate, type IsoDate } from '../core/dates.ts';
import type { ActivityStatus } from '../core/codes.ts';

export interface ActivityPeriod {
  typeKey: string;
  startDate: IsoDate;
  endDate: IsoDate | null;
  status: ActivityStatus;
}

export interface CompanyPause {
  /** First day without a company-oriented activity. */
  start: IsoDate;
  /** Start of the next company-oriented activity; null when none is registered. */
  nextStart: IsoDate | null;
  /** Latest start date of the next activity that keeps the pause within the limit. */
  deadline: IsoDate;
  /** Days without activity (nextStart − start); null while open-ended. */
  lengthDays: number | null;
  /** True when the pause is (or, if nothing is registered, will be) longer than the limit. */
  exceeded: boolean;
}

interface Interval {
  start: IsoDate;
  end: IsoDate | null; // inclusive; null = open-ended
}

/** Merged periods with a company-oriented activity, oldest first. */
export function companyCoverage(activities: readonly ActivityPeriod[], extraTypes: readonly ActivityType[] = []): Interval[] {
  const list = activities
    .filter((a) => isCompanyOriented(a.typeKey, extraTypes))
    .filter((a) => a.status !== 'afbrudt' || a.endDate !== null)
    .map((a) => ({ start: a.startDate, end: a.endDate }))
    .sort((x, y) => (x.start < y.start ? -1 : x.start > y.start ? 1 : 0));
  const merged: Interval[] = [];
  for (const iv of list) {
    const last = merged[merged.length - 1];
    if (last && (last.end === null || iv.start <= addDays(last.end, 1))) {
      if (last.end !== null) last.end = iv.end === null ? null : maxDate(last.end, iv.end);
    } else {
      merged.push({ ...iv });
    }
  }
  return merged;
}

/**
 * Every pause while enrolled, past and future, including the open pause after the last
 * activity. A pause that begins after `exitDate` is left out; one running into the exit date
 * ends there.
 */
export function companyPauses(input: {
  enrolmentDate: IsoDate;
  exitDate: IsoDate | null;
  activities: readonly ActivityPeriod[];
  maxPauseWeeks: number;
  extraTypes?: readonly ActivityType[];
}): CompanyPause[] {
  const limitDays = input.maxPauseWeeks * 7;
  const pauses: CompanyPause[] = [];
  const push = (start: IsoDate, nextStart: IsoDate | null) => {
    if (input.exitDate !== null && start > input.exitDate) return;
    const deadline = addDays(start, limitDays);
    const exitEnd = input.exitDate !== null ? addDays(input.exitDate, 1) : null;
    const effectiveEnd = nextStart !== null && (exitEnd === null || nextStart <= exitEnd) ? nextStart : exitEnd;
    const lengthDays = effectiveEnd === null ? null : daysBetween(start, effectiveEnd);
    pauses.push({ start, nextStart, deadline, lengthDays, exceeded: lengthDays === null || lengthDays > limitDays });
  };
  let cursor: IsoDate | null = input.enrolmentDate;
  for (const iv of companyCoverage(input.activities, input.extraTypes)) {
    if (cursor === null) break;
    if (iv.end !== null && iv.end < cursor) continue; // ended before enrolment or inside a merged span
    if (iv.start > cursor) push(cursor, iv.start);
    cursor = iv.end === null ? null : addDays(iv.end, 1);
  }
  if (cursor !== null) push(cursor, null);
  return pauses;
}
