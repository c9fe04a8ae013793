import { describe, expect, it } from 'vitest';
import { bytesSource } from './chunks.ts';
import { CprColumn } from './cpr-column.ts';
import { CsvReader } from './csv.ts';
import { thrown } from './test-files.ts';

const enc = (s: string) => new TextEncoder().encode(s);

/** Every row's CPR as `read` and `number` give it. */
function column(text: string, chunked = false) {
  const r = new CsvReader(chunked ? bytesSource(enc(text)) : enc(text), 'c.csv');
  const col = new CprColumn(r, r.requireCol('cpr'));
  const out: [string, number][] = [];
  while (r.next()) out.push([col.read(), col.number()]);
  return out;
}

describe('CprColumn', () => {
  it('reuses the previous CPR only when the bytes are the same: a neighbour of equal length is read anew', () => {
    const text = 'cpr;x\n0101901234;1\n0101901234;2\n0101901235;3\n0101901235;4\n010190-1234;5\n010190-1234;6\n0101901234;7\n';
    expect(column(text).map(([c]) => c)).toEqual([
      '0101901234',
      '0101901234',
      '0101901235',
      '0101901235',
      '0101901234',
      '0101901234',
      '0101901234',
    ]);
  });
  it('reads a quoted CPR from its text (number is -1), and the unquoted row after it from its bytes', () => {
    const text = 'cpr;x\n"0101901234";1\n"0202851236";2\n0202851236;3\n"0101901234";4\n';
    expect(column(text)).toEqual([
      ['0101901234', -1],
      ['0202851236', -1],
      ['0202851236', 202851236],
      ['0101901234', -1],
    ]);
  });
  it('names line and column of a malformed CPR, also after a good one of the same length', () => {
    const e = thrown(() => column('cpr;x\n0101901234;1\n01019012x4;2\n'));
    expect(e).toMatchObject({ code: 'bad_cpr', line: 3, column: 'cpr' });
    expect(e.message).toBe('c.csv, linje 3, kolonne «cpr»: «01019012x4» er ikke et CPR-nummer (10 cifre, med eller uden bindestreg).');
  });
  it('gives the same CPRs when the file comes in chunks', () => {
    const rows = Array.from({ length: 3000 }, (_, i) => `${String(101900000 + Math.floor(i / 3)).padStart(10, '0')};${i}`);
    const text = `cpr;x\n${rows.join('\n')}\n`;
    const whole = column(text);
    expect(column(text, true)).toEqual(whole);
    expect(whole[2999][0]).toBe('0101900999');
  });
});
