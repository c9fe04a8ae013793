/**
 * The deterministic synthetic demo cohort: women enrolled in the KIB projects of the demo
 * municipalities, with invented names and valid synthetic CPR numbers. Pure: the same seed and
 * size give the same cohort. The default (seed 2019, 1,664 women) is calibrated to SIRI's
 * published figures; other sizes keep the same proportions (scale mode).
 */
import { ageOn, makeCpr } from '../core/cpr.ts';
import { daysInMonth, monthIndex, monthOfYear, monthYear } from '../monitoring/calendar.ts';
import type { Visitation } from '../monitoring/types.ts';
import { birthDateForAge, drawAge } from './ages.ts';
import { planOutcomes, type PlanSubject } from './cohort-plan.ts';
import { drawExit } from './exits.ts';
import { DEFAULT_COHORT_SIZE, DEMO_MUNICIPALITIES, DEMO_PROJECTS } from './municipalities.ts';
import { drawOrigin } from './names.ts';
import { apportion, deriveSeed, mulberry32, shuffle, type Rng } from '../core/prng.ts';
import { VISITATION_NON_AKT_SHARES } from './targets.ts';
import type { DemoCohort, DemoWoman } from './types.ts';

export interface CohortOptions {
  seed?: number;
  size?: number;
}

export const DEFAULT_SEED = 2019;

/** Last day of the KIB projects: every woman of the historical cohort has left by then. */
export const PROJECT_END = '2022-12-31';

/** Enrolment months 2019-09 … 2022-10 with a slow start, a dip in the spring 2020 lockdown and a tail. */
const ENROL_MONTHS: readonly (readonly [number, number])[] = (() => {
  const out: [number, number][] = [];
  for (let m = monthIndex(2019, 9); m <= monthIndex(2022, 10); m++) {
    const y = monthYear(m);
    const mm = monthOfYear(m);
    let w = y === 2019 ? 2.5 : y === 2022 ? (mm <= 6 ? 2.5 : 1.5) : 3.5;
    if (y === 2020 && (mm === 4 || mm === 5)) w = 1.5;
    out.push([m, w]);
  }
  return out;
})();

export function generateCohort(options: CohortOptions = {}): DemoCohort {
  const seed = options.seed ?? DEFAULT_SEED;
  const size = options.size ?? DEFAULT_COHORT_SIZE;
  if (!Number.isInteger(size) || size < 1) throw new RangeError(`Cohort size must be a positive integer, got ${size}`);
  const rng = mulberry32(deriveSeed(seed, 1));
  const subjects = drawSubjects(size, rng);
  const plans = planOutcomes(subjects, DEMO_MUNICIPALITIES, mulberry32(deriveSeed(seed, 2)));
  const exitRng = mulberry32(deriveSeed(seed, 3));
  const usedCpr = new Set<string>();
  const women: DemoWoman[] = subjects.map((s, i) => {
    const birthDate = exactBirthDate(s.indskrevet, s.age, rng);
    const origin = drawOrigin(rng);
    // The project ended on its last day: a woman still enrolled then was written out then.
    const drawn = drawExit(s.indskrevet, plans[i], exitRng);
    const exit = drawn.udskrevet ? drawn : { udskrevet: PROJECT_END, exitReason: 'projekt_afsluttet' as const };
    return {
      id: `D${String(i + 1).padStart(6, '0')}`,
      cpr: uniqueCpr(birthDate, rng, usedCpr),
      firstName: origin.firstName,
      lastName: origin.lastName,
      birthDate,
      countryOfOrigin: origin.countryOfOrigin,
      kommuneKode: s.kommune.kode,
      projectKey: s.kommune.projectKey,
      indskrevet: s.indskrevet,
      visitation: s.visitation,
      udskrevet: exit.udskrevet,
      exitReason: exit.exitReason,
      synthetic: true,
    };
  });
  return { seed, municipalities: DEMO_MUNICIPALITIES, projects: DEMO_PROJECTS, women, plans };
}

type Subject = PlanSubject & { indskrevet: string };

/** Municipality sizes and visitation counts by quota; then enrolment dates and ages at random. */
function drawSubjects(size: number, rng: Rng): Subject[] {
  const sizes = apportion(
    size,
    DEMO_MUNICIPALITIES.map((m) => m.size),
  );
  const nonAkt = Object.entries(VISITATION_NON_AKT_SHARES) as [Visitation, number][];
  const subjects: Subject[] = [];
  DEMO_MUNICIPALITIES.forEach((kommune, k) => {
    const n = sizes[k];
    const akt = Math.round((kommune.aktivitetsparate / kommune.size) * n);
    const counts = apportion(
      n - akt,
      nonAkt.map(([, s]) => s),
    );
    const visitations: Visitation[] = Array(akt).fill('aktivitetsparat');
    nonAkt.forEach(([v], j) => visitations.push(...Array<Visitation>(counts[j]).fill(v)));
    for (const visitation of shuffle(visitations, rng)) {
      const enrolMonth = rng.weighted(ENROL_MONTHS);
      const day = rng.int(1, daysInMonth(enrolMonth));
      const indskrevet = `${monthYear(enrolMonth)}-${pad2(monthOfYear(enrolMonth))}-${pad2(day)}`;
      subjects.push({ kommune, visitation, age: drawAge(visitation, rng), enrolMonth, indskrevet });
    }
  });
  // Interleave municipalities so ids do not reveal them.
  return shuffle(subjects, rng);
}

export function exactBirthDate(on: string, age: number, rng: Rng): string {
  let b = birthDateForAge(on, age, rng);
  // 29 February edge cases: step back a day until the age is right.
  while (ageOn(b, on) !== age) b = new Date(Date.parse(b) - 86_400_000).toISOString().slice(0, 10);
  return b;
}

export function uniqueCpr(birthDate: string, rng: Rng, used: Set<string>): string {
  for (let serial = rng.int(0, 3999); ; serial++) {
    const cpr = makeCpr(birthDate, 'K', serial);
    if (!used.has(cpr)) {
      used.add(cpr);
      return cpr;
    }
  }
}

function pad2(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}
