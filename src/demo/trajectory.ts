/**
 * Builds one woman's weekly DREAM codes and monthly paid hours so that they show her planned
 * outcome (types.ts OutcomePlan) under the spec's definitions (spec §3–4): her best level
 * inside her window, durable employment over Sep 2022 – Feb 2023 and the snapshot in Feb 2023.
 * Everything else (benefit codes, sickness and maternity spells, earlier internships and small
 * jobs before enrolment) is plausible background that never changes those results.
 */
import type { Visitation } from '../monitoring/types.ts';
import { SNAPSHOT_MONTH } from './cohort-plan.ts';
import type { Rng } from '../core/prng.ts';
import { Timeline } from './timeline.ts';
import type { OutcomePlan } from './types.ts';

/** Durable employment looks at the six months up to the snapshot month (spec §4). */
const DURABLE_FROM = SNAPSHOT_MONTH - 5;
const JANUARY = SNAPSHOT_MONTH - 1;

export interface TrajectoryInput {
  visitation: Visitation;
  age: number;
  enrolMonth: number;
  /** Exit month, or null while enrolled. */
  exitMonth: number | null;
  plan: OutcomePlan;
}

/** Paid hours above part time: a(m) = h×7/days ≥ 85×7/31 = 19.2 > 18.5 in every month. */
export const fullHours = (rng: Rng): number => round1(85 + rng.next() * 75);
/** Paid hours at most part time: a(m) ≤ 70×7/28 = 17.5 ≤ 18.5 in every month. */
export const partHours = (rng: Rng): number => round1(6 + rng.next() * 64);

function round1(x: number): number {
  return Math.round(x * 10) / 10;
}

/**
 * DREAM codes from the public status list (src/register/dream-statuskoder.csv): passive
 * benefit, virksomhedspraktik and løntilskud (private, public) under each benefit group.
 */
export const INTEGRATION = 700; // integrationsydelse (70x)
const UDDANNELSESHJAELP = 720; // uddannelseshjælp (72x)
const KONTANTHJAELP = 730; // kontanthjælp (73x)
const KONTANTHJAELP_JOBPARAT = 130; // kontanthjælp, jobparat (13x)
const DAGPENGE = 111;
const SYGEDAGPENGE = 890;
const BARSEL = 881;
/** [praktik privat, praktik offentlig, løntilskud privat, løntilskud offentlig] by passive code. */
const ACTIVATION: Record<number, readonly [number, number, number, number]> = {
  [INTEGRATION]: [707, 708, 705, 706],
  [UDDANNELSESHJAELP]: [727, 728, 725, 726],
  [KONTANTHJAELP]: [737, 738, 735, 736],
  [KONTANTHJAELP_JOBPARAT]: [137, 138, 135, 136],
  [DAGPENGE]: [217, 218, 215, 216],
  [SYGEDAGPENGE]: [897, 898, 895, 896],
};

/** The virksomhedspraktik code under her benefit (integrationsydelse when she has none of those). */
export function praktikCode(base: number, publicEmployer = false): number {
  const a = ACTIVATION[base] ?? ACTIVATION[INTEGRATION];
  return publicEmployer ? a[1] : a[0];
}

/** The løntilskud code under her benefit. */
export function loentilskudCode(base: number, publicEmployer: boolean): number {
  const a = ACTIVATION[base] ?? ACTIVATION[INTEGRATION];
  return publicEmployer ? a[3] : a[2];
}

/** The woman's usual benefit code for her visitation (0 = none: self-supporting). */
export function baseCode(v: Visitation, age: number, rng: Rng): number {
  switch (v) {
    case 'aktivitetsparat':
      return age < 30 && rng.chance(0.4) ? UDDANNELSESHJAELP : rng.chance(0.65) ? KONTANTHJAELP : INTEGRATION;
    case 'jobparat':
      return rng.weighted([
        [KONTANTHJAELP_JOBPARAT, 55],
        [DAGPENGE, 25],
        [INTEGRATION, 20],
      ]);
    case 'oevrige':
      return age < 30 && rng.chance(0.7)
        ? UDDANNELSESHJAELP
        : rng.weighted([
            [SYGEDAGPENGE, 40],
            [BARSEL, 20],
            [DAGPENGE, 40],
          ]);
    case 'selvforsoergende':
      return 0;
  }
}

