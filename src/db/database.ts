/**
 * One database interface over PGlite (embedded, the default) and PostgreSQL (`pg`, production
 * and CI). Everything above this file speaks plain SQL with $1 parameters through `Queryable`.
 */
import type { PGlite as PGliteType } from '@electric-sql/pglite';
import { makePrivateDir, restrictTree, tightenUmask } from '../core/private-files.ts';

export interface QueryResult<T> {
  rows: T[];
  rowCount: number;
}

export interface Queryable {
  query<T = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<QueryResult<T>>;
}

export interface Database extends Queryable {
  readonly kind: 'pglite' | 'postgres';
  /** Run `fn` in one transaction; rolled back when it throws. */
  tx<T>(fn: (q: Queryable) => Promise<T>): Promise<T>;
  /** Run a script of several statements without parameters (migrations). */
  exec(sql: string): Promise<void>;
  close(): Promise<void>;
  /** Connections of the pool (PostgreSQL), for the metrics. */
  poolStats?(): { total: number; idle: number; waiting: number };
  /**
   * PGlite: statements and transactions asked for and not yet answered (running or queued for
   * the one engine). A long job working in batches gives way while it is above 0.
   */
  busy?(): number;
}

// Same value types on both drivers: dates as 'YYYY-MM-DD' strings, int8/numeric as numbers.
const identity = (v: string) => v;
const toNumber = (v: string) => (v === null ? null : Number(v));
const OID = { int8: 20, numeric: 1700, date: 1082 } as const;

export async function openPGlite(dataDir?: string): Promise<Database> {
  const { PGlite } = await import('@electric-sql/pglite');
  const options = { parsers: { [OID.int8]: toNumber, [OID.numeric]: toNumber, [OID.date]: identity } };
  // The folder holds personal data: owner only (0700/0600), also when the process umask is lax
  // and for folders made by older versions. PGlite creates its files with the process umask.
  if (dataDir) {
    tightenUmask();
    makePrivateDir(dataDir);
    restrictTree(dataDir);
  }
  // PGlite reads a non-string first argument as the options, so in memory they go first.
  const db: PGliteType = dataDir ? new PGlite(dataDir, options) : new PGlite(options);
  await db.waitReady;
  const wrap = (q: { query: PGliteType['query'] }): Queryable => ({
    async query<T>(sql: string, params?: unknown[]) {
      const r = await q.query<T>(sql, params as unknown[]);
      return { rows: r.rows, rowCount: r.affectedRows ?? r.rows.length };
    },
  });
  const base = wrap(db);
  let busy = 0;
  const counted = async <T>(run: () => Promise<T>): Promise<T> => {
    busy++;
    try {
      return await run();
    } finally {
      busy--;
    }
  };
  return {
    kind: 'pglite',
    query: (sql, params) => counted(() => base.query(sql, params)),
    tx: (fn) => counted(() => db.transaction((t) => fn(wrap(t)))),
    busy: () => busy,
    exec: async (sql) => {
      try {
        await db.exec(sql);
      } catch (e) {
        await db.exec('ROLLBACK').catch(() => undefined);
        throw e;
      }
    },
    close: async () => {
      await db.close();
      // Files written on close (the relation cache init files) do not follow the umask.
      if (dataDir) restrictTree(dataDir);
    },
  };
}

export async function openPostgres(url: string, max = 10): Promise<Database> {
  const pg = (await import('pg')).default;
  const types = {
    getTypeParser: (oid: number, format?: string) => {
      if (oid === OID.int8 || oid === OID.numeric) return toNumber;
      if (oid === OID.date) return identity;
      return pg.types.getTypeParser(oid, format as 'text');
    },
  };
  const pool = new pg.Pool({ connectionString: url, max, types });
  pool.on('error', () => {
    /* idle client errors are reported on next use */
  });
  const query = async <T>(sql: string, params?: unknown[]) => {
    const r = await pool.query(sql, params);
    return { rows: r.rows as T[], rowCount: r.rowCount ?? 0 };
  };
  return {
    kind: 'postgres',
    query,
    async tx(fn) {
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        const result = await fn({
          async query<T>(sql: string, params?: unknown[]) {
            const r = await client.query(sql, params);
            return { rows: r.rows as T[], rowCount: r.rowCount ?? 0 };
          },
        });
        await client.query('COMMIT');
        return result;
      } catch (e) {
        await client.query('ROLLBACK').catch(() => undefined);
        throw e;
      } finally {
        client.release();
      }
    },
    exec: async (sql) => {
      // A dedicated client, so a failed script's open transaction never returns to the pool.
      const client = await pool.connect();
      try {
        await client.query(sql);
      } catch (e) {
        await client.query('ROLLBACK').catch(() => undefined);
        throw e;
      } finally {
        client.release();
      }
    },
    close: () => pool.end(),
    poolStats: () => ({ total: pool.totalCount, idle: pool.idleCount, waiting: pool.waitingCount }),
  };
}

/** `DATABASE_URL` set → PostgreSQL; otherwise PGlite in `dataDir` (undefined = in memory). */
export function openDatabase(opts: { url?: string; dataDir?: string; poolMax?: number }): Promise<Database> {
  return opts.url ? openPostgres(opts.url, opts.poolMax) : openPGlite(opts.dataDir);
}
