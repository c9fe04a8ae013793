/** `fremdrift backup --out FILE`: a full copy of the database (PGlite folder or PostgreSQL). */
import { backupPGlite, backupPostgres, BackupError } from '../../db/backup.ts';
import { configFromEnvironment, type Config } from '../../core/config.ts';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from '../args.ts';

/**
 * What `backup` and `restore` share: the file named by `--<option>` (without it, the usage and exit 2),
 * the settings, and a BackupError told as FEJL (exit 1). `work` copies, tells what it did, and the
 * command exits 0.
 */
export async function backupCommand(
  args: string[],
  command: 'backup' | 'restore',
  option: 'out' | 'in',
  work: (file: string, config: Config) => Promise<void>,
): Promise<number> {
  const file = parseArgs(args).opts[option]?.[0];
  if (!file) {
    console.error(`Brug: fremdrift ${command} --${option} FIL`);
    return 2;
  }
  const config = configFromEnvironment({ secret: `not-needed-for-${command}` });
  try {
    await work(file, config);
  } catch (e) {
    if (!(e instanceof BackupError)) throw e;
    console.error(`FEJL: ${e.message}`);
    return 1;
  }
  return 0;
}

export function run(args: string[]): Promise<number> {
  return backupCommand(args, 'backup', 'out', async (out, config) => {
    if (config.databaseUrl) backupPostgres(config.databaseUrl, out);
    else await backupPGlite(config.dataDir, out);
    if (!config.databaseUrl && existsSync(join(config.dataDir, 'demo-secret'))) {
      console.warn('Advarsel: mappen er lavet i demo-tilstand, og dens demo-secret er med i kopien. Brug kun demo-mapper til demodata.');
    }
    console.log(
      `Sikkerhedskopi gemt i ${out} (${config.databaseUrl ? 'PostgreSQL, pg_dump' : `PGlite, ${config.dataDir}`}). Husk: FREMDRIFT_SECRET er ikke med i kopien.`,
    );
  });
}
