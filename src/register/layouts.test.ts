/** The layouts analysts receive (issue 9): yearly files, id columns, NA/./997.0, short errors. */
import { describe, expect, it } from 'vitest';
import { parseWeek } from '../monitoring/calendar.ts';
import type { RegisterData } from '../monitoring/types.ts';
import { readBenefits, yearInFileName } from './benefits.ts';
import type { RegisterBuilder } from './builder.ts';
import { defaultCodeTable } from './codetable.ts';
import { readHours } from './hours.ts';
import { readParticipants } from './participants.ts';
import { thrown } from './test-files.ts';

const enc = (s: string) => new TextEncoder().encode(s);
const A = '0101901234';
const B = '0202851236';

function codeAt(data: RegisterData | RegisterBuilder, key: string, week: string): number {
  const p = data.weeks.get(key);
  const w = parseWeek(week)!;
  return p && w >= p.weekStart && w < p.weekStart + p.codes.length ? p.codes[w - p.weekStart] : 0;
}
const weekHeader = (n: number) => Array.from({ length: n }, (_, i) => `y_${String(i + 1).padStart(2, '0')}`).join(';');

describe('yearly files with y_01 … y_53', () => {
  const body = `PNR;${weekHeader(53)}\n${A};730;${';'.repeat(50)}707;;\n`;
  it('takes the year from --year', () => {
    const d = readBenefits(enc(body), 'uger.csv', undefined, { year: 2019 }).build(defaultCodeTable());
    expect(codeAt(d, A, '2019-W01')).toBe(730);
    expect(codeAt(d, A, '2019-W52')).toBe(707);
    expect(codeAt(d, A, '2019-W02')).toBe(0);
  });
  it('takes the year from a four-digit year in the file name', () => {
    expect(yearInFileName('data/dream_2021.csv')).toBe(2021);
    expect(yearInFileName('ydelser2021-v2.csv')).toBe(2021);
    expect(yearInFileName('ydelser_2019_2020.csv')).toBeNull(); // two years: not a guess
    expect(yearInFileName('udtraek12345.csv')).toBeNull();
    const d = readBenefits(enc(body), 'dream_2021.csv').build(defaultCodeTable());
    expect(codeAt(d, A, '2021-W01')).toBe(730);
  });
  it('takes the year per row from a year column (one row per person and year)', () => {
    const d = readBenefits(enc(`pnr;aar;y_01;y_02;y_53\n${A};2020;730;;707\n${A};2021;;731;\n`), 'uger.csv').build(defaultCodeTable());
    expect(codeAt(d, A, '2020-W01')).toBe(730);
    expect(codeAt(d, A, '2020-W53')).toBe(707); // 2020 has 53 ISO weeks
    expect(codeAt(d, A, '2021-W02')).toBe(731);
  });
  it('reads several yearly files, in any order, into the same weeks as one wide file', () => {
    // Each row is read into one reused array: a builder that kept it would give every person the
    // last row's codes; years read backwards make her weeks grow at the front as well.
    const years = [2021, 2019, 2023, 2020, 2022];
    const codeOf = (key: string, y: number, w: number) =>
      (w * 7 + y + Number(key.slice(-2))) % 9 === 0 ? [730, 731, 707][(w + y) % 3] : 0;
    const weeksIn = (y: number) => (y === 2020 ? 53 : 52);
    const b = readBenefits(enc('PNR;y_01\n'), 'start_2019.csv');
    for (const y of years) {
      const rows = [A, B].map(
        (k) => `${k};${Array.from({ length: 53 }, (_, i) => (i < weeksIn(y) && codeOf(k, y, i + 1) ? codeOf(k, y, i + 1) : '')).join(';')}`,
      );
      readBenefits(enc(`PNR;${weekHeader(53)}\n${rows.join('\n')}\n`), `ydelser_${y}.csv`, b);
    }
    const d = b.build(defaultCodeTable());
    let coded = 0;
    for (const k of [A, B]) {
      for (const y of years) {
        for (let w = 1; w <= weeksIn(y); w++) {
          const want = codeOf(k, y, w);
          if (want) coded++;
          expect(codeAt(d, k, `${y}-W${String(w).padStart(2, '0')}`), `${k} ${y}-W${w}`).toBe(want);
        }
      }
    }
    expect(coded).toBeGreaterThan(40);
  });
  it('refuses a yearly file whose year nothing tells, with a clear Danish message', () => {
    const e = thrown(() => readBenefits(enc(body), 'uger.csv'));
    expect(e).toMatchObject({ code: 'missing_column', line: 1 });
    expect(e.message).toBe(
      'uger.csv, linje 1: ugekolonnerne y_01 … y_53 siger ikke, hvilket år de hører til. Angiv året med --year, i filnavnet (fx ydelser_2019.csv) eller i en kolonne «aar».',
    );
  });
  it('refuses a code in week 53 of a year with 52 ISO weeks, a bad year cell, and dated and yearly columns mixed', () => {
    expect(thrown(() => readBenefits(enc(`pnr;y_52;y_53\n${A};;730\n`), 'x.csv', undefined, { year: 2019 }))).toMatchObject({
      code: 'bad_week',
      line: 2,
      column: 'y_53',
    });
    expect(() => readBenefits(enc(`pnr;y_52;y_53\n${A};730;\n`), 'x.csv', undefined, { year: 2019 })).not.toThrow();
    expect(thrown(() => readBenefits(enc(`pnr;aar;y_01\n${A};19;730\n`), 'x.csv'))).toMatchObject({
      code: 'bad_value',
      line: 2,
      column: 'aar',
    });
    expect(thrown(() => readBenefits(enc(`pnr;y_2101;y_02\n${A};730;\n`), 'x.csv'))).toMatchObject({ code: 'bad_week', column: 'y_02' });
    expect(thrown(() => readBenefits(enc(`pnr;y_01;y_54\n${A};730;\n`), 'x.csv', undefined, { year: 2019 }))).toMatchObject({
      code: 'bad_week',
      column: 'y_54',
    });
  });
});

