/**
 * The DREAM reader's edges (benefits.ts), found by mutation testing: which layout a header
 * means, codes written unusually, the year of a yearly file (its name, a year column, --year),
 * the header errors in Danish, --from past every week, and where a conflict names the earlier
 * code (the re-reading that finds it must find that person's week, not another row).
 */
import { describe, expect, it, vi } from 'vitest';
import { isoWeekIndex, parseWeek } from '../monitoring/calendar.ts';
import type { RegisterData } from '../monitoring/types.ts';
import { readBenefits, yearInFileName } from './benefits.ts';
import { defaultCodeTable } from './codetable.ts';
import { CsvReader } from './csv.ts';
import { keepCprs } from './person-key.ts';
import { outcome, thrown } from './test-files.ts';

const enc = (s: string) => new TextEncoder().encode(s);
const A = '0101901234';
const B = '0202851236';
const read = (text: string, name = 'x.csv', options = {}) => readBenefits(enc(text), name, undefined, options).build(defaultCodeTable());
function codeAt(data: RegisterData, key: string, week: string): number {
  const p = data.weeks.get(key);
  const w = parseWeek(week)!;
  return p && w >= p.weekStart && w < p.weekStart + p.codes.length ? p.codes[w - p.weekStart] : 0;
}

describe('the layout a header means', () => {
  it('uge or kode alone means the long layout, wherever the column stands, and the other is asked for', () => {
    expect(thrown(() => read(`cpr;kode\n${A};131\n`))).toMatchObject({ code: 'missing_column', column: 'uge' });
    expect(thrown(() => read(`kode;cpr\n131;${A}\n`))).toMatchObject({ code: 'missing_column', column: 'uge' });
    expect(thrown(() => read(`uge;cpr\n2021-W01;${A}\n`))).toMatchObject({ code: 'missing_column', column: 'kode' });
    expect(codeAt(read(`uge;cpr;kode\n2021-W01;${A};131\n`), A, '2021-W01')).toBe(131);
  });

  it('neither week columns nor uge/kode: a Danish message naming both layouts', () => {
    const e = thrown(() => read(`cpr;foo\n${A};1\n`));
    expect(e).toMatchObject({ code: 'missing_column', line: 1, column: 'y_ÅÅUU' });
    expect(e.message).toBe(
      'x.csv, linje 1: ingen ugekolonner (y_ÅÅUU eller y_UU) i bredt format og ingen kolonner «uge» og «kode» i langt format (fundet: cpr, foo).',
    );
  });

  it('bad y_ columns: one named as «kolonnen», several counted', () => {
    const one = thrown(() => read(`cpr;y_abc;y_2101\n${A};;131\n`));
    expect(one).toMatchObject({ code: 'bad_week', line: 1, column: 'y_abc' });
    expect(one.message).toMatch(
      /^x\.csv, linje 1: kolonnen «y_abc» er ikke en gyldig uge \(forventet y_ÅÅUU, fx y_2107, eller y_UU i en årsfil\)\.$/,
    );
    expect(thrown(() => read(`cpr;y_a;y_b\n${A};;\n`)).message).toMatch(/^x\.csv, linje 1: 2 kolonner «y_a», «y_b» er ikke en gyldig uge/);
  });

  it('dated and yearly week columns mixed, a week that is not an ISO week: messages in Danish', () => {
    expect(thrown(() => read(`pnr;y_2101;y_02\n${A};730;\n`)).message).toBe(
      'x.csv, linje 1, kolonne «y_02»: en fil kan ikke både have ugekolonner med år (y_ÅÅUU som «y_2101») og uden (y_UU).',
    );
    expect(thrown(() => read(`pnr;y_2153\n${A};730\n`)).message).toBe(
      'x.csv, linje 1, kolonne «y_2153»: ikke en gyldig uge (forventet y_ÅÅUU med en ISO-uge, fx y_2107).',
    );
  });
});

