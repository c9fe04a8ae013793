/**
 * The candidate list reader (Bruttomålgruppen, issue 13): its columns and their other names,
 * every bad row collected with its line and message, the bounds on errors listed and rows read.
 */
import { describe, expect, it } from 'vitest';
import { MAX_CANDIDATE_ROWS, MAX_ROW_ERRORS, readCandidateList } from './candidates.ts';
import { RegisterInputError } from './errors.ts';
import { thrown } from './test-files.ts';

const read = (text: string) => readCandidateList(Buffer.from(text), 'liste.csv');
/** A valid CPR (1 January 1990 plus i days' worth of serial numbers). */
const cpr = (i: number) => `010190${String(1000 + i).padStart(4, '0')}`;

describe('candidate list', () => {
  it('reads every column, with null for optional columns that are absent or empty', () => {
    const list = read('cpr;navn;ydelse;oprindelse;kommune\n' + `${cpr(1)};Amina;Kontanthjælp;Syrien;851\n` + `010190-1002; Fatima ;;;\n`);
    expect(list).toEqual({
      rows: [
        { line: 2, cpr: cpr(1), name: 'Amina', benefit: 'Kontanthjælp', origin: 'Syrien', municipality: '851' },
        { line: 3, cpr: cpr(2), name: 'Fatima', benefit: null, origin: null, municipality: null },
      ],
      errors: [],
      moreErrors: 0,
    });
    const bare = read(`pnr;navn\n${cpr(1)};Amina\n`);
    expect(bare.rows).toEqual([{ line: 2, cpr: cpr(1), name: 'Amina', benefit: null, origin: null, municipality: null }]);
  });

  it('knows the other names of each column', () => {
    for (const [c, n, b, o, m] of [
      ['pnr', 'name', 'forsørgelse', 'oprindelsesland', 'kommunekode'],
      ['cpr-nummer', 'navn', 'forsoergelse', 'herkomst', 'kommune'],
      ['CPRNR', 'Navn', 'Ydelse', 'Oprindelse', 'Kommune'],
    ]) {
      const list = read(`${c};${n};${b};${o};${m}\n${cpr(1)};Amina;A-dagpenge;Irak;461\n`);
      expect(list.errors).toEqual([]);
      expect(list.rows).toEqual([{ line: 2, cpr: cpr(1), name: 'Amina', benefit: 'A-dagpenge', origin: 'Irak', municipality: '461' }]);
    }
  });

  it('reads optional columns standing first', () => {
    const list = read(`kommune;ydelse;cpr;navn\n851;Kontanthjælp;${cpr(1)};Amina\n`);
    expect(list.rows).toEqual([{ line: 2, cpr: cpr(1), name: 'Amina', benefit: 'Kontanthjælp', origin: null, municipality: '851' }]);
    const bad = read(`oprindelse;cpr;navn\n${'x'.repeat(101)};${cpr(1)};Amina\n`);
    expect(bad.errors).toEqual([{ line: 2, message: 'Linje 2: Oprindelsen er længere end 100 tegn.' }]);
  });

  it('refuses a file without the CPR or the name column, naming it', () => {
    const noCpr = thrown(() => read('id;navn\n1;Amina\n'));
    expect(noCpr).toBeInstanceOf(RegisterInputError);
    expect(noCpr.code).toBe('missing_column');
    expect(noCpr.message).toBe('liste.csv, linje 1: kolonnen «cpr» mangler i overskriftslinjen (fundet: id, navn).');
    const noName = thrown(() => read(`cpr;fornavn\n${cpr(1)};Amina\n`));
    expect(noName.message).toBe('liste.csv, linje 1: kolonnen «navn» mangler i overskriftslinjen (fundet: cpr, fornavn).');
  });

  it('collects every bad row with its line and what is wrong, and keeps the good ones', () => {
    const long = (n: number) => 'x'.repeat(n);
    const list = read(
      [
        'cpr;navn;ydelse;oprindelse;kommune',
        `${cpr(1)};Amina;;;`, // 2: good
        `${cpr(2)};Fatima`, // 3: too few fields
        `;Hana;;;`, // 4: no CPR
        `12345;Hana;;;`, // 5: not ten digits
        `3201901234;Hana;;;`, // 6: no such date
        `010190-1001;Hana;;;`, // 7: the same woman as line 2
        `${cpr(3)};;;;`, // 8: no name
        `${cpr(4)};${long(201)};;;`, // 9: name too long
        `${cpr(5)};${long(200)};${long(100)};${long(100)};`, // 10: good, at every limit
        `${cpr(6)};Leila;${long(101)};;`, // 11: benefit too long
        `${cpr(7)};Leila;;${long(101)};`, // 12: origin too long
        `${cpr(8)};Leila;;;85`, // 13: not a municipality code
        `${cpr(9)};Leila;;;8510`, // 14: nor this
        `${cpr(10)};Leila;;;ab1`, // 15: nor this
        `${cpr(11)};Leila;;;;x`, // 16: a non-empty extra field
        `${cpr(12)};Leila;;;;`, // 17: good (an empty extra field)
        `${cpr(13)};Sara;;;101`, // 18: good
        `${cpr(5)};Sara;;;`, // 19: the same woman as line 10
      ].join('\n') + '\n',
    );
    expect(list.rows.map((r) => [r.line, r.cpr])).toEqual([
      [2, cpr(1)],
      [10, cpr(5)],
      [17, cpr(12)],
      [18, cpr(13)],
    ]);
    expect(list.rows[1]).toEqual({ line: 10, cpr: cpr(5), name: long(200), benefit: long(100), origin: long(100), municipality: null });
    expect(list.errors).toEqual([
      { line: 3, message: 'Linje 3: rækken har 2 felter, men overskriften har 5; feltet mangler.' },
      { line: 4, message: 'Linje 4: CPR-nummeret mangler.' },
      { line: 5, message: 'Linje 5: «12345» i kolonnen «cpr»: CPR-nummeret skal være 10 cifre (DDMMÅÅ-XXXX).' },
      { line: 6, message: 'Linje 6: «3201901234» i kolonnen «cpr»: CPR-nummeret indeholder ikke en gyldig dato.' },
      { line: 7, message: 'Linje 7: CPR-nummeret står også i linje 2; en kvinde kan kun stå én gang på listen.' },
      { line: 8, message: 'Linje 8: navnet mangler.' },
      { line: 9, message: 'Linje 9: navnet er længere end 200 tegn.' },
      { line: 11, message: 'Linje 11: Ydelsen er længere end 100 tegn.' },
      { line: 12, message: 'Linje 12: Oprindelsen er længere end 100 tegn.' },
      { line: 13, message: 'Linje 13: «85» i kolonnen «kommune» er ikke en kommunekode (3 cifre, fx 851).' },
      { line: 14, message: 'Linje 14: «8510» i kolonnen «kommune» er ikke en kommunekode (3 cifre, fx 851).' },
      { line: 15, message: 'Linje 15: «ab1» i kolonnen «kommune» er ikke en kommunekode (3 cifre, fx 851).' },
      { line: 16, message: 'Linje 16: rækken har 6 felter, men overskriften har kun 5.' },
      { line: 19, message: 'Linje 19: CPR-nummeret står også i linje 10; en kvinde kan kun stå én gang på listen.' },
    ]);
    expect(list.moreErrors).toBe(0);
  });

  it('shortens a long bad value in its message', () => {
    const list = read(`cpr;navn;kommune\n${'9'.repeat(30)};Amina;\n${cpr(1)};Amina;${'1'.repeat(30)}\n`);
    expect(list.errors.map((e) => e.message)).toEqual([
      `Linje 2: «${'9'.repeat(19)}…» i kolonnen «cpr»: CPR-nummeret skal være 10 cifre (DDMMÅÅ-XXXX).`,
      `Linje 3: «${'1'.repeat(19)}…» i kolonnen «kommune» er ikke en kommunekode (3 cifre, fx 851).`,
    ]);
  });

  it(`lists the first ${MAX_ROW_ERRORS} bad rows and counts the rest`, () => {
    const bad = Array.from({ length: MAX_ROW_ERRORS + 7 }, () => ';Amina');
    const list = read(`cpr;navn\n${bad.join('\n')}\n${cpr(1)};Amina\n`);
    expect(list.errors).toHaveLength(MAX_ROW_ERRORS);
    expect(list.errors[MAX_ROW_ERRORS - 1]).toEqual({
      line: MAX_ROW_ERRORS + 1,
      message: `Linje ${MAX_ROW_ERRORS + 1}: CPR-nummeret mangler.`,
    });
    expect(list.moreErrors).toBe(7);
    expect(list.rows).toHaveLength(1);
  });

  it(`reads ${MAX_CANDIDATE_ROWS.toLocaleString('da-DK')} rows, good or bad, and refuses one more`, () => {
    // Distinct valid CPRs: day 01–28, month 01–12, serial 1000–1099 (all in 1990).
    const cprs: string[] = [];
    for (let d = 1; d <= 28 && cprs.length < MAX_CANDIDATE_ROWS; d++)
      for (let m = 1; m <= 12 && cprs.length < MAX_CANDIDATE_ROWS; m++)
        for (let s = 1000; s < 1100 && cprs.length < MAX_CANDIDATE_ROWS; s++)
          cprs.push(`${String(d).padStart(2, '0')}${String(m).padStart(2, '0')}90${s}`);
    // The last rows are bad: rows, listed errors and counted errors all count towards the limit.
    const badRows = MAX_ROW_ERRORS + 10;
    const lines = cprs.slice(0, MAX_CANDIDATE_ROWS - badRows).map((c) => `${c};A`);
    const bad = Array.from({ length: badRows }, () => ';A\n').join('');
    const full = read(`cpr;navn\n${lines.join('\n')}\n${bad}`);
    expect(full.rows).toHaveLength(MAX_CANDIDATE_ROWS - badRows);
    expect(full.errors).toHaveLength(MAX_ROW_ERRORS);
    expect(full.moreErrors).toBe(10);
    const over = thrown(() => read(`cpr;navn\n${lines.join('\n')}\n${bad}${cprs[MAX_CANDIDATE_ROWS - 1]};A\n`));
    expect(over).toBeInstanceOf(RegisterInputError);
    expect(over.code).toBe('too_large');
    expect(over.message).toBe('liste.csv: listen har flere end 20.000 rækker. Del den op.');
  });
});
