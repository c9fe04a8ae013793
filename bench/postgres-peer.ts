/**
 * Peer (e): the same levels in SQL on PostgreSQL. Loads the files with server-side COPY into
 * unlogged tables in a temporary schema (dropped afterwards), then runs the same query as the
 * DuckDB peer (wide weeks unpivoted with unnest). Uses the local server when reachable,
 * otherwise PGlite (PostgreSQL in WASM, in this process) with COPY from a blob.
 */
import { PGlite } from '@electric-sql/pglite';
import { readFileSync, writeFileSync } from 'node:fs';
import pg from 'pg';
import { weekColumns, type BenchData } from './data.ts';
import { MONITOR_OPTIONS } from './fremdrift-phases.ts';
import { maxRssMb, rssMb, seconds, type Levels, type PhaseResult } from './phase-result.ts';
import { levelsSql } from './sql.ts';

export const PG_URL = process.env.BENCH_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

interface Db {
  exec(sql: string): Promise<void>;
  rows(sql: string): Promise<unknown[][]>;
  copy(table: string, path: string): Promise<void>;
  /** Peak RSS of the server backend (MB), null when unknown. */
  serverPeakMb(): Promise<number | null>;
  close(): Promise<void>;
  kind: string;
}

const COPY_OPTS = `(FORMAT csv, HEADER true, DELIMITER ';')`;

async function connectServer(): Promise<Db | null> {
  const client = new pg.Client({ connectionString: PG_URL, connectionTimeoutMillis: 2000 });
  try {
    await client.connect();
  } catch {
    return null;
  }
  const pid = Number((await client.query('SELECT pg_backend_pid() AS pid')).rows[0].pid);
  return {
    kind: 'PostgreSQL server',
    exec: async (sql) => void (await client.query(sql)),
    rows: async (sql) => (await client.query({ text: sql, rowMode: 'array' })).rows,
    copy: async (table, path) => void (await client.query(`COPY ${table} FROM '${path.replace(/'/g, "''")}' WITH ${COPY_OPTS}`)),
    serverPeakMb: async () => {
      try {
        const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
        return m ? Number(m[1]) / 1024 : null;
      } catch {
        return null;
      }
    },
    close: () => client.end(),
  };
}

async function openPglite(): Promise<Db> {
  const db = await PGlite.create();
  return {
    kind: 'PGlite (in-process WASM)',
    exec: async (sql) => void (await db.exec(sql)),
    rows: async (sql) => (await db.query<unknown[]>(sql, [], { rowMode: 'array' })).rows,
    copy: async (table, path) =>
      void (await db.query(`COPY ${table} FROM '/dev/blob' WITH ${COPY_OPTS}`, [], { blob: new Blob([readFileSync(path)]) })),
    serverPeakMb: async () => null,
    close: () => db.close(),
  };
}

export async function postgresPhase(d: BenchData, runs: number, levelsOut: string): Promise<PhaseResult> {
  const weeks = weekColumns(d.benefits);
  const schema = `fremdrift_bench_${process.pid}`;
  const parts: Record<string, number[]> = { load: [], query: [] };
  const total: number[] = [];
  const baseline = rssMb();
  let levels: Levels = {};
  let kind = '';
  let serverPeak: number | null = null;
  for (let r = 0; r < runs; r++) {
    const t0 = performance.now();
    const db = (await connectServer()) ?? (await openPglite());
    kind = db.kind;
    try {
      await db.exec(
        `DROP SCHEMA IF EXISTS ${schema} CASCADE; CREATE SCHEMA ${schema}; SET search_path TO ${schema}; SET work_mem = '256MB'`,
      );
      await db.exec(`
        CREATE UNLOGGED TABLE deltagere (id text, cpr text, kommune text, indskrevet date, visitation text, udskrevet date);
        CREATE UNLOGGED TABLE kodetabel (kode integer, kategori text, tekst text);
        CREATE UNLOGGED TABLE loentimer (cpr text, maaned text, timer text);
        CREATE UNLOGGED TABLE ydelser (pnr text, ${weeks.map((w) => `${w} smallint`).join(', ')});`);
      await db.copy('deltagere', d.participants);
      await db.copy('kodetabel', d.codes);
      await db.copy('loentimer', d.hours);
      await db.copy('ydelser', d.benefits);
      await db.exec('ANALYZE');
      parts.load.push(seconds(t0));
      const t1 = performance.now();
      const rows = await db.rows(levelsSql('postgres', weeks, MONITOR_OPTIONS.month, schema));
      parts.query.push(seconds(t1));
      total.push(seconds(t0));
      serverPeak = await db.serverPeakMb();
      if (r === runs - 1) {
        levels = {};
        for (const [id, acc, cur] of rows) levels[String(id)] = [Number(acc), cur === null ? null : Number(cur)];
      }
    } finally {
      await db.exec(`DROP SCHEMA IF EXISTS ${schema} CASCADE`).catch(() => undefined);
      await db.close();
    }
  }
  writeFileSync(levelsOut, JSON.stringify(levels));
  return {
    phase: 'postgres',
    runs: total,
    parts,
    maxRssMb: maxRssMb(),
    baselineRssMb: baseline,
    serverPeakMb: serverPeak,
    levelsFile: levelsOut,
    note: kind === 'PostgreSQL server' ? 'server process; +server = backend VmHWM' : kind,
  };
}
