import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { effect } from '../../effect/engine.ts';
import { csvLines, spawnCommand } from '../test-support.ts';
import { effectFiles, effectInputOf, HAND_PARTICIPANTS, HAND_POOL } from '../../effect/test-support.ts';

const dir = mkdtempSync(join(tmpdir(), 'fremdrift-effect-'));
const files = effectFiles(HAND_PARTICIPANTS, HAND_POOL);
for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, `${name}.csv`), text);
const f = (name: string) => join(dir, `${name}.csv`);

const cli = (...args: string[]) => spawnCommand('effect', ...args);

const base = [
  '--participants',
  f('deltagere'),
  '--pool',
  f('pulje'),
  '--benefits',
  f('ydelser'),
  '--hours',
  f('loentimer'),
  '--month',
  '2022-12',
];

describe('fremdrift effect (spec effekt-2026.1 §7)', () => {
  const expected = effect(effectInputOf(HAND_PARTICIPANTS, HAND_POOL), { month: '2022-12', bootstrap: 300, seed: 4 });

  it('prints the JSON document of the engine on stdout, nothing on stderr, exit 0', () => {
    const r = cli(...base, '--bootstrap', '300', '--seed', '4');
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out).toMatchObject({
      definition: 'effekt-2026.1',
      month: '2022-12',
      horizon: 12,
      controlsPerParticipant: 3,
      matched: 3,
      unmatched: ['P3'],
      excludedShortWindow: 1,
    });
    expect(out).toEqual(JSON.parse(JSON.stringify(expected)));
    expect(out.outcomes.maal1.ci).toHaveLength(2);
    expect(out.balance.map((b: { variable: string }) => b.variable)).toEqual(['b52', 'b156', 'h12']);
  });

  it('honours --horizon and --controls', () => {
    const out = JSON.parse(cli(...base, '--horizon', '7', '--controls', '1', '--bootstrap', '10').stdout);
    expect(out).toMatchObject({ horizon: 7, controlsPerParticipant: 1, excludedShortWindow: 0, fewerControls: 0 });
  });

  it('writes a semicolon CSV with the outcomes, balance and unmatched ids', () => {
    const r = cli(...base, '--bootstrap', '300', '--seed', '4', '--format', 'csv');
    expect(r.code).toBe(0);
    const lines = csvLines(r.stdout);
    expect(lines[0]).toBe('afsnit;navn;maal;vaerdi');
    expect(lines).toContain('om;definition;;effekt-2026.1');
    expect(lines).toContain(`udfald;maal1;effect;${expected.outcomes.maal1.effect}`);
    expect(lines).toContain(`balance;b52;smdAfter;${expected.balance[0].smdAfter}`);
    expect(lines).toContain('umatchet;P3;;');
  });

  it('writes xlsx with sheets Udfald, Balance, Umatchede', async () => {
    const file = join(dir, 'ud.xlsx');
    const r = cli(...base, '--bootstrap', '300', '--seed', '4', '--format', 'xlsx', '--out', file);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    const udfald = wb.getWorksheet('Udfald')!;
    expect(udfald.getRow(1).values).toEqual([undefined, 'udfald', 'treated', 'controls', 'effect', 'ci_lower', 'ci_upper', 'raw']);
    expect(udfald.getRow(2).getCell(1).value).toBe('maal1');
    expect(udfald.getRow(2).getCell(4).value).toBeCloseTo(expected.outcomes.maal1.effect!, 12);
    expect(wb.getWorksheet('Balance')!.getRow(2).getCell(1).value).toBe('b52');
    expect(wb.getWorksheet('Umatchede')!.getRow(2).getCell(1).value).toBe('P3');
  });

  it('names file and line of a bad pool row on stderr, nothing on stdout, exit 1', () => {
    const bad = join(dir, 'pulje-fejl.csv');
    writeFileSync(bad, 'cpr;kommune\n050585-0110;Aalborg\n12345;Aalborg\n');
    const r = cli(...base.map((a) => (a === f('pulje') ? bad : a)));
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('pulje-fejl.csv, linje 3, kolonne «cpr»');
  });

  it('refuses a CPR number twice in the pool', () => {
    const dup = join(dir, 'pulje-dobbelt.csv');
    writeFileSync(dup, 'cpr;kommune\n0505850110;Aalborg\n050585-0110;Aarhus\n');
    const r = cli(...base.map((a) => (a === f('pulje') ? dup : a)));
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/linje 3.*linje 2/);
  });

  it('answers a usage error with exit 2 and the usage text', () => {
    const r = cli('--participants', f('deltagere'));
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('Mangler: --pool, --benefits, --hours, --month');
    const n = cli(...base, '--controls', 'tre');
    expect(n.code).toBe(2);
    expect(n.stderr).toContain('--controls skal være et helt tal');
    const z = cli(...base, '--controls', '0');
    expect(z.code).toBe(1);
    expect(z.stderr).toContain('Antal kontroller');
  });
});