describe('person columns', () => {
  it('reads PNR, pnr, cpr and lobenr', () => {
    for (const name of ['PNR', 'pnr', 'cpr', 'CPR']) {
      expect(codeAt(readBenefits(enc(`${name};y_2101\n${A};730\n`), 'x.csv'), A, '2021-W01')).toBe(730);
    }
    const d = readBenefits(enc('lobenr;koen;y_2101\n17;K;730\n18;K;707\n'), 'x.csv').build(defaultCodeTable());
    expect(codeAt(d, '#17', '2021-W01')).toBe(730);
    expect(codeAt(d, '#18', '2021-W01')).toBe(707);
    const h = readHours(enc('lobenr;maaned;timer\n17;2021-02;74\n'), 'h.csv').build(defaultCodeTable());
    expect(h.hours.get('#17')?.hours[0]).toBe(74);
  });
  it('participants keyed by lobenr give their birth date, and link to the register rows', () => {
    const p = readParticipants(
      enc('id;lobenr;foedselsdato;kommune;indskrevet;visitation\nA;17;1985-03-02;Aalborg;2021-01-04;jobparat\n'),
      'd.csv',
    );
    expect(p[0]).toMatchObject({ cpr: '#17', birthDate: '1985-03-02' });
    expect(
      thrown(() => readParticipants(enc('id;lobenr;kommune;indskrevet;visitation\nA;17;Aalborg;2021-01-04;jobparat\n'), 'd.csv')),
    ).toMatchObject({ code: 'missing_column', column: 'foedselsdato' });
  });
  it('a file without a person column names at most ten of its 1,700 columns and counts the rest', () => {
    const header = [
      'lbnr',
      'koen',
      ...Array.from(
        { length: 1700 },
        (_, i) =>
          `y_${String(91 + Math.floor(i / 52))
            .slice(-2)
            .padStart(2, '0')}${String((i % 52) + 1).padStart(2, '0')}`,
      ),
    ];
    const e = thrown(() => readBenefits(enc(`${header.join(';')}\n`), 'bred.csv'));
    expect(e).toMatchObject({ code: 'missing_column', line: 1 });
    expect(e.message.length).toBeLessThan(300);
    expect(e.message).toMatch(/ingen kolonne med personen \(PNR, cpr eller lobenr\).*fundet: lbnr, koen, y_9101, .* og 1\.692 flere\)/);
  });
  it('many bad week columns: at most ten named, the rest counted', () => {
    const bad = Array.from({ length: 40 }, (_, i) => `y_x${i}`);
    const e = thrown(() => readBenefits(enc(`pnr;${bad.join(';')}\n`), 'x.csv'));
    expect(e.message).toMatch(/40 kolonner «y_x0», .*«y_x9» og 30 flere er ikke en gyldig uge/);
    expect(e.message.length).toBeLessThan(300);
  });
});

describe('cells as R, SAS and pandas write them', () => {
  it('NA, ., blanks and 0 are no code; 997.0 is 997', () => {
    const d = readBenefits(enc(`pnr;y_2101;y_2102;y_2103;y_2104;y_2105;y_2106\n${A};NA;.;  ;0;997.0;730,0\n`), 'x.csv').build(
      defaultCodeTable(),
    );
    expect([1, 2, 3, 4].map((w) => codeAt(d, A, `2021-W0${w}`))).toEqual([0, 0, 0, 0]);
    expect(codeAt(d, A, '2021-W05')).toBe(997);
    expect(codeAt(d, A, '2021-W06')).toBe(730);
    const l = readBenefits(enc(`cpr;uge;kode\n${A};2021-W01;NA\n${B};2021-W01;"707.0"\n`), 'l.csv').build(defaultCodeTable());
    expect(l.weeks.has(A)).toBe(false);
    expect(codeAt(l, B, '2021-W01')).toBe(707);
  });
  it('refuses what is not a whole code, naming line and column', () => {
    for (const cell of ['13x', '997.5', '-1', 'N/A', '99999']) {
      expect(
        thrown(() => readBenefits(enc(`pnr;y_2101\n${A};${cell}\n`), 'x.csv')),
        cell,
      ).toMatchObject({ code: 'bad_code', line: 2, column: 'y_2101' });
    }
  });
});
