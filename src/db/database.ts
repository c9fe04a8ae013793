/**
 * One database interface over PGlite (embedded, the default) and PostgreSQL (`pg`, production
 * and CI). Everything above this file speaks plain SQL with $1 parameters through `Queryable`.
 */
import type { PGlite as PGliteType } from '@electric-sql/pglite';
import type { DatabaseHandle } from '../core/deps.ts';
import { makePrivateDir, restrictTree, tightenUmask } from '../core/private-files.ts';

export interface QueryResult<T> {
  rows: T[];
  rowCount: number;
}

export interface Queryable {
  query<T = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<QueryResult<T>>;
  /** Count one audit record appended through this connection (db/sql.ts `writeAudit`) into its database's count. */
  countAudit?(): void;
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
  /** Audit records appended through this database object since it was opened, for the metrics. */
  auditWrites?(): number;
  /**
   * PGlite: statements and transactions asked for and not yet answered (running or queued for
   * the one engine). A long job working in batches gives way while it is above 0.
   */
  busy?(): number;
}

/** The database behind a handle (the same object: the handle only hides its methods from the layers above). */
export const databaseOf = (db: DatabaseHandle | Database): Database => db as unknown as Database;
export const handleOf = (db: Database): DatabaseHandle => db as unknown as DatabaseHandle;

// Same value types on both drivers: dates as 'YYYY-MM-DD' strings, int8/numeric as numbers.
const identity = (v: string) => v;
const toNumber = (v: string) => (v === null ? null : Number(v));
const OID = { int8: 20, numeric: 1700, date: 1082 } as const;

/**
 * Every session runs on Danish time, so the database's `current_date` is the date the users and
 * the casework layer (app/casework/today.ts) call today: on a server clock in UTC it would still be
 * yesterday between midnight and 01:00 (02:00 in summer) Danish time, and a record dated today by
 * the application would lie "in the future" of the database. Stored instants (timestamptz) are
 * unaffected; the audit chain's canonical form names UTC itself.
 */
