/**
 * The yearly layout's plain loop (`plainYearlyRows` in benefits.ts) at its edges, found by
 * mutation testing (issue 17): which rows it takes (columns that are not weeks, CRLF, people not
 * asked for, an empty week 53), what it leaves to the general reader (a lone CR or a quote in a
 * row not asked for, a CPR of eleven digits, a code after a week's digits), week 53 of a 52-week
 * year, the first week of --from, and where an unknown code is first met. Each case is also read
 * quoted (every row then goes to the general reader) and must give the same data or message.
 * Rows it takes are counted (issue 9: plain rows are not read twice), as are the code places it
 * notes and the known people it meets one by one (`weeksForRow`) instead of writing their rows
 * into the shared array.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { isoWeekIndex } from '../monitoring/calendar.ts';
import { readBenefits } from './benefits.ts';
import { RegisterBuilder } from './builder.ts';
import { CsvReader } from './csv.ts';
import { keepCprs } from './person-key.ts';
import type { ReadOptions } from './person-key.ts';
import { outcome, thrown, weekCells } from './test-files.ts';
import { defaultCodeTable } from './codetable.ts';

const enc = (s: string) => new TextEncoder().encode(s);
const A = '0101901234';
const B = '0202851236';
const C = '1512884321';

/** Every non-empty field after the header quoted (fields hold no `;`, quote or line end), so that the general reader reads every row. */
const quoted = (text: string) =>
  text
    .split('\n')
    .map((line, i) => (i === 0 ? line : line.replace(/[^;\r]+/g, (cell) => `"${cell}"`)))
    .join('\n');

/** The rows the general reader read (CsvReader.next returning a row). */
function generalRows(text: string, file: string, options: ReadOptions = {}, b = new RegisterBuilder()): number {
  const next = vi.spyOn(CsvReader.prototype, 'next');
  readBenefits(enc(text), file, b, options);
  const n = next.mock.results.filter((r) => r.value === true).length;
  next.mockRestore();
  return n;
}

/** The data or message of the plain text and of its quoted copy. */
function both(text: string, file: string, options: () => ReadOptions = () => ({})) {
  return {
    plain: outcome(() => readBenefits(enc(text), file, undefined, options())),
    general: outcome(() => readBenefits(enc(quoted(text)), file, undefined, options())),
  };
}

