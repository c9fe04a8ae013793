import { describe, expect, it } from 'vitest';
import { readBenefits } from './benefits.ts';
import { buildRegisterData, RegisterBuilder } from './builder.ts';
import { defaultCodeTable, readCodeTable } from './codetable.ts';
import { readHours } from './hours.ts';
import { parseMonth, parseWeek } from '../monitoring/calendar.ts';
import type { RegisterData } from '../monitoring/types.ts';
import { fixture, thrown } from './test-files.ts';

const enc = (s: string) => new TextEncoder().encode(s);

function codeAt(data: RegisterData | RegisterBuilder, cpr: string, week: string): number {
  const p = data.weeks.get(cpr);
  const w = parseWeek(week)!;
  return p && w >= p.weekStart && w < p.weekStart + p.codes.length ? p.codes[w - p.weekStart] : 0;
}

describe('readBenefits: wide layout', () => {
  const data = readBenefits(fixture('ydelser-bred.csv'), 'ydelser-bred.csv').build(defaultCodeTable());
  it('reads PNR + y_YYWW columns (YY < 90 is 20YY), ignoring other columns', () => {
    expect(codeAt(data, '0101901234', '2020-W53')).toBe(131);
    expect(codeAt(data, '0101901234', '2021-W01')).toBe(131);
    expect(codeAt(data, '0101901234', '2021-W26')).toBe(651);
    expect(codeAt(data, '0101901234', '2020-W52')).toBe(0);
    expect(codeAt(data, '0202851236', '2021-W01')).toBe(707);
  });
  it('reads YY ≥ 90 as 19YY', () => {
    const d = readBenefits(enc('cpr;y_9901\n0101901234;131\n'), 'x.csv').build(defaultCodeTable());
    expect(codeAt(d, '0101901234', '1999-W01')).toBe(131);
  });
  it('merges several rows and files of the same person; the same code twice is fine', () => {
    const b = readBenefits(fixture('ydelser-bred.csv'), 'ydelser-bred.csv');
    readBenefits(fixture('ydelser-lang.csv'), 'ydelser-lang.csv', b);
    const d = b.build(defaultCodeTable());
    expect(codeAt(d, '0101901234', '2021-W01')).toBe(131);
    expect(codeAt(d, '0303701238', '2021-W30')).toBe(705);
  });
  it('a week column that is not a real ISO week is an error naming the column', () => {
    expect(thrown(() => readBenefits(fixture('fejl-uge-bred.csv'), 'fejl-uge-bred.csv'))).toMatchObject({
      code: 'bad_week',
      line: 1,
      column: 'y_2153',
    });
  });
  it('a bad code and a short row name file, line and column', () => {
    const e = thrown(() => readBenefits(fixture('fejl-kode.csv'), 'fejl-kode.csv'));
    expect(e.message).toMatch(/^fejl-kode\.csv, linje 2, kolonne «y_2102»: «13a» er ikke en gyldig ydelseskode/);
    expect(thrown(() => readBenefits(fixture('fejl-felter.csv'), 'fejl-felter.csv'))).toMatchObject({
      code: 'field_count',
      line: 2,
      column: 'y_2102',
    });
    expect(thrown(() => readBenefits(enc('PNR;y_2101\n12345;131\n'), 'x.csv'))).toMatchObject({ code: 'bad_cpr', line: 2, column: 'PNR' });
  });
  it('a trailing delimiter (empty extra field) is accepted, an extra value is not', () => {
    const d = readBenefits(enc('PNR;y_2101\n0101901234;131;\n'), 'x.csv').build(defaultCodeTable());
    expect(codeAt(d, '0101901234', '2021-W01')).toBe(131);
    expect(thrown(() => readBenefits(enc('PNR;y_2101\n0101901234;131;140\n'), 'x.csv'))).toMatchObject({
      code: 'field_count',
      line: 2,
      column: 'felt 3',
    });
  });
  it('a file with neither week columns nor uge/kode is a missing-column error', () => {
    expect(thrown(() => readBenefits(enc('cpr;foo\n0101901234;1\n'), 'x.csv'))).toMatchObject({ code: 'missing_column', line: 1 });
  });
});

