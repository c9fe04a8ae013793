import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { runs } from '../../test/fast-check-setup.ts';
import { monitor } from './engine.ts';
import { OrderedLookup } from './ordered-lookup.ts';
import { cohortArb, inputOf, R } from './test-support.ts';
import type { MonitorInput } from './types.ts';

describe('OrderedLookup', () => {
  it('answers as map.get for keys asked in the map order, out of order, repeated, missing, and after the last entry', () => {
    const map = new Map([
      ['a', 1],
      ['b', 2],
      ['c', 3],
    ]);
    const asked = ['a', 'x', 'b', 'b', 'a', 'c', 'c', 'd', 'a'];
    const l = new OrderedLookup(map);
    expect(asked.map((k) => l.get(k))).toEqual([1, undefined, 2, 2, 1, 3, 3, undefined, 1]);
    expect(new OrderedLookup(new Map<string, number>()).get('a')).toBeUndefined();
  });
  it('equals map.get on any sequence of questions (property)', () => {
    const key = fc.constantFrom('0101850001', '0202850002', '0303850003', '0404850004', '0505850005', '0606850006');
    fc.assert(
      fc.property(fc.uniqueArray(key), fc.array(key), (inMap, asked) => {
        const map = new Map(inMap.map((k, i) => [k, { i }]));
        const l = new OrderedLookup(map);
        for (const k of asked) expect(l.get(k)).toBe(map.get(k));
      }),
      { numRuns: runs(200) },
    );
  });
});

/** The same register maps with their entries in another order (the engine's plain path: most lookups miss the next entry). */
function reordered(input: MonitorInput, order: <T>(entries: T[]) => T[]): MonitorInput {
  const { weeks, hours } = input.register;
  return { ...input, register: { weeks: new Map(order([...weeks])), hours: new Map(order([...hours])) } };
}

describe('the engine reads the register maps in any order', () => {
  it('gives the same result whether the maps are in the participants order, reversed or shuffled (property)', () => {
    fc.assert(
      fc.property(cohortArb, fc.integer({ min: 0, max: 1000 }), (people, seed) => {
        const input = inputOf(people);
        const opts = { month: R, durableMonth: '2023-02', snapshotMonth: '2022-06', suppress: 3 };
        const expected = monitor(input, opts);
        const shuffle = <T>(xs: T[]): T[] => {
          const out = [...xs];
          let s = seed;
          for (let i = out.length - 1; i > 0; i--) {
            s = (s * 1103515245 + 12345) % 2147483648;
            const j = s % (i + 1);
            [out[i], out[j]] = [out[j], out[i]];
          }
          return out;
        };
        expect(
          monitor(
            reordered(input, (xs) => [...xs].reverse()),
            opts,
          ),
        ).toEqual(expected);
        expect(monitor(reordered(input, shuffle), opts)).toEqual(expected);
      }),
      { numRuns: runs(60) },
    );
  });
  it('gives a woman enrolled twice (the same CPR under two ids) her register data both times', () => {
    const input = inputOf([
      { in: '2021-02-10', weeks: { '2021-W10': 651 }, hours: { '2021-03': 160 } },
      { in: '2021-02-10' },
      { in: '2021-02-10', hours: { '2021-04': 160 } },
    ]);
    const again = { ...input.participants[0], id: 'P1b' };
    const twice = { ...input, participants: [...input.participants, again, { ...input.participants[2], id: 'P3b' }] };
    const r = monitor(twice, { month: '2021-06', suppress: 0 });
    expect(r.participants[3]).toEqual({ ...r.participants[0], id: 'P1b' });
    expect(r.participants[4]).toEqual({ ...r.participants[2], id: 'P3b' });
    expect(r.participants[0].accumulated).toBe(1);
  });
});
