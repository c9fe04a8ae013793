/**
 * readHours (hours.ts) on small files: the plain-row fast path and the general reader must give the same sums,
 * with the columns in any order, CRLF line ends, quoted cells, `keep` and `from` (issue 17, mutation testing).
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { parseMonth } from '../monitoring/calendar.ts';
import { RegisterBuilder } from './builder.ts';
import { defaultCodeTable } from './codetable.ts';
import { CsvReader } from './csv.ts';
import { readHours } from './hours.ts';
import { keepCprHashes, keepCprs, type ReadOptions } from './person-key.ts';
import { thrown } from './test-files.ts';

const enc = (s: string) => new TextEncoder().encode(s);
const hoursOf = (text: string, options: ReadOptions = {}) => {
  const data = readHours(enc(text), 'timer.csv', new RegisterBuilder(), options).build(defaultCodeTable());
  const out: Record<string, Record<string, number>> = {};
  for (const [cpr, p] of data.hours) {
    const months: Record<string, number> = {};
    p.hours.forEach((h, i) => {
      if (h !== 0) months[String(p.monthStart + i)] = h;
    });
    out[cpr] = months;
  }
  return out;
};
const m = (s: string) => String(parseMonth(s));

describe('readHours: plain rows and the general reader agree', () => {
  const want = { '0101901234': { [m('2021-01')]: 14.5, [m('2021-03')]: 2 }, '0202851236': { [m('2021-02')]: 7.25 } };

  it('sums the same person and month, with LF or CRLF', () => {
    const rows = ['0101901234;2021-01;10,5', '0101901234;2021-01;4', '0202851236;2021-02;7.25', '0101901234;2021-03;2'];
    expect(hoursOf(['cpr;maaned;timer', ...rows].join('\n') + '\n')).toEqual(want);
    expect(hoursOf(['cpr;maaned;timer', ...rows].join('\r\n') + '\r\n')).toEqual(want);
    expect(hoursOf(['cpr;maaned;timer', ...rows].join('\n'))).toEqual(want); // no line end after the last row
  });

  it('with the columns in another order, quoted cells, or a CPR with a dash', () => {
    const rows = ['2021-01;10,5;0101901234', '2021-01;4;0101901234', '2021-02;7.25;0202851236', '2021-03;2;0101901234'];
    expect(hoursOf(['maaned;timer;cpr', ...rows].join('\n') + '\n')).toEqual(want);
    const quoted = [
      'cpr;maaned;timer',
      '0101901234;"2021-01";10,5',
      '010190-1234;2021-01;"4"',
      '0202851236;2021-02;7.25',
      '0101901234;2021-03;2',
    ];
    expect(hoursOf(quoted.join('\n') + '\n')).toEqual(want);
  });

  it('keeps only the people asked for, and drops months before `from`', () => {
    const text =
      ['cpr;maaned;timer', '0101901234;2021-01;10,5', '0202851236;2021-02;7.25', '0101901234;2021-03;2', '0202851236;2021-04;1'].join(
        '\n',
      ) + '\n';
    expect(hoursOf(text, { keep: keepCprs(['0202851236']) })).toEqual({ '0202851236': { [m('2021-02')]: 7.25, [m('2021-04')]: 1 } });
    expect(hoursOf(text, { from: '2021-03' })).toEqual({ '0101901234': { [m('2021-03')]: 2 }, '0202851236': { [m('2021-04')]: 1 } });
  });

  it('an extra field or a bad value after plain rows is refused with its line', () => {
    const head = ['cpr;maaned;timer', '0101901234;2021-01;10,5'];
    expect(() => readHours(enc([...head, '0101901234;2021-01;4;9'].join('\n') + '\n'), 'timer.csv')).toThrow(/linje 3/);
    expect(() => readHours(enc([...head, '0101901234;2021-01;-4'].join('\n') + '\n'), 'timer.csv')).toThrow(/linje 3, kolonne «timer»/);
    expect(() => readHours(enc([...head, '0101901234;2021-1x;4'].join('\n') + '\n'), 'timer.csv')).toThrow(/linje 3, kolonne «maaned»/);
    // Months and hours that look almost plain: another separator, a letter among the digits, no hours.
    for (const month of ['2021/01', '20x1-01', '2021-0a', '202-01'])
      expect(() => readHours(enc([...head, `0101901234;${month};4`].join('\n') + '\n'), 'timer.csv'), month).toThrow(
        /linje 3, kolonne «maaned»/,
      );
    expect(() => readHours(enc([...head, '0101901234;2021-01;'].join('\n') + '\n'), 'timer.csv')).toThrow(/linje 3, kolonne «timer»/);
  });
});

/**
 * The plain-row path is the paid-hours file's speed (650,000 rows at 100,000 women): on a file of
 * plain rows the general reader reads only the first row of the chunk and finds the end, and the
 * fast path every other row. A guard that sends plain rows to the general reader gives the same
 * sums (the tests above) and would pass them; this counts the general reader's rows.
 */
