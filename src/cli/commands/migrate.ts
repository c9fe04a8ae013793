import { openDatabase } from '../../db/database.ts';
import { migrate } from '../../db/migrate.ts';
import { configFromEnvironment } from '../../core/config.ts';

export async function run(): Promise<number> {
  const config = configFromEnvironment({ secret: 'not-needed-for-migrations' });
  const db = await openDatabase({ url: config.databaseUrl, dataDir: config.dataDir, poolMax: config.databasePoolMax });
  const applied = await migrate(db);
  console.log(applied.length ? `Migreringer kørt: ${applied.join(', ')}` : 'Databasen er opdateret.');
  await db.close();
  return 0;
}
