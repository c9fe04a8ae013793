/**
 * Opening the database for the layers above db/: they get a handle (core/deps.ts), never the
 * connection itself (db/database.ts, which the layer check keeps inside db/ and the CLI).
 */
import type { DatabaseHandle } from '../core/deps.ts';
import { handleOf, openDatabase, openPostgres } from './database.ts';

/** `url` set → PostgreSQL; otherwise PGlite in `dataDir` (undefined = in memory). */
export async function openHandle(opts: { url?: string; dataDir?: string; poolMax?: number }): Promise<DatabaseHandle> {
  return handleOf(await openDatabase(opts));
}

/** A small pool of its own on PostgreSQL (a worker thread's connections). */
export async function openPostgresHandle(url: string, max: number): Promise<DatabaseHandle> {
  return handleOf(await openPostgres(url, max));
}
