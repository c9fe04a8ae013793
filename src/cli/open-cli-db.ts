/** Opens the configured database (DATABASE_URL or the PGlite folder) for an operations command. */
import { configFromEnvironment, type Config } from '../core/config.ts';
import { openDatabase, type Database } from '../db/database.ts';

export async function withCliDatabase<T>(fn: (db: Database, config: Config) => Promise<T>, needsSecret = false): Promise<T> {
  const config = configFromEnvironment(needsSecret ? {} : { secret: 'not-needed-for-this-command' });
  const db = await openDatabase({ url: config.databaseUrl, dataDir: config.dataDir, poolMax: config.databasePoolMax });
  try {
    return await fn(db, config);
  } finally {
    await db.close();
  }
}
