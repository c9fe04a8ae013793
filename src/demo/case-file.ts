/**
 * A demo woman's company-oriented activities (her case file) read off her register trajectory,
 * so the two tell one story: a run of virksomhedspraktik weeks in DREAM is a virksomhedspraktik
 * (a snusepraktik when it is one or two weeks), a run of løntilskud weeks a løntilskud, and a run
 * of months with paid hours in eIndkomst a job with hours ("Ordinære løntimer / småjob") — each
 * only while she is enrolled. `checkCaseFile` is the other direction: it lists every place where
 * a case file says something the register does not show.
 */
import {
  dateOfDay,
  dayNumber,
  daysInMonth,
  isoDate,
  mondayOf,
  monthIndex,
  monthOfYear,
  monthYear,
  weekOfDay,
} from '../monitoring/calendar.ts';
import type { CodeTable, PersonHours, PersonWeeks } from '../monitoring/types.ts';

export type CompanyActivityType = 'virksomhedspraktik' | 'snusepraktik' | 'loentilskud' | 'loentimer';

export interface CaseActivity {
  type: CompanyActivityType;
  start: string;
  /** Last day; null only for an open-ended job. */
  end: string | null;
  hoursPerWeek: number;
  /** A public employer (DREAM's "Off." codes); private otherwise. */
  publicEmployer: boolean;
}

export interface Enrolment {
  indskrevet: string;
  udskrevet: string | null;
}

/** The register category a company activity shows as, or 'hours' for paid hours. */
export const REGISTER_SIGN: Record<CompanyActivityType, 'praktik' | 'loentilskud' | 'hours'> = {
  virksomhedspraktik: 'praktik',
  snusepraktik: 'praktik',
  loentilskud: 'loentilskud',
  loentimer: 'hours',
};

const dayOf = (date: string): number => dayNumber(Number(date.slice(0, 4)), Number(date.slice(5, 7)), Number(date.slice(8, 10)));
const monthOfDate = (date: string): number => monthIndex(Number(date.slice(0, 4)), Number(date.slice(5, 7)));
const firstDay = (m: number): number => dayNumber(monthYear(m), monthOfYear(m), 1);
const lastDay = (m: number): number => firstDay(m) + daysInMonth(m) - 1;
/** Hours a week to the half hour, 0.5–37 (a case file's bounds). */
const round05 = (x: number): number => Math.min(37, Math.max(0.5, Math.round(x * 2) / 2));

/**
 * Her company-oriented activities while enrolled, as the register shows them: up to her exit,
 * or up to the register's last week/month while she is still enrolled.
 */
export function caseActivitiesFromRegister(e: Enrolment, weeks: PersonWeeks, hours: PersonHours, codeTable: CodeTable): CaseActivity[] {
  const from = dayOf(e.indskrevet);
  const to = e.udskrevet ? dayOf(e.udskrevet) : Infinity;
  const out: CaseActivity[] = [];
  const cat = (w: number): string | null => {
    const i = w - weeks.weekStart;
    if (i < 0 || i >= weeks.codes.length) return null;
    const c = codeTable.entries.get(weeks.codes[i])?.category;
    return c === 'praktik' || c === 'loentilskud' ? c : null;
  };
  const lastWeek = Math.min(weeks.weekStart + weeks.codes.length - 1, to === Infinity ? Infinity : weekOfDay(to));
  for (let w = Math.max(weeks.weekStart, weekOfDay(from)); w <= lastWeek;) {
    const c = cat(w);
    if (!c) {
      w++;
      continue;
    }
    const code = weeks.codes[w - weeks.weekStart];
    let w1 = w;
    while (w1 + 1 <= lastWeek && weeks.codes[w1 + 1 - weeks.weekStart] === code) w1++;
    const start = Math.max(from, mondayOf(w));
    const end = Math.min(to, mondayOf(w1) + 6);
    const n = w1 - w + 1;
    out.push({
      type: c === 'loentilskud' ? 'loentilskud' : n <= 2 ? 'snusepraktik' : 'virksomhedspraktik',
      start: isoDate(start),
      end: isoDate(end),
      hoursPerWeek: c === 'loentilskud' ? 37 : n <= 2 ? 15 : 25,
      publicEmployer: code % 2 === 0, // DREAM: …6 and …8 are public, …5 and …7 private
    });
    w = w1 + 1;
  }
  const m0 = Math.max(hours.monthStart, monthOfDate(e.indskrevet));
  const mLast = Math.min(hours.monthStart + hours.hours.length - 1, e.udskrevet ? monthOfDate(e.udskrevet) : Infinity);
  for (let m = m0; m <= mLast;) {
    if (!(hours.hours[m - hours.monthStart] > 0)) {
      m++;
      continue;
    }
    let m1 = m;
    let sum = 0;
    while (m1 <= mLast && hours.hours[m1 - hours.monthStart] > 0) sum += hours.hours[m1++ - hours.monthStart];
    m1--;
    const days = lastDay(m1) - firstDay(m) + 1;
    out.push({
      type: 'loentimer',
      start: isoDate(Math.max(from, firstDay(m))),
      end: isoDate(Math.min(to, lastDay(m1))),
      hoursPerWeek: round05((sum * 7) / days),
      publicEmployer: false,
    });
    m = m1 + 1;
  }
  return out.sort((a, b) => (a.start < b.start ? -1 : a.start > b.start ? 1 : 0));
}