describe('codes written unusually (the general reader, a row the fast loop does not take)', () => {
  // Four columns: the long layout's fast loop takes only three, so every row goes through readCode.
  const long = (kode: string) => `cpr;uge;kode;x\n${A};2021-W01;${kode};\n`;
  it('a tab, blanks around digits, zeros after a decimal point or comma', () => {
    expect(read(long('\t')).weeks.size).toBe(0);
    expect(codeAt(read(long('\t131')), A, '2021-W01')).toBe(131);
    expect(codeAt(read(long('997.00')), A, '2021-W01')).toBe(997);
    expect(codeAt(read(long('997,0')), A, '2021-W01')).toBe(997);
    expect(read(long('0.0')).weeks.size).toBe(0);
    expect(read(long('0')).weeks.size).toBe(0);
  });

  it('code 1 and the highest code are codes (unknown to the shipped table), one more is refused', () => {
    expect(thrown(() => read(long('1')))).toMatchObject({ code: 'unknown_codes', codes: [1] });
    expect(thrown(() => read(long('32767.0')))).toMatchObject({ code: 'unknown_codes', codes: [32767] });
    const e = thrown(() => read(long('32768.0')));
    expect(e).toMatchObject({ code: 'bad_code', line: 2, column: 'kode' });
    expect(e.message).toMatch(
      /«32768\.0» er ikke en gyldig ydelseskode \(et heltal fra 0 til 32767; tom, NA eller \. betyder ingen kode\)\./,
    );
  });

  it('the plain forms need no text decoded: an empty code, 0, a code from 1 to 32767, a week as ÅÅÅÅ-Wuu or ÅÅUU', () => {
    // The general reader reads every row of a long file with a fourth column (and every quoted row): its shortcuts keep a
    // text decode (a string per field) off its rows (issue 9). Only the header's names are decoded.
    const header = 'cpr;uge;kode;x\n';
    const text = `${header}${A};2021-W01;;\n${A};2102;0;\n${A};2021-W03;651;\n${B};2104;130;\n`;
    const decodes = (t: string) => {
      const decoded = vi.spyOn(CsvReader.prototype, 'text');
      readBenefits(enc(t), 'x.csv');
      const n = decoded.mock.calls.length;
      decoded.mockRestore();
      return n;
    };
    expect(decodes(text)).toBe(decodes(header));
    for (const code of ['1', '32767']) expect(decodes(`${header}${B};2021-W05;${code};\n`)).toBe(decodes(header));
    const quoted = text.replace(/;([^;\n]*)/g, ';"$1"');
    expect(outcome(() => readBenefits(enc(text), 'x.csv'))).toEqual(outcome(() => readBenefits(enc(quoted), 'x.csv')));
  });

  it('a long bad code is cut at 40 characters in the message', () => {
    const e = thrown(() => read(long('x'.repeat(60))));
    expect(e.message).toContain(`«${'x'.repeat(40)}»`);
    expect(e.message).not.toContain('x'.repeat(41));
  });

  it('a long bad week is cut at 40 characters in the message', () => {
    const e = thrown(() => read(`cpr;uge;kode;x\n${A};${'9'.repeat(60)};131;\n`));
    expect(e).toMatchObject({ code: 'bad_week', line: 2, column: 'uge' });
    expect(e.message).toContain(`«${'9'.repeat(40)}»`);
    expect(e.message).not.toContain('9'.repeat(41));
  });
});