export function buildTrajectory(t: Timeline, input: TrajectoryInput, rng: Rng): void {
  const { visitation, age, enrolMonth: e, plan } = input;
  const base = baseCode(visitation, age, rng);
  const benefit = base || INTEGRATION;
  background(t, input, base, rng);

  const start = plan.start;
  let end = e - 1; // last month of the planned spell; the after-phase starts later
  switch (plan.route) {
    case 'job':
      end = jobSpell(t, input, base, rng);
      break;
    case 'su':
      end = plan.snapshot === 'uddannelse' ? t.lastMonth : Math.min(JANUARY, start + rng.int(2, 11));
      t.setMonths(start, end, rng.chance(0.8) ? 651 : 652);
      break;
    case 'hours':
      end = hoursSpell(t, input, base, rng);
      break;
    case 'company':
      end = companySpell(t, start, base, rng);
      break;
    case 'none':
      break;
  }
  if (plan.snapshot === 'beskaeftigelse_fuld' || plan.snapshot === 'beskaeftigelse_delvis' || plan.snapshot === 'uddannelse') return;
  afterPhase(t, input, plan.hoursEndJan ? SNAPSHOT_MONTH : rng.int(Math.max(e, end + 1), SNAPSHOT_MONTH), benefit, rng);
}

/** Benefit codes with sickness/maternity spells, and before enrolment some internships and small jobs. */
function background(t: Timeline, input: TrajectoryInput, base: number, rng: Rng): void {
  const e = input.enrolMonth;
  t.setMonths(t.firstMonth, t.lastMonth, base);
  const preEnd = e - 2; // keep the history clear of her window
  if (base !== 0 && preEnd > t.firstMonth + 3 && rng.chance(0.3)) {
    const m0 = rng.int(t.firstMonth, preEnd - 3);
    t.setMonths(m0, Math.min(preEnd, m0 + rng.int(2, 11)), 0); // supported by her spouse for a while
  }
  if (input.visitation !== 'selvforsoergende' && preEnd > t.firstMonth + 1 && rng.chance(0.2)) {
    const w0 = rng.int(t.weekOf(t.firstMonth), t.weekOf(preEnd) - 4);
    t.setWeeks(w0, Math.min(t.weekOf(preEnd + 1) - 1, w0 + rng.int(3, 12)), praktikCode(base));
  }
  const preHoursEnd = e - 3;
  if (preHoursEnd > t.firstMonth && rng.chance(input.visitation === 'aktivitetsparat' ? 0.05 : 0.15)) {
    for (let k = rng.int(1, 4); k > 0; k--) t.setHours(rng.int(t.firstMonth, preHoursEnd), round1(8 + rng.next() * 110));
  }
  if (base !== 0) {
    if (rng.chance(0.25)) {
      const w0 = rng.int(t.firstWeek, t.lastWeek);
      t.replaceWeeks(w0, w0 + rng.int(1, 9), base, SYGEDAGPENGE);
    }
    if (input.age < 40 && rng.chance(0.12)) {
      const w0 = rng.int(t.firstWeek, t.lastWeek);
      t.replaceWeeks(w0, w0 + rng.int(17, 45), base, BARSEL);
    }
  }
}

/** Number of months of a..b inside the durable period (Sep 2022 – Feb 2023). */
function overlap(a: number, b: number): number {
  return Math.max(0, Math.min(b, SNAPSHOT_MONTH) - Math.max(a, DURABLE_FROM) + 1);
}

/**
 * Shorten a spell from `a` so it has at most two months inside the durable period: three
 * consecutive months would make it durable (spec §4).
 */
function capSpell(a: number, months: number): number {
  let k = months;
  while (k > 1 && overlap(a, a + k - 1) > 2) k--;
  return k;
}

