/**
 * Child-process entry for one phase of `npm run bench:effect`:
 *   tsx bench/effect-phase.ts <fremdrift|duckdb> <manifest.json> <matches-out.json>
 * Prints one line `BENCH_RESULT {json}`.
 */
import { DuckDBInstance } from '@duckdb/node-api';
import { readFileSync, writeFileSync } from 'node:fs';
import { effectDetails } from '../src/effect/engine.ts';
import { loadEffectInput } from '../src/register/load.ts';
import type { EffectBenchData } from './effect-data.ts';
import { weekColumns } from './data.ts';
import { effectBenchOptions } from './effect-options.ts';
import { matchingSql } from './effect-sql.ts';
import { maxRssMb, RESULT_PREFIX, seconds, type PhaseResult } from './phase-result.ts';

const [phase, manifest, matchesOut] = process.argv.slice(2);
const d = JSON.parse(readFileSync(manifest, 'utf8')) as EffectBenchData;
const opts = effectBenchOptions(d);
const q = (path: string): string => `'${path.replace(/'/g, "''")}'`;
/** CPU seconds (user + system) of this process since it started: on a shared machine the fairer figure. */
const cpuSeconds = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1e6;
};

/** Fremdrift end to end: read the five files, match and estimate, serialise the JSON. */
async function fremdrift(): Promise<PhaseResult> {
  const t0 = performance.now();
  let t = t0;
  const input = await loadEffectInput({
    participants: d.participants,
    pool: d.pool,
    benefits: [d.benefits],
    hours: d.hours,
    codes: d.codes,
  });
  const read = seconds(t);
  t = performance.now();
  const det = effectDetails(input, opts);
  const engine = seconds(t);
  t = performance.now();
  const json = JSON.stringify(det.result);
  const jsonS = seconds(t);
  const total = seconds(t0);
  if (json.length < 100) throw new Error('result too small');
  const matches: Record<string, string[]> = {};
  for (const m of det.matches) matches[input.participants[m.participant].id] = m.controls.map((c) => det.pool[c].cpr);
  writeFileSync(matchesOut, JSON.stringify({ matches, result: det.result }));
  return {
    phase: 'fremdrift',
    runs: [total],
    parts: { read: [read], engine: [engine], json: [jsonS], cpu: [cpuSeconds()] },
    maxRssMb: maxRssMb(),
  };
}

/** DuckDB: read_csv the five files (load), then the matching statements (query). */
async function duckdb(): Promise<PhaseResult> {
  const t0 = performance.now();
  const weeks = weekColumns(d.benefits);
  const columns = `{'PNR': 'VARCHAR', ${weeks.map((w) => `'${w}': 'SMALLINT'`).join(', ')}}`;
  const instance = await DuckDBInstance.create(':memory:');
  const c = await instance.connect();
  await c.run(`CREATE TABLE deltagere AS SELECT * FROM read_csv(${q(d.participants)}, delim=';', header=true,
    columns={'id': 'VARCHAR', 'cpr': 'VARCHAR', 'kommune': 'VARCHAR', 'indskrevet': 'DATE', 'visitation': 'VARCHAR'})`);
  await c.run(
    `CREATE TABLE pulje AS SELECT * FROM read_csv(${q(d.pool)}, delim=';', header=true, columns={'cpr': 'VARCHAR', 'kommune': 'VARCHAR'})`,
  );
  await c.run(`CREATE TABLE kodetabel AS SELECT kode, kategori FROM read_csv(${q(d.codes)}, delim=';', header=true,
    columns={'kode': 'INTEGER', 'kategori': 'VARCHAR', 'tekst': 'VARCHAR', 'kilde': 'VARCHAR'})`);
  await c.run(`CREATE TABLE loentimer AS SELECT * FROM read_csv(${q(d.hours)}, delim=';', header=true, decimal_separator=',',
    columns={'cpr': 'VARCHAR', 'maaned': 'VARCHAR', 'timer': 'DOUBLE'})`);
  await c.run(`CREATE TABLE ydelser AS SELECT * FROM read_csv(${q(d.benefits)}, delim=';', header=true, columns=${columns})`);
  const load = seconds(t0);
  const t1 = performance.now();
  const statements = matchingSql(d.month, opts.horizon, opts.controls);
  for (const s of statements.slice(0, -1)) await c.run(s);
  const rows = (await c.runAndReadAll(statements[statements.length - 1])).getRowObjectsJson();
  const query = seconds(t1);
  const total = seconds(t0);
  const matches: Record<string, string[]> = {};
  for (const r of rows) matches[String(r.id)] = (r.controls as string[]).map(String);
  writeFileSync(matchesOut, JSON.stringify({ matches }));
  c.closeSync();
  instance.closeSync();
  return {
    phase: 'duckdb',
    runs: [total],
    parts: { load: [load], query: [query], cpu: [cpuSeconds()] },
    maxRssMb: maxRssMb(),
    note: 'in-process native engine',
  };
}

const phases: Record<string, () => Promise<PhaseResult>> = { fremdrift, duckdb };
if (!phases[phase]) {
  console.error(`Unknown phase ${phase}`);
  process.exit(2);
}
console.log(RESULT_PREFIX + JSON.stringify(await phases[phase]()));
