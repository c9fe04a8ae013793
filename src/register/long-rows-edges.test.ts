/**
 * Edge cases of the long layout's loop (long-rows.ts) that the property tests of long-rows.test.ts
 * do not draw: CPR numbers differing only in their first digits, CPR 0000000000, a year past the
 * loop's last after its first, a person met before whose rows are written into her weeks in place,
 * and the loop without a builder (the conflict message's re-read). Each asserts the general reader's result (the same file with
 * every field quoted, which only the general reader reads) or where the rows went.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { isoWeekIndex, parseWeek, weekString } from '../monitoring/calendar.ts';
import { readBenefits } from './benefits.ts';
import { RegisterBuilder } from './builder.ts';
import { defaultCodeTable } from './codetable.ts';
import { CsvReader } from './csv.ts';
import { plainLongRows } from './long-rows.ts';
import type { ReadOptions } from './person-key.ts';
import { outcome, peopleOutcome } from './test-files.ts';

const enc = new TextEncoder();

const csv = (rows: string[], quote: boolean) =>
  enc.encode(
    [
      'cpr;uge;kode',
      ...rows.map((r) =>
        quote
          ? r
              .split(';')
              .map((c) => `"${c}"`)
              .join(';')
          : r,
      ),
    ].join('\n') + '\n',
  );

/** The lines that went through the builder's `setWeek` (the general reader's rows and the loop's `cell`) while `read` ran. */
function linesThroughSetWeek(read: () => void): number[] {
  const setWeek = vi.spyOn(RegisterBuilder.prototype, 'setWeek');
  read();
  const lines = setWeek.mock.calls.map((c) => c[4] as number);
  setWeek.mockRestore();
  return lines;
}

