/**
 * The engine against a deliberately naive re-implementation of spec §§2–4 written from the
 * text alone (Date objects, strings, no shared code), on random cohorts.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { runs } from '../../test/fast-check-setup.ts';
import { monitor } from './engine.ts';
import { cohortArb, inputOf, R, type PersonSpec } from './test-support.ts';

const CATEGORY: Record<number, string> = {
  730: 'ydelse',
  707: 'praktik',
  705: 'loentilskud',
  771: 'fleksjob',
  651: 'uddannelse',
  810: 'ressourceforloeb',
  783: 'foertidspension',
  890: 'ydelse',
  997: 'udgaaet',
  100: 'ingen',
  121: 'ingen',
};

const ymd = (d: Date) => d.toISOString().slice(0, 10);
const addMonth = (m: string, n: number) => {
  const d = new Date(Date.UTC(Number(m.slice(0, 4)), Number(m.slice(5, 7)) - 1 + n, 1));
  return ymd(d).slice(0, 7);
};

/** Monday of ISO week `YYYY-Www`: week 1 holds 4 January. */
function mondayOf(week: string): Date {
  const y = Number(week.slice(0, 4));
  const w = Number(week.slice(6));
  const jan4 = new Date(Date.UTC(y, 0, 4));
  const back = (jan4.getUTCDay() + 6) % 7;
  return new Date(Date.UTC(y, 0, 4 - back + (w - 1) * 7));
}
const thursdayMonth = (week: string) => ymd(new Date(mondayOf(week).getTime() + 3 * 86_400_000)).slice(0, 7);

function level(p: PersonSpec, m: string): number {
  const cats = Object.entries(p.weeks ?? {})
    .filter(([w]) => thursdayMonth(w) === m)
    .map(([, c]) => CATEGORY[c]);
  const h = p.hours?.[m] ?? 0;
  const days = new Date(Date.UTC(Number(m.slice(0, 4)), Number(m.slice(5, 7)), 0)).getUTCDate();
  const a = (h * 7) / days;
  if (cats.includes('uddannelse') || a > 18.5) return 1;
  if (a > 0) return 2;
  if (cats.includes('praktik') || cats.includes('loentilskud')) return 3;
  return 0;
}

function reference(p: PersonSpec) {
  const enrol = p.in.slice(0, 7);
  const exit = p.out ? p.out.slice(0, 7) : '9999-12';
  const end = exit < R ? exit : R;
  let best = 0;
  for (let m = enrol; m <= end; m = addMonth(m, 1)) {
    const l = level(p, m);
    if (l !== 0 && (best === 0 || l < best)) best = l;
  }
  const current = enrol <= R && R <= exit ? level(p, R) : null;
  const six = [-5, -4, -3, -2, -1, 0].map((k) => addMonth(R, k));
  const run = (test: (m: string) => boolean) => six.some((_, i) => i >= 2 && [0, 1, 2].every((j) => test(six[i - j])));
  const days = (m: string) => new Date(Date.UTC(Number(m.slice(0, 4)), Number(m.slice(5, 7)), 0)).getUTCDate();
  const F = (m: string) => ((p.hours?.[m] ?? 0) * 7) / days(m) > 18.5;
  const durable = run(F) ? 'full' : run((m) => (p.hours?.[m] ?? 0) > 0) ? 'partial' : 'none';
  // The last week of R: the week of the last Thursday in R.
  let d = new Date(Date.UTC(Number(R.slice(0, 4)), Number(R.slice(5, 7)), 0));
  while (d.getUTCDay() !== 4) d = new Date(d.getTime() - 86_400_000);
  const monday = ymd(new Date(d.getTime() - 3 * 86_400_000));
  const code = Object.entries(p.weeks ?? {}).find(([w]) => ymd(mondayOf(w)) === monday)?.[1];
  const cat = code && CATEGORY[code] !== 'ingen' ? CATEGORY[code] : null; // `ingen` is a week without a code (§1.4)
  const h = p.hours?.[R] ?? 0;
  const snapshot =
    cat === 'udgaaet'
      ? 'udgaaet'
      : cat === 'uddannelse'
        ? 'uddannelse'
        : F(R)
          ? 'beskaeftigelse_fuld'
          : h > 0
            ? 'beskaeftigelse_delvis'
            : cat === 'fleksjob' || cat === 'foertidspension' || cat === 'ressourceforloeb'
              ? cat
              : cat
                ? 'ledig_ydelse'
                : 'selvforsoergende';
  return { current, accumulated: best, durable, snapshot };
}

describe('engine vs a naive reading of the spec', () => {
  it('agrees on current, accumulated, durable and snapshot for every woman', () => {
    fc.assert(
      fc.property(cohortArb, (people) => {
        const r = monitor(inputOf(people), { month: R, suppress: 0 });
        people.forEach((p, i) => {
          const { id: _id, ...got } = r.participants[i];
          expect(got).toEqual(reference(p));
        });
      }),
      { numRuns: runs(60) },
    );
  });
});