describe('the year of a yearly file', () => {
  it('a year in the file name: only the name, not the folder; only 1990–2099; at its start or end', () => {
    expect(yearInFileName('arkiv/2019/ydelser.csv')).toBeNull();
    expect(yearInFileName('arkiv\\2019\\ydelser.csv')).toBeNull();
    expect(yearInFileName('arkiv-2018/ydelser_2019.csv')).toBe(2019);
    expect(yearInFileName('ydelser_1985_2019.csv')).toBe(2019);
    expect(yearInFileName('ydelser_1990.csv')).toBe(1990);
    expect(yearInFileName('2019.csv')).toBe(2019);
    expect(yearInFileName('ydelser2019')).toBe(2019);
  });

  it('a year column wins over the year in the name, wherever it stands', () => {
    for (const header of ['pnr;aar;y_01;y_02', 'aar;pnr;y_01;y_02']) {
      const row = header.startsWith('aar') ? `2020;${A};730;` : `${A};2020;730;`;
      for (const name of ['ydelser_2019.csv', 'x.csv']) {
        const d = read(`${header}\n${row}\n`, name);
        expect(codeAt(d, A, '2020-W01')).toBe(730);
        expect(codeAt(d, A, '2019-W01')).toBe(0);
      }
    }
  });

  it('year cells from 1990 to 2099; others refused with the cell cut at 40 characters', () => {
    const d = read(`pnr;aar;y_01\n${A};1990;730\n${B};2099;731\n`);
    expect(codeAt(d, A, '1990-W01')).toBe(730);
    expect(codeAt(d, B, '2099-W01')).toBe(731);
    for (const y of ['1989', '2100']) {
      const e = thrown(() => read(`pnr;aar;y_01\n${A};${y};730\n`));
      expect(e).toMatchObject({ code: 'bad_value', line: 2, column: 'aar' });
      expect(e.message).toBe(`x.csv, linje 2, kolonne «aar»: «${y}» er ikke et år (ÅÅÅÅ).`);
    }
    const e = thrown(() => read(`pnr;aar;y_01\n${A};${'2'.repeat(60)};730\n`));
    expect(e.message).toContain(`«${'2'.repeat(40)}»`);
    expect(e.message).not.toContain('2'.repeat(41));
  });

  it('a year cell is checked also in a row without any code', () => {
    // Plain rows (unquoted, a ten-digit CPR): with the year per row they are the general reader's, which reads every year cell.
    const e = thrown(() => read(`pnr;aar;y_01;y_02\n${A};2020;;\n${B};1989;;\n`));
    expect(e).toMatchObject({ code: 'bad_value', line: 3, column: 'aar' });
  });

  it('--year from 1990 to 2099 (whole years); others refused', () => {
    const text = `pnr;y_01;y_02\n${A};730;\n`;
    expect(codeAt(read(text, 'x.csv', { year: 1990 }), A, '1990-W01')).toBe(730);
    expect(codeAt(read(text, 'x.csv', { year: 2099 }), A, '2099-W01')).toBe(730);
    for (const year of [1989, 2100, 2019.5]) {
      const e = thrown(() => read(text, 'x.csv', { year }));
      expect(e).toMatchObject({ code: 'bad_value', file: 'x.csv' });
      expect(e.message).toBe(`x.csv: året ${year} er ikke et år fra 1990 til 2099.`);
    }
  });

  it('no year anywhere: the message says where to give it and names the column «aar»', () => {
    expect(thrown(() => read(`pnr;y_01\n${A};730\n`))).toMatchObject({ code: 'missing_column', line: 1, column: 'aar' });
  });

  it('y_00 and a week given twice are refused, in Danish', () => {
    const zero = thrown(() => read(`pnr;y_00;y_01\n${A};;730\n`, 'x.csv', { year: 2019 }));
    expect(zero).toMatchObject({ code: 'bad_week', line: 1, column: 'y_00' });
    expect(zero.message).toBe('x.csv, linje 1, kolonne «y_00»: ikke en gyldig uge i en årsfil (forventet y_01 … y_53).');
    const dup = thrown(() => read(`pnr;y_01;Y_01\n${A};;730\n`, 'x.csv', { year: 2019 }));
    expect(dup).toMatchObject({ code: 'duplicate', line: 1, column: 'Y_01' });
    expect(dup.message).toBe('x.csv, linje 1, kolonne «Y_01»: ugen står også i kolonne «y_01».');
  });

  it('keeps only the people asked for when the year is per row', () => {
    const d = readBenefits(enc(`pnr;aar;y_01\n${A};2020;730\n${B};2020;13x\n${B};2021;731\n`), 'x.csv', undefined, {
      keep: keepCprs([A]),
    }).build(defaultCodeTable());
    expect([...d.weeks.keys()]).toEqual([A]);
    expect(codeAt(d, A, '2020-W01')).toBe(730);
  });
});

describe('dated week columns', () => {
  it('in any order', () => {
    const d = read(`pnr;y_2105;y_2101;y_2103\n${A};731;730;\n`);
    expect(codeAt(d, A, '2021-W01')).toBe(730);
    expect(codeAt(d, A, '2021-W05')).toBe(731);
  });

  it('--from after every week column: no weeks, but the person column is still checked', () => {
    const d = read(`pnr;y_2001;y_2002\n${A};730;731\n`, 'x.csv', { from: '2021-01' });
    expect(d.weeks.get(A)?.codes.some((c) => c !== 0) ?? false).toBe(false);
    expect(thrown(() => read(`pnr;y_2001\n${A};730\n12345;731\n`, 'x.csv', { from: '2021-01' }))).toMatchObject({
      code: 'bad_cpr',
      line: 3,
      column: 'pnr',
    });
  });
});

describe('a person column after other columns', () => {
  it('is read before the rest of the row when only some people are kept, and when --from leaves no week', () => {
    const keep = { keep: keepCprs([B]) };
    const dated = read(`koen;PNR;y_2101\nK;${A};13x\nM;${B};730\n`, 'x.csv', keep);
    expect([...dated.weeks.keys()]).toEqual([B]);
    expect(codeAt(dated, B, '2021-W01')).toBe(730);
    const yearly = read(`koen;PNR;aar;y_01\nK;${A};2020;13x\nM;${B};2020;730\n`, 'x.csv', keep);
    expect(codeAt(yearly, B, '2020-W01')).toBe(730);
    expect(thrown(() => read(`koen;PNR;y_2001\nK;${A};730\nM;12345;731\n`, 'x.csv', { from: '2021-01' }))).toMatchObject({
      code: 'bad_cpr',
      line: 3,
      column: 'PNR',
    });
  });
});

