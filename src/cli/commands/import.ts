/**
 * `fremdrift import`: register files into the database (PGlite in ./data or DATABASE_URL),
 * through the same use case as the upload page. Code table first, then benefits, then hours;
 * each file is one batch and one transaction.
 */
import { constants } from 'node:fs';
import { access } from 'node:fs/promises';
import { basename } from 'node:path';
import { importRegisterFile, type RegisterKind } from '../../app/register/import-register-file.ts';
import { cliUsername, configFromEnvironment, pauseImportBeforeCommit } from '../../core/config.ts';
import { openDatabase } from '../../db/database.ts';
import { migrate } from '../../db/migrate.ts';
import { RegisterInputError } from '../../register/errors.ts';
import { createVault } from '../../security/vault.ts';
import { parseArgs } from '../args.ts';
import { revisionText } from '../../app/register/revision-text.ts';

const USAGE = 'Brug: fremdrift import [--codes kodetabel.csv] [--benefits ydelser.csv …] [--hours loentimer.csv] [--user NAVN]';

export async function run(args: string[]): Promise<number> {
  const { opts } = parseArgs(args);
  const files: { kind: RegisterKind; path: string }[] = [
    ...(opts.codes ?? []).map((path) => ({ kind: 'kodetabel' as const, path })),
    ...(opts.benefits ?? []).map((path) => ({ kind: 'ydelser' as const, path })),
    ...(opts.hours ?? []).map((path) => ({ kind: 'loentimer' as const, path })),
  ];
  if (!files.length) {
    console.error(USAGE);
    return 2;
  }
  const config = configFromEnvironment();
  const db = await openDatabase({ url: config.databaseUrl, dataDir: config.dataDir, poolMax: config.databasePoolMax });
  const who = { userId: 0, username: opts.user?.[0] ?? cliUsername(), role: 'analytiker' as const, ip: 'localhost' };
  try {
    await migrate(db);
    const vault = createVault(config.secret);
    for (const f of files) {
      try {
        await access(f.path, constants.R_OK);
      } catch {
        console.error(`${f.path}: filen findes ikke eller kan ikke læses.`);
        return 1;
      }
      // Read as a stream from its path, never whole in memory.
      const r = await importRegisterFile({ db, vault }, who, { kind: f.kind, fileName: basename(f.path), path: f.path }, (p) => {
        if (p.phase === 'skriver') process.stderr.write(`\r${basename(f.path)}: ${p.done}/${p.total} personer gemt`);
        // 'faerdig' is reported inside the file's transaction, before COMMIT. The kill test sets
        // this to stop there for good (a synchronous wait: no COMMIT can be sent), so killing
        // the process always hits a fully written, uncommitted import, never a race.
        if (p.phase === 'faerdig' && pauseImportBeforeCommit()) {
          process.stderr.write('\nventer før COMMIT\n');
          Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0);
        }
      });
      process.stderr.write('\n');
      console.log(
        r.alreadyImported
          ? `${r.fileName}: allerede indlæst (parti ${r.batchId}); intet ændret.`
          : `${r.fileName}: parti ${r.batchId}, ${r.rows} rækker, ${r.persons} personer, ${r.changedPersons} ændrede${r.periodFrom ? `, periode ${r.periodFrom}–${r.periodTo}` : ''}. ${revisionText(r)}`,
      );
    }
    return 0;
  } catch (e) {
    if (e instanceof RegisterInputError) {
      console.error(e.message);
      return 1;
    }
    throw e;
  } finally {
    await db.close();
  }
}
