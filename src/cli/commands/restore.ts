/** `fremdrift restore --in FILE`: restore a backup into an empty PGlite folder or PostgreSQL database. */
import { backupKind, restorePGlite, restorePostgres, BackupError } from '../../db/backup.ts';
import { configFromEnvironment } from '../../core/config.ts';
import { parseArgs } from '../args.ts';

export async function run(args: string[]): Promise<number> {
  const file = parseArgs(args).opts.in?.[0];
  if (!file) {
    console.error('Brug: fremdrift restore --in FIL');
    return 2;
  }
  const config = configFromEnvironment({ secret: 'not-needed-for-restore' });
  try {
    const kind = backupKind(file);
    const target = config.databaseUrl ? 'postgres' : 'pglite';
    if (kind !== target)
      throw new BackupError(
        `Kopien er fra ${kind === 'pglite' ? 'PGlite' : 'PostgreSQL'}, men målet er ${target === 'pglite' ? 'PGlite' : 'PostgreSQL'}. Sæt eller fjern DATABASE_URL.`,
      );
    if (config.databaseUrl) await restorePostgres(file, config.databaseUrl);
    else await restorePGlite(file, config.dataDir);
  } catch (e) {
    if (!(e instanceof BackupError)) throw e;
    console.error(`FEJL: ${e.message}`);
    return 1;
  }
  console.log(`Sikkerhedskopien ${file} er gendannet. Kontrollér den med: fremdrift audit verify`);
  return 0;
}
