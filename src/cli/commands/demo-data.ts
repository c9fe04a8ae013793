import { openDatabase } from '../../db/database.ts';
import { migrate } from '../../db/migrate.ts';
import { configFromEnvironment } from '../../core/config.ts';
import { isSeeded } from '../../app/seed-demo.ts';
import { seedDemoAll } from '../../app/seed-demo-all.ts';
import { createVault } from '../../security/vault.ts';
import { parseArgs } from '../args.ts';

export async function run(args: string[]): Promise<number> {
  const { opts } = parseArgs(args);
  const seed = Number(opts.seed?.[0] ?? 2019);
  const size = opts.size ? Number(opts.size[0]) : undefined;
  if (!Number.isInteger(seed) || (size !== undefined && !(size > 0))) {
    console.error('Ugyldig --seed eller --size: brug hele tal.');
    return 2;
  }
  const config = configFromEnvironment({ demo: true });
  const db = await openDatabase({ url: config.databaseUrl, dataDir: config.dataDir, poolMax: config.databasePoolMax });
  try {
    await migrate(db);
    if (await isSeeded(db)) {
      console.error('Databasen indeholder allerede data; demodata indlæses kun i en tom database.');
      return 1;
    }
    const vault = createVault(config.secret);
    const { summary: s, register } = await seedDemoAll({ db, vault }, { seed, size });
    console.log(`Demodata indlæst: ${s.participants} kvinder, ${s.projects} projekter, ${s.users} brugere (seed ${seed}).`);
    for (const r of register) {
      console.log(`Registerdata: ${r.fileName}: ${r.rows} rækker, ${r.persons} personer, periode ${r.periodFrom}–${r.periodTo}.`);
    }
    return 0;
  } finally {
    await db.close();
  }
}
