/**
 * Ages at enrolment by visitation category: the aktivitetsparate are older, women on other
 * benefits (incl. under-30s with an education order, uddannelsespålæg) younger. All 18–64.
 */
import type { Visitation } from '../monitoring/types.ts';
import type { Rng } from '../core/prng.ts';

const BANDS: readonly (readonly [number, number])[] = [
  [18, 29],
  [30, 39],
  [40, 49],
  [50, 59],
  [60, 64],
];

const WEIGHTS: Record<Visitation, readonly number[]> = {
  aktivitetsparat: [12, 30, 32, 22, 4],
  jobparat: [22, 38, 27, 12, 1],
  selvforsoergende: [15, 40, 30, 14, 1],
  oevrige: [45, 25, 18, 10, 2],
};

type Table = readonly (readonly [readonly [number, number], number])[];
const table = (v: Visitation): Table => BANDS.map((b, i) => [b, WEIGHTS[v][i]] as const);
const TABLES: Record<Visitation, Table> = {
  aktivitetsparat: table('aktivitetsparat'),
  jobparat: table('jobparat'),
  selvforsoergende: table('selvforsoergende'),
  oevrige: table('oevrige'),
};

export function drawAge(visitation: Visitation, rng: Rng): number {
  const band = rng.weighted(TABLES[visitation]);
  return rng.int(band[0], band[1]);
}

/** A birth date that makes her exactly `age` on `on` (YYYY-MM-DD). */
export function birthDateForAge(on: string, age: number, rng: Rng): string {
  const [y, m, d] = on.split('-').map(Number);
  const latest = Date.UTC(y - age, m - 1, d); // turns `age` on this day
  const earliest = Date.UTC(y - age - 1, m - 1, d) + 86_400_000; // would turn age+1 the day after
  const days = Math.round((latest - earliest) / 86_400_000);
  return new Date(earliest + rng.int(0, days) * 86_400_000).toISOString().slice(0, 10);
}
