/** The effect worker thread's own small connection pool (PostgreSQL). */
import { openPostgres, type Database } from '../database.ts';

export function openEffectWorkerDb(url: string): Promise<Database> {
  return openPostgres(url, 2);
}
