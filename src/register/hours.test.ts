/**
 * readHours (hours.ts) on small files: the plain-row fast path and the general reader must give the same sums,
 * with the columns in any order, CRLF line ends, quoted cells, `keep` and `from` (issue 17, mutation testing).
 */
import { describe, expect, it } from 'vitest';
import { parseMonth } from '../monitoring/calendar.ts';
import { RegisterBuilder } from './builder.ts';
import { defaultCodeTable } from './codetable.ts';
import { readHours } from './hours.ts';
import { keepCprs, type ReadOptions } from './person-key.ts';

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
  });
});
