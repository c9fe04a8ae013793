/**
 * The bridge between an engine result and the one suppression pass (suppress-result.ts): the
 * figures carry the result's own values under its own paths, every relation holds on the raw
 * counts, the relations that tie groups, dimensions, months and the report month together are
 * there, and the suppressed result reads back exactly what the pass prints.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { runs } from '../../test/fast-check-setup.ts';
import { monitor } from './engine.ts';
import { COMPLEMENT, SHOWN, SMALL, suppressTogether, type Figure, type Relation } from './suppress-pass.ts';
import { resultFigures, suppressedResult } from './suppress-result.ts';
import { cohortArb, inputOf, R, type PersonSpec } from './test-support.ts';
import { SNAPSHOTS, type Count, type MonitorResult } from './types.ts';

/** A value in a result by its dotted path (`groups.kommune.Aalborg.current.1`). */
function at(o: unknown, path: string): Count {
  let v: unknown = o;
  for (const p of path.split('.')) v = (v as Record<string, unknown>)[p];
  return v as Count;
}

const LEVELS = ['1', '2', '3', '0'];
const DURABLES = ['full', 'partial', 'none'];
/** The printed cell paths of a group block and of a month, written out by hand. */
const GROUP_PATHS = [
  'n',
  ...LEVELS.map((l) => `accumulated.${l}`),
  'accumulated.1_or_2',
  'current.active',
  ...LEVELS.map((l) => `current.${l}`),
  ...DURABLES.map((d) => `durable.${d}`),
  ...LEVELS.flatMap((l) => DURABLES.map((d) => `durableByAccumulated.${l}.${d}`)),
  ...SNAPSHOTS.map((s) => `snapshot.${s}`),
];
const MONTH_PATHS = [
  'enrolled',
  'active',
  ...LEVELS.map((l) => `current.${l}`),
  ...LEVELS.map((l) => `accumulated.${l}`),
  'accumulated.1_or_2',
];

/** Every group block prefix of a result: `groups.all` and `groups.<dimension>.<key>`. */
function groupPrefixes(r: MonitorResult): string[] {
  const out = ['groups.all'];
  for (const d of ['kommune', 'visitation', 'alder', 'aar'] as const)
    for (const k of Object.keys(r.groups[d])) out.push(`groups.${d}.${k}`);
  return out;
}

/**
 * Random cohorts as the application monitors them: the women enrolled by the report month
 * (cohortOf in app/register/load-monitor-input.ts). The tie of the report month to the whole
 * group assumes it: a woman enrolled later counts in `n` but in no month of the series.
 */
const enrolledByR = cohortArb.map((c) => c.filter((p) => p.in.slice(0, 7) <= R)).filter((c) => c.length > 0);

const relKey = (r: Relation) => `${r.total}=${[...r.parts].sort().join('+')}`;

/** A small cohort with small groups: two municipalities, women in and out of work. */
const people: PersonSpec[] = [
  { in: '2022-01-10', kommune: 'Aalborg', weeks: { '2022-W10': 730, '2022-W30': 100 }, hours: { '2022-11': 160, '2022-12': 160 } },
  { in: '2022-02-10', kommune: 'Aalborg', out: '2022-10-05', weeks: { '2022-W12': 651 } },
  { in: '2022-03-10', kommune: 'Aarhus', visitation: 'jobparat', born: '2004-02-02', hours: { '2022-06': 40 } },
  ...Array.from({ length: 9 }, (_, i): PersonSpec => ({
    in: '2022-01-10',
    kommune: i < 6 ? 'Aalborg' : 'Aarhus',
    weeks: { '2022-W20': 890 },
  })),
];
const raw = () => monitor(inputOf(people), { month: R, suppress: 0 });