describe('readHours: plain rows are read by the fast path', () => {
  afterEach(() => vi.restoreAllMocks());
  const generalRows = (text: string, options: ReadOptions = {}) => {
    // The default code table is itself read by a CsvReader the first time it is asked for:
    // read it before counting, or a test run alone counts its 133 rows.
    const table = defaultCodeTable();
    const next = vi.spyOn(CsvReader.prototype, 'next');
    const data = readHours(enc(text), 'timer.csv', new RegisterBuilder(), options).build(table);
    const calls = next.mock.results.filter((r) => r.value === true).length;
    next.mockRestore();
    return { calls, people: data.hours.size };
  };
  const plain = (cols: string[], row: (cpr: string, month: string, hours: string) => string, end = '\n') => {
    const rows: string[] = [cols.join(';')];
    for (let i = 0; i < 200; i++) {
      const cpr = String(1000000000 + (i >> 2) * 7919).padStart(10, '0');
      rows.push(row(cpr, `2021-${String(1 + (i % 12)).padStart(2, '0')}`, i % 5 === 0 ? '0' : `${i % 40},5`));
    }
    return rows.join(end) + end;
  };

  it('every row but the first, in any column order, LF or CRLF, with hours of 0', () => {
    expect(generalRows(plain(['cpr', 'maaned', 'timer'], (c, m, h) => `${c};${m};${h}`))).toEqual({ calls: 1, people: 50 });
    expect(generalRows(plain(['cpr', 'maaned', 'timer'], (c, m, h) => `${c};${m};${h}`, '\r\n'))).toEqual({ calls: 1, people: 50 });
    expect(generalRows(plain(['maaned', 'timer', 'cpr'], (c, m, h) => `${m};${h};${c}`))).toEqual({ calls: 1, people: 50 });
    expect(generalRows(plain(['timer', 'cpr', 'maaned'], (c, m, h) => `${h};${c};${m}`))).toEqual({ calls: 1, people: 50 });
  });

  it('with the people to keep and a first month', () => {
    const text = plain(['cpr', 'maaned', 'timer'], (c, m, h) => `${c};${m};${h}`);
    const some = ['1000000000', '1000007919', '1000015838'];
    expect(generalRows(text, { keep: keepCprs(some) })).toEqual({ calls: 1, people: 3 });
    // Every third person has only 2021-01..04 (rows 4k..4k+3 with 4k % 12 = 0): 17 of 50 have no month from June.
    expect(generalRows(text, { from: '2021-06' })).toEqual({ calls: 1, people: 33 });
  });

  it('the CPR 0000000000 is a plain row too', () => {
    const text = plain(['cpr', 'maaned', 'timer'], (c, m, h) => `${c};${m};${h}`).replaceAll('\n1000007919;', '\n0000000000;');
    expect(generalRows(text)).toEqual({ calls: 1, people: 50 });
  });

  it('a row of another form goes to the general reader, and the fast path takes the rows after it', () => {
    const text = plain(['cpr', 'maaned', 'timer'], (c, m, h) => `${c};${m};${h}`).replace('\n1000007919;', '\n"1000007919";');
    expect(generalRows(text)).toEqual({ calls: 2, people: 50 });
  });
});

