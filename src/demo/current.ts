/**
 * The current demo project: each demo jobcentre runs a follow-up project from 2025 with women
 * enrolled up to today, most still enrolled. One plan per woman — her company-oriented
 * activities (virksomhedspraktik, snusepraktik, løntilskud, a job with hours), dated in the past
 * and into the coming weeks — is both her case file and, rendered week by week and month by
 * month, her register data up to the last complete month before today. Deterministic for a
 * seed and a date, and prefix-stable over dates (see generateCurrentProject).
 */
import { ageOn } from '../core/cpr.ts';
import { addDays, daysBetween } from '../core/dates.ts';
import type { ExitReason } from '../core/codes.ts';
import { deriveSeed, mulberry32, type Rng } from '../core/prng.ts';
import { dayNumber, daysInMonth, monthIndex, monthOfYear, monthString, monthYear, weekOfDay } from '../monitoring/calendar.ts';
import type { Visitation } from '../monitoring/types.ts';
import { drawAge } from './ages.ts';
import type { CaseActivity } from './case-file.ts';
import { exactBirthDate, uniqueCpr } from './cohort.ts';
import { DEMO_MUNICIPALITIES, DEMO_PROJECTS, type DemoProject } from './municipalities.ts';
import { drawOrigin } from './names.ts';
import type { PersonRegister } from './register.ts';
import { Timeline } from './timeline.ts';
import { baseCode, fullHours, loentilskudCode, partHours, praktikCode } from './trajectory.ts';
import type { DemoWoman } from './types.ts';

export const CURRENT_START = '2025-01-06';
export const CURRENT_END = '2027-12-31';
/** The last enrolment date of the current project's candidate women (the project runs to CURRENT_END). */
export const ENROL_UNTIL = '2027-06-30';
/**
 * The current project's candidate women per historical woman of the same municipality, enrolled
 * from CURRENT_START to ENROL_UNTIL (about 55 % of them by December 2026).
 */
const SHARE = 0.75;
const HISTORY_MONTHS = 24;

/** Key of the current project run by the jobcentre of a historical project. */
export const currentProjectKey = (historicalKey: string): string => `${historicalKey}-2025`;

/** One current project per jobcentre, beside its KIB project (same jobcentre, team and staff). */
export const CURRENT_PROJECTS: readonly DemoProject[] = DEMO_PROJECTS.map((p) => ({
  ...p,
  key: currentProjectKey(p.key),
  navn: `${p.navn} (videreført 2025–2027)`,
  bevilling: Math.round((p.bevilling * 0.4) / 10_000) * 10_000,
  periodeFra: '2025-01-01',
  periodeTil: CURRENT_END,
  planlagteDeltagere: Math.round(p.planlagteDeltagere * 0.3),
}));

export interface CurrentWoman {
  woman: DemoWoman;
  register: PersonRegister;
  /** Her company-oriented activities (case file), some planned after today. */
  activities: CaseActivity[];
}

export interface CurrentProject {
  women: CurrentWoman[];
  /** Last month of the register data: the last complete month before today. */
  registerTo: string;
}

/** The last complete month before `today` (YYYY-MM-DD). */
export function lastCompleteMonth(today: string): string {
  return monthString(monthIndex(Number(today.slice(0, 4)), Number(today.slice(5, 7))) - 1);
}

const EXIT_REASONS: readonly (readonly [ExitReason, number])[] = [
  ['job_ordinaer', 45],
  ['uddannelse', 15],
  ['fraflyttet', 8],
  ['anden_indsats', 12],
  ['sygdom', 8],
  ['oensker_ikke', 8],
  ['andet', 4],
];

const monthOf = (date: string): number => monthIndex(Number(date.slice(0, 4)), Number(date.slice(5, 7)));
const dayOf = (date: string): number => dayNumber(Number(date.slice(0, 4)), Number(date.slice(5, 7)), Number(date.slice(8, 10)));
const firstOfMonth = (m: number): string => `${monthYear(m)}-${String(monthOfYear(m)).padStart(2, '0')}-01`;
const lastOfMonth = (m: number): string => `${monthYear(m)}-${String(monthOfYear(m)).padStart(2, '0')}-${daysInMonth(m)}`;
/** The Monday on or after a date. */
const mondayFrom = (date: string): string => addDays(date, (8 - new Date(`${date}T00:00:00Z`).getUTCDay()) % 7);

