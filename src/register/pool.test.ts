import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { bytesSource } from './chunks.ts';
import { readPool } from './pool.ts';
import { thrown } from './test-files.ts';

const enc = (s: string) => new TextEncoder().encode(s);

describe('readPool (pulje, spec effekt-2026.1 §1)', () => {
  it('reads cpr (with or without dash), kommune and the optional country of origin, which is left out when empty', () => {
    const text = 'cpr;kommune;oprindelsesland\n010190-1234;Aalborg;Syrien\n0202851236;Odense;\n';
    expect(readPool(enc(text), 'pulje.csv')).toEqual([
      { cpr: '0101901234', kommune: 'Aalborg', oprindelsesland: 'Syrien' },
      { cpr: '0202851236', kommune: 'Odense' },
    ]);
  });
  it('takes `pnr` for the CPR column, does without the country column, and reads a path or a byte source alike', () => {
    const text = 'pnr;kommune\n0101901234;Aalborg\n';
    const want = [{ cpr: '0101901234', kommune: 'Aalborg' }];
    expect(readPool(enc(text), 'p.csv')).toEqual(want);
    expect(readPool(bytesSource(enc(text)), 'p.csv')).toEqual(want);
    const dir = mkdtempSync(join(tmpdir(), 'pulje-'));
    writeFileSync(join(dir, 'p.csv'), text);
    expect(readPool({ path: join(dir, 'p.csv') }, 'p.csv')).toEqual(want);
  });
  it('a CPR number may stand only once: the second names the line of the first', () => {
    const e = thrown(() => readPool(enc('cpr;kommune\n0101901234;A\n0202851236;B\n010190-1234;C\n'), 'p.csv'));
    expect(e).toMatchObject({ code: 'duplicate', line: 4, column: 'cpr' });
    expect(e.message).toBe('p.csv, linje 4, kolonne «cpr»: CPR-nummeret står også i linje 2; en kvinde kan kun stå én gang i puljen.');
  });
  it('rejects a bad CPR, a missing kommune, a row with too few fields and a missing column', () => {
    const bad = thrown(() => readPool(enc('cpr;kommune\n0101901234;A\n12345;B\n'), 'p.csv'));
    expect(bad).toMatchObject({ code: 'bad_cpr', line: 3, column: 'cpr' });
    expect(bad.message).toMatch(/^p\.csv, linje 3, kolonne «cpr»: «12345»: ./);
    const noKommune = thrown(() => readPool(enc('cpr;kommune\n0101901234;\n'), 'p.csv'));
    expect(noKommune).toMatchObject({ code: 'bad_value', line: 2, column: 'kommune' });
    expect(noKommune.message).toBe('p.csv, linje 2, kolonne «kommune»: kommune mangler.');
    expect(thrown(() => readPool(enc('cpr;kommune\n0101901234\n'), 'p.csv'))).toMatchObject({ code: 'field_count', line: 2 });
    expect(thrown(() => readPool(enc('cpr;land\n0101901234;X\n'), 'p.csv'))).toMatchObject({ code: 'missing_column', column: 'kommune' });
  });
  it('reads the country of origin when it is the first column', () => {
    expect(readPool(enc('oprindelsesland;cpr;kommune\nSyrien;0101901234;Aalborg\n'), 'p.csv')).toEqual([
      { cpr: '0101901234', kommune: 'Aalborg', oprindelsesland: 'Syrien' },
    ]);
  });
});