/** The last week and month the register covers (calendar.ts indexes). */
export interface Coverage {
  lastWeek: number;
  lastMonth: number;
}

/**
 * Where a case file and the register disagree (empty when they tell one story): a praktik or
 * løntilskud week without the matching DREAM code, a job month without paid hours, an activity
 * outside her enrolment. Weeks and months after the register's coverage are not checked (the
 * register has not arrived for them yet); inside it, a woman without data has no code and no hours.
 */
export function checkCaseFile(
  e: Enrolment,
  activities: readonly Pick<CaseActivity, 'type' | 'start' | 'end'>[],
  weeks: PersonWeeks | null,
  hours: PersonHours | null,
  codeTable: CodeTable,
  coverage: Coverage,
): string[] {
  const problems: string[] = [];
  const codeOf = (w: number): number => {
    const i = weeks ? w - weeks.weekStart : -1;
    return weeks && i >= 0 && i < weeks.codes.length ? weeks.codes[i] : 0;
  };
  const hoursOf = (m: number): number => {
    const i = hours ? m - hours.monthStart : -1;
    return hours && i >= 0 && i < hours.hours.length ? hours.hours[i] : 0;
  };
  for (const a of activities) {
    const sign = REGISTER_SIGN[a.type];
    const what = `${a.type} ${a.start}–${a.end ?? ''}`;
    if (a.start < e.indskrevet || (e.udskrevet !== null && (a.end === null || a.end > e.udskrevet)))
      problems.push(`${what} ligger uden for indskrivningen ${e.indskrevet}–${e.udskrevet ?? ''}`);
    const s = dayOf(a.start);
    const t = a.end ? dayOf(a.end) : Infinity;
    if (sign === 'hours') {
      const last = Math.min(coverage.lastMonth, t === Infinity ? Infinity : monthOfDate(a.end!));
      for (let m = monthOfDate(a.start); m <= last; m++) {
        if (!(hoursOf(m) > 0)) problems.push(`${what}: ingen løntimer i ${monthYear(m)}-${String(monthOfYear(m)).padStart(2, '0')}`);
      }
    } else {
      const last = Math.min(coverage.lastWeek, t === Infinity ? Infinity : weekOfDay(t));
      for (let w = weekOfDay(s); w <= last; w++) {
        const c = codeOf(w);
        const cat = codeTable.entries.get(c)?.category;
        if (cat !== sign) {
          const d = dateOfDay(mondayOf(w));
          problems.push(
            `${what}: uge med mandag ${d.year}-${String(d.month).padStart(2, '0')}-${String(d.day).padStart(2, '0')} har kode ${c} (${cat ?? 'ukendt'}), ikke ${sign}`,
          );
        }
      }
    }
  }
  return problems;
}