describe('readBenefits: long layout', () => {
  it('reads cpr, uge (YYYY-Www or YYWW), kode with `,`', () => {
    const d = readBenefits(fixture('ydelser-lang.csv'), 'ydelser-lang.csv').build(defaultCodeTable());
    expect(codeAt(d, '0303701238', '2021-W30')).toBe(705);
    expect(codeAt(d, '0303701238', '2021-W31')).toBe(705);
  });
  it('a bad week names line and column', () => {
    const e = thrown(() => readBenefits(fixture('fejl-uge.csv'), 'fejl-uge.csv'));
    expect(e).toMatchObject({ code: 'bad_week', file: 'fejl-uge.csv', line: 3, column: 'uge' });
    expect(e.message).toMatch(/«2153» er ikke en gyldig uge/);
  });
  it('stores only the weeks from the first to the last code', () => {
    const d = readBenefits(fixture('ydelser-lang.csv'), 'ydelser-lang.csv').build(defaultCodeTable());
    const p = d.weeks.get('0303701238')!;
    expect(p.weekStart).toBe(parseWeek('2021-W30'));
    expect([...p.codes]).toEqual([705, 705]);
  });
  it('an empty code means no benefit that week', () => {
    const d = readBenefits(enc('cpr;uge;kode\n0101901234;2021-W05;\n'), 'x.csv').build(defaultCodeTable());
    expect(codeAt(d, '0101901234', '2021-W05')).toBe(0);
  });
  it('a missing kode column is named', () => {
    expect(thrown(() => readBenefits(enc('cpr;uge\n0101901234;2021-W05\n'), 'x.csv'))).toMatchObject({
      code: 'missing_column',
      column: 'kode',
    });
  });
});

describe('conflicting codes (spec §1.2)', () => {
  it('across two files: names both places', () => {
    const b = readBenefits(fixture('ydelser-bred.csv'), 'ydelser-bred.csv');
    const e = thrown(() => readBenefits(fixture('ydelser-konflikt.csv'), 'ydelser-konflikt.csv', b));
    expect(e).toMatchObject({ code: 'conflict', file: 'ydelser-konflikt.csv', line: 3, column: 'kode' });
    expect(e.other).toEqual({ file: 'ydelser-bred.csv', line: 2, column: 'y_2126' });
    expect(e.message).toMatch(/ydelser-konflikt\.csv, linje 3, kolonne «kode»: CPR 010190-xxxx har kode 652 i uge 2021-W26/);
    expect(e.message).toMatch(/kode 651 i ydelser-bred\.csv, linje 2, kolonne «y_2126»/);
  });
  it('within one wide file: two rows of the same person', () => {
    const e = thrown(() =>
      readBenefits(enc('PNR;y_2101;y_2102\n0101901234;131;\n0202851236;;\n010190-1234;;211\n010190-1234;140;\n'), 'w.csv'),
    );
    expect(e).toMatchObject({ line: 5, column: 'y_2101', other: { file: 'w.csv', line: 2, column: 'y_2101' } });
  });
  it('within one long file', () => {
    const e = thrown(() =>
      readBenefits(enc('cpr;uge;kode\n0101901234;2101;131\n0101901234;2021-W01;131\n0101901234;2021-W01;651\n'), 'l.csv'),
    );
    expect(e).toMatchObject({ line: 4, column: 'kode', other: { file: 'l.csv', line: 2, column: 'kode' } });
  });
});

