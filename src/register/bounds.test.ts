/**
 * Issue 11, finding 8 (a): the readers bound what they accept and what they say. A header line
 * with a million columns or a megabyte-long name is refused with a message naming the limit, and
 * no message grows with the file (at most ten items named, each name cut, the whole cut).
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fileSource } from './chunks.ts';
import { CsvReader, MAX_COLUMNS, listSome } from './csv.ts';
import { RegisterInputError, MAX_MESSAGE } from './errors.ts';
import { readBenefits } from './benefits.ts';
import { readPool } from './pool.ts';

function errorOf(fn: () => unknown): RegisterInputError {
  try {
    fn();
  } catch (e) {
    if (e instanceof RegisterInputError) return e;
    throw e;
  }
  throw new Error('no error');
}

describe('header and message bounds', () => {
  it('refuses a header with a million columns, naming the limit, in a short message', () => {
    const header = Array.from({ length: 1_000_000 }, (_, i) => `k${i}`).join(';');
    const e = errorOf(() => readBenefits(Buffer.from(`${header}\n`), 'bred.csv'));
    expect(e.code).toBe('too_large');
    expect(e.message).toMatch(/overskriftslinjen er længere end 1 MB, som er det højeste tilladte/);
    expect(e.message.length).toBeLessThan(300);
  });

  it(`refuses more than ${MAX_COLUMNS.toLocaleString('da-DK')} columns in a header under 1 MB`, () => {
    const header = Array.from({ length: MAX_COLUMNS + 1 }, () => 'a').join(';');
    const e = errorOf(() => new CsvReader(Buffer.from(`${header}\n1\n`), 'mange.csv'));
    expect(e.code).toBe('too_large');
    expect(e.message).toBe(
      'mange.csv, linje 1: overskriftslinjen har flere end 10.000 kolonner, som er det højeste tilladte. Er det den rigtige fil?',
    );
    // Exactly the limit is read.
    const ok = Array.from({ length: MAX_COLUMNS }, () => 'a').join(';');
    expect(new CsvReader(Buffer.from(`${ok}\n`), 'nok.csv').header).toHaveLength(MAX_COLUMNS);
  });

  it('keeps a missing-column message short when the names are huge', () => {
    const huge = Array.from({ length: 3 }, (_, i) => `${'x'.repeat(300_000)}${i}`).join(';');
    const e = errorOf(() => readPool(Buffer.from(`${huge}\n1;2;3\n`), 'pulje.csv'));
    expect(e.code).toBe('missing_column');
    expect(e.message).toMatch(/^pulje\.csv, linje 1: kolonnen «cpr» mangler i overskriftslinjen \(fundet: x+…, x+…, x+…\)\.$/);
    expect(e.message.length).toBeLessThan(400);
  });

  it('names at most ten items and counts the rest, each cut', () => {
    const s = listSome(Array.from({ length: 5000 }, (_, i) => `${'n'.repeat(500)}${i}`));
    expect(s).toMatch(/ og 4\.990 flere$/);
    expect(s.length).toBeLessThan(1000);
  });

  it('cuts any message and file name', () => {
    const e = new RegisterInputError('bad_value', 'y'.repeat(1_000_000), { file: 'f'.repeat(100_000) });
    expect(e.message.length).toBe(MAX_MESSAGE);
    expect(e.file.length).toBeLessThanOrEqual(255);
  });

  it('refuses a row longer than the longest allowed instead of holding it in memory', () => {
    const dir = mkdtempSync(join(tmpdir(), 'fremdrift-rows-'));
    try {
      const path = join(dir, 'lang.csv');
      writeFileSync(path, `cpr;kommune\n${'z'.repeat(20_000)}\n`);
      const src = fileSource(path, 1024, 'lang.csv', 8192);
      const e = errorOf(() => {
        while (src.next());
      });
      expect(e.code).toBe('too_large');
      expect(e.message).toBe('lang.csv: en linje er længere end 8 kB, som er det højeste tilladte. Er det den rigtige fil?');
      expect(e.message).not.toContain(dir);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
