/**
 * Plans each woman's register outcome by quota, so the cohort reproduces SIRI's published
 * shares (targets.ts) almost exactly at any size, instead of hoping a random model lands
 * near them. Who gets which outcome is random (seeded); how many get it is not.
 * register.ts then builds weekly codes and monthly hours that show exactly this plan.
 */
import { monthIndex } from '../monitoring/calendar.ts';
import type { Snapshot, Visitation } from '../monitoring/types.ts';
import type { DemoMunicipality } from './municipalities.ts';
import { apportion, sampleWeighted, type Rng } from '../core/prng.ts';
import { TARGETS } from './targets.ts';
import type { OutcomePlan } from './types.ts';

export interface PlanSubject {
  kommune: DemoMunicipality;
  visitation: Visitation;
  age: number;
  /** Enrolment month (calendar.ts month index). */
  enrolMonth: number;
}

/** The report month R of the calibration (2022-12) and the durable/snapshot month (2023-02). */
export const REPORT_MONTH = monthIndex(2022, 12);
export const SNAPSHOT_MONTH = monthIndex(2023, 2);
/** Latest start for women who reach Mål 2 and then full-time work after leaving the project. */
const LATEST_B1_START = monthIndex(2022, 8);

/** Non-aktivitetsparate reach Mål 1/2 with these relative chances. */
const NON_AKT_WEIGHT: Record<Visitation, number> = { aktivitetsparat: 1, jobparat: 1, oevrige: 0.85, selvforsoergende: 0.55 };
/** Mean months from enrolment to the first month at the best level, by route. */
const MEAN_DELAY = { job: 8, su: 6, hours: 6, company: 4, none: 0 } as const;

const uniform = (): number => 1;

// Long because it is one calibration in steps that share the random stream and the plans: who reaches Mål 1/2,
// then Mål 1 by education, then durable employment after Mål 1 and Mål 2, each step sampling among those the
// step before chose. The order of the draws is the demo (same seed, same cohort), so the steps stay in one
// place.
export function planOutcomes(subjects: readonly PlanSubject[], munis: readonly DemoMunicipality[], rng: Rng): OutcomePlan[] {
  const n = subjects.length;
  const plans: OutcomePlan[] = subjects.map(() => ({
    best: 0,
    route: 'none',
    durable: 'none',
    hoursEndJan: false,
    snapshot: 'ledig_ydelse',
    start: -1,
  }));
  const groups = munis.map((m) => subjects.map((s, i) => (s.kommune.kode === m.kode ? i : -1)).filter((i) => i >= 0));

  // Mål 1 or 2 per municipality, split between aktivitetsparate and the rest.
  const reached = groups.map((idx, k) => {
    const m = munis[k];
    const akt = idx.filter((i) => subjects[i].visitation === 'aktivitetsparat');
    const non = idx.filter((i) => subjects[i].visitation !== 'aktivitetsparat');
    const total = Math.round(m.resultShare * idx.length);
    const a = Math.min(akt.length, Math.round(m.aktResultShare * akt.length));
    const b = Math.max(0, Math.min(non.length, total - a));
    return [...sampleWeighted(akt, a, uniform, rng), ...sampleWeighted(non, b, (i) => NON_AKT_WEIGHT[subjects[i].visitation], rng)];
  });
  const reachedTotal = reached.reduce((s, r) => s + r.length, 0);

  // Mål 1 (education or full time) vs Mål 2 (part time).
  const level1Counts = apportion(
    Math.min(reachedTotal, Math.round(TARGETS.level1 * n)),
    reached.map((r) => r.length),
  );
  const level1 = reached.map((r, k) => new Set(sampleWeighted(r, level1Counts[k], uniform, rng)));
  reached.forEach((r, k) => r.forEach((i) => set(plans[i], level1[k].has(i) ? 1 : 2, level1[k].has(i) ? 'job' : 'hours')));

  // Mål 1 by education (SU): mostly young women, above all those with an education order.
  const suCounts = apportion(
    Math.round(TARGETS.educationRoute * n),
    level1.map((s) => s.size),
  );
  const suWeight = (i: number): number => {
    const s = subjects[i];
    if (s.age < 30) return s.visitation === 'oevrige' ? 8 : 3;
    return s.age < 40 ? 1 : 0.2;
  };
  level1.forEach((s, k) => sampleWeighted([...s], Math.min(s.size, suCounts[k]), suWeight, rng).forEach((i) => (plans[i].route = 'su')));

  // Durable employment among Mål 1 (by job): municipalities with a published share first.
  const jobs = level1.map((s) => [...s].filter((i) => plans[i].route === 'job'));
  const level1Total = level1.reduce((s, x) => s + x.size, 0);
  const fullTotal = Math.round(TARGETS.durable1Full * level1Total);
  const fixedFull = munis.map((m, k) =>
    m.durableFullShare === undefined ? -1 : Math.min(jobs[k].length, Math.round(m.durableFullShare * groups[k].length)),
  );
  const fixedSum = fixedFull.reduce((s, x) => s + Math.max(0, x), 0);
  const freeFull = apportion(
    Math.max(0, fullTotal - fixedSum),
    jobs.map((j, k) => (fixedFull[k] >= 0 ? 0 : j.length)),
  );
  const fullCounts = fixedFull.map((f, k) => Math.min(jobs[k].length, f >= 0 ? f : freeFull[k]));
  const partialCounts = apportion(
    Math.round(TARGETS.durable1Partial * level1Total),
    jobs.map((j, k) => j.length - fullCounts[k]),
  );
  jobs.forEach((j, k) => {
    const chosen = sampleWeighted(j, fullCounts[k] + Math.min(j.length - fullCounts[k], partialCounts[k]), uniform, rng);
    chosen.forEach((i, x) => (plans[i].durable = x < fullCounts[k] ? 'full' : 'partial'));
  });

  // Durable employment among Mål 2: a few leave the project and then work full time.
  const level2 = plans.map((p, i) => (p.best === 2 ? i : -1)).filter((i) => i >= 0);
  const b1Pool = level2.filter((i) => subjects[i].enrolMonth <= LATEST_B1_START && subjects[i].kommune.durableFullShare === undefined);
  const b1 = new Set(sampleWeighted(b1Pool, Math.round(TARGETS.durable2Full * level2.length), uniform, rng));
  b1.forEach((i) => (plans[i].durable = 'full'));
  const rest2 = level2.filter((i) => !b1.has(i));
  sampleWeighted(rest2, Math.round(TARGETS.durable2Partial * level2.length), uniform, rng).forEach((i) => (plans[i].durable = 'partial'));

  // Mål 3 among the rest, in proportion to each municipality's remaining women.
  const others = groups.map((idx) => idx.filter((i) => plans[i].best === 0));
  const level3Counts = apportion(
    Math.round(TARGETS.level3 * n),
    others.map((o) => o.length),
  );
  others.forEach((o, k) =>
    sampleWeighted(o, Math.min(o.length, level3Counts[k]), uniform, rng).forEach((i) => set(plans[i], 3, 'company')),
  );

  // First month at the best level, within the window up to R.
  plans.forEach((p, i) => {
    if (p.best === 0) return;
    const delay = Math.floor(-Math.log(1 - rng.next()) * MEAN_DELAY[p.route]);
    const latest = p.best === 2 && p.durable === 'full' ? LATEST_B1_START : REPORT_MONTH;
    p.start = Math.min(latest, subjects[i].enrolMonth + delay);
    if (p.durable === 'partial' && p.start < REPORT_MONTH) {
      p.hoursEndJan = rng.chance(p.best === 1 ? TARGETS.hoursEndJan1 : TARGETS.hoursEndJan2);
    }
  });

  planSnapshots(subjects, plans, rng);
  return plans;
}

