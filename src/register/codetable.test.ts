import { describe, expect, it } from 'vitest';
import { CATEGORIES, MAX_CODE } from '../monitoring/types.ts';
import { addCode, emptyCodeTable, readCodeTable } from './codetable.ts';
import { thrown } from './test-files.ts';

const enc = (s: string) => new TextEncoder().encode(s);
const read = (s: string) => readCodeTable(enc(s), 'k.csv');

describe('readCodeTable: the edges of a code', () => {
  it('accepts 0 and the largest code, quoted or not, and maps each category to its number', () => {
    const t = read(`kode;kategori\n0;ingen\n"${MAX_CODE}";ydelse\n"17";praktik\n`);
    expect([...t.entries.keys()]).toEqual([0, MAX_CODE, 17]);
    expect(t.categoryOf[0]).toBe(CATEGORIES.indexOf('ingen') + 1);
    expect(t.categoryOf[MAX_CODE]).toBe(CATEGORIES.indexOf('ydelse') + 1);
    expect(t.categoryOf[17]).toBe(CATEGORIES.indexOf('praktik') + 1);
    expect(t.categoryOf.length).toBe(MAX_CODE + 1);
  });
  it('refuses a code above the largest, an empty one and a quoted one that is not a whole number, with the range in the message', () => {
    for (const code of [String(MAX_CODE + 1), '', '"1.5"', '"-3"', '" "']) {
      const e = thrown(() => read(`kode;kategori\n${code};ydelse\n`));
      expect(e, code).toMatchObject({ code: 'bad_code', line: 2, column: 'kode' });
      expect(e.message).toMatch(new RegExp(`er ikke en gyldig kode \\(et heltal fra 0 til ${MAX_CODE}\\)\\.$`));
    }
  });
  it('reads every Danish spelling of a category, in any case, and names the categories when one is unknown', () => {
    const t = read('kode;kategori\n1;Førtidspension\n2;RESSOURCEFORLØB\n3;løntilskud\n4;Udgået\n');
    expect([1, 2, 3, 4].map((c) => t.entries.get(c)?.category)).toEqual(['foertidspension', 'ressourceforloeb', 'loentilskud', 'udgaaet']);
    const e = thrown(() => read('kode;kategori\n1;arbejde\n'));
    expect(e.message).toBe(`k.csv, linje 2, kolonne «kategori»: ukendt kategori «arbejde»; brug en af: ${CATEGORIES.join(', ')}.`);
  });
  it('a code may stand twice with the same category; with another it is refused naming both', () => {
    const t = read('kode;kategori;tekst\n5;ydelse;a\n5;ydelse;b\n');
    expect(t.entries.get(5)).toEqual({ code: 5, category: 'ydelse', tekst: 'b' });
    const e = thrown(() => read('kode;kategori\n5;ydelse\n5;praktik\n'));
    expect(e.message).toBe('k.csv, linje 3, kolonne «kode»: koden 5 står allerede i tabellen med kategorien ydelse.');
  });
  it('without `tekst` and `kilde` columns the text is empty and no source is given; an empty `kilde` is left out', () => {
    expect(read('kode;kategori\n9;ingen\n').entries.get(9)).toEqual({ code: 9, category: 'ingen', tekst: '' });
    expect(read('kode;kategori;kilde\n9;ingen;\n').entries.get(9)).toEqual({ code: 9, category: 'ingen', tekst: '' });
    expect(read('kode;kategori;kilde\n9;ingen;regel\n').entries.get(9)).toEqual({ code: 9, category: 'ingen', tekst: '', kilde: 'regel' });
  });
  it('addCode adds to an empty table', () => {
    const t = emptyCodeTable();
    expect(t.entries.size).toBe(0);
    addCode(t, { code: 42, category: 'fleksjob', tekst: 'x' });
    expect(t.entries.get(42)?.tekst).toBe('x');
    expect(t.categoryOf[42]).toBe(CATEGORIES.indexOf('fleksjob') + 1);
  });
  it('reads `tekst` or `kilde` when it is the first column; an unknown category is a bad value', () => {
    expect(read('tekst;kode;kategori\nSU;9;ingen\n').entries.get(9)).toEqual({ code: 9, category: 'ingen', tekst: 'SU' });
    expect(read('kilde;kode;kategori\nregel;9;ingen\n').entries.get(9)).toEqual({ code: 9, category: 'ingen', tekst: '', kilde: 'regel' });
    expect(thrown(() => read('kode;kategori\n1;arbejde\n'))).toMatchObject({ code: 'bad_value' });
  });
});