describe('resultFigures', () => {
  it("has one figure per printed cell and per inactive cell, each with the result's own value; only the inactive ones are unprinted", () => {
    fc.assert(
      fc.property(enrolledByR, (cohort) => {
        const r = monitor(inputOf(cohort), { month: R, suppress: 0 });
        const { figures } = resultFigures(r);
        const prefixes = groupPrefixes(r);
        expect(figures.size).toBe(prefixes.length * (GROUP_PATHS.length + 1) + r.series.length * (MONTH_PATHS.length + 1));
        for (const p of prefixes) {
          for (const c of GROUP_PATHS)
            expect(figures.get(`${p}.${c}`), `${p}.${c}`).toEqual({ value: at(r, `${p}.${c}`), printed: true, cost: at(r, `${p}.${c}`) });
          const inactive = (at(r, `${p}.n`) as number) - (at(r, `${p}.current.active`) as number);
          expect(figures.get(`${p}.inactive`)).toEqual({ value: inactive, printed: false, cost: inactive });
        }
        r.series.forEach((m, i) => {
          for (const c of MONTH_PATHS)
            expect(figures.get(`series.${i}.${c}`), `series.${i}.${c}`).toEqual({ value: at(m, c), printed: true, cost: at(m, c) });
          const inactive = (m.enrolled as number) - (m.active as number);
          expect(figures.get(`series.${i}.inactive`)).toEqual({ value: inactive, printed: false, cost: inactive });
        });
      }),
      { numRuns: runs(15) },
    );
  });

  it('every relation names known figures and holds on the raw counts', () => {
    fc.assert(
      fc.property(enrolledByR, (cohort) => {
        const r = monitor(inputOf(cohort), { month: R, suppress: 0 });
        const { figures, relations } = resultFigures(r);
        for (const rel of relations) {
          const v = (k: string) => {
            expect(figures.has(k), k).toBe(true);
            return figures.get(k)!.value;
          };
          expect(
            rel.parts.reduce((s, p) => s + v(p), 0),
            relKey(rel),
          ).toBe(v(rel.total));
        }
      }),
      { numRuns: runs(15) },
    );
  });

  it('ties each group block, each dimension to the whole, each month, and the report month to the whole group', () => {
    fc.assert(
      fc.property(enrolledByR, (cohort) => {
        const r = monitor(inputOf(cohort), { month: R, suppress: 0 });
        const { relations } = resultFigures(r);
        const have = new Set(relations.map(relKey));
        const expectRel = (total: string, parts: string[]) =>
          expect(have.has(relKey({ total, parts })), `${total} = ${parts.join(' + ')}`).toBe(true);
        for (const p of groupPrefixes(r)) {
          expectRel(`${p}.n`, [`${p}.current.active`, `${p}.inactive`]);
          expectRel(
            `${p}.n`,
            LEVELS.map((l) => `${p}.accumulated.${l}`),
          );
          expectRel(
            `${p}.accumulated.1`,
            DURABLES.map((d) => `${p}.durableByAccumulated.1.${d}`),
          );
        }
        for (const d of ['kommune', 'visitation', 'alder', 'aar'] as const) {
          const keys = Object.keys(r.groups[d]);
          if (!keys.length) continue;
          for (const c of [...GROUP_PATHS, 'inactive'])
            expectRel(
              `groups.all.${c}`,
              keys.map((k) => `groups.${d}.${k}.${c}`),
            );
        }
        r.series.forEach((_, i) => expectRel(`series.${i}.enrolled`, [`series.${i}.active`, `series.${i}.inactive`]));
        const last = r.series.length - 1;
        expect(r.series[last].month).toBe(R);
        for (const [a, b] of [
          ['enrolled', 'n'],
          ['active', 'current.active'],
          ['inactive', 'inactive'],
          ['accumulated.1_or_2', 'accumulated.1_or_2'],
          ...LEVELS.flatMap((l) => [
            [`current.${l}`, `current.${l}`],
            [`accumulated.${l}`, `accumulated.${l}`],
          ]),
        ]) {
          expectRel(`series.${last}.${a}`, [`groups.all.${b}`]);
        }
        // Nothing ties a month before the report month to the whole group.
        for (const rel of relations)
          if (rel.total.startsWith('series.') && rel.parts.some((p) => p.startsWith('groups.')))
            expect(rel.total.startsWith(`series.${last}.`), relKey(rel)).toBe(true);
      }),
      { numRuns: runs(15) },
    );
  });

  it('a one-month series (everyone enrolled in the report month) is tied to the whole group too', () => {
    const r = monitor(inputOf([{ in: `${R}-10` }, { in: `${R}-11` }]), { month: R, suppress: 0 });
    expect(r.series).toHaveLength(1);
    const have = new Set(resultFigures(r).relations.map(relKey));
    expect(have.has(relKey({ total: 'series.0.enrolled', parts: ['groups.all.n'] }))).toBe(true);
    expect(have.has(relKey({ total: 'series.0.inactive', parts: ['groups.all.inactive'] }))).toBe(true);
  });

  it('an empty result has the group figures and no series', () => {
    const r = monitor(inputOf([]), { month: R, suppress: 0 });
    const { figures, relations } = resultFigures(r);
    expect(r.series).toEqual([]);
    expect([...figures.keys()].some((k) => k.startsWith('series.'))).toBe(false);
    expect(figures.get('groups.all.n')).toEqual({ value: 0, printed: true, cost: 0 });
    for (const rel of relations) expect(rel.total.startsWith('series.')).toBe(false);
  });

  it('refuses a result that is already suppressed (a <5 or x is not a count)', () => {
    const suppressed = monitor(inputOf(people), { month: R, suppress: 5 });
    expect(suppressed.groups.kommune.Aarhus.n).toBe('<5');
    expect(() => resultFigures(suppressed)).toThrow(/^not an unsuppressed count: /);
  });

  it('a prefix namespaces every key and is what the cost function sees', () => {
    const r = raw();
    const seen: string[] = [];
    const { figures, relations } = resultFigures(r, {
      prefix: 'a:',
      cost: (k, v) => {
        seen.push(k);
        return k.endsWith('.n') ? v * 100 : v + 1;
      },
    });
    const plain = resultFigures(r);
    expect([...figures.keys()]).toEqual([...plain.figures.keys()].map((k) => `a:${k}`));
    expect(seen).toEqual([...figures.keys()]);
    expect(figures.get('a:groups.all.n')).toEqual({ value: 12, printed: true, cost: 1200 });
    expect(figures.get('a:groups.all.current.active')!.cost).toBe(figures.get('a:groups.all.current.active')!.value + 1);
    expect(relations.map(relKey)).toEqual(
      plain.relations.map((rel) => relKey({ total: `a:${rel.total}`, parts: rel.parts.map((p) => `a:${p}`) })),
    );
  });
});