describe('the long layout loop at its edges', () => {
  afterEach(() => vi.restoreAllMocks());
  defaultCodeTable(); // read once (the shipped table is a CSV file too, read by the same reader)

  it('tells apart people whose CPR numbers differ only in their first four digits', () => {
    // Weeks that do not meet: taken for one person, the rows would be one person's without a conflict.
    const rows = ['0101901234;2021-W01;130', '0101901234;2021-W02;130', '0202901234;2021-W03;131', '3112901234;2021-W04;651'];
    const got = outcome(() => readBenefits(csv(rows, false), 'lang.csv'));
    expect(got).toEqual(outcome(() => readBenefits(csv(rows, true), 'lang.csv')));
    expect(got).toEqual(
      peopleOutcome(
        ['0101901234', ['2021-W01', 130], ['2021-W02', 130]],
        ['0202901234', ['2021-W03', 131]],
        ['3112901234', ['2021-W04', 651]],
      ),
    );
  });

  it('gathers and hands over CPR 0000000000 like any other person (not through setWeek)', () => {
    const rows = ['0101901234;2021-W01;130', '0000000000;2021-W01;130', '0000000000;2021-W03;131', '0202851236;2021-W02;651'];
    let got: ReturnType<typeof outcome> = { error: 'not read' };
    const lines = linesThroughSetWeek(() => (got = outcome(() => readBenefits(csv(rows, false), 'lang.csv'))));
    expect(got).toEqual(outcome(() => readBenefits(csv(rows, true), 'lang.csv')));
    expect(got).toEqual(
      peopleOutcome(
        ['0101901234', ['2021-W01', 130]],
        ['0000000000', ['2021-W01', 130], ['2021-W03', 131]],
        ['0202851236', ['2021-W02', 651]],
      ),
    );
    // No row goes through setWeek: the loop hands each person over once.
    expect(lines).toEqual([]);
  });

  it("leaves a year after 2155 to the general reader also after a row of 1900 in the same file, with the general reader's week", () => {
    for (const [y, w] of [
      [2156, 1],
      [2156, 2],
      [2200, 10],
    ]) {
      const late = `${y}-W${String(w).padStart(2, '0')}`;
      const rows = ['0202851236;2021-W01;130', '0101901234;1900-W01;130', `0101901234;${late};131`, '0202851236;2021-W02;130'];
      const got = outcome(() => readBenefits(csv(rows, false), 'lang.csv'));
      expect([late, got]).toEqual([late, outcome(() => readBenefits(csv(rows, true), 'lang.csv'))]);
      expect([late, got]).toEqual([
        late,
        {
          people: [
            [
              '0202851236',
              [
                [parseWeek('2021-W01'), 130],
                [parseWeek('2021-W02'), 130],
              ],
            ],
            [
              '0101901234',
              [
                [isoWeekIndex(1900, 1), 130],
                [isoWeekIndex(y, w), 131],
              ],
            ],
          ],
        },
      ]);
    }
  });

  describe('a person met before (an earlier file): her rows written into her weeks where they fit', () => {
    // The first file gives her an array with empty weeks at both ends: she is handed over with one
    // week, then rows before and after it (after another person's) grow it through setWeek.
    const first = ['0101901234;2021-W20;130', '0202851236;2021-W01;131', '0101901234;2021-W05;130', '0101901234;2021-W30;130'];
    const second = (start: number, end: number) => [
      '0202851236;2021-W02;131', // 2: the general reader's (the chunk's first row)
      `0101901234;${weekString(start)};130`, // 3: her first week (empty): in place
      `0101901234;${weekString(end - 1)};130`, // 4: her last week (empty): in place
      '0101901234;2021-W06;130', // 5: inside: in place
      `0101901234;${weekString(end)};130`, // 6: past her weeks: setWeek grows them
      `0101901234;${weekString(end + 1)};130`, // 7: inside the grown weeks: in place
      '0101901234;2021-W07;651', // 8: a code not met before: setWeek notes where
      '0101901234;2021-W06;130', // 9: a week with the same code already: setWeek
      '0101901234;2021-W08;651', // 10: the code now met: in place
    ];

    it("gives the general reader's weeks, and sends only the rows that do not fit through setWeek", () => {
      const plain = new RegisterBuilder();
      readBenefits(csv(first, false), 'lang1.csv', plain);
      const her = plain.weeksOfPerson('0101901234')!;
      const start = her.weekStart;
      const end = her.weekStart + her.codes.length;
      // The set-up this test needs: empty weeks at both ends of her array.
      expect([her.codes[0], her.codes[her.codes.length - 1]]).toEqual([0, 0]);
      const rows = second(start, end);
      const lines = linesThroughSetWeek(() => readBenefits(csv(rows, false), 'lang2.csv', plain));
      expect(lines).toEqual([2, 6, 8, 9]);

      const quoted = new RegisterBuilder();
      readBenefits(csv(first, true), 'lang1.csv', quoted);
      readBenefits(csv(rows, true), 'lang2.csv', quoted);
      const got = outcome(() => plain);
      expect(got).toEqual(outcome(() => quoted));
      expect(got).toEqual({
        people: [
          [
            '0101901234',
            [
              [start, 130],
              [parseWeek('2021-W05'), 130],
              [parseWeek('2021-W06'), 130],
              [parseWeek('2021-W07'), 651],
              [parseWeek('2021-W08'), 651],
              [parseWeek('2021-W20'), 130],
              [parseWeek('2021-W30'), 130],
              [end - 1, 130],
              [end, 130],
              [end + 1, 130],
            ],
          ],
          [
            '0202851236',
            [
              [parseWeek('2021-W01'), 131],
              [parseWeek('2021-W02'), 131],
            ],
          ],
        ],
      });
    });

    it('names a code unknown to the code table where it was first met, in her weeks written in place or not', () => {
      const read = (quote: boolean) => {
        const b = new RegisterBuilder();
        readBenefits(csv(first, quote), 'lang1.csv', b);
        const rows = ['0202851236;2021-W02;131', '0101901234;2021-W06;130', '0101901234;2021-W07;4242', '0101901234;2021-W08;4242'];
        readBenefits(csv(rows, quote), 'lang2.csv', b);
        return b;
      };
      const got = outcome(() => read(false));
      expect(got).toEqual(outcome(() => read(true)));
      expect(got).toEqual({ error: expect.stringMatching(/4242[^]*lang2\.csv, linje 4/) });
    });
  });

  it('without a builder (a re-read that only looks for a place), sends every kept row to cell', () => {
    const text = [
      'cpr;uge;kode',
      '0101901234;2021-W01;130',
      '0101901234;2021-W02;130',
      '0202851236;2021-W01;0',
      '0202851236;2021-W03;131',
      '0101901234;2021-W02;651',
      '0303030303;2021-W04;130',
      '0101901234;2020-W01;130',
    ].join('\n');
    const r = new CsvReader(enc.encode(text + '\n'), 'lang.csv');
    const cells: [number, number, number, number, string][] = [];
    const loop = plainLongRows(
      r,
      { person: 0, uge: 1, kode: 2 },
      null,
      parseWeek('2020-W10')!,
      'kode',
      (cpr, week, code, line, column) => cells.push([cpr, week, code, line, column]),
      null,
    );
    const general: number[] = [];
    for (;;) {
      loop();
      if (!r.next()) break;
      general.push(r.rowLine);
    }
    // The loop reads every row and sends them all, without code 0 or weeks before `from`.
    expect(general).toEqual([]);
    expect(cells).toEqual([
      [101901234, parseWeek('2021-W01'), 130, 2, 'kode'],
      [101901234, parseWeek('2021-W02'), 130, 3, 'kode'],
      [202851236, parseWeek('2021-W03'), 131, 5, 'kode'],
      [101901234, parseWeek('2021-W02'), 651, 6, 'kode'],
      [303030303, parseWeek('2021-W04'), 130, 7, 'kode'],
    ]);
  });
});

