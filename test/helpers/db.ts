/**
 * A fresh, demo-seeded database per test file on every available backend: a copy of the
 * PGlite template folder, and a PostgreSQL database cloned from the template.
 */
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, inject } from 'vitest';
import { handleOf, openPGlite, openPostgres, type Database, type Queryable } from '../../src/db/database.ts';
import { loadConfig } from '../../src/core/config.ts';
import { createVault } from '../../src/security/vault.ts';
import type { AppDeps } from '../../src/core/deps.ts';
import { appProviders } from '../../src/app/providers.ts';
import { TEST_SECRET, pgAdminUrl, pgDbUrl } from './env.ts';

export type Backend = 'pglite' | 'postgres';

/** The backends this run covers (PostgreSQL only when the global setup found it). */
export function backends(): Backend[] {
  return inject('pgTemplate') ? ['pglite', 'postgres'] : ['pglite'];
}

let counter = 0;

export interface TestDb {
  db: Database;
  /** A connection string usable by a second client (PostgreSQL only). */
  url?: string;
  /** Folder of the PGlite copy. */
  dir?: string;
  cleanup(): Promise<void>;
}

export async function openTestDb(backend: Backend): Promise<TestDb> {
  if (backend === 'pglite') {
    const dir = mkdtempSync(join(tmpdir(), 'fremdrift-test-'));
    cpSync(inject('pgliteTemplate'), dir, { recursive: true });
    const t: TestDb = {
      db: await openPGlite(dir),
      dir,
      cleanup: async () => {
        await t.db.close().catch(() => undefined);
        rmSync(dir, { recursive: true, force: true });
      },
    };
    return t;
  }
  const name = `fremdrift_t_${process.ppid}_${process.pid}_${++counter}`;
  const admin = await openPostgres(pgAdminUrl(), 1);
  await admin.exec(`CREATE DATABASE ${name} TEMPLATE ${inject('pgTemplate')}`);
  await admin.close();
  const url = pgDbUrl(name);
  const db = await openPostgres(url, 5);
  return {
    db,
    url,
    cleanup: async () => {
      await db.close();
      const a = await openPostgres(pgAdminUrl(), 1);
      await a.exec(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await a.close();
    },
  };
}

/**
 * A fresh test database on `backend` for the describe block it is called in: opened in beforeAll,
 * removed in afterAll. The handle returned reads through to it, so use it inside tests or hooks.
 */
export function useTestDb(backend: Backend): TestDb {
  let t: TestDb | undefined;
  const open = () =>
    t ??
    (() => {
      throw new Error('the test database opens in beforeAll');
    })();
  beforeAll(async () => {
    t = await openTestDb(backend);
  });
  afterAll(async () => {
    await t?.cleanup();
  });
  return {
    get db() {
      return open().db;
    },
    set db(db: Database) {
      open().db = db;
    },
    get url() {
      return open().url;
    },
    get dir() {
      return open().dir;
    },
    cleanup: async () => {
      await t?.cleanup();
      t = undefined;
    },
  };
}

export function testDeps(db: Database, overrides: Partial<AppDeps['config']> = {}): AppDeps {
  return {
    db: handleOf(db),
    vault: createVault(TEST_SECRET),
    config: loadConfig({}, { secret: TEST_SECRET, demo: true, cookieSecure: false, dataDir: tmpdir(), ...overrides }),
    ...appProviders(),
  };
}

/** How many rows `from` has: a table and its condition (`audit_log WHERE action = $1`), with `params` for its $1, $2 … */
export async function countRows(db: Queryable, from: string, params: unknown[] = []): Promise<number> {
  return (await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${from}`, params)).rows[0].n;
}
