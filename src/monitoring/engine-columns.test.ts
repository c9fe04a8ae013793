/**
 * The engine over weeks as bytes (`WeekColumns` with `codeAt`, as the readers leave yearly files)
 * gives what it gives over the register's maps: it then looks at a woman's weeks only from the
 * first month a result reads (her enrolment, the durable window, the snapshot), and at every week
 * of the span when a byte's code is missing from the code table, so that the code is still named.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { runs } from '../../test/fast-check-setup.ts';
import { monitor } from './engine.ts';
import { monthIndex, monthString } from './calendar.ts';
import { cohortArb, inputOf, R } from './test-support.ts';
import type { CodeTable, MonitorInput, RegisterData, WeekColumns } from './types.ts';

/** The same input with its weeks as byte columns in the participants' order (each code a byte). */
function asByteColumns(input: MonitorInput): MonitorInput {
  const weeks = input.register.weeks;
  const keys = [...weeks.keys()];
  const codes = [...new Set(keys.flatMap((k) => [...weeks.get(k)!.codes]))].filter((c) => c !== 0).sort((a, b) => a - b);
  const byteOf = new Map(codes.map((c, i) => [c, i + 1]));
  const total = keys.reduce((n, k) => n + weeks.get(k)!.codes.length, 0);
  const cols: WeekColumns = {
    keys,
    codes: new Uint8Array(total),
    codeAt: Int16Array.from([0, ...codes]),
    offset: new Int32Array(keys.length),
    weekStart: new Int32Array(keys.length),
    length: new Int32Array(keys.length),
  };
  let at = 0;
  keys.forEach((k, i) => {
    const w = weeks.get(k)!;
    cols.offset[i] = at;
    cols.weekStart[i] = w.weekStart;
    cols.length[i] = w.codes.length;
    w.codes.forEach((c, j) => (cols.codes[at + j] = c === 0 ? 0 : byteOf.get(c)!));
    at += w.codes.length;
  });
  const hours = input.register.hours;
  const register = Object.defineProperties(
    { weekColumns: cols, hours },
    {
      weeks: {
        get: () => {
          throw new Error('the map was read');
        },
      },
    },
  ) as unknown as RegisterData;
  return { ...input, register };
}

const outcome = (f: () => unknown) => {
  try {
    return { result: f() };
  } catch (e) {
    return { error: (e as Error).message };
  }
};

describe('the engine over weeks as bytes', () => {
  it('gives the results of the maps, for any durable and snapshot month (before enrolments too)', () => {
    const month = fc.integer({ min: -30, max: 0 }).map((k) => monthString(monthIndex(2022, 12) + k));
    fc.assert(
      fc.property(cohortArb, month, month, (people, durableMonth, snapshotMonth) => {
        const input = inputOf(people);
        const options = { month: R, durableMonth, snapshotMonth, suppress: 0 };
        expect(monitor(asByteColumns(input), options)).toEqual(monitor(input, options));
      }),
      { numRuns: runs(300) },
    );
  });

  it('reads the durable window when it lies before her enrolment and the snapshot month after it', () => {
    const hours = Object.fromEntries(['2022-02', '2022-03', '2022-04', '2022-05', '2022-06'].map((m) => [m, 160]));
    const input = inputOf([{ in: '2022-10-03', weeks: { '2022-W44': 730 }, hours }, { in: '2021-01-04' }]);
    const options = { month: R, durableMonth: '2022-06', snapshotMonth: R, suppress: 0 };
    const maps = monitor(input, options);
    expect(maps.participants[0].durable).toBe('full');
    expect(monitor(asByteColumns(input), options)).toEqual(maps);
  });

  it('names a code missing from the table also when it lies before every month a result reads', () => {
    // Her code 651 is in 2021-03, within the months counted (the other woman enrolled in 2021-01)
    // but long before her enrolment; the table given to the engine lacks it.
    const input = inputOf([{ in: '2022-06-10', weeks: { '2021-W10': 651, '2022-W30': 730 } }, { in: '2021-01-04' }]);
    const table = input.codeTable;
    const without: CodeTable = { ...table, categoryOf: Uint8Array.from(table.categoryOf, (c, code) => (code === 651 ? 0 : c)) };
    const options = { month: R, suppress: 0 };
    const maps = outcome(() => monitor({ ...input, codeTable: without }, options));
    expect(maps).toEqual({ error: expect.stringContaining('Ukendte ydelseskoder, som ikke står i kodetabellen: 651.') });
    expect(outcome(() => monitor({ ...asByteColumns(input), codeTable: without }, options))).toEqual(maps);
  });
});
