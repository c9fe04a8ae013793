/**
 * The whole demo world as one story: the historical KIB cohort (2019–2022, every woman exited,
 * calibrated to SIRI's figures) and the current project (enrolments up to today), each woman's
 * register data running to the last complete month before today, and her case file's
 * company-oriented activities agreeing with it (case-file.ts). The seeding (app/seed-demo.ts) and
 * the register import (app/register/seed-demo-register.ts) both take their data from here.
 */
import { defaultCodeTable } from '../register/codetable.ts';
import { firstWeekOfMonth as firstWeekOfMonthCached, monthIndex } from '../monitoring/calendar.ts';
import type { CodeTable } from '../monitoring/types.ts';
import { caseActivitiesFromRegister, type CaseActivity } from './case-file.ts';
import { DEFAULT_SEED, generateCohort } from './cohort.ts';
import { generateCurrentProject, lastCompleteMonth } from './current.ts';
import { generateRegisterData, type DemoRegister, type PersonRegister } from './register.ts';
import type { DemoCohort, DemoWoman } from './types.ts';

export interface DemoWorld {
  historical: DemoCohort;
  /** Every woman: the historical cohort first, then the current project's. */
  women: DemoWoman[];
  /** women[i]'s company-oriented activities (her case file). */
  activities: CaseActivity[][];
  /** Register data of every woman (persons[i] belongs to women[i]), to `registerTo`. */
  register: DemoRegister;
  registerTo: string;
}

/** The last world built: a memo of a deterministic function of its key (seed, size, today), read-only to callers. */
let cached: { key: string; world: DemoWorld } | null = null;

export function demoWorld(opts: { seed?: number; size?: number; today: string }): DemoWorld {
  const seed = opts.seed ?? DEFAULT_SEED;
  const key = `${seed}/${opts.size ?? ''}/${opts.today}`;
  if (cached?.key === key) return cached.world;
  const codeTable = defaultCodeTable();
  const registerTo = lastCompleteMonth(opts.today);
  const historical = generateCohort({ seed, size: opts.size });
  // The calibrated register data as the evaluation saw it (to 2023-03), each woman's last state then
  // carried on to the last complete month: the data up to 2023-03 is the same as generateRegisterData's.
  const hreg = extendRegister(generateRegisterData(historical), registerTo);
  const women = historical.women.map((w, i) => reconcileExit(w, hreg.persons[i], codeTable));
  const activities = women.map((w, i) => caseActivitiesFromRegister(w, hreg.persons[i].weeks, hreg.persons[i].hours, codeTable));
  const current = generateCurrentProject({ seed, today: opts.today, usedCpr: new Set(women.map((w) => w.cpr)) });
  const persons: PersonRegister[] = [...hreg.persons, ...current.women.map((c) => c.register)];
  let firstWeek = Infinity,
    lastWeek = -Infinity,
    firstMonth = Infinity,
    lastMonth = -Infinity;
  for (const p of persons) {
    firstWeek = Math.min(firstWeek, p.weeks.weekStart);
    lastWeek = Math.max(lastWeek, p.weeks.weekStart + p.weeks.codes.length - 1);
    firstMonth = Math.min(firstMonth, p.hours.monthStart);
    lastMonth = Math.max(lastMonth, p.hours.monthStart + p.hours.hours.length - 1);
  }
  const world: DemoWorld = {
    historical,
    women: [...women, ...current.women.map((c) => c.woman)],
    activities: [...activities, ...current.women.map((c) => c.activities)],
    register: { persons, firstWeek, lastWeek, firstMonth, lastMonth },
    registerTo,
  };
  cached = { key, world };
  return world;
}

/**
 * Her exit reason as the register shows it: "ordinært job" only with paid hours in her exit month
 * or the next, "uddannelse" only with SU then; otherwise "andet". The date is the cohort's (the
 * calibration depends on it), the reason is not part of any result.
 */
export function reconcileExit(w: DemoWoman, p: PersonRegister, codeTable: CodeTable): DemoWoman {
  if (!w.udskrevet || (w.exitReason !== 'job_ordinaer' && w.exitReason !== 'uddannelse')) return w;
  const ok = w.exitReason === 'job_ordinaer' ? hasHoursAround(w.udskrevet, p) : hasSuAround(w.udskrevet, p, codeTable);
  return ok ? w : { ...w, exitReason: 'andet' };
}

const monthOf = (date: string): number => monthIndex(Number(date.slice(0, 4)), Number(date.slice(5, 7)));

/** Paid hours in the month of `date` or the month after. */
export function hasHoursAround(date: string, p: Pick<PersonRegister, 'hours'>): boolean {
  const m = monthOf(date) - p.hours.monthStart;
  return p.hours.hours[m] > 0 || p.hours.hours[m + 1] > 0;
}

/** An SU week (category uddannelse) in the month of `date` or the month after. */
export function hasSuAround(date: string, p: Pick<PersonRegister, 'weeks'>, codeTable: CodeTable): boolean {
  const m = monthOf(date);
  const from = firstWeekOfMonthCached(m) - p.weeks.weekStart;
  const to = firstWeekOfMonthCached(m + 2) - 1 - p.weeks.weekStart;
  for (let i = Math.max(0, from); i <= to && i < p.weeks.codes.length; i++) {
    if (codeTable.entries.get(p.weeks.codes[i])?.category === 'uddannelse') return true;
  }
  return false;
}

/**
 * The register carried on to month `to` (YYYY-MM): every woman keeps the code of her last week and
 * the paid hours of her last month (a steady job stays, a benefit stays). Earlier weeks and months
 * are unchanged.
 */
export function extendRegister(reg: DemoRegister, to: string): DemoRegister {
  const lastMonth = monthIndex(Number(to.slice(0, 4)), Number(to.slice(5, 7)));
  if (lastMonth <= reg.lastMonth) return reg;
  const lastWeek = firstWeekOfMonthCached(lastMonth + 1) - 1;
  const persons = reg.persons.map((p) => {
    const codes = new Int16Array(lastWeek - p.weeks.weekStart + 1);
    codes.set(p.weeks.codes);
    codes.fill(p.weeks.codes[p.weeks.codes.length - 1] ?? 0, p.weeks.codes.length);
    const hours = new Float64Array(lastMonth - p.hours.monthStart + 1);
    hours.set(p.hours.hours);
    hours.fill(p.hours.hours[p.hours.hours.length - 1] ?? 0, p.hours.hours.length);
    return { cpr: p.cpr, weeks: { weekStart: p.weeks.weekStart, codes }, hours: { monthStart: p.hours.monthStart, hours } };
  });
  return { persons, firstWeek: reg.firstWeek, lastWeek, firstMonth: reg.firstMonth, lastMonth };
}
