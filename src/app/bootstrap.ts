/** Open the database, migrate it, and (in demo mode) fill an empty one with demo data. */
import type { Config } from '../core/config.ts';
import { openHandle } from '../db/open.ts';
import { migrate, oneInstanceAtATime } from '../db/migrate.ts';
import { createVault } from '../security/vault.ts';
import type { AppDeps } from '../core/deps.ts';
import { isSeeded } from './seed-demo.ts';
import { seedDemoAll } from './seed-demo-all.ts';
import { appProviders } from './providers.ts';

const DEMO_SEED_LOCK = 4_711_162;

export async function openApp(config: Config, log: (s: string) => void = () => undefined): Promise<AppDeps> {
  const db = await openHandle({
    url: config.databaseUrl,
    dataDir: config.databaseUrl ? undefined : config.dataDir,
    poolMax: config.databasePoolMax,
  });
  const applied = await migrate(db);
  if (applied.length) log(`Migreringer kørt: ${applied.join(', ')}`);
  const vault = createVault(config.secret);
  if (config.demo && !(await isSeeded(db))) {
    const seed = async () => {
      if (await isSeeded(db)) return; // another instance seeded it while this one waited
      log('Tom database: indlæser demodata …');
      const { summary: s, register: reports } = await seedDemoAll({ db, vault });
      log(`Demodata: ${s.participants} kvinder, ${s.projects} projekter, ${s.users} brugere.`);
      log(`Demo-registerdata: ${reports.map((r) => `${r.fileName} (${r.persons} personer)`).join(', ')}.`);
    };
    // Several instances starting together on PostgreSQL: one seeds, the others wait for it.
    await oneInstanceAtATime(db, DEMO_SEED_LOCK, seed);
  }
  return { db, vault, config, ...appProviders() };
}
