/**
 * Peer (d): the same accumulated and current levels in SQL on DuckDB, as an analyst would do
 * it: read_csv the four files into tables (load), then one query that unpivots the wide weeks,
 * maps weeks to months by their Thursday, joins codes and hours and computes the levels.
 * DuckDB runs inside this process (native library), so its memory is in this process's RSS.
 */
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { writeFileSync } from 'node:fs';
import { weekColumns, type BenchData } from './data.ts';
import { MONITOR_OPTIONS } from './fremdrift-phases.ts';
import { maxRssMb, rssMb, seconds, type Levels, type PhaseResult } from './phase-result.ts';
import { levelsSql } from './sql.ts';

export const q = (path: string): string => `'${path.replace(/'/g, "''")}'`;

/** Participants, code table and paid hours into typed tables (every DuckDB phase). */
export async function loadSmallTables(c: DuckDBConnection, d: BenchData): Promise<void> {
  await c.run(`CREATE TABLE deltagere AS SELECT * FROM read_csv(${q(d.participants)}, delim=';', header=true,
    columns={'id': 'VARCHAR', 'cpr': 'VARCHAR', 'kommune': 'VARCHAR', 'indskrevet': 'DATE', 'visitation': 'VARCHAR', 'udskrevet': 'DATE'})`);
  await c.run(`CREATE TABLE kodetabel AS SELECT * FROM read_csv(${q(d.codes)}, delim=';', header=true,
    columns={'kode': 'INTEGER', 'kategori': 'VARCHAR', 'tekst': 'VARCHAR'})`);
  await c.run(`CREATE TABLE loentimer AS SELECT * FROM read_csv(${q(d.hours)}, delim=';', header=true, decimal_separator=',',
    columns={'cpr': 'VARCHAR', 'maaned': 'VARCHAR', 'timer': 'DOUBLE'})`);
}

export async function duckdbPhase(d: BenchData, runs: number, levelsOut: string): Promise<PhaseResult> {
  const weeks = weekColumns(d.benefits);
  const columns = `{'PNR': 'VARCHAR', ${weeks.map((w) => `'${w}': 'SMALLINT'`).join(', ')}}`;
  const parts: Record<string, number[]> = { load: [], query: [] };
  const total: number[] = [];
  const baseline = rssMb();
  let levels: Levels = {};
  for (let r = 0; r < runs; r++) {
    const t0 = performance.now();
    const instance = await DuckDBInstance.create(':memory:');
    const c = await instance.connect();
    await loadSmallTables(c, d);
    await c.run(`CREATE TABLE ydelser AS SELECT * FROM read_csv(${q(d.benefits)}, delim=';', header=true, columns=${columns})`);
    parts.load.push(seconds(t0));
    const t1 = performance.now();
    const reader = await c.runAndReadAll(levelsSql('duckdb', weeks, MONITOR_OPTIONS.month, 'main'));
    const rows = reader.getRows();
    parts.query.push(seconds(t1));
    total.push(seconds(t0));
    if (r === runs - 1) {
      levels = {};
      for (const [id, acc, cur] of rows) levels[String(id)] = [Number(acc), cur === null ? null : Number(cur)];
    }
    c.closeSync();
    instance.closeSync();
  }
  writeFileSync(levelsOut, JSON.stringify(levels));
  return {
    phase: 'duckdb',
    runs: total,
    parts,
    maxRssMb: maxRssMb(),
    baselineRssMb: baseline,
    levelsFile: levelsOut,
    note: 'in-process native engine',
  };
}