export const SESSION_TIME_ZONE = 'Europe/Copenhagen';

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
  await db.exec(`SET TimeZone TO '${SESSION_TIME_ZONE}'`);
  let audits = 0;
  const countAudit = () => void audits++;
  const wrap = (q: { query: PGliteType['query'] }): Queryable => ({
    async query<T>(sql: string, params?: unknown[]) {
      const r = await q.query<T>(sql, params as unknown[]);
      return { rows: r.rows, rowCount: r.affectedRows ?? r.rows.length };
    },
    countAudit,
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
    countAudit,
    auditWrites: () => audits,
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
  const pool = new pg.Pool({ connectionString: url, max, types, options: `-c TimeZone=${SESSION_TIME_ZONE}` });
  pool.on('error', () => {
    /* idle client errors are reported on next use */
  });
  const query = async <T>(sql: string, params?: unknown[]) => {
    const r = await pool.query(sql, params);
    return { rows: r.rows as T[], rowCount: r.rowCount ?? 0 };
  };
  let audits = 0;
  const countAudit = () => void audits++;
  return {
    kind: 'postgres',
    query,
    countAudit,
    auditWrites: () => audits,
    async tx(fn) {
      const client = await pool.connect();
      try {
        const q = { ...batchingQueryable(client, await pgUtils()), countAudit };
        // BEGIN goes out with the transaction's first statement (the door's tenant settings).
        const begun = q.query('BEGIN');
        begun.catch(() => undefined);
        const result = await fn(q);
        await begun;
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

interface PgUtils {
  prepareValue(v: unknown): unknown;
  escapeLiteral(s: string): string;
}
/** pg's utilities, imported once (a memo of a module, no state). */
let utils: PgUtils | undefined;
async function pgUtils(): Promise<PgUtils> {
  // pg's own conversion of parameters to text, so an inlined value is what the parameter would be.
  const path = 'pg/lib/utils.js';
  utils ??= ((await import(path)) as { default: PgUtils }).default;
  return utils;
}

type PgClient = { query(sql: string, params?: unknown[]): Promise<{ rows: unknown[]; rowCount: number | null }> };
interface Pending {
  sql: string;
  params?: unknown[];
  resolve(r: QueryResult<never>): void;
  reject(e: unknown): void;
}

/**
 * A transaction's connection that sends the statements issued in the same tick (e.g. the reads of
 * one page started together with Promise.all) to PostgreSQL as one multi-statement message: one
 * round trip instead of one each. On this kind of machine every round trip costs two system calls
 * in Node and a cycle of PostgreSQL's protocol loop, which was most of a caseworker page's CPU.
 * Parameters are inlined as quoted literals made by pg's own `prepareValue` and `escapeLiteral`:
 * text of unknown type, exactly what the extended protocol sends, so the same values arrive. A
 * statement alone or with binary parameters is sent as before. Inside a transaction an error anywhere aborts the transaction either way; every
 * statement of a failed batch is rejected with the error.
 */
/**
 * `sql` with every parameter reference `$n` outside quoted text, quoted identifiers, comments and
 * dollar-quoted strings replaced by `value(n)`.
 */
export function replaceParameters(sql: string, value: (n: number) => string): string {
  let out = '';
  let i = 0;
  const copyUntil = (end: number) => {
    out += sql.slice(i, end);
    i = end;
  };
  while (i < sql.length) {
    const c = sql[i];
    if (c === "'" || c === '"') {
      // E'…' strings escape with backslashes; others only by doubling the quote.
      const backslashes = c === "'" && /[eE]$/.test(sql.slice(0, i)) && !/[A-Za-z0-9_]$/.test(sql.slice(0, i - 1));
      let j = i + 1;
      for (; j < sql.length; j++) {
        if (backslashes && sql[j] === '\\') j++;
        else if (sql[j] === c) {
          if (sql[j + 1] === c) j++;
          else break;
        }
      }
      copyUntil(j + 1);
    } else if (c === '-' && sql[i + 1] === '-') {
      const end = sql.indexOf('\n', i);
      copyUntil(end < 0 ? sql.length : end);
    } else if (c === '/' && sql[i + 1] === '*') {
      const end = sql.indexOf('*/', i + 2);
      copyUntil(end < 0 ? sql.length : end + 2);
    } else if (c === '$') {
      const param = /^\$(\d+)/.exec(sql.slice(i));
      const tag = param ? null : /^\$[A-Za-z_]?[A-Za-z0-9_]*\$/.exec(sql.slice(i));
      if (param && !/[A-Za-z0-9_]$/.test(out)) {
        out += value(Number(param[1]));
        i += param[0].length;
      } else if (tag) {
        const end = sql.indexOf(tag[0], i + tag[0].length);
        copyUntil(end < 0 ? sql.length : end + tag[0].length);
      } else copyUntil(i + 1);
    } else {
      const next = /['"$/-]/g;
      next.lastIndex = i + 1;
      copyUntil(next.exec(sql)?.index ?? sql.length);
    }
  }
  return out;
}

export function batchingQueryable(client: PgClient, u: PgUtils): Queryable {
  let pending: Pending[] = [];
  const literal = (v: unknown): string => {
    const p = u.prepareValue(v);
    return p === null ? 'NULL' : u.escapeLiteral(String(p));
  };
  const inlinable = (x: Pending) => !(x.params ?? []).some((v) => Buffer.isBuffer(v) || ArrayBuffer.isView(v));
  const inline = (x: Pending) => replaceParameters(x.sql.replace(/;\s*$/, ''), (n) => literal(x.params?.[n - 1] ?? null));
  const one = (x: Pending) =>
    client.query(x.sql, x.params).then((r) => x.resolve({ rows: r.rows as never[], rowCount: r.rowCount ?? 0 }), x.reject);
  const flush = () => {
    const batch = pending;
    pending = [];
    if (batch.length === 1 || !batch.every(inlinable)) {
      // pg queues them on the connection in this order.
      for (const x of batch) void one(x);
      return;
    }
    const text = batch.map(inline).join('\n;\n');
    client.query(text).then(
      (r) => {
        const results = (Array.isArray(r) ? r : [r]) as { rows: never[]; rowCount: number | null }[];
        batch.forEach((x, i) => x.resolve({ rows: results[i]?.rows ?? [], rowCount: results[i]?.rowCount ?? 0 }));
      },
      (e) => batch.forEach((x) => x.reject(e)),
    );
  };
  return {
    query<T>(sql: string, params?: unknown[]) {
      return new Promise<QueryResult<T>>((resolve, reject) => {
        if (!pending.length) queueMicrotask(flush);
        pending.push({ sql, params, resolve: resolve as Pending['resolve'], reject });
      });
    },
  };
}

/** `DATABASE_URL` set → PostgreSQL; otherwise PGlite in `dataDir` (undefined = in memory). */
export function openDatabase(opts: { url?: string; dataDir?: string; poolMax?: number }): Promise<Database> {
  return opts.url ? openPostgres(opts.url, opts.poolMax) : openPGlite(opts.dataDir);
}
