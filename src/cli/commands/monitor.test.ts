import { describe, expect, it, vi } from 'vitest';
import { run } from './monitor.ts';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { csvLines, oneOfEach, registerFixture, spawnCommand } from '../test-support.ts';

const fx = registerFixture;
const cli = (...args: string[]) => spawnCommand('monitor', ...args);

const base = [
  '--participants',
  fx('deltagere.csv'),
  '--benefits',
  fx('ydelser-bred.csv'),
  '--benefits',
  fx('ydelser-lang.csv'),
  '--hours',
  fx('loentimer.csv'),
];

describe('fremdrift monitor (spec §7)', () => {
  it('prints the JSON document on stdout, nothing on stderr, exit 0', () => {
    const r = cli(...base, '--month', '2021-12', '--suppress', '0');
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out).toMatchObject({
      definition: 'kib-2019.1',
      month: '2021-12',
      durableMonth: '2021-12',
      snapshotMonth: '2021-12',
      suppress: 0,
    });
    expect(out.participants).toEqual([
      { id: 'A1', current: 0, accumulated: 1, durable: 'none', snapshot: 'selvforsoergende' },
      { id: 'A2', current: null, accumulated: 1, durable: 'none', snapshot: 'selvforsoergende' },
      { id: 'A3', current: 0, accumulated: 3, durable: 'none', snapshot: 'selvforsoergende' },
      { id: 'A4', current: 0, accumulated: 0, durable: 'none', snapshot: 'selvforsoergende' },
    ]);
    expect(out.groups.all).toMatchObject({ n: 4, accumulated: { '1': 2, '3': 1, '0': 1, '1_or_2': 2 } });
    expect(Object.keys(out.groups.kommune)).toEqual(['Brøndby', 'Aalborg', 'Aarhus']); // Danish order: Aa = Å
    expect(out.series[0]).toMatchObject({ month: '2021-01', enrolled: 1, active: 1 });
  });
  it('suppresses groups by default but never the participant list', () => {
    const out = JSON.parse(cli(...base, '--month', '2021-12').stdout);
    expect(out.suppress).toBe(5);
    expect(out.groups.all.n).toBe('<5');
    expect(out.participants).toHaveLength(4);
  });
  it('uses a user code table and the durable and snapshot months', () => {
    const out = JSON.parse(
      cli(
        ...base,
        '--codes',
        join('src', 'register', 'kodetabel.default.csv'),
        '--month',
        '2021-06',
        '--durable-month',
        '2021-12',
        '--snapshot-month',
        '2021-07',
        '--suppress',
        '0',
      ).stdout,
    );
    expect(out).toMatchObject({ month: '2021-06', durableMonth: '2021-12', snapshotMonth: '2021-07' });
    expect(out.participants[0].snapshot).toBe('selvforsoergende');
  });
  it('writes a semicolon CSV with one row per group × measure × category', () => {
    const r = cli(...base, '--month', '2021-12', '--suppress', '0', '--format', 'csv');
    expect(r.code).toBe(0);
    const lines = csvLines(r.stdout);
    expect(lines[0]).toBe('afsnit;gruppe;vaerdi;maaned;maal;kategori;antal');
    expect(lines).toContain('grupper;all;;2021-12;n;;4');
    expect(lines).toContain('grupper;kommune;Aalborg;2021-12;accumulated;1_or_2;1');
    expect(lines).toContain('serie;all;;2021-12;accumulated;1;2');
  });
  it('writes xlsx readable by exceljs with sheets Deltagere, Grupper, Serie', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'fremdrift-'));
    const file = join(dir, 'ud.xlsx');
    const r = cli(...base, '--month', '2021-12', '--format', 'xlsx', '--out', file);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    expect(wb.worksheets.map((w) => w.name).slice(0, 3)).toEqual(['Deltagere', 'Grupper', 'Serie']);
    expect(wb.getWorksheet('Deltagere')!.getRow(2).values).toEqual([undefined, 'A1', 0, 1, 'none', 'selvforsoergende']);
    expect(wb.getWorksheet('Serie')!.getRow(1).getCell(1).value).toBe('maaned');
  });
  it('on an input error: Danish message with file, line, column on stderr, nothing on stdout, exit 1', () => {
    const r = cli(...oneOfEach('fejl-dato.csv', 'ydelser-bred.csv'));
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/fejl-dato\.csv, linje 3, kolonne «indskrevet»: «2021-02-30» er ikke en gyldig dato/);
  });
  it('lists unknown codes and names both places of a conflict', () => {
    const u = cli(...oneOfEach('deltagere.csv', 'ydelser-ukendt-kode.csv'));
    expect(u.code).toBe(1);
    expect(u.stdout).toBe('');
    expect(u.stderr).toMatch(/Ukendte ydelseskoder.*4711.*4712/);
    const c = cli(...base, '--benefits', fx('ydelser-konflikt.csv'), '--month', '2021-12');
    expect(c.code).toBe(1);
    expect(c.stdout).toBe('');
    expect(c.stderr).toMatch(/ydelser-konflikt\.csv, linje 3.*ydelser-bred\.csv, linje 2, kolonne «y_2126»/);
  });
  it('gives a friendly Danish usage message for missing arguments, exit 2', () => {
    const missing = cli('--month', '2021-12');
    expect(missing.code).toBe(2);
    expect(missing.stdout).toBe('');
    expect(missing.stderr).toMatch(/Mangler: --participants, --benefits, --hours/);
    expect(missing.stderr).toMatch(/Brug: fremdrift monitor/);
  });
});

/** The same command in-process (spawning costs a second each): stdout and stderr captured. */
async function inProcess(...args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const o = vi.spyOn(process.stdout, 'write').mockImplementation((s) => (out.push(String(s)), true));
  const e = vi.spyOn(process.stderr, 'write').mockImplementation((s) => (err.push(String(s)), true));
  try {
    const code = await run(args);
    return { code, stdout: out.join(''), stderr: err.join('') };
  } finally {
    o.mockRestore();
    e.mockRestore();
  }
}

describe('fremdrift monitor: argument checks', () => {
  const cases: [string[], RegExp][] = [
    [['--month', '12-2021'], /--month skal være en måned/],
    [['--month', '2021-12', '--durable-month', '2021'], /--durable-month skal være en måned/],
    [['--month', '2021-12', '--format', 'pdf'], /--format skal være json, csv eller xlsx/],
    [['--month', '2021-12', '--format', 'xlsx'], /kræver --out/],
    [['--month', '2021-12', '--suppress', 'fem'], /--suppress skal være et helt tal/],
    [['--month', '2021-12', '--bogus'], /Ugyldigt tilvalg/],
  ];
  for (const [extra, message] of cases) {
    it(`rejects ${extra.slice(-2).join(' ')} with exit 2 and nothing on stdout`, async () => {
      const r = await inProcess(...base, ...extra);
      expect(r.code).toBe(2);
      expect(r.stdout).toBe('');
      expect(r.stderr).toMatch(message);
    });
  }
  it('a missing file is an input error (exit 1)', async () => {
    const r = await inProcess(...oneOfEach('findes-ikke.csv', 'ydelser-bred.csv'));
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/findes-ikke\.csv: filen findes ikke/);
  });
});