/**
 * The current project's women on `today`: prefix-stable from day to day. Each municipality has a fixed
 * set of candidate women, each with her own random stream, and enrolment dates spread over the
 * project's whole enrolment period; the women of a day are those enrolled at least two weeks
 * before it. Every draw is made whatever the day, so the women of day D are among those of any
 * later day, with the same data up to what is cut at today (her exit once it has passed, her
 * register to the last complete month, her activities planned ahead of today). Ordered by
 * enrolment, so the women of a later day only add to the end.
 */
export function generateCurrentProject(opts: { seed: number; today: string; usedCpr?: Set<string> }): CurrentProject {
  const { today } = opts;
  const registerTo = lastCompleteMonth(today);
  const lastMonth = monthOf(`${registerTo}-01`);
  const base = deriveSeed(opts.seed, 21);
  const used = opts.usedCpr ?? new Set<string>();
  const cut = addDays(today, -14);
  const span = daysBetween(CURRENT_START, ENROL_UNTIL);
  const candidates: { woman: DemoWoman; rng: Rng; order: number }[] = [];
  DEMO_MUNICIPALITIES.forEach((m, mi) => {
    const size = Math.max(1, Math.round(m.size * SHARE));
    const dates = mulberry32(deriveSeed(base, mi * 100_000));
    const enrolled = Array.from({ length: size }, () => addDays(CURRENT_START, dates.int(0, span))).sort();
    enrolled.forEach((indskrevet, k) => {
      const rng = mulberry32(deriveSeed(base, mi * 100_000 + k + 1));
      const visitation: Visitation = rng.chance(m.aktivitetsparate / m.size)
        ? 'aktivitetsparat'
        : rng.weighted([
            ['jobparat', 27],
            ['selvforsoergende', 7.5],
            ['oevrige', 8.6],
          ] as const);
      const age = drawAge(visitation, rng);
      const birthDate = exactBirthDate(indskrevet, age, rng);
      const origin = drawOrigin(rng);
      candidates.push({
        rng,
        order: mi * 100_000 + k,
        woman: {
          id: '',
          cpr: uniqueCpr(birthDate, rng, used),
          firstName: origin.firstName,
          lastName: origin.lastName,
          birthDate,
          countryOfOrigin: origin.countryOfOrigin,
          kommuneKode: m.kode,
          projectKey: currentProjectKey(m.projectKey),
          indskrevet,
          visitation,
          udskrevet: null,
          exitReason: null,
          synthetic: true,
        },
      });
    });
  });
  const enrolledByCut = candidates
    .filter((c) => c.woman.indskrevet <= cut)
    .sort((a, b) => a.woman.indskrevet.localeCompare(b.woman.indskrevet) || a.order - b.order);
  const women = enrolledByCut.map((c, i) => {
    c.woman.id = `N${String(i + 1).padStart(6, '0')}`;
    return buildWoman(c.woman, today, lastMonth, c.rng);
  });
  return { women, registerTo };
}