describe('suppressedResult', () => {
  it('shows exactly what the pass prints, keeps the rest of the result, and gives the reason of every x (property)', () => {
    fc.assert(
      fc.property(enrolledByR, fc.integer({ min: 0, max: 6 }), (cohort, threshold) => {
        const r = monitor(inputOf(cohort), { month: R, suppress: 0 });
        const { figures, relations } = resultFigures(r);
        const pass = suppressTogether(figures, relations, threshold);
        const out = suppressedResult(r, pass);
        expect(out.suppress).toBe(threshold);
        expect(out.month).toBe(r.month);
        expect(Object.keys(out.groups).sort()).toEqual(Object.keys(r.groups).sort());
        for (const d of ['kommune', 'visitation', 'alder', 'aar'] as const)
          expect(Object.keys(out.groups[d])).toEqual(Object.keys(r.groups[d]));
        for (const p of groupPrefixes(r))
          for (const c of GROUP_PATHS) expect(at(out, `${p}.${c}`), `${p}.${c}`).toBe(pass.display(`${p}.${c}`));
        expect(out.series.map((m) => m.month)).toEqual(r.series.map((m) => m.month));
        r.series.forEach((_, i) => {
          for (const c of MONTH_PATHS) expect(at(out.series[i], c), `series.${i}.${c}`).toBe(pass.display(`series.${i}.${c}`));
        });
        expect(out.suppressedFor).toEqual(Object.fromEntries(pass.protects));
        // The raw result is left as it was.
        expect(r.suppress).toBe(0);
      }),
      { numRuns: runs(15) },
    );
  });

  it('on a hand-made cohort: small counts read <5, their complements x with a reason, the rest their values', () => {
    const r = raw();
    const pass = suppressTogether(resultFigures(r).figures, resultFigures(r).relations, 5);
    const out = suppressedResult(r, pass);
    expect(out.groups.all.n).toBe(12);
    // Aarhus has 4 women: small, so hidden, and the Aalborg count (8) with it.
    expect(out.groups.kommune.Aarhus.n).toBe('<5');
    expect(out.groups.kommune.Aalborg.n).toBe('x');
    expect(out.suppressedFor!['groups.kommune.Aalborg.n']).toBe('groups.kommune.Aarhus.n');
    const states = new Set(pass.state.values());
    expect(states).toEqual(new Set([SHOWN, SMALL, COMPLEMENT]));
  });

  it('reads back one result of a pass over two, keeping only its own reasons, without its prefix', () => {
    const r = raw();
    const a = resultFigures(r, { prefix: 'a:' });
    const other = monitor(inputOf(people.slice(0, 10)), { month: R, suppress: 0 });
    const b = resultFigures(other, { prefix: 'b:' });
    const figures = new Map<string, Figure>([...a.figures, ...b.figures]);
    // The same whole group shown twice: a complement in one result may protect a figure of the other.
    const relations = [
      ...a.relations,
      ...b.relations,
      { total: 'a:groups.kommune.Aarhus.n', parts: ['b:groups.kommune.Aarhus.n', 'a:groups.kommune.Aarhus.inactive'] },
    ];
    const pass = suppressTogether(figures, relations, 5);
    const outA = suppressedResult(r, pass, 'a:');
    const outB = suppressedResult(other, pass, 'b:');
    for (const p of groupPrefixes(r)) for (const c of GROUP_PATHS) expect(at(outA, `${p}.${c}`)).toBe(pass.display(`a:${p}.${c}`));
    for (const p of groupPrefixes(other)) for (const c of GROUP_PATHS) expect(at(outB, `${p}.${c}`)).toBe(pass.display(`b:${p}.${c}`));
    const own = (pre: string) =>
      Object.fromEntries(
        [...pass.protects]
          .filter(([c]) => c.startsWith(pre))
          .map(([c, d]) => [c.slice(pre.length), d.startsWith(pre) ? d.slice(pre.length) : d]),
      );
    expect(outA.suppressedFor).toEqual(own('a:'));
    expect(outB.suppressedFor).toEqual(own('b:'));
    expect(Object.keys(outA.suppressedFor!).length).toBeGreaterThan(0);
    for (const k of Object.keys(outA.suppressedFor!)) expect(k.startsWith('a:')).toBe(false);
  });

  it('a figure the pass does not know reads as shown (state 0): its raw value', () => {
    const r = raw();
    const { figures, relations } = resultFigures(r);
    const pass = suppressTogether(figures, relations, 5);
    const partial = { ...pass, state: new Map([...pass.state].filter(([k]) => !k.startsWith('groups.aar.'))) };
    const out = suppressedResult(r, partial);
    for (const [k, g] of Object.entries(r.groups.aar)) expect(out.groups.aar[k].n).toBe(g.n);
  });

  it('a hidden cell of a month reads x or <N', () => {
    const r = raw();
    const { figures, relations } = resultFigures(r);
    const pass = suppressTogether(figures, relations, 5);
    const hiddenMonths = [...pass.state].filter(([k, s]) => k.startsWith('series.') && !k.endsWith('.inactive') && s !== SHOWN);
    expect(hiddenMonths.length).toBeGreaterThan(0);
    const out = suppressedResult(r, pass);
    for (const [k, s] of hiddenMonths) {
      const [, m, ...rest] = k.split('.');
      expect(at(out.series[Number(m)], rest.join('.'))).toBe(s === SMALL ? '<5' : 'x');
    }
  });
});
