import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { runs } from '../../test/fast-check-setup.ts';
import { monitor } from './engine.ts';
import { distinctTenDigitKeys, hoursInOrder, valuesInOrder, weeksInOrder } from './ordered-lookup.ts';
import { cohortArb, inputOf, R } from './test-support.ts';
import type { MonitorInput, PersonHours, RegisterData } from './types.ts';

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
    // Eleven digits (the first ten distinct from the other key), and ten characters with one just below '0'.
    expect(distinctTenDigitKeys(['01018500011', '0202850002'])).toBe(false);
    expect(distinctTenDigitKeys(['0101850001', '010185-001'])).toBe(false);
  });
  it('finds the one repeat among 100,000 keys, and tells keys apart that differ above 2^30 only', () => {
    const keys = Array.from({ length: 100_000 }, (_, i) => String(i * 99_991).padStart(10, '0'));
    expect(distinctTenDigitKeys(keys)).toBe(true);
    expect(distinctTenDigitKeys([...keys, keys[77_777]])).toBe(false);
    expect(distinctTenDigitKeys([keys[0], ...keys])).toBe(false);
    const high = [5, 5 + 2 ** 30, 5 + 2 ** 31, 5 + 3 * 2 ** 30, 9_999_999_999].map((v) => String(v).padStart(10, '0'));
    expect(distinctTenDigitKeys(high)).toBe(true);
    expect(distinctTenDigitKeys([...high, high[3]])).toBe(false);
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

/** A register whose maps must not be read: the readers left its data as columns. */
function columnsOnly(columns: Pick<RegisterData, 'weekColumns' | 'hourColumns'>): RegisterData {
  const refuse = (): never => {
    throw new Error('the map was read');
  };
  return Object.defineProperties({ ...columns }, { weeks: { get: refuse }, hours: { get: refuse } }) as RegisterData;
}

describe('hoursInOrder and weeksInOrder over the columns the readers leave', () => {
  const keys = ['0101850001', '0202850002', '0303850003'];
  const hours: PersonHours[] = keys.map((_, k) => ({ monthStart: k, hours: Float64Array.from([k + 1]) }));
  // Her weeks at codes[offset …]: the first has two weeks, the second none, the third one.
  const weekColumns = {
    keys,
    codes: Int16Array.from([9, 701, 702, 703]),
    offset: Int32Array.from([1, 3, 3]),
    weekStart: Int32Array.from([100, 0, 200]),
    length: Int32Array.from([2, 0, 1]),
  };
  const weeksOf = (r: ReturnType<typeof weeksInOrder>) =>
    r.codes.map((codes, i) => [...codes.subarray(r.at[i], r.at[i] + r.length[i])].map((c, k) => `${r.weekStart[i] + k}:${c}`).join(' '));

  it('reads hours from the columns in the asked order, the misses found by key, without the map', () => {
    const register = columnsOnly({ hourColumns: { keys, hours } });
    const asked = ['0101850001', '0909850009', '0303850003', '0202850002', '0101850001'];
    expect(hoursInOrder(register, asked, () => false)).toEqual([hours[0], undefined, hours[2], hours[1], hours[0]]);
    expect(hoursInOrder(register, keys, () => true)).toEqual(hours);
    expect(hoursInOrder(register, ['0909850009', ...keys], () => true)).toEqual([undefined, ...hours]);
  });
  it('asks whether keys repeat only when the walk used every column and something missed (a sort of every key)', () => {
    let asks = 0;
    const counted = () => (asks++, true);
    const hoursOnly = columnsOnly({ hourColumns: { keys, hours } });
    const weeksOnly = columnsOnly({ weekColumns });
    expect(hoursInOrder(hoursOnly, keys, counted)).toEqual(hours);
    expect(weeksOf(weeksInOrder(weeksOnly, keys, counted))).toEqual(['100:701 101:702', '', '200:703']);
    expect(asks).toBe(0);
    expect(hoursInOrder(hoursOnly, [...keys, '0909850009'], counted)).toEqual([...hours, undefined]);
    expect(weeksOf(weeksInOrder(weeksOnly, [...keys, '0909850009'], counted))).toEqual(['100:701 101:702', '', '200:703', '']);
    expect(asks).toBe(2);
    // Distinct keys, but the walk stopped short of the last column: the misses are looked up all the same.
    expect(weeksOf(weeksInOrder(weeksOnly, ['0303850003', '0101850001'], counted))).toEqual(['200:703', '100:701 101:702']);
    expect(hoursInOrder(hoursOnly, ['0303850003', '0101850001'], counted)).toEqual([hours[2], hours[0]]);
    expect(asks).toBe(2);
  });
  it('reads weeks from the columns in the asked order, the misses found by key, without the map', () => {
    const register = columnsOnly({ weekColumns });
    const asked = ['0303850003', '0909850009', '0101850001', '0202850002', '0303850003', '0101850001'];
    const r = weeksInOrder(register, asked, () => false);
    expect(weeksOf(r)).toEqual(['200:703', '', '100:701 101:702', '', '200:703', '100:701 101:702']);
    expect([...r.length]).toEqual([1, 0, 2, 0, 1, 2]);
    expect(r.codes[1]).toHaveLength(0);
    expect(weeksOf(weeksInOrder(register, keys, () => true))).toEqual(['100:701 101:702', '', '200:703']);
    // A key asked after the walk has used every column, with distinct keys: absent without a lookup.
    expect(weeksOf(weeksInOrder(register, [...keys, '0909850009'], () => true))).toEqual(['100:701 101:702', '', '200:703', '']);
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