describe('a conflict names the earlier code of that person and week', () => {
  it('wide: not her row without a code that week', () => {
    const e = thrown(() => read(`PNR;y_2101;y_2102\n${A};;131\n${A};131;\n${A};140;\n`, 'w.csv'));
    expect(e).toMatchObject({ code: 'conflict', line: 4, column: 'y_2101', other: { file: 'w.csv', line: 3, column: 'y_2101' } });
  });

  it('long: not another person’s row, nor her row of another week', () => {
    const e = thrown(() =>
      read(`cpr;uge;kode;x\n${B};2021-W02;130;\n${A};2021-W01;131;\n${A};2021-W02;131;\n${A};2021-W02;651;\n`, 'l.csv'),
    );
    expect(e).toMatchObject({ code: 'conflict', line: 5, column: 'kode', other: { file: 'l.csv', line: 4, column: 'kode' } });
  });

  it('yearly with a year column: not her rows of other years, nor her row without a code that week', () => {
    const e = thrown(() =>
      read(`pnr;aar;y_04;y_05\n${A};2021;730;730\n${A};2019;730;730\n${A};2020;730;\n${A};2020;;131\n${A};2020;;651\n`, 'aar.csv'),
    );
    expect(e).toMatchObject({ code: 'conflict', line: 6, column: 'y_05', other: { file: 'aar.csv', line: 5, column: 'y_05' } });
    expect(e.message).toMatch(/kode 131 i aar\.csv, linje 5, kolonne «y_05»/);
  });

  it('yearly: not her row of the year before, whose weeks end just before that week', () => {
    const e = thrown(() => read(`pnr;aar;y_01;y_52\n${A};2019;;730\n${A};2020;131;\n${A};2020;651;\n`, 'aar.csv'));
    expect(e).toMatchObject({ code: 'conflict', line: 4, column: 'y_01', other: { file: 'aar.csv', line: 3, column: 'y_01' } });
  });
});

describe('the yearly plain loop reads only the week columns', () => {
  it('leaves a numeric column between the person and the weeks out (the general reader does too)', () => {
    const text = (quote: boolean) => {
      const a = quote ? '"0101901234"' : '0101901234';
      return new TextEncoder().encode(`pnr;alder;y_01;y_02;y_03\n${a};35;130;;130\n${a};35;130;;130\n0202851236;7;;651;\n`);
    };
    const got = outcome(() => readBenefits(text(false), 'ydelser.csv', undefined, { year: 2021 }));
    expect(got).toEqual(outcome(() => readBenefits(text(true), 'ydelser.csv', undefined, { year: 2021 })));
    expect(got).toEqual({
      people: [
        [
          '0101901234',
          [
            [isoWeekIndex(2021, 1), 130],
            [isoWeekIndex(2021, 3), 130],
          ],
        ],
        ['0202851236', [[isoWeekIndex(2021, 2), 651]]],
      ],
    });
  });
  it('is not taken for week columns out of order: an unknown code is named at its first week, as the general reader names it', () => {
    // The first row of a chunk goes to the general reader, the second would go to the plain loop, which reads in column order.
    const e = thrown(() => read(`pnr;y_02;y_01\n${A};;\n${B};4711;4711\n`, 'x.csv', { year: 2021 }));
    expect(e).toMatchObject({ code: 'unknown_codes', codes: [4711] });
    expect(e.message).toContain('4711 (2 uger hos 1 person; første gang i x.csv, linje 3, kolonne «y_01»)');
  });
});

describe("the long layout's person column", () => {
  it('is cpr before pnr, and never a column without a name', () => {
    const week = parseWeek('2021-W01')!;
    expect(outcome(() => readBenefits(enc(`pnr;cpr;uge;kode\n${A};${B};2021-W01;130\n`), 'l.csv'))).toEqual({
      people: [[B, [[week, 130]]]],
    });
    // A header ending in the delimiter has a last column without a name.
    expect(outcome(() => readBenefits(enc(`pnr;uge;kode;\n${A};2021-W01;130;\n`), 'l.csv'))).toEqual({ people: [[A, [[week, 130]]]] });
  });
});