/** Mål 1 by work above part time; returns the last month with paid hours. */
function jobSpell(t: Timeline, input: TrajectoryInput, base: number, rng: Rng): number {
  const { plan, enrolMonth: e } = input;
  const s = plan.start;
  // Some start with a few months of small jobs or an internship (lower levels, same window).
  if (s > e && (plan.durable !== 'none' || s <= DURABLE_FROM) && rng.chance(0.3)) {
    t.fillHours(Math.max(e, s - rng.int(1, 3)), s - 1, () => partHours(rng));
  }
  internshipBefore(t, e, s, base, rng);
  if (plan.durable === 'full') {
    t.fillHours(s, t.lastMonth, () => fullHours(rng));
    t.setMonths(s, t.lastMonth, 0);
    return t.lastMonth;
  }
  if (plan.durable === 'partial') {
    const last = plan.hoursEndJan ? JANUARY : t.lastMonth;
    const k = capSpell(s, rng.int(1, 6));
    t.fillHours(s, s + k - 1, () => fullHours(rng));
    t.setMonths(s, s + k - 1, 0);
    t.fillHours(s + k, last, () => partHours(rng)); // part time, often beside kontanthjælp
    return last;
  }
  const k = capSpell(s, rng.int(1, 8));
  t.fillHours(s, s + k - 1, () => fullHours(rng));
  t.setMonths(s, s + k - 1, 0);
  return s + k - 1;
}

/** Mål 2 by paid hours at most part time; returns the last month with paid hours. */
function hoursSpell(t: Timeline, input: TrajectoryInput, base: number, rng: Rng): number {
  const { plan, enrolMonth: e } = input;
  const s = plan.start;
  internshipBefore(t, e, s, base, rng);
  if (plan.durable === 'full') {
    // Leaves the project (exit month x) and then works full time.
    const x = input.exitMonth ?? s;
    t.fillHours(s, x, () => partHours(rng));
    t.fillHours(x + 1, t.lastMonth, () => fullHours(rng));
    t.setMonths(x + 1, t.lastMonth, 0);
    return t.lastMonth;
  }
  if (plan.durable === 'partial') {
    const last = plan.hoursEndJan ? JANUARY : t.lastMonth;
    t.fillHours(s, last, () => partHours(rng));
    return last;
  }
  const k = capSpell(s, rng.int(1, 6));
  t.fillHours(s, s + k - 1, () => partHours(rng));
  return s + k - 1;
}

/** Mål 3: virksomhedspraktik or løntilskud from the start month; returns its last month. */
function companySpell(t: Timeline, s: number, base: number, rng: Rng): number {
  const w0 = t.weekOf(s) + rng.int(0, 1);
  const wage = rng.chance(0.3);
  const code = wage ? loentilskudCode(base, !rng.chance(0.5)) : praktikCode(base);
  const lastAllowed = t.weekOf(SNAPSHOT_MONTH) - 1;
  const w1 = Math.min(lastAllowed, w0 + (wage ? rng.int(12, 26) : rng.int(3, 12)));
  t.setWeeks(w0, w1, code);
  return monthOfWeekIn(t, w1);
}

/** An internship in her window before the month she reaches a higher level (for some). */
function internshipBefore(t: Timeline, e: number, s: number, base: number, rng: Rng): void {
  if (s - e < 2 || !rng.chance(0.35)) return;
  const w0 = rng.int(t.weekOf(e), t.weekOf(s - 1));
  t.setWeeks(w0, Math.min(t.weekOf(s) - 1, w0 + rng.int(3, 12)), praktikCode(base));
}

function monthOfWeekIn(t: Timeline, w: number): number {
  let m = t.firstMonth;
  while (m < t.lastMonth && t.weekOf(m + 1) <= w) m++;
  return m;
}

/** From month p on, the state her snapshot in Feb 2023 shows; no paid hours from then. */
function afterPhase(t: Timeline, input: TrajectoryInput, p: number, benefit: number, rng: Rng): void {
  const last = t.lastMonth;
  for (let m = p; m <= last; m++) t.setHours(m, 0);
  switch (input.plan.snapshot) {
    case 'ledig_ydelse':
      t.setMonths(p, last, benefit);
      break;
    case 'selvforsoergende':
      t.setMonths(p, last, 0);
      break;
    case 'fleksjob':
      if (p < SNAPSHOT_MONTH && rng.chance(0.4)) {
        t.setMonths(p, p, 740); // ledighedsydelse while waiting for the fleksjob
        t.setMonths(p + 1, last, 771);
      } else t.setMonths(p, last, 771);
      break;
    case 'foertidspension':
      t.setMonths(p, last, 783);
      break;
    case 'ressourceforloeb':
      t.setMonths(p, last, rng.chance(0.7) ? 810 : 785); // ressourceforløb, jobafklaring
      break;
    case 'udgaaet':
      t.setMonths(p, last, input.age >= 55 && rng.chance(0.3) ? 998 : 997); // folkepension, udvandret
      break;
    default:
      break;
  }
}
