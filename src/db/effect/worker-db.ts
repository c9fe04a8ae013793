/** The effect worker thread's own small connection pool (PostgreSQL), as a handle for the use case. */
import type { DatabaseHandle } from '../../core/deps.ts';
import { handleOf, openPostgres } from '../database.ts';

export async function openEffectWorkerDb(url: string): Promise<DatabaseHandle> {
  return handleOf(await openPostgres(url, 2));
}
