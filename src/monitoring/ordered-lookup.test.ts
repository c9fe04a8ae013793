import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { runs } from '../../test/fast-check-setup.ts';
import { monitor } from './engine.ts';
import { distinctTenDigitKeys, valuesInOrder } from './ordered-lookup.ts';
import { cohortArb, inputOf, R } from './test-support.ts';
import type { MonitorInput } from './types.ts';

/** A map that counts the questions it is asked. */
class CountingMap<V> extends Map<string, V> {
  asked = 0;
  override get(key: string): V | undefined {
    this.asked++;
    return super.get(key);
  }
}

const truly = (keys: string[]) => () => new Set(keys).size === keys.length;

describe('valuesInOrder', () => {
  it("answers as map.get for keys asked in the map's order, out of order, repeated, missing, and after the last entry", () => {
    const map = new Map([
      ['a', 1],
      ['b', 2],
      ['c', 3],
    ]);
    const asked = ['a', 'x', 'b', 'b', 'a', 'c', 'c', 'd', 'a'];
    expect(valuesInOrder(map, asked, truly(asked))).toEqual([1, undefined, 2, 2, 1, 3, 3, undefined, 1]);
    expect(valuesInOrder(new Map<string, number>(), ['a'], () => true)).toEqual([undefined]);
  });
  it('asks the map nothing when its keys come in the asked order and no key is asked twice; else it asks for the misses', () => {
    const map = new CountingMap([
      ['0101850001', 1],
      ['0303850003', 3],
    ]);
    expect(valuesInOrder(map, ['0101850001', '0202850002', '0303850003', '0404850004'], () => true)).toEqual([1, undefined, 3, undefined]);
    expect(map.asked).toBe(0);
    // The same woman asked twice (enrolled twice): her second question misses the walk and must be asked.
    expect(valuesInOrder(map, ['0101850001', '0202850002', '0303850003', '0101850001'], () => false)).toEqual([1, undefined, 3, 1]);
    expect(map.asked).toBe(2);
    // An entry the walk did not reach: the misses are asked too.
    map.asked = 0;
    expect(valuesInOrder(map, ['0303850003', '0101850001'], () => true)).toEqual([3, 1]);
    expect(map.asked).toBe(1);
  });
  it('equals map.get on any questions (property)', () => {
    const key = fc.constantFrom('0101850001', '0202850002', '0303850003', '0404850004', '0505850005', '0606850006');
    fc.assert(
      fc.property(fc.uniqueArray(key), fc.array(key), (inMap, asked) => {
        const map = new Map(inMap.map((k, i) => [k, { i }]));
        expect(valuesInOrder(map, asked, truly(asked))).toEqual(asked.map((k) => map.get(k)));
        expect(valuesInOrder(map, asked, () => false)).toEqual(asked.map((k) => map.get(k)));
      }),
      { numRuns: runs(300) },
    );
  });
});

describe('distinctTenDigitKeys', () => {
  it('tells whether ten-digit keys repeat, and knows nothing of other keys', () => {
    expect(distinctTenDigitKeys(['0101850001', '3112999999', '0101850002'])).toBe(true);
    expect(distinctTenDigitKeys(['0101850001', '3112999999', '0101850001'])).toBe(false);
    expect(distinctTenDigitKeys([])).toBe(true);
    expect(distinctTenDigitKeys(['0101850001', '010185-0002'])).toBe(false);
    expect(distinctTenDigitKeys(['0101850001', 'abcdefghij'])).toBe(false);
  });
  it('agrees with a Set on ten-digit keys (property)', () => {
    const cpr = fc.integer({ min: 0, max: 40 }).map((n) => String(101850000 + n).padStart(10, '0'));
    fc.assert(
      fc.property(fc.array(cpr, { maxLength: 30 }), (keys) => {
        expect(distinctTenDigitKeys(keys)).toBe(new Set(keys).size === keys.length);
      }),
      { numRuns: runs(300) },
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
