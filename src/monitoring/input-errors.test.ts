import { describe, expect, it } from 'vitest';
import { cellError, MAX_MESSAGE, placeText, RegisterInputError, shorten, sizeText } from './input-errors.ts';

describe('input errors (spec §1: file, line and column)', () => {
  it('sizes in whole MB from 1 MB, else kB rounded up, with Danish digit grouping', () => {
    expect(sizeText(1024 * 1024)).toBe('1 MB');
    expect(sizeText(1024 * 1024 - 1)).toBe('1.024 kB');
    expect(sizeText(1500)).toBe('2 kB');
    expect(sizeText(2_000 * 1024 * 1024 + 5)).toBe('2.000 MB');
  });
  it('cuts long names with an ellipsis at the limit', () => {
    expect(shorten('a'.repeat(80))).toBe('a'.repeat(80));
    expect(shorten('a'.repeat(81))).toBe(`${'a'.repeat(79)}…`);
    expect(shorten('abcdef', 4)).toBe('abc…');
    expect(shorten('abcd', 4)).toBe('abcd');
  });
  it('names the place, leaving out what is not known', () => {
    expect(placeText({ file: 'timer.csv', line: 4, column: 'timer' })).toBe('timer.csv, linje 4, kolonne «timer»');
    expect(placeText({ file: 'timer.csv' })).toBe('timer.csv');
    expect(placeText({ file: 'timer.csv', line: null, column: 'x' })).toBe('timer.csv, kolonne «x»');
    expect(placeText({ file: 'f'.repeat(300), line: 0 })).toBe(`${'f'.repeat(254)}…, linje 0`);
  });
  it('an error about one cell carries its place and code; messages and file names are bounded', () => {
    const e = cellError('bad_hours', { file: 'timer.csv', line: 7, column: 'timer' }, 'ugyldigt tal «x».');
    expect(e).toBeInstanceOf(RegisterInputError);
    expect(e).toMatchObject({
      name: 'RegisterInputError',
      code: 'bad_hours',
      file: 'timer.csv',
      line: 7,
      column: 'timer',
      other: null,
      codes: [],
      unknown: [],
    });
    expect(e.message).toBe('timer.csv, linje 7, kolonne «timer»: ugyldigt tal «x».');
    const long = new RegisterInputError('header', 'x'.repeat(5000), {
      file: 'y'.repeat(400),
      codes: [1],
      unknown: [{ code: 1, weeks: 2, people: 1 }],
    });
    expect(long.message).toHaveLength(MAX_MESSAGE);
    expect(long.file).toHaveLength(255);
    expect(long).toMatchObject({ line: null, column: null, codes: [1], unknown: [{ code: 1, weeks: 2, people: 1 }] });
  });
});
