/**
 * Numbered SQL migrations (`migrations/NNNN_name.sql`), each applied once, in one transaction.
 * On PostgreSQL several instances may start together: every migration takes a transaction-level
 * advisory lock and checks again that it is still pending, so each runs exactly once and the
 * others wait for it.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Queryable } from './database.ts';
import { databaseOf, type Db, type Reader, sqlOf } from './sql.ts';

const dir = join(dirname(fileURLToPath(import.meta.url)), 'migrations');
/** Advisory lock key of the migrations (any constant shared by every instance). */
const MIGRATION_LOCK = 4_711_160;
const CREATE_TABLE = `CREATE TABLE IF NOT EXISTS schema_migrations (
    version text PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())`;

export function migrationFiles(): string[] {
  return readdirSync(dir)
    .filter((f) => /^\d{4}_.+\.sql$/.test(f))
    .sort();
}

async function appliedVersions(q: Queryable): Promise<Set<string>> {
  return new Set((await q.query<{ version: string }>('SELECT version FROM schema_migrations')).rows.map((r) => r.version));
}

/** Versions this code knows that the database has not applied yet (readiness check). */
export async function pendingMigrations(handle: Reader): Promise<string[]> {
  const db = sqlOf(handle);
  const exists = (await db.query<{ t: string | null }>(`SELECT to_regclass('schema_migrations')::text AS t`)).rows[0].t;
  const done = exists ? await appliedVersions(db) : new Set<string>();
  return migrationFiles()
    .map((f) => f.slice(0, 4))
    .filter((v) => !done.has(v));
}

/** The migrations not in `done`, in order: their version and their SQL. */
function* unapplied(done: Set<string>): Generator<{ version: string; sql: string }> {
  for (const file of migrationFiles()) {
    const version = file.slice(0, 4);
    if (!done.has(version)) yield { version, sql: readFileSync(join(dir, file), 'utf8') };
  }
}

/** Apply pending migrations; returns the versions applied now (by this process). */
export async function migrate(handle: Db): Promise<string[]> {
  const db = databaseOf(handle);
  const applied: string[] = [];
  if (db.kind !== 'postgres') {
    // PGlite: one process owns the folder, so nobody else can migrate at the same time.
    await db.exec(CREATE_TABLE);
    const done = await appliedVersions(db);
    for (const { version, sql } of unapplied(done)) {
      await db.exec(`BEGIN;\n${sql}\nINSERT INTO schema_migrations (version) VALUES ('${version}');\nCOMMIT;`);
      applied.push(version);
    }
    return applied;
  }
  await db.tx(async (q) => {
    await q.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK]);
    await q.query(CREATE_TABLE);
  });
  const done = await appliedVersions(db);
  for (const { version, sql } of unapplied(done)) {
    const ran = await db.tx(async (q) => {
      await q.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK]);
      // Another instance may have applied it while this one waited for the lock.
      if ((await q.query('SELECT 1 FROM schema_migrations WHERE version = $1', [version])).rowCount) return false;
      await q.query(sql);
      await q.query('INSERT INTO schema_migrations (version) VALUES ($1)', [version]);
      return true;
    });
    if (ran) applied.push(version);
  }
  return applied;
}

/**
 * Run `fn` in one instance at a time: several instances starting together on PostgreSQL queue
 * on an advisory lock held by a transaction of its own while `fn` runs (`fn` uses the database as
 * usual). PGlite is one process, so it just runs. `fn` checks again whether its work is still to do.
 */
export async function oneInstanceAtATime(handle: Db, lock: number, fn: () => Promise<void>): Promise<void> {
  const db = databaseOf(handle);
  if (db.kind !== 'postgres') return fn();
  await db.tx(async (q) => {
    await q.query('SELECT pg_advisory_xact_lock($1)', [lock]);
    await fn();
  });
}