describe('the yearly plain loop', () => {
  afterEach(() => vi.restoreAllMocks());

  it('takes every row but the first with columns that are not weeks (between and after), an empty week 53 of a 52-week year, CRLF, people not asked for', () => {
    const rows = (end: string) =>
      [
        'PNR;koen;y_01;y_02;note;y_53;alder',
        ...Array.from(
          { length: 60 },
          (_, i) => `${String(1000000000 + i * 7919)};${i % 2 ? 'K' : 'M'};${i % 3 ? 130 : ''};${i % 4 ? 651 : 299};x${i};;3${i}`,
        ),
      ].join(end) + end;
    for (const end of ['\n', '\r\n']) {
      expect(generalRows(rows(end), 'ydelser_2019.csv')).toBe(1);
      expect(generalRows(rows(end), 'ydelser_2019.csv', { keep: keepCprs(['1000007919', '1000023757']) })).toBe(1);
      // The people known and their weeks expected: written into the shared array, still one row for the general reader.
      const keep = keepCprs(Array.from({ length: 60 }, (_, i) => String(1000000000 + i * 7919)));
      const b = new RegisterBuilder();
      b.knownPeople(keep.numbers);
      b.expectWeeks(isoWeekIndex(2018, 1)!, isoWeekIndex(2019, 52)!);
      expect(generalRows(rows(end), 'ydelser_2019.csv', { keep }, b)).toBe(1);
      const { plain, general } = both(rows(end), 'ydelser_2019.csv');
      expect(plain).toEqual(general);
      expect('people' in plain && plain.people.length).toBe(60);
    }
  });

  it('leaves a row not asked for with a lone CR or a quoted line feed to the general reader', () => {
    const keep = () => ({ keep: keepCprs([A]) });
    // B's row ends in a lone CR, then A's row of week 2 (two rows for the general reader).
    const cr = `PNR;y_01;y_02\n${A};130;\n${B};131;\r${A};;651\n${C};135;\n`;
    expect(outcome(() => readBenefits(enc(cr), 'ydelser_2020.csv', undefined, keep()))).toEqual({
      people: [
        [
          A,
          [
            [isoWeekIndex(2020, 1), 130],
            [isoWeekIndex(2020, 2), 651],
          ],
        ],
      ],
    });
    // Her own row ending in a lone CR: the next row starts right after it.
    const own = both(`PNR;y_01;y_02\n${B};130;\n${A};;651\r${C};131;\n`, 'ydelser_2020.csv');
    expect(own.plain).toEqual(own.general);
    expect('people' in own.plain && own.plain.people.map(([k]) => k)).toEqual([B, A, C]);
    // B's quoted note holds a line feed; what follows it is not a row of A.
    const lf = `PNR;note;y_01;y_02\n${A};;130;\n${B};"a\n${A};b;;651";131;\n${C};;135;\n`;
    expect(outcome(() => readBenefits(enc(lf), 'ydelser_2020.csv', undefined, keep()))).toEqual({
      people: [[A, [[isoWeekIndex(2020, 1), 130]]]],
    });
  });

  it('leaves a CPR of eleven digits, a code of more than nine digits and a code followed by a letter to the general reader', () => {
    // Eleven digits in a row one field short: read as her CPR, the 11th digit would fill the first week.
    const eleven = both(`PNR;y_01;y_02\n${B};130;\n${A}5;131\n`, 'ydelser_2020.csv');
    expect(eleven.plain).toEqual(eleven.general);
    expect(eleven.plain).toEqual({ error: expect.stringContaining('rækken har 2 felter, men overskriften har 3') });
    const long = both(`PNR;y_01;y_02\n${B};130;\n${A};0000000000130;\n`, 'ydelser_2020.csv');
    expect(long.plain).toEqual(long.general);
    expect(long.plain).toEqual({ error: expect.stringContaining('«0000000000130» er ikke en gyldig ydelseskode') });
    const letter = both(`PNR;y_01;y_02\n${A};130;\n${B};131;13a\n`, 'ydelser_2020.csv');
    expect(letter.plain).toEqual(letter.general);
    expect(letter.plain).toEqual({ error: expect.stringContaining('«13a» er ikke en gyldig ydelseskode') });
  });

  it('leaves a quote in a column that is not a week to the general reader: a quoted field that does not end is refused', () => {
    const text = `PNR;koen;y_01\n${B};K;130\n${A};"K;651\n${C};M;131\n`;
    expect(outcome(() => readBenefits(enc(text), 'ydelser_2020.csv'))).toEqual({
      error: 'ydelser_2020.csv, linje 3, kolonne «koen»: et felt i anførselstegn slutter ikke.',
    });
  });

  it('refuses a code in week 53 of a 52-week year, also when her weeks already reach into the next year', () => {
    const y53 = `PNR;y_01;y_53\n${B};130;\n${A};;131\n`;
    const message = /ydelser_2019\.csv, linje 3.*2019 har kun 52 ISO-uger; uge 53 skal være tom\./;
    expect(thrown(() => readBenefits(enc(y53), 'ydelser_2019.csv'))).toMatchObject({ code: 'bad_week', line: 3, column: 'y_53' });
    expect(thrown(() => readBenefits(enc(y53), 'ydelser_2019.csv')).message).toMatch(message);
    // Her array (and the flat one of the known people) already holds 2020-W01, right after 2019-W52.
    for (const known of [false, true]) {
      const keep = keepCprs([A, B]);
      const b = new RegisterBuilder();
      if (known) {
        b.knownPeople(keep.numbers);
        b.expectWeeks(isoWeekIndex(2019, 1)!, isoWeekIndex(2020, 53)!);
      }
      readBenefits(enc(`PNR;y_02\n${B};130\n${A};651\n`), 'ydelser_2020.csv', b, { keep });
      expect(thrown(() => readBenefits(enc(y53), 'ydelser_2019.csv', b, { keep })).message).toMatch(message);
    }
  });

  it('keeps the first week of --from, in the general reader and in the plain loop', () => {
    // 2020-07-01 is a Wednesday: the first week of July 2020 is 2020-W27.
    const text = `PNR;y_26;y_27\n${A};130;131\n${B};130;651\n`;
    const { plain, general } = both(text, 'ydelser_2020.csv', () => ({ from: '2020-07' }));
    expect(plain).toEqual(general);
    expect(plain).toEqual({
      people: [
        [A, [[isoWeekIndex(2020, 27), 131]]],
        [B, [[isoWeekIndex(2020, 27), 651]]],
      ],
    });
    const perRow = outcome(() => readBenefits(enc(`PNR;aar;y_26;y_27\n${A};2020;130;131\n`), 'x.csv', undefined, { from: '2020-07' }));
    expect(perRow).toEqual({ people: [[A, [[isoWeekIndex(2020, 27), 131]]]] });
  });

  it('adds no person for a row of a year wholly before --from, also the year just before', () => {
    // The first week of January 2020 is 2020-W01, right after 2019-W52.
    const text = `PNR;aar;y_01;y_52\n${A};2020;130;\n${C};2019;130;131\n`;
    expect(outcome(() => readBenefits(enc(text), 'x.csv', undefined, { from: '2020-01' }))).toEqual({
      people: [[A, [[isoWeekIndex(2020, 1), 130]]]],
    });
  });

  it("writes known people's weeks into the shared array at their year's place (a year after the first expected), and not years outside the expected weeks", () => {
    const read = (known: boolean, years: number[]) => {
      const keep = keepCprs([A, B, C]);
      const b = new RegisterBuilder();
      if (known) {
        b.knownPeople(keep.numbers);
        b.expectWeeks(isoWeekIndex(2019, 1)!, isoWeekIndex(2021, 52)!);
      }
      for (const year of years) {
        const code = [130, 651, 135, 131, 737][year - 2018];
        readBenefits(enc(`PNR;y_01;y_02;y_52\n${B};130;;\n${A};;651;${code}\n${C};131;;135\n`), `ydelser_${year}.csv`, b, { keep });
      }
      return outcome(() => b);
    };
    // A year after the expected weeks while the people are still in the shared array; one before them.
    for (const years of [
      [2020, 2019, 2022, 2021],
      [2020, 2021, 2018, 2019],
    ]) {
      expect(read(true, years)).toEqual(read(false, years));
      expect(read(true, years)).toMatchObject({
        people: [
          [B, expect.anything()],
          [A, expect.anything()],
          [C, expect.anything()],
        ],
      });
    }
  });

  it('reads in the plain loop a code of 32767, a code written with six digits, 0, an empty week or a code she already has there, and the CPR 0000000000', () => {
    // Every row here is plain: the general reader reads only the header (issue 9: plain rows are not read twice).
    for (const rows of [`${A};32767;130`, `${A};000130;651`, `${B};0;651`, `${B};;651`, `${B};130;651`, `0000000000;130;651`]) {
      const text = `PNR;y_01;y_02\n${B};130;\n${rows}\n${C};131;\n`;
      expect(generalRows(text, 'ydelser_2020.csv')).toBe(1);
      const { plain, general } = both(text, 'ydelser_2020.csv');
      // The same people and weeks (32767 is no known code: the same message, naming where it was first met).
      expect(plain).toEqual(general);
    }
  });

  it('notes where a code is first met once, not once per week it fills', () => {
    const rows = [
      'PNR;y_01;y_02;y_03',
      ...Array.from({ length: 40 }, (_, i) => `${String(1000000000 + i * 7919)};130;${i % 2 ? 651 : 130};131`),
    ];
    const noted = vi.spyOn(RegisterBuilder.prototype, 'noteCode');
    readBenefits(enc(rows.join('\n') + '\n'), 'ydelser_2020.csv');
    // Every row is plain and holds 130 and 131, every other one 651: each noted once (a place object per week would only feed the GC).
    expect(noted.mock.calls.map(([code]) => code).sort()).toEqual([130, 131, 651]);
  });

  it("writes known people's rows into the shared array without meeting each one as a person (weeksForRow), also quoted rows of the last expected year", () => {
    const keep = keepCprs([A, B, C]);
    const text = (code: number) => `PNR;y_01;y_02;y_52\n${B};130;;\n${A};;651;${code}\n${C};131;;135\n${B};;131;\n`;
    const read = (known: boolean, q: (t: string) => string) => {
      const b = new RegisterBuilder();
      if (known) {
        b.knownPeople(keep.numbers);
        // 2018 and 2019 have 52 weeks: the span ends with the last file's last week.
        b.expectWeeks(isoWeekIndex(2018, 1)!, isoWeekIndex(2019, 52)!);
      }
      // 2019 first, then 2018: the person placed first (at offset 0) is met again at her place.
      readBenefits(enc(q(text(651))), 'ydelser_2019.csv', b, { keep });
      readBenefits(enc(q(text(737))), 'ydelser_2018.csv', b, { keep });
      return b;
    };
    // Plain rows (the plain loop), and the codes quoted (the general reader, the CPR still found by number).
    const codesQuoted = (t: string) => t.replace(/;([^;\n]+)/g, ';"$1"');
    for (const q of [(t: string) => t, codesQuoted]) {
      const met = vi.spyOn(RegisterBuilder.prototype, 'weeksForRow');
      const known = read(true, q);
      expect(met).not.toHaveBeenCalled();
      met.mockRestore();
      expect(outcome(() => known)).toEqual(outcome(() => read(false, q)));
    }
  });

  it('adds no person for the rows of a file whose year is wholly before --from', () => {
    // 2019 ends with 2019-W52; the first week of January 2020 is 2020-W01, right after it.
    const text = `PNR;y_01;y_52\n${B};130;\n${A};130;131\n${C};;135\n`;
    expect(outcome(() => readBenefits(enc(text), 'ydelser_2019.csv', undefined, { from: '2020-01' }))).toEqual({ people: [] });
    expect(outcome(() => readBenefits(enc(text), 'ydelser_2019.csv', undefined, { from: '2020-01', keep: keepCprs([A, C]) }))).toEqual({
      people: [],
    });
  });

  it('names where an unknown code was first met in a plain row: file, line and column', () => {
    const text = `PNR;y_01;y_02\n${A};130;\n${B};;130\n${C};;4711\n${A};;4711\n`;
    for (const t of [text, quoted(text)]) {
      const e = thrown(() => readBenefits(enc(t), 'ydelser_2021.csv').build(defaultCodeTable()));
      expect(e).toMatchObject({ code: 'unknown_codes', codes: [4711] });
      expect(e.message).toContain('4711 (2 uger hos 2 personer; første gang i ydelser_2021.csv, linje 4, kolonne «y_02»)');
    }
  });

  describe('a week of three digits and its delimiter, read as one word', () => {
    // Bytes next to the digits: '/' (47) below '0', ':' (58) above '9', and '\x30'-like bytes with another high nibble.
    const odd = ['/', ':', 'a', 'p', ' ', '\u0010', '\u00b0'];

    it('takes three digits in every place of the word, and only digits: a byte beside them goes to the general reader as before', () => {
      for (const at of [0, 1, 2]) {
        for (const c of odd) {
          const cell = ['1', '3', '0'].map((d, i) => (i === at ? c : d)).join('');
          const text = `PNR;y_01;y_02;y_03\n${B};130;131;\n${A};${cell};651;130\n${C};131;;\n`;
          const { plain, general } = both(text, 'ydelser_2020.csv');
          expect(plain, `cell «${cell}»`).toEqual(general);
          expect(plain, `cell «${cell}»`).toHaveProperty('error');
        }
      }
      // Every digit in every place: the codes read are the general reader's (000 is no code, 007 is 7).
      const cells = Array.from({ length: 100 }, (_, i) => String(i * 10 + (i % 10)).padStart(3, '0'));
      const header = Array.from({ length: 52 }, (_, i) => `y_${String(i + 1).padStart(2, '0')}`);
      // B's row: the last 48 codes, then four empty weeks.
      const text = `PNR;${header.join(';')}\n${A};${cells.slice(0, 52).join(';')}\n${B};${cells.slice(52).join(';')};;;;\n`;
      expect(generalRows(text, 'ydelser_2020.csv')).toBe(1);
      // Most of these codes are in no code table: the weeks as read, before `build` checks them.
      const weeks = (t: string) => [...readBenefits(enc(t), 'ydelser_2020.csv').weeks].map(([k, p]) => [k, weekCells(p)]);
      expect(weeks(text)).toEqual(weeks(quoted(text)));
      const w1 = isoWeekIndex(2020, 1)!;
      expect(weeks(text)).toEqual([
        [A, cells.slice(0, 52).flatMap((c, i) => (Number(c) ? [[w1 + i, Number(c)]] : []))],
        [B, cells.slice(52).flatMap((c, i) => (Number(c) ? [[w1 + i, Number(c)]] : []))],
      ]);
    });

    it('reads a code of one, two or four digits, a last week with LF or CRLF and the last bytes of the file as the general reader does', () => {
      for (const end of ['\n', '\r\n', '']) {
        // The last two: a field too many after the last week (a word there is no week of hers).
        for (const cells of [
          '7;13;130',
          '130;1300;13',
          '130;130;130',
          ';;130',
          '130;;',
          '000;007;070',
          '130;131;651;999',
          '130;131;651;',
          '130;40000;13',
        ]) {
          const text = `PNR;y_01;y_02;y_03\n${B};130;;\n${A};${cells}${end}`;
          const { plain, general } = both(text, 'ydelser_2020.csv');
          expect(plain, `${cells} ${JSON.stringify(end)}`).toEqual(general);
          // A code above 32767 is refused by both.
          if (cells.includes('40000')) expect(plain).toEqual({ error: expect.stringContaining('«40000» er ikke en gyldig ydelseskode') });
          // A last row without a line end is the general reader's.
          else if (cells.split(';').length === 3)
            expect(generalRows(text, 'ydelser_2020.csv'), `${cells} ${JSON.stringify(end)}`).toBe(end ? 1 : 2);
          // A code in the field too many is refused; an empty one is let pass, by both.
          else if (cells.endsWith('999'))
            expect(plain).toEqual({ error: expect.stringContaining('rækken har 5 felter, men overskriften har kun 4') });
          else expect(plain).toHaveProperty('people');
        }
      }
    });

    it('with a comma or a tab between the fields, and a delimiter that is not the file\u2019s after three digits', () => {
      for (const d of [',', '\t']) {
        const text = `PNR${d}y_01${d}y_02${d}y_03\n${B}${d}130${d}${d}\n${A}${d}130${d}651${d}131\n`;
        expect(generalRows(text, 'ydelser_2020.csv')).toBe(1);
        expect(outcome(() => readBenefits(enc(text), 'ydelser_2020.csv'))).toEqual({
          people: [
            [B, [[isoWeekIndex(2020, 1), 130]]],
            [
              A,
              [
                [isoWeekIndex(2020, 1), 130],
                [isoWeekIndex(2020, 2), 651],
                [isoWeekIndex(2020, 3), 131],
              ],
            ],
          ],
        });
        // `130;` in a file delimited by `d` is no code 130 and `;651` no empty week: the row is a field short.
        for (const cell of ['130;651', ';651']) {
          const other = `PNR${d}y_01${d}y_02${d}y_03\n${B}${d}130${d}${d}\n${A}${d}${cell}${d}131\n`;
          expect(outcome(() => readBenefits(enc(other), 'ydelser_2020.csv'))).toEqual({
            error: expect.stringContaining('linje 3, kolonne «y_03»: rækken har 3 felter, men overskriften har 4'),
          });
        }
      }
    });

    it('writes a word only where the plain loop may: not week 53 of a 52-week year, not before --from, not over another code of hers', () => {
      const y53Text = `PNR;y_52;y_53;note\n${B};130;;\n${A};;131;x\n`;
      const y53 = both(y53Text, 'ydelser_2019.csv');
      expect(y53.plain).toEqual(y53.general);
      expect(y53.plain).toEqual({ error: expect.stringMatching(/linje 3, kolonne «y_53»: 2019 har kun 52 ISO-uger/) });
      // Every week of the year in its column (the loop's own case for such files): week 53 too.
      const all = Array.from({ length: 53 }, (_, i) => `y_${String(i + 1).padStart(2, '0')}`).join(';');
      const fullText = `PNR;${all}\n${B};130${';'.repeat(52)}\n${A};${'131;'.repeat(52)}651\n`;
      const full = both(fullText, 'ydelser_2019.csv');
      expect(full.plain).toEqual(full.general);
      expect(full.plain).toEqual({ error: expect.stringMatching(/linje 3, kolonne «y_53»: 2019 har kun 52 ISO-uger/) });
      // Also when her weeks lie in the shared array, where the cell after 2019-W52 is 2020-W01.
      const keep = keepCprs([A, B]);
      const b = new RegisterBuilder();
      b.knownPeople(keep.numbers);
      b.expectWeeks(isoWeekIndex(2019, 1)!, isoWeekIndex(2020, 53)!);
      expect(outcome(() => readBenefits(enc(y53Text), 'ydelser_2019.csv', b, { keep }))).toEqual(y53.plain);
      const c = new RegisterBuilder();
      c.knownPeople(keep.numbers);
      c.expectWeeks(isoWeekIndex(2019, 1)!, isoWeekIndex(2020, 53)!);
      expect(outcome(() => readBenefits(enc(fullText), 'ydelser_2019.csv', c, { keep }))).toEqual(full.plain);
      const from = both(`PNR;y_26;y_27;y_28\n${A};130;131;651\n`, 'ydelser_2020.csv', () => ({ from: '2020-07' }));
      expect(from.plain).toEqual(from.general);
      expect(from.plain).toEqual({
        people: [
          [
            A,
            [
              [isoWeekIndex(2020, 27), 131],
              [isoWeekIndex(2020, 28), 651],
            ],
          ],
        ],
      });
      for (const second of ['130;651;131', '130;652;131']) {
        const twice = both(`PNR;y_01;y_02;y_03\n${A};130;651;\n${B};130;;\n${A};${second}\n`, 'ydelser_2020.csv');
        expect(twice.plain, second).toEqual(twice.general);
      }
      expect(outcome(() => readBenefits(enc(`PNR;y_01;y_02;y_03\n${A};130;651;\n${A};130;652;131\n`), 'ydelser_2020.csv'))).toEqual({
        error: expect.stringContaining('ydelser_2020.csv, linje 3, kolonne «y_02»'),
      });
    });
  });
});