function set(p: OutcomePlan, best: OutcomePlan['best'], route: OutcomePlan['route']): void {
  p.best = best;
  p.route = route;
}

/** Snapshot at 2023-02: employment follows from the durable plan; the rest by quota. */
function planSnapshots(subjects: readonly PlanSubject[], plans: OutcomePlan[], rng: Rng): void {
  const n = subjects.length;
  let employed = 0;
  for (const p of plans) {
    if (p.durable === 'full') p.snapshot = 'beskaeftigelse_fuld';
    else if (p.durable === 'partial' && !p.hoursEndJan) p.snapshot = 'beskaeftigelse_delvis';
    else continue;
    employed++;
  }
  const students = plans.map((p, i) => (p.route === 'su' ? i : -1)).filter((i) => i >= 0);
  const education = Math.max(0, Math.round(TARGETS.snapshotEmploymentOrEducation * n) - employed);
  const inEducation = new Set(sampleWeighted(students, education, uniform, rng));
  inEducation.forEach((i) => (plans[i].snapshot = 'uddannelse'));

  let pool = plans
    .map((p, i) => i)
    .filter((i) => !inEducation.has(i) && plans[i].snapshot !== 'beskaeftigelse_fuld' && plans[i].snapshot !== 'beskaeftigelse_delvis');
  const isAkt = (i: number): boolean => subjects[i].visitation === 'aktivitetsparat';
  const quotas: [Snapshot, number, (i: number) => number][] = [
    [
      'foertidspension',
      TARGETS.snapshotFoertidspension,
      (i) => (isAkt(i) ? 1 : 0.1) * (subjects[i].age >= 45 ? 4 : subjects[i].age >= 35 ? 1.5 : 0.3),
    ],
    ['fleksjob', TARGETS.snapshotFleksjob, (i) => (isAkt(i) ? 1 : subjects[i].visitation === 'jobparat' ? 0.3 : 0.2)],
    ['ressourceforloeb', TARGETS.snapshotRessourceforloeb, (i) => (isAkt(i) ? 1 : 0.1)],
    ['udgaaet', TARGETS.snapshotUdgaaet, (i) => (subjects[i].age >= 58 ? 5 : 1)],
  ];
  for (const [snapshot, share, weight] of quotas) {
    const chosen = new Set(sampleWeighted(pool, Math.round(share * n), weight, rng));
    chosen.forEach((i) => (plans[i].snapshot = snapshot));
    pool = pool.filter((i) => !chosen.has(i));
  }
  // Everyone left is on benefits, except the self-supporting remainder.
  const selfSupporting = Math.max(0, pool.length - Math.round(TARGETS.snapshotLedigYdelse * n));
  const selfWeight = (i: number): number => (subjects[i].visitation === 'selvforsoergende' ? 10 : 1);
  const self = new Set(sampleWeighted(pool, selfSupporting, selfWeight, rng));
  for (const i of pool) plans[i].snapshot = self.has(i) ? 'selvforsoergende' : 'ledig_ydelse';
}
