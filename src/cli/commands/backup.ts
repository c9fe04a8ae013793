/** `fremdrift backup --out FILE`: a full copy of the database (PGlite folder or PostgreSQL). */
import { backupPGlite, backupPostgres, BackupError } from '../../db/backup.ts';
import { configFromEnvironment } from '../../core/config.ts';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from '../args.ts';

export async function run(args: string[]): Promise<number> {
  const out = parseArgs(args).opts.out?.[0];
  if (!out) {
    console.error('Brug: fremdrift backup --out FIL');
    return 2;
  }
  const config = configFromEnvironment({ secret: 'not-needed-for-backup' });
  try {
    if (config.databaseUrl) backupPostgres(config.databaseUrl, out);
    else await backupPGlite(config.dataDir, out);
  } catch (e) {
    if (!(e instanceof BackupError)) throw e;
    console.error(`FEJL: ${e.message}`);
    return 1;
  }
  if (!config.databaseUrl && existsSync(join(config.dataDir, 'demo-secret'))) {
    console.warn('Advarsel: mappen er lavet i demo-tilstand, og dens demo-secret er med i kopien. Brug kun demo-mapper til demodata.');
  }
  console.log(
    `Sikkerhedskopi gemt i ${out} (${config.databaseUrl ? 'PostgreSQL, pg_dump' : `PGlite, ${config.dataDir}`}). Husk: FREMDRIFT_SECRET er ikke med i kopien.`,
  );
  return 0;
}
