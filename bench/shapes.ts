/**
 * The register shapes analysts receive (issue 9), generated from the benchmark's wide file:
 *  - yearly:   five yearly files `ydelser_2019.csv … ydelser_2023.csv` with `PNR;y_01;…;y_53`
 *  - national: one national-width file, `PNR;koen;y_9101;…;y_2352` (1,700+ weekly columns since
 *              1991), with three other people per participant (an extract of everyone, of
 *              whom only the participants are asked for)
 *  - long:     `cpr;uge;kode`, one row per person-week with a code
 * and, per shape, Fremdrift's phases (split, end to end) and DuckDB's best query.
 */
import { DuckDBInstance } from '@duckdb/node-api';
import { closeSync, existsSync, openSync, readFileSync, writeFileSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { isoWeekIndex, isoWeekOf, weeksInIsoYear } from '../src/monitoring/calendar.ts';
import { fileSource } from '../src/register/chunks.ts';
import { CsvReader } from '../src/register/csv.ts';
import { readRegister } from '../src/register/load.ts';
import { headerColumns, type BenchData } from './data.ts';
import { endToEndPhase, MONITOR_OPTIONS } from './fremdrift-phases.ts';
import { maxRssMb, minorFaults, seconds, type Levels, type PhaseResult } from './phase-result.ts';
import { levelsFromWeeks } from './sql.ts';
import { loadSmallTables, q } from './duckdb-peer.ts';

export const SHAPES = ['yearly', 'national', 'long'] as const;
export type Shape = (typeof SHAPES)[number];

export interface ShapeFiles {
  shape: Shape;
  benefits: string[];
  bytes: number;
  rows: number;
}

const YEARS = [2019, 2020, 2021, 2022, 2023];
const NATIONAL_FROM = isoWeekIndex(1991, 1)!;
const NATIONAL_TO = isoWeekIndex(2023, 52)!;

class Out {
  private fd: number;
  private buf: string[] = [];
  private size = 0;
  bytes = 0;
  constructor(path: string) {
    this.fd = openSync(path, 'w');
  }
  line(s: string) {
    this.buf.push(s);
    this.size += s.length;
    if (this.size > 1 << 22) this.flush();
  }
  flush() {
    if (!this.buf.length) return;
    const b = Buffer.from(this.buf.join('\n') + '\n');
    writeSync(this.fd, b);
    this.bytes += b.length;
    this.buf = [];
    this.size = 0;
  }
  close() {
    this.flush();
    closeSync(this.fd);
  }
}

/** Generate the shapes once next to the benchmark data (cached like the data). */
export function ensureShapes(d: BenchData): Record<Shape, ShapeFiles> {
  const manifest = join(d.dir, 'shapes.json');
  if (existsSync(manifest)) return JSON.parse(readFileSync(manifest, 'utf8')) as Record<Shape, ShapeFiles>;
  const reg = readRegister({ benefits: [d.benefits] });
  const people = [...reg.weeks.entries()];
  const code = (w: { weekStart: number; codes: Int16Array }, week: number) => {
    const i = week - w.weekStart;
    return i >= 0 && i < w.codes.length ? w.codes[i] : 0;
  };
  // yearly
  const yearly: string[] = [];
  let yBytes = 0;
  let yRows = 0;
  for (const y of YEARS) {
    const path = join(d.dir, `ydelser_${y}.csv`);
    const out = new Out(path);
    out.line(['PNR', ...Array.from({ length: 53 }, (_, i) => `y_${String(i + 1).padStart(2, '0')}`)].join(';'));
    const w1 = isoWeekIndex(y, 1)!;
    const n = weeksInIsoYear(y);
    for (const [cpr, w] of people) {
      const cells = new Array<string>(53).fill('');
      for (let k = 0; k < n; k++) {
        const c = code(w, w1 + k);
        if (c) cells[k] = String(c);
      }
      out.line(`${cpr};${cells.join(';')}`);
      yRows++;
    }
    out.close();
    yearly.push(path);
    yBytes += out.bytes;
  }
  // national
  const natPath = join(d.dir, 'ydelser-national.csv');
  const nat = new Out(natPath);
  const header = ['PNR', 'koen'];
  for (let w = NATIONAL_FROM; w <= NATIONAL_TO; w++) {
    const { year, week } = isoWeekOf(w);
    header.push(`y_${String(year % 100).padStart(2, '0')}${String(week).padStart(2, '0')}`);
  }
  nat.line(header.join(';'));
  let nRows = 0;
  const row = (cpr: string, w: { weekStart: number; codes: Int16Array }) => {
    const cells = new Array<string>(NATIONAL_TO - NATIONAL_FROM + 1).fill('');
    for (let i = 0; i < w.codes.length; i++) if (w.codes[i]) cells[w.weekStart + i - NATIONAL_FROM] = String(w.codes[i]);
    nat.line(`${cpr};K;${cells.join(';')}`);
    nRows++;
  };
  people.forEach(([cpr, w], i) => {
    row(cpr, w);
    // Three other people (not participants): the same history under another number.
    // Day 99 never occurs in a participant's CPR number, so these never collide with one.
    for (let k = 1; k <= 3; k++) row(`99${String(i * 3 + k).padStart(8, '0')}`, people[(i + k * 997) % people.length][1]);
  });
  nat.close();
  // long
  const longPath = join(d.dir, 'ydelser-lang.csv');
  const long = new Out(longPath);
  long.line('cpr;uge;kode');
  let lRows = 0;
  for (const [cpr, w] of people) {
    for (let i = 0; i < w.codes.length; i++) {
      if (!w.codes[i]) continue;
      const { year, week } = isoWeekOf(w.weekStart + i);
      long.line(`${cpr};${year}-W${String(week).padStart(2, '0')};${w.codes[i]}`);
      lRows++;
    }
  }
  long.close();
  const shapes: Record<Shape, ShapeFiles> = {
    yearly: { shape: 'yearly', benefits: yearly, bytes: yBytes, rows: yRows },
    national: { shape: 'national', benefits: [natPath], bytes: nat.bytes, rows: nRows },
    long: { shape: 'long', benefits: [longPath], bytes: long.bytes, rows: lRows },
  };
  writeFileSync(manifest, JSON.stringify(shapes, null, 2));
  return shapes;
}

/** Merely read every byte and split every row into fields: the floor for any CSV reader. */
export function splitPhase(d: BenchData, s: ShapeFiles, runs: number): PhaseResult {
  const total: number[] = [];
  const faults: number[] = [];
  for (let r = 0; r < runs; r++) {
    const f0 = minorFaults();
    const t0 = performance.now();
    let fields = 0;
    for (const f of [d.participants, d.hours, ...s.benefits]) {
      const reader = new CsvReader(fileSource(f), f);
      while (reader.next()) fields += reader.n;
    }
    total.push(seconds(t0));
    faults.push(minorFaults() - f0);
    if (fields < s.rows) throw new Error('split: too few fields');
  }
  return { phase: `split:${s.shape}`, runs: total, parts: {}, maxRssMb: maxRssMb(), faults };
}

/** End to end as the CLI does it: stream the files keeping the participants, engine, JSON. */
export function shapeEndToEnd(d: BenchData, s: ShapeFiles, runs: number, levelsOut: string): Promise<PhaseResult> {
  return endToEndPhase(d, runs, levelsOut, s.benefits, `e2e:${s.shape}`);
}

/**
 * DuckDB's best query per shape, as a careful analyst writes it: typed columns; the national
 * file filtered to the participants while it is read; only the codes that can raise a level
 * (SU, praktik, løntilskud) kept before weeks are mapped to months.
 */
export async function shapeDuckdb(d: BenchData, s: ShapeFiles, runs: number, levelsOut: string): Promise<PhaseResult> {
  const parts: Record<string, number[]> = { load: [], query: [] };
  const total: number[] = [];
  const faults: number[] = [];
  let levels: Levels = {};
  for (let r = 0; r < runs; r++) {
    const f0 = minorFaults();
    const t0 = performance.now();
    const instance = await DuckDBInstance.create(':memory:');
    const c = await instance.connect();
    await loadSmallTables(c, d);
    await c.run(
      `CREATE TABLE rel_codes AS SELECT kode, kategori FROM kodetabel WHERE kategori IN ('uddannelse', 'praktik', 'loentilskud')`,
    );
    // weeks(cpr, year, ww, kategori): only person-weeks whose code can raise a level.
    if (s.shape === 'long') {
      await c.run(`CREATE TABLE weeks AS SELECT y.cpr, CAST(substr(y.uge, 1, 4) AS INTEGER) AS year, CAST(substr(y.uge, 7, 2) AS INTEGER) AS ww, k.kategori
        FROM read_csv(${q(s.benefits[0])}, delim=';', header=true, columns={'cpr': 'VARCHAR', 'uge': 'VARCHAR', 'kode': 'SMALLINT'}) y
        JOIN rel_codes k ON k.kode = y.kode`);
    } else if (s.shape === 'yearly') {
      const cols = `{'PNR': 'VARCHAR', ${Array.from({ length: 53 }, (_, i) => `'y_${String(i + 1).padStart(2, '0')}': 'SMALLINT'`).join(', ')}}`;
      await c.run(`CREATE TABLE weeks AS SELECT u.PNR AS cpr, CAST(regexp_extract(u.filename, '(\\d{4})\\.csv$', 1) AS INTEGER) AS year,
          CAST(substr(u.col, 3, 2) AS INTEGER) AS ww, k.kategori
        FROM (UNPIVOT (SELECT * FROM read_csv([${s.benefits.map(q).join(', ')}], delim=';', header=true, filename=true, columns=${cols}))
              ON COLUMNS('^y_') INTO NAME col VALUE kode) u
        JOIN rel_codes k ON k.kode = u.kode`);
    } else {
      const header = headerColumns(s.benefits[0]);
      const cols = `{${header.map((h) => `'${h}': '${h.startsWith('y_') ? 'SMALLINT' : 'VARCHAR'}'`).join(', ')}}`;
      await c.run(`CREATE TABLE weeks AS SELECT u.PNR AS cpr,
          CASE WHEN CAST(substr(u.col, 3, 2) AS INTEGER) < 90 THEN 2000 ELSE 1900 END + CAST(substr(u.col, 3, 2) AS INTEGER) AS year,
          CAST(substr(u.col, 5, 2) AS INTEGER) AS ww, k.kategori
        FROM (UNPIVOT (SELECT PNR, COLUMNS('^y_') FROM read_csv(${q(s.benefits[0])}, delim=';', header=true, columns=${cols})
                       WHERE PNR IN (SELECT cpr FROM deltagere))
              ON COLUMNS('^y_') INTO NAME col VALUE kode) u
        JOIN rel_codes k ON k.kode = u.kode`);
    }
    parts.load.push(seconds(t0));
    const t1 = performance.now();
    const rows = (await c.runAndReadAll(levelsFromWeeks(MONITOR_OPTIONS.month))).getRows();
    parts.query.push(seconds(t1));
    total.push(seconds(t0));
    faults.push(minorFaults() - f0);
    levels = {};
    for (const [id, acc, cur] of rows) levels[String(id)] = [Number(acc), cur === null ? null : Number(cur)];
    c.closeSync();
    instance.closeSync();
  }
  writeFileSync(levelsOut, JSON.stringify(levels));
  return {
    phase: `duckdb:${s.shape}`,
    runs: total,
    parts,
    maxRssMb: maxRssMb(),
    levelsFile: levelsOut,
    faults,
    note: 'read_csv + UNPIVOT, relevant codes first',
  };
}