describe('unknown codes (spec §1.4)', () => {
  it('one error lists every unknown code with where it first appears', () => {
    const b = readBenefits(fixture('ydelser-ukendt-kode.csv'), 'ydelser-ukendt-kode.csv');
    const e = thrown(() => b.build(defaultCodeTable()));
    expect(e).toMatchObject({ code: 'unknown_codes', codes: [4711, 4712], file: 'ydelser-ukendt-kode.csv' });
    expect(e.message).toMatch(
      /4711 \(2 uger hos 1 person; første gang i ydelser-ukendt-kode\.csv, linje 3, kolonne «kode»\), 4712 \(1 uge hos 1 person; første gang i ydelser-ukendt-kode\.csv, linje 4/,
    );
    expect(e.unknown).toEqual([
      { code: 4711, weeks: 2, people: 1 },
      { code: 4712, weeks: 1, people: 1 },
    ]);
  });
  it('a user code table that has the codes makes the same data valid', () => {
    const table = readCodeTable(fixture('kodetabel.csv'), 'kodetabel.csv');
    const b = readBenefits(enc('cpr;uge;kode\n0101901234;2021-W01;4711\n'), 'x.csv');
    expect(() => b.build(table)).not.toThrow();
  });
});

describe('buildRegisterData', () => {
  it('builds from in-memory week arrays, weeks and hours, checking codes against the default table', () => {
    const d = buildRegisterData({
      weekArrays: [{ cpr: '0101901234', weekStart: parseWeek('2021-W01')!, codes: Int16Array.from([131, 131, 651]) }],
      benefits: [{ cpr: '0101901234', week: parseWeek('2021-W04')!, code: 211 }],
      hours: [
        { cpr: '0101901234', month: parseMonth('2021-01')!, hours: 10 },
        { cpr: '0101901234', month: parseMonth('2021-01')!, hours: 2.5 },
      ],
    });
    expect([1, 2, 3, 4].map((w) => codeAt(d, '0101901234', `2021-W0${w}`))).toEqual([131, 131, 651, 211]);
    expect(d.hours.get('0101901234')!.hours[parseMonth('2021-01')! - d.hours.get('0101901234')!.monthStart]).toBe(12.5);
    expect(thrown(() => buildRegisterData({ benefits: [{ cpr: '0101901234', week: 1600, code: 4711 }] }))).toMatchObject({
      code: 'unknown_codes',
      codes: [4711],
    });
    expect(
      thrown(() =>
        buildRegisterData({
          benefits: [
            { cpr: '0101901234', week: 1600, code: 131 },
            { cpr: '0101901234', week: 1600, code: 651 },
          ],
        }),
      ),
    ).toMatchObject({ code: 'conflict' });
  });
});

describe('readHours', () => {
  it('sums rows for the same person and month, decimal comma or point, quoted', () => {
    const d = readHours(fixture('loentimer.csv'), 'loentimer.csv').build(defaultCodeTable());
    const h = d.hours.get('0101901234')!;
    expect(h.hours[parseMonth('2021-11')! - h.monthStart]).toBe(80.5);
    const h2 = d.hours.get('0202851236')!;
    expect(h2.hours[parseMonth('2021-04')! - h2.monthStart]).toBe(79.3);
  });
  it('an empty or malformed number names line and column', () => {
    const e = thrown(() => readHours(fixture('fejl-timer.csv'), 'fejl-timer.csv'));
    expect(e).toMatchObject({ code: 'bad_hours', line: 3, column: 'timer' });
    expect(e.message).toMatch(/^fejl-timer\.csv, linje 3, kolonne «timer»: «» er ikke et gyldigt antal timer/);
    expect(thrown(() => readHours(enc('cpr;maaned;timer\n0101901234;2021-02;-3\n'), 'h.csv'))).toMatchObject({ line: 2, column: 'timer' });
  });
  it('a bad month and a missing column are named', () => {
    const badMonth = thrown(() => readHours(enc('cpr;maaned;timer\n0101901234;2021-13;3\n'), 'h.csv'));
    expect(badMonth).toMatchObject({ code: 'bad_month', line: 2, column: 'maaned' });
    const noHours = thrown(() => readHours(fixture('fejl-kolonne.csv'), 'fejl-kolonne.csv'));
    expect(noHours).toMatchObject({ code: 'missing_column', file: 'fejl-kolonne.csv', line: 1, column: 'timer' });
  });
});

describe('readCodeTable', () => {
  it('reads kode, kategori, tekst; ignores extra columns; accepts Danish letters in categories', () => {
    const t = readCodeTable(fixture('kodetabel.csv'), 'kodetabel.csv');
    expect(t.entries.get(211)).toEqual({ code: 211, category: 'praktik', tekst: 'Virksomhedspraktik; kontanthjælp', kilde: 'x' });
    expect(t.entries.get(4711)?.category).toBe('udgaaet');
  });
  it('the shipped default table names its source on every row; SU and censoring codes as the spec says', () => {
    const t = defaultCodeTable();
    expect(t.entries.get(651)?.category).toBe('uddannelse');
    expect(t.entries.get(651)?.kilde).toMatch(/^DREAMs statusliste .*regel 2/);
    for (const e of t.entries.values()) expect(e.kilde).toMatch(/^DREAMs statusliste/);
    t.categoryOf[131] = 0; // a copy: changing it leaves the default alone
    expect(defaultCodeTable().categoryOf[131]).not.toBe(0);
    expect(t.entries.get(652)?.category).toBe('uddannelse');
    for (const c of [997, 998, 999]) expect(t.entries.get(c)?.category).toBe('udgaaet');
  });
  it('rejects an unknown category, a non-numeric code and a code given two categories', () => {
    expect(thrown(() => readCodeTable(enc('kode;kategori\n131;arbejde\n'), 'k.csv'))).toMatchObject({ line: 2, column: 'kategori' });
    const badCode = thrown(() => readCodeTable(enc('kode;kategori\nA1;ydelse\n'), 'k.csv'));
    expect(badCode).toMatchObject({ code: 'bad_code', line: 2, column: 'kode' });
    const twice = thrown(() => readCodeTable(enc('kode;kategori\n131;ydelse\n131;praktik\n'), 'k.csv'));
    expect(twice).toMatchObject({ code: 'duplicate', line: 3 });
  });
});
