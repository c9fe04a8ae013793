import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { runs } from '../../test/fast-check-setup.ts';
import { monitor } from './engine.ts';
import { participantTimeline } from './explain.ts';
import { cohortArb, inputOf, R } from './test-support.ts';
import type { Count, GroupResult, MonitorResult } from './types.ts';

const rank = (level: number) => (level === 0 ? 4 : level); // lower is better

const num = (c: Count) => c as number;
const sum = (xs: Count[]) => xs.reduce<number>((a, b) => a + num(b), 0);

/** Every additive relation visible in a group, as [total, parts]. */
function groupRelations(g: GroupResult): [Count, Count[]][] {
  const a = g.accumulated;
  const rel: [Count, Count[]][] = [
    [g.n, [a['1'], a['2'], a['3'], a['0']]],
    [a['1_or_2'], [a['1'], a['2']]],
    [g.n, [a['1_or_2'], a['3'], a['0']]],
    [g.current.active, [g.current['1'], g.current['2'], g.current['3'], g.current['0']]],
    [g.n, Object.values(g.snapshot)],
    [g.n, Object.values(g.durable)],
  ];
  for (const l of ['1', '2', '3', '0'] as const) rel.push([a[l], Object.values(g.durableByAccumulated[l])]);
  return rel;
}

/** Every cell of a group as a flat list, in a fixed order. */
function cells(g: GroupResult): Count[] {
  return [
    g.n,
    ...Object.values(g.accumulated),
    ...Object.values(g.current),
    ...Object.values(g.durable),
    ...Object.values(g.durableByAccumulated).flatMap((d) => Object.values(d)),
    ...Object.values(g.snapshot),
  ];
}

function allRelations(r: MonitorResult): [Count, Count[]][] {
  const rel: [Count, Count[]][] = groupRelations(r.groups.all);
  const all = cells(r.groups.all);
  for (const dim of ['kommune', 'visitation', 'alder', 'aar'] as const) {
    const gs = Object.values(r.groups[dim]);
    for (const g of gs) rel.push(...groupRelations(g));
    all.forEach((total, i) => rel.push([total, gs.map((g) => cells(g)[i])]));
  }
  for (const s of r.series) {
    rel.push([s.active, Object.values(s.current)]);
    rel.push([s.enrolled, [s.accumulated['1'], s.accumulated['2'], s.accumulated['3'], s.accumulated['0']]]);
    rel.push([s.accumulated['1_or_2'], [s.accumulated['1'], s.accumulated['2']]]);
  }
  return rel;
}

