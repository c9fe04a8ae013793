/**
 * The long layout's loop (long-rows.ts) gathers a person's rows and hands them to the builder at
 * once: the result, the order people are met in and every error message must be the general
 * reader's (the same file with every field quoted, which only the general reader reads).
 */
import fc from 'fast-check';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import { runs } from '../../test/fast-check-setup.ts';
import { parseWeek } from '../monitoring/calendar.ts';
import { readBenefits } from './benefits.ts';
import { CsvReader } from './csv.ts';
import { RegisterBuilder } from './builder.ts';
import { fileSource } from './chunks.ts';
import { defaultCodeTable } from './codetable.ts';
import { keepCprs, type ReadOptions } from './person-key.ts';
import { outcome, peopleOutcome, thrown } from './test-files.ts';

const enc = new TextEncoder();
const dir = mkdtempSync(join(tmpdir(), 'long-rows-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('the long layout: a person gathered from her rows', () => {
  const CPRS = ['0101901234', '0202851236', '1512884321', '3112999999', '0707070707'];
  // Few weeks, so that a person's rows often meet a week twice (the same code, or a conflict).
  const week = fc.oneof(
    { weight: 6, arbitrary: fc.integer({ min: 1, max: 9 }).map((w) => `2020-W0${w}`) },
    { weight: 2, arbitrary: fc.integer({ min: 1, max: 9 }).map((w) => `200${w}`) },
    { weight: 1, arbitrary: fc.constantFrom('2020-W53', '2021-W00', '1899-W01', '2156-W01', '9999') },
  );
  const code = fc.oneof(
    { weight: 9, arbitrary: fc.constantFrom('130', '130', '131', '651', '0') },
    { weight: 1, arbitrary: fc.constant('NA') },
  );
  // Runs of rows of one person; a person may come back later (an unsorted file).
  const file = fc.record({
    runs: fc.array(fc.tuple(fc.constantFrom(...CPRS), fc.array(fc.tuple(week, code), { minLength: 1, maxLength: 12 })), { maxLength: 8 }),
    quoteAt: fc.option(fc.nat(60), { nil: null }),
    crlf: fc.boolean(),
    chunk: fc.integer({ min: 1, max: 200 }),
  });
  type LongFile = typeof file extends fc.Arbitrary<infer T> ? T : never;

  function render(f: LongFile, quoteAll: boolean): string {
    const q = (c: string) => (quoteAll ? `"${c}"` : c);
    const rows = f.runs.flatMap(([cpr, rs]) => rs.map(([w, c]) => [cpr, w, c].map(q).join(';')));
    // One row of another form in the plain file too: the general reader takes it, the loop the rows after.
    if (f.quoteAt !== null && rows.length > 0) {
      const i = f.quoteAt % rows.length;
      rows[i] = rows[i].replace(/^(\d{10})/, '"$1"');
    }
    const nl = f.crlf ? '\r\n' : '\n';
    return ['cpr;uge;kode', ...rows].join(nl) + nl;
  }

  const keeps: [string, () => ReadOptions][] = [
    ['everyone', () => ({})],
    ['keepCprs', () => ({ keep: keepCprs(['0202851236', '3112999999', '0707070707']) })],
    ['from', () => ({ from: '2020-02' })],
  ];
  for (const [what, options] of keeps) {
    it(`gives the general reader's people, in the same order, or its error message (${what}), in one piece and in chunks`, () => {
      let n = 0;
      fc.assert(
        fc.property(file, (f) => {
          const plain = render(f, false);
          const quoted = render(f, true);
          const want = outcome(() => readBenefits(enc.encode(quoted), 'lang.csv', new RegisterBuilder(), options()));
          expect(outcome(() => readBenefits(enc.encode(plain), 'lang.csv', new RegisterBuilder(), options()))).toEqual(want);
          // Chunks end at row ends, often inside a person's rows; a conflict then names no earlier place, read either way.
          const path = join(dir, `lang-${what}-${n++}.csv`);
          writeFileSync(path, quoted);
          const wantChunked = outcome(() =>
            readBenefits(fileSource(path, f.chunk, 'lang.csv'), 'lang.csv', new RegisterBuilder(), options()),
          );
          writeFileSync(path, plain);
          expect(outcome(() => readBenefits(fileSource(path, f.chunk, 'lang.csv'), 'lang.csv', new RegisterBuilder(), options()))).toEqual(
            wantChunked,
          );
          rmSync(path);
        }),
        { numRuns: runs(300) },
      );
    });
  }

  describe("every plain row read by the loop, with the general reader's result", () => {
    afterEach(() => vi.restoreAllMocks());
    /** The rows the general reader read (the loop reads the rest), and the outcome; the same file quoted for comparison. */
    const read = (rows: string[], delim = ';', options: ReadOptions = {}) => {
      const text = (q: (c: string) => string) =>
        ['cpr;uge;kode'.replaceAll(';', delim), ...rows.map((r) => r.split(';').map(q).join(delim))].join('\n') + '\n';
      defaultCodeTable(); // read once before counting (the shipped table is a CSV file too)
      const next = vi.spyOn(CsvReader.prototype, 'next');
      const got = outcome(() => readBenefits(enc.encode(text((c) => c)), 'lang.csv', new RegisterBuilder(), options));
      const general = next.mock.results.filter((r) => r.value === true).length;
      next.mockRestore();
      const want = outcome(() => readBenefits(enc.encode(text((c) => `"${c}"`)), 'lang.csv', new RegisterBuilder(), options));
      return { general, got, want };
    };

    it('tells apart people whose CPR numbers differ only in their middle or last digits (rows in runs by person)', () => {
      const rows = [
        '0101901234;2021-W01;130',
        '0101901234;2021-W02;130',
        '0101901235;2021-W01;131',
        '0101911235;2021-W01;651',
        '0101911235;2021-W03;651',
      ];
      const { general, got, want } = read(rows);
      expect(got).toEqual(want);
      expect(got).toEqual(
        peopleOutcome(
          ['0101901234', ['2021-W01', 130], ['2021-W02', 130]],
          ['0101901235', ['2021-W01', 131]],
          ['0101911235', ['2021-W01', 651], ['2021-W03', 651]],
        ),
      );
      expect(general).toBe(1);
    });

    it('reads the first and last years and weeks it knows, YYWW of 1990 and 2089, a lower-case w, codes 1 to 5 digits, any delimiter', () => {
      const rows = [
        '0101901234;1900-W01;130',
        '0101901234;2155-W52;131',
        '0101901234;2020-w53;651',
        '0202851236;9001;130',
        '0202851236;8952;131',
        '0202851236;2021-W07;00130',
        '0303030303;2021-W08;1',
        '0303030303;2021-W09;32767',
      ];
      for (const delim of [';', ',', '\t']) {
        const { general, got, want } = read(rows, delim);
        expect(got).toEqual(want);
        expect(general).toBe(1);
      }
    });

    it('reads codes with the digit 9 and the CPR 0000000000, also as a person new to the builder after another', () => {
      const rows = [
        '0101901234;2021-W01;130',
        '0000000000;2021-W01;139',
        '0000000000;2021-W02;299',
        '0202851236;2021-W03;890',
        '0202851236;2021-W04;709',
        '0000000000;2021-W05;999',
      ];
      const { general, got, want } = read(rows);
      expect(got).toEqual(want);
      expect(got).toEqual(
        peopleOutcome(
          ['0101901234', ['2021-W01', 130]],
          ['0000000000', ['2021-W01', 139], ['2021-W02', 299], ['2021-W05', 999]],
          ['0202851236', ['2021-W03', 890], ['2021-W04', 709]],
        ),
      );
      expect(general).toBe(1);
    });

    it('leaves to the general reader the rows it cannot read (and still agrees with it)', () => {
      const weeks = ['1899-W52', '2156-W01', '2021-W54', '2021-X01', '2021-W00', '0100', '2021-W1'];
      const codes = ['32768', '123456', '', '1a'];
      const cprs = ['010190123', '01019012345', '010190-1234'];
      const bads = [
        ...weeks.map((w) => `0101901234;${w};130`),
        ...codes.map((c) => `0101901234;2021-W01;${c}`),
        ...cprs.map((c) => `${c};2021-W01;130`),
      ];
      for (const row of bads) {
        const bad = row;
        const rows = ['0202851236;2021-W01;130', row, '0202851236;2021-W02;130'];
        const { general, got, want } = read(rows);
        expect(got).toEqual(want);
        expect([bad, general]).toEqual([bad, 2]);
      }
    });
  });

  describe('rows sorted by person', () => {
    afterEach(() => vi.restoreAllMocks());
    const rows = ['cpr;uge;kode', '0101901234;2021-W03;130', '0101901234;2021-W01;651', '0101901234;2021-W03;130', '0202851236;2107;135'];

    it('hands each person over once, sized to her weeks, without a row through setWeek (also the CPR 0000000000)', () => {
      const setWeek = vi.spyOn(RegisterBuilder.prototype, 'setWeek');
      // What each hand-over carries, copied at the time (the loop's scratch is cleared after it).
      const added: [number | string, number, number[]][] = [];
      const addNewPerson = RegisterBuilder.prototype.addNewPerson;
      vi.spyOn(RegisterBuilder.prototype, 'addNewPerson').mockImplementation(function (this: RegisterBuilder, key, weekStart, codes) {
        added.push([key, weekStart, [...codes]]);
        addNewPerson.call(this, key, weekStart, codes);
      });
      const data = readBenefits(enc.encode([...rows, '0000000000;2108;130', '0000000000;2110;131'].join('\n') + '\n'), 'lang.csv');
      expect(setWeek).not.toHaveBeenCalled();
      expect(added).toEqual([
        [101901234, parseWeek('2021-W01'), [651, 0, 130]],
        [202851236, parseWeek('2021-W07'), [135]],
        [0, parseWeek('2021-W08'), [130, 0, 131]],
      ]);
      const built = data.build(defaultCodeTable());
      expect([...built.weeks.keys()]).toEqual(['0101901234', '0202851236', '0000000000']);
      expect(built.weeks.get('0101901234')).toEqual({ weekStart: parseWeek('2021-W01'), codes: Int16Array.from([651, 0, 130]) });
    });

    it("names both lines of a conflict in one person's rows, and of one with her earlier rows", () => {
      const within = [...rows.slice(0, 3), '0101901234;2021-W03;131', ...rows.slice(3)];
      expect(thrown(() => readBenefits(enc.encode(within.join('\n')), 'lang.csv')).message).toMatch(
        /^lang\.csv, linje 4, kolonne «kode»: CPR 010190-xxxx har kode 131 i uge 2021-W03, men samme person og uge har kode 130 i lang\.csv, linje 2/,
      );
      const later = [...rows, '0101901234;2021-W01;131'];
      expect(thrown(() => readBenefits(enc.encode(later.join('\n')), 'lang.csv')).message).toMatch(
        /^lang\.csv, linje 6, kolonne «kode»: CPR 010190-xxxx har kode 131 i uge 2021-W01, men samme person og uge har kode 651 i lang\.csv, linje 3/,
      );
    });
  });
});