/** Her exit (if any), activities and register, from one plan. */
// Long because it is one woman's story drawn from one random stream in a fixed order: her exit, her company-
// oriented activities week by week, and the register months that must agree with them. Moving a step changes
// every later draw, so the steps stay in one place.
function buildWoman(woman: DemoWoman, today: string, lastMonth: number, rng: Rng): CurrentWoman {
  const enrolMonth = monthOf(woman.indskrevet);
  const t = new Timeline(enrolMonth - HISTORY_MONTHS, lastMonth);
  const base = baseCode(woman.visitation, ageOn(woman.birthDate, woman.indskrevet), rng);
  t.setMonths(t.firstMonth, t.lastMonth, base);
  // Every draw is made whatever today is: her data depends on the day only by what is cut at it.
  // Some leave three months to two years after enrolment; some fall behind (no company-oriented offer
  // from a date on) and leave three to eight months later. An exit shows once its date has passed.
  const leaves = rng.chance(0.4);
  const leaveOn = addDays(woman.indskrevet, rng.int(90, 720));
  const reason = rng.weighted(EXIT_REASONS);
  const fallsBehind = rng.chance(0.12);
  const pauseFrom = addDays(woman.indskrevet, rng.int(150, 720));
  const pauseExit = addDays(pauseFrom, rng.int(90, 240));
  const aheadDays = rng.int(20, 60);
  const exitOn = leaves && (!fallsBehind || leaveOn <= pauseExit) ? leaveOn : fallsBehind ? pauseExit : null;
  if (exitOn !== null && exitOn < today) {
    woman.udskrevet = exitOn;
    woman.exitReason = exitOn === leaveOn && leaves ? reason : 'anden_indsats';
  }
  const exit = woman.udskrevet;
  const planned = exit ?? addDays(today, aheadDays);
  // Activities stop at her exit, at the day she falls behind, or some weeks after today (planned).
  const longPause = fallsBehind && pauseFrom < planned;
  const stop = longPause ? pauseFrom : planned;
  const activities: CaseActivity[] = [];
  // Self-supporting women have no benefit, so no praktik or løntilskud code: they get jobs with hours.
  const kinds: readonly (readonly [CaseActivity['type'], number])[] =
    base === 0
      ? [['loentimer', 1]]
      : [
          ['virksomhedspraktik', 50],
          ['snusepraktik', 8],
          ['loentilskud', 20],
          ['loentimer', 22],
        ];
  let d = mondayFrom(addDays(woman.indskrevet, rng.int(7, 35)));
  let lastHoursMonth = -1;
  while (d <= stop) {
    const type = rng.weighted(kinds);
    if (type === 'loentimer') {
      let m = monthOf(d);
      if (m <= lastHoursMonth) m = lastHoursMonth + 1;
      const m1 = m + rng.int(1, 5);
      let end = lastOfMonth(m1);
      if (end > stop) {
        if (firstOfMonth(m) > stop) break;
        end = exit ? stop : lastOfMonth(Math.max(m, monthOf(stop) - (longPause ? 1 : 0)));
        if (end < firstOfMonth(m)) break;
      }
      let sum = 0;
      for (let x = m; x <= monthOf(end); x++) {
        const h = partHours(rng);
        sum += h;
        if (x <= lastMonth) t.setHours(x, h);
      }
      lastHoursMonth = monthOf(end);
      const start = firstOfMonth(m) < woman.indskrevet ? woman.indskrevet : firstOfMonth(m);
      const days = daysBetween(firstOfMonth(m), lastOfMonth(monthOf(end))) + 1;
      activities.push({
        type,
        start,
        end,
        hoursPerWeek: Math.min(37, Math.max(0.5, Math.round((sum * 14) / days) / 2)),
        publicEmployer: false,
      });
      d = mondayFrom(addDays(end, rng.int(1, 5) * 7));
      continue;
    }
    const weeks = type === 'snusepraktik' ? rng.int(1, 2) : type === 'loentilskud' ? rng.int(12, 26) : rng.int(4, 13);
    let end = addDays(d, weeks * 7 - 1);
    if (end > stop && (exit !== null || longPause)) end = stop;
    if (end < d) break;
    const publicEmployer = rng.chance(0.35);
    const code = type === 'loentilskud' ? loentilskudCode(base, publicEmployer) : praktikCode(base, publicEmployer);
    t.setWeeks(weekOfDay(dayOf(d)), weekOfDay(dayOf(end)), code);
    activities.push({ type, start: d, end, hoursPerWeek: type === 'loentilskud' ? 37 : rng.pick([10, 15, 18.5, 20, 25]), publicEmployer });
    d = mondayFrom(addDays(end, rng.int(1, 5) * 7));
  }
  // After she leaves, the register shows where she went: a job (paid hours, no benefit), education (SU).
  if (exit) {
    const xm = monthOf(exit);
    const xw = weekOfDay(dayOf(exit)) + 1;
    if (woman.exitReason === 'job_ordinaer') {
      for (let m = xm; m <= lastMonth; m++) if (!(t.hours[m - t.firstMonth] > 0) || m > xm) t.setHours(m, fullHours(rng));
      t.setWeeks(xw, t.lastWeek, 0);
    } else if (woman.exitReason === 'uddannelse') {
      t.setWeeks(xw, t.lastWeek, rng.chance(0.8) ? 651 : 652);
    }
  }
  return {
    woman,
    register: { cpr: woman.cpr, weeks: { weekStart: t.firstWeek, codes: t.codes }, hours: { monthStart: t.firstMonth, hours: t.hours } },
    activities,
  };
}
