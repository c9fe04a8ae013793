/**
 * Runs once per test run: builds a migrated, demo-seeded database template for each backend —
 * a PGlite data folder (copied per test file) and, when reachable, a PostgreSQL template
 * database (cloned per test file with CREATE DATABASE … TEMPLATE). In CI PostgreSQL is required.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { openPGlite, openPostgres } from '../src/db/database.ts';
import { migrate } from '../src/db/migrate.ts';
import { seedDemoAll } from '../src/app/seed-demo-all.ts';
import { todayInDenmark } from '../src/app/casework/today.ts';
import { createVault } from '../src/security/vault.ts';
import { TEST_SECRET, pgAdminUrl, pgDbUrl, testToday } from './helpers/env.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    pgliteTemplate: string;
    pgTemplate: string | null;
  }
}

async function pgReachable(): Promise<string | null> {
  try {
    const db = await openPostgres(pgAdminUrl(), 1);
    await db.query('SELECT 1');
    await db.close();
    return null;
  } catch (e) {
    return (e as Error).message;
  }
}

export default async function setup(project: TestProject) {
  const vault = createVault(TEST_SECRET);
  const dir = mkdtempSync(join(tmpdir(), 'fremdrift-tmpl-'));
  const lite = await openPGlite(dir);
  await migrate(lite);
  // One date for both templates: a run that starts just before midnight in Denmark seeds both backends alike.
  // FREMDRIFT_TEST_TODAY seeds them for another day (and test/test-today-setup.ts moves the tests' clock there).
  const today = testToday() ?? todayInDenmark();
  if (testToday()) console.warn(`[tests] the demo templates are seeded for ${today} (FREMDRIFT_TEST_TODAY)`);
  await seedDemoAll({ db: lite, vault }, { today });
  await lite.close();
  project.provide('pgliteTemplate', dir);

  let pgTemplate: string | null = null;
  const why = await pgReachable();
  if (why) {
    if (process.env.CI) throw new Error(`PostgreSQL is required in CI but not reachable: ${why}`);
    console.warn(`[tests] PostgreSQL not reachable (${why}): integration tests run on PGlite only.`);
  } else {
    pgTemplate = `fremdrift_tmpl_${process.pid}`;
    const admin = await openPostgres(pgAdminUrl(), 1);
    await admin.exec(`DROP DATABASE IF EXISTS ${pgTemplate}`);
    await admin.exec(`CREATE DATABASE ${pgTemplate}`);
    const db = await openPostgres(pgDbUrl(pgTemplate), 2);
    await migrate(db);
    await seedDemoAll({ db, vault }, { today });
    await db.close();
    await admin.close();
  }
  project.provide('pgTemplate', pgTemplate);

  return async () => {
    rmSync(dir, { recursive: true, force: true });
    if (pgTemplate) {
      const admin = await openPostgres(pgAdminUrl(), 1);
      const left = await admin.query<{ datname: string }>(
        `SELECT datname FROM pg_database WHERE datname LIKE 'fremdrift_t_${process.pid}_%'`,
      );
      for (const r of left.rows) await admin.exec(`DROP DATABASE IF EXISTS ${r.datname} WITH (FORCE)`);
      await admin.exec(`DROP DATABASE IF EXISTS ${pgTemplate} WITH (FORCE)`);
      await admin.close();
    }
  };
}