describe('engine properties', () => {
  it('accumulated is never worse than any month of her window, and equals the best one', () => {
    fc.assert(
      fc.property(cohortArb, (people) => {
        const input = inputOf(people);
        const r = monitor(input, { month: R, suppress: 0 });
        r.participants.forEach((p, i) => {
          const months = participantTimeline(input, i, '2021-01', R).filter((m) => m.inWindow);
          for (const m of months) expect(rank(p.accumulated)).toBeLessThanOrEqual(rank(m.level));
          const best = months.reduce((b, m) => Math.min(b, rank(m.level)), 4);
          expect(rank(p.accumulated)).toBe(best);
          expect(p.current === null).toBe(!months.some((m) => m.month === R));
        });
      }),
      { numRuns: runs(40) },
    );
  });

  it('without suppression every additive relation holds, and groups partition all', () => {
    fc.assert(
      fc.property(cohortArb, (people) => {
        const r = monitor(inputOf(people), { month: R, suppress: 0 });
        expect(r.groups.all.n).toBe(people.length);
        for (const [total, parts] of allRelations(r)) expect(sum(parts)).toBe(total);
        expect(num(r.groups.all.current.active)).toBe(r.participants.filter((p) => p.current !== null).length);
        for (const s of r.series) expect(num(s.active) + 0).toBeLessThanOrEqual(num(s.enrolled));
      }),
      { numRuns: runs(40) },
    );
  });

  it("the monthly series equals a month-by-month count from each woman's timeline", () => {
    fc.assert(
      fc.property(cohortArb, (people) => {
        const input = inputOf(people);
        const r = monitor(input, { month: R, suppress: 0 });
        const timelines = people.map((_, i) => participantTimeline(input, i, '2021-01', R));
        for (const s of r.series) {
          const months = timelines.map((t) => t.find((m) => m.month === s.month)!);
          const enrolled = people.map((p, i) => [p.in.slice(0, 7) <= s.month, months[i]] as const).filter(([e]) => e);
          const active = months.filter((m) => m.inWindow);
          const count = (xs: number[], l: number) => xs.filter((x) => x === l).length;
          expect(s.enrolled).toBe(enrolled.length);
          expect(s.active).toBe(active.length);
          for (const l of [1, 2, 3, 0]) {
            expect(s.current[String(l) as '1']).toBe(
              count(
                active.map((m) => m.level),
                l,
              ),
            );
            expect(s.accumulated[String(l) as '1']).toBe(
              count(
                enrolled.map(([, m]) => m.accumulated),
                l,
              ),
            );
          }
        }
      }),
      { numRuns: runs(30) },
    );
  });

  it('without suppression n = active + not active in every group, counted woman by woman', () => {
    fc.assert(
      fc.property(cohortArb, (people) => {
        const r = monitor(inputOf(people), { month: R, suppress: 0 });
        const inactive = (keep: (i: number) => boolean) => r.participants.filter((p, i) => keep(i) && p.current === null).length;
        const active = (keep: (i: number) => boolean) => r.participants.filter((p, i) => keep(i) && p.current !== null).length;
        expect(num(r.groups.all.n) - num(r.groups.all.current.active)).toBe(inactive(() => true));
        expect(num(r.groups.all.current.active)).toBe(active(() => true));
        for (const [dim, of] of [
          ['kommune', (i: number) => people[i].kommune],
          ['visitation', (i: number) => people[i].visitation],
        ] as const) {
          const groups = r.groups[dim];
          expect(Object.keys(groups).length).toBeGreaterThan(0);
          for (const [key, g] of Object.entries(groups)) {
            const members = (i: number) => of(i) === key;
            expect(num(g.n), `${dim} ${key}`).toBe(people.filter((_, i) => members(i)).length);
            expect(num(g.current.active), `${dim} ${key}`).toBe(active(members));
            expect(num(g.n) - num(g.current.active), `${dim} ${key}`).toBe(inactive(members));
          }
        }
      }),
      { numRuns: runs(40) },
    );
  });

  it('with suppression no hidden cell can be recovered from a visible total and visible parts', () => {
    fc.assert(
      fc.property(cohortArb, fc.integer({ min: 1, max: 8 }), (people, n) => {
        const r = monitor(inputOf(people), { month: R, suppress: n });
        for (const [total, parts] of allRelations(r)) {
          const hidden = [total, ...parts].filter((c) => typeof c === 'string').length;
          expect(hidden).not.toBe(1);
        }
        // Every visible count of every group is 0 or ≥ n, and so is the number of women not
        // active (n − active) wherever both are visible.
        const groups = [r.groups.all, ...(['kommune', 'visitation', 'alder', 'aar'] as const).flatMap((d) => Object.values(r.groups[d]))];
        for (const g of groups) {
          for (const c of cells(g)) if (typeof c === 'number') expect(c === 0 || c >= n, `visible ${c} with N=${n}`).toBe(true);
          if (typeof g.n === 'number' && typeof g.current.active === 'number') {
            const notActive = g.n - g.current.active;
            expect(notActive === 0 || notActive >= n, `n ${g.n} − active ${g.current.active} with N=${n}`).toBe(true);
          }
        }
      }),
      { numRuns: runs(40) },
    );
  });
});