describe('readHours: what the plain-row path must not change', () => {
  const rows = ['0101901234;2021-01;10,5', '0202851236;2021-02;7.25', '0101901234;2021-03;2'];
  it('the month column may be written måned', () => {
    expect(Object.keys(hoursOf(['cpr;måned;timer', ...rows].join('\n') + '\n'))).toEqual(['0101901234', '0202851236']);
  });

  it('the person column is cpr before pnr, and never a column without a name', () => {
    expect(hoursOf('pnr;cpr;maaned;timer\n0101901234;0202851236;2021-02;3\n')).toEqual({ '0202851236': { [m('2021-02')]: 3 } });
    // A header ending in the delimiter has a last column without a name.
    expect(hoursOf('pnr;maaned;timer;\n0101901234;2021-02;3;\n')).toEqual({ '0101901234': { [m('2021-02')]: 3 } });
    expect(hoursOf('cpr;maaned;timer;\n0101901234;2021-02;3;\n')).toEqual({ '0101901234': { [m('2021-02')]: 3 } });
  });

  it('a file by running number: a ten-digit løbenummer stays a running number (#…), never a CPR, after the first row too', () => {
    const text =
      ['lobenr;maaned;timer', '0101901234;2021-01;1', '0202851236;2021-02;2', '0202851236;2021-03;3', '12;2021-03;4'].join('\n') + '\n';
    expect(hoursOf(text)).toEqual({
      '#0101901234': { [m('2021-01')]: 1 },
      '#0202851236': { [m('2021-02')]: 2, [m('2021-03')]: 3 },
      '#12': { [m('2021-03')]: 4 },
    });
  });

  it('keeps only the people asked for by CPR hash (no CPR numbers for the plain rows to test against)', () => {
    const text = ['cpr;maaned;timer', ...rows, '0303801238;2021-04;1'].join('\n') + '\n';
    const keep = keepCprHashes(['h0202851236'], (cpr) => `h${cpr}`);
    expect(hoursOf(text, { keep })).toEqual({ '0202851236': { [m('2021-02')]: 7.25 } });
  });

  it('the first row may be the CPR 0000000001 (no person read before it)', () => {
    const text = ['cpr;maaned;timer', '0000000001;2021-02;3', '0000000001;2021-03;4', '0101901234;2021-01;1'].join('\n') + '\n';
    expect(hoursOf(text)['0000000001']).toEqual({ [m('2021-02')]: 3, [m('2021-03')]: 4 });
  });

  it('a bad quoted month or number is named by its first 40 characters', () => {
    const long = 'x'.repeat(60);
    const head = 'cpr;maaned;timer\n0101901234;2021-01;1\n';
    expect(thrown(() => readHours(enc(`${head}0101901234;"${long}";4\n`), 'timer.csv')).message).toContain(`«${'x'.repeat(40)}»`);
    expect(thrown(() => readHours(enc(`${head}0101901234;2021-02;"${long}"\n`), 'timer.csv')).message).toContain(`«${'x'.repeat(40)}»`);
  });
});

describe('a person met for the first time gets her months at once', () => {
  const spanOf = (text: string) => {
    const data = readHours(enc(text), 'timer.csv').build(defaultCodeTable());
    return Object.fromEntries([...data.hours].map(([cpr, p]) => [cpr, [p.monthStart - parseMonth('2021-01')!, p.hours.length]]));
  };

  it('the span is the one growing her array row by row gave (12 months from her first; past an end, 6 beyond)', () => {
    // 2021-01: months 0 … 11; 2022-01 (12) grows it to 18; 2022-04 (15) is inside; 2020-12 (-1) grows it to -7.
    const rows = ['0101901234;2021-01;1', '0101901234;2022-01;2', '0101901234;2022-04;3', '0101901234;2020-12;4', '0202851236;2021-05;5'];
    expect(spanOf(['cpr;maaned;timer', ...rows].join('\n') + '\n')).toEqual({ '0101901234': [-7, 26], '0202851236': [4, 12] });
  });

  it('sums her rows when she comes back after another person, and months a century apart', () => {
    const rows = [
      '0101901234;2021-01;1,5',
      '0202851236;2021-02;2',
      '0101901234;2021-01;0,25',
      '0202851236;2150-02;3',
      '0202851236;1925-02;4',
    ];
    const got = hoursOf(['cpr;maaned;timer', ...rows].join('\n') + '\n');
    expect(got).toEqual({
      '0101901234': { [m('2021-01')]: 1.75 },
      '0202851236': { [m('2021-02')]: 2, [m('2150-02')]: 3, [m('1925-02')]: 4 },
    });
  });
});
