/**
 * Backup and restore of the whole database. PGlite: the data folder as a gzipped tar
 * (dumpDataDir / loadDataDir). PostgreSQL: pg_dump's custom format, restored with pg_restore
 * into an empty database (the machine's PostgreSQL client tools are required). The file kind is
 * recognised on restore from its first bytes. The master secret (FREMDRIFT_SECRET) is never in
 * a backup: keep it separately, or the CPR numbers in a restored copy cannot be read.
 */
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { makePrivateDir, PRIVATE_FILE_MODE, restrictTree, tightenUmask } from '../core/private-files.ts';
import { openPostgres } from './database.ts';

export type BackupKind = 'pglite' | 'postgres';

export class BackupError extends Error {}

export function backupKind(file: string): BackupKind {
  const head = readFileSync(file).subarray(0, 5);
  if (head[0] === 0x1f && head[1] === 0x8b) return 'pglite';
  if (head.toString('latin1') === 'PGDMP') return 'postgres';
  throw new BackupError(`${file} er ikke en sikkerhedskopi fra Fremdrift.`);
}

function tool(name: 'pg_dump' | 'pg_restore', args: string[]) {
  const r = spawnSync(name, args, { encoding: 'utf8' });
  if (r.error)
    throw new BackupError(`${name} blev ikke fundet. Installér PostgreSQL' klientværktøjer (fx apt-get install postgresql-client).`);
  if (r.status !== 0) throw new BackupError(`${name} fejlede: ${r.stderr.trim().split('\n').slice(-3).join(' ')}`);
}

/** Folder must be missing or empty, so a restore never mixes with or overwrites live data. */
function assertEmptyDir(dir: string) {
  if (existsSync(dir) && readdirSync(dir).some((f) => f !== 'demo-secret')) {
    throw new BackupError(`Mappen ${dir} er ikke tom. Gendan til en tom mappe (flyt den gamle væk først).`);
  }
}

/** The backup file and the folder are owner-only (0600/0700) whatever the umask. */
export async function backupPGlite(dataDir: string, out: string) {
  tightenUmask();
  restrictTree(dataDir);
  const { PGlite } = await import('@electric-sql/pglite');
  const db = new PGlite(dataDir);
  try {
    await db.waitReady;
    const blob = await db.dumpDataDir('gzip');
    writeFileSync(out, Buffer.from(await blob.arrayBuffer()), { mode: PRIVATE_FILE_MODE });
    // `mode` only applies to a new file; an existing one keeps its mode unless set.
    chmodSync(out, PRIVATE_FILE_MODE);
  } finally {
    await db.close();
    // Files written on close (the relation cache init files) do not follow the umask.
    restrictTree(dataDir);
  }
}

/** The restored folder is owner-only (0700/0600), whatever the umask and the modes in the archive. */
export async function restorePGlite(file: string, dataDir: string) {
  assertEmptyDir(dataDir);
  tightenUmask();
  makePrivateDir(dataDir);
  const { PGlite } = await import('@electric-sql/pglite');
  const db = new PGlite(dataDir, { loadDataDir: new Blob([readFileSync(file)]) });
  try {
    await db.waitReady;
    await db.query('SELECT 1');
  } finally {
    await db.close();
    restrictTree(dataDir);
  }
}

export function backupPostgres(url: string, out: string) {
  tool('pg_dump', ['--format=custom', '--no-owner', `--file=${out}`, `--dbname=${url}`]);
}

export async function restorePostgres(file: string, url: string) {
  const db = await openPostgres(url, 1);
  try {
    const n = (await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM information_schema.tables WHERE table_schema = 'public'`))
      .rows[0].n;
    if (n > 0) throw new BackupError('Databasen er ikke tom. Gendan til en ny, tom database (createdb).');
    // The application role is cluster-wide, so a new cluster needs it before the grants are restored.
    await db.exec(`DO $$ BEGIN CREATE ROLE fremdrift_app NOLOGIN; EXCEPTION WHEN duplicate_object THEN NULL; END $$;`);
  } finally {
    await db.close();
  }
  tool('pg_restore', ['--no-owner', '--single-transaction', '--exit-on-error', `--dbname=${url}`, file]);
}
