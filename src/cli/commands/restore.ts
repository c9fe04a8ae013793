/** `fremdrift restore --in FILE`: restore a backup into an empty PGlite folder or PostgreSQL database. */
import { backupKind, restorePGlite, restorePostgres, BackupError } from '../../db/backup.ts';
import { backupCommand } from './backup.ts';

export function run(args: string[]): Promise<number> {
  return backupCommand(args, 'restore', 'in', async (file, config) => {
    const kind = backupKind(file);
    const target = config.databaseUrl ? 'postgres' : 'pglite';
    if (kind !== target)
      throw new BackupError(
        `Kopien er fra ${kind === 'pglite' ? 'PGlite' : 'PostgreSQL'}, men målet er ${target === 'pglite' ? 'PGlite' : 'PostgreSQL'}. Sæt eller fjern DATABASE_URL.`,
      );
    if (config.databaseUrl) await restorePostgres(file, config.databaseUrl);
    else await restorePGlite(file, config.dataDir);
    console.log(`Sikkerhedskopien ${file} er gendannet. Kontrollér den med: fremdrift audit verify`);
  });
}
