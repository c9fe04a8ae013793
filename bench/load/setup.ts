/** Build the load-test database on PostgreSQL: demo organisation, N synthetic women, register data. */
import { seedDemo } from '../../src/app/seed-demo.ts';
import { seedDemoRegister } from '../../src/app/register/seed-demo-register.ts';
import { openPostgres, type Database } from '../../src/db/database.ts';
import { migrate } from '../../src/db/migrate.ts';
import { generateCohort } from '../../src/demo/cohort.ts';
import { loentimerCsv, ydelserWideCsv } from '../../src/demo/csv.ts';
import { generateRegisterData } from '../../src/demo/register.ts';
import { createVault } from '../../src/security/vault.ts';
import { writeFileSync } from 'node:fs';

export async function createLoadDatabase(adminUrl: string, name: string, size: number, secret: string, log: (s: string) => void) {
  const admin = await openPostgres(adminUrl, 1);
  await admin.exec(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  await admin.exec(`CREATE DATABASE ${name}`);
  await admin.close();
  const u = new URL(adminUrl);
  u.pathname = `/${name}`;
  const url = u.toString();
  const db = await openPostgres(url, 4);
  await migrate(db);
  const vault = createVault(secret);
  let t = performance.now();
  await seedDemo(db, vault, { size });
  log(`  ${size} kvinder, brugere og sager oprettet på ${((performance.now() - t) / 1000).toFixed(1)} s`);
  t = performance.now();
  const [ydelser] = await seedDemoRegister({ db, vault }, { size, kinds: ['ydelser'] });
  log(`  ydelsesuger for ${ydelser.persons} personer indlæst på ${((performance.now() - t) / 1000).toFixed(1)} s`);
  await analyze(db);
  return { url, db };
}

/** The paid-hours file that is imported while the load runs. */
/** `registerSeed` other than 2019 gives other hours for the same women (a new file to import). */
export function writeHoursFile(path: string, size: number, registerSeed = 2019) {
  const reg = generateRegisterData(generateCohort({ seed: 2019, size }), { seed: registerSeed });
  const chunks = [...loentimerCsv(reg)].map((c) => Buffer.from(c));
  writeFileSync(path, Buffer.concat(chunks));
  return chunks.reduce((n, c) => n + c.length, 0);
}

export async function caseworkerNames(db: Database, n: number): Promise<string[]> {
  // Round-robin over jobcentres so the load spreads over tenants like real Monday traffic.
  const r = await db.query<{ username: string }>(
    `SELECT username FROM (SELECT username, row_number() OVER (PARTITION BY organisation_id ORDER BY id) AS k
       FROM app_user WHERE role = 'sagsbehandler') x ORDER BY k, username LIMIT $1`,
    [n],
  );
  return r.rows.map((x) => x.username);
}

/**
 * A DREAM benefits file (wide layout) of about `targetBytes`, for women the load database does
 * not know (another seed; any CPR number of the database's cohort left out), so it imports
 * without conflicts. About 820 bytes per woman.
 */
export function writeBenefitsFile(path: string, dbSize: number, targetBytes: number, seed = 4242, avoidSeeds: number[] = []) {
  const size = Math.ceil(targetBytes / 820);
  const taken = new Set(generateCohort({ seed: 2019, size: dbSize }).women.map((w) => w.cpr));
  // Nor anyone of another file of this run (the same person and week with another code is refused).
  for (const s of avoidSeeds) for (const w of generateCohort({ seed: s, size }).women) taken.add(w.cpr);
  const reg = generateRegisterData(generateCohort({ seed, size }));
  reg.persons = reg.persons.filter((p) => !taken.has(p.cpr));
  const chunks = [...ydelserWideCsv(reg)].map((c) => Buffer.from(c));
  writeFileSync(path, Buffer.concat(chunks));
  return chunks.reduce((n, c) => n + c.length, 0);
}

/** An existing load database (`--reuse NAME`, kept by an earlier run with `--keep`), migrated. */
export async function openLoadDatabase(adminUrl: string, name: string) {
  const u = new URL(adminUrl);
  u.pathname = `/${name}`;
  const url = u.toString();
  const db = await openPostgres(url, 4);
  await migrate(db);
  await analyze(db);
  return { url, db };
}

/**
 * Planner statistics for the freshly loaded tables. Production has autovacuum's analyse; a server
 * with autovacuum off (as on shared test machines) would otherwise plan every page's queries for
 * empty tables: Mine borgere took 3–4 s instead of 0.2 s on a never-analysed database.
 */
async function analyze(db: Database) {
  await db.exec('ANALYZE');
}