describe("the conflict message's re-read (locateBenefit) of a long file", () => {
  afterEach(() => vi.restoreAllMocks());

  /** The error of reading the files in turn into one builder, and the rows the general reader read meanwhile. */
  function readAll(files: [string, string[]][], quote: boolean, options: ReadOptions = {}): { error: string; general: number } {
    const next = vi.spyOn(CsvReader.prototype, 'next');
    const got = outcome(() => {
      const b = new RegisterBuilder();
      for (const [name, rows] of files) readBenefits(csv(rows, quote), name, b, options);
      return b;
    });
    const general = next.mock.results.filter((r) => r.value === true).length;
    next.mockRestore();
    return { error: 'error' in got ? got.error : 'no error', general };
  }

  // Her weeks 1–40, another person's, then a code of hers for week 30 that conflicts (line 2 + 29 + 1 + 1 = 33).
  const hers = Array.from({ length: 40 }, (_, i) => `0101901234;2021-W${String(i + 1).padStart(2, '0')};130`);
  const rows = [...hers, '0202851236;2021-W01;131', '0101901234;2021-W30;651'];

  it('takes the fast loop for plain rows (by CPR number) and names the same place as the general reader', () => {
    const plain = readAll([['lang.csv', rows]], false);
    expect(plain.error).toBe(readAll([['lang.csv', rows]], true).error);
    expect(plain.error).toMatch(
      /^lang\.csv, linje 43, kolonne «kode»: CPR 010190-xxxx har kode 651 i uge 2021-W30, men samme person og uge har kode 130 i lang\.csv, linje 31, kolonne «kode»\. En uge/,
    );
    // Each reading gives the general reader the chunk's first row only; a re-read by key string reads her 30 rows.
    expect(plain.general).toBe(2);
  });

  it('in an earlier file, read to its end, and with --from', () => {
    const later = ['0202851236;2021-W02;131', '0101901234;2021-W30;651'];
    const plain = readAll(
      [
        ['lang1.csv', rows.slice(0, -1)],
        ['lang2.csv', later],
      ],
      false,
      { from: '2021-05' },
    );
    expect(plain.error).toBe(
      readAll(
        [
          ['lang1.csv', rows.slice(0, -1)],
          ['lang2.csv', later],
        ],
        true,
        { from: '2021-05' },
      ).error,
    );
    expect(plain.error).toMatch(/^lang2\.csv, linje 3, kolonne «kode»: .* har kode 130 i lang1\.csv, linje 31, kolonne «kode»\. En uge/);
    expect(plain.general).toBe(3);
  });

  it('keeps a dashed CPR by number and a running number with a dash by its key', () => {
    const dashed = ['010190-1234;2021-W01;130', '0202851236;2021-W01;131', '010190-1234;2021-W01;651'];
    expect(readAll([['lang.csv', dashed]], false).error).toMatch(
      /^lang\.csv, linje 4, .* har kode 130 i lang\.csv, linje 2, kolonne «kode»\./,
    );
    const running = (quote: boolean) => {
      const text = ['lobenr;uge;kode', '12-3;2021-W01;130', '123;2021-W01;131', '12-3;2021-W01;651'].join('\n') + '\n';
      const got = outcome(() => readBenefits(enc.encode(quote ? text.replace(/12-3/g, '"12-3"') : text), 'lang.csv'));
      return 'error' in got ? got.error : 'no error';
    };
    expect(running(false)).toMatch(/^lang\.csv, linje 4, kolonne «kode»: .* har kode 130 i lang\.csv, linje 2, kolonne «kode»\./);
    expect(running(true)).toBe(running(false));
  });
});
