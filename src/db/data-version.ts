/**
 * The data version (migration 0160): a number that triggers raise whenever data behind the
 * results changes. Every instance compares it with what its caches were built from, so a change
 * made through any instance drops every instance's caches at once; one primary-key read.
 */
import { sqlOf, type Reader } from './sql.ts';

export async function readDataVersion(handle: Reader): Promise<number> {
  const q = sqlOf(handle);
  return (await q.query<{ version: number }>('SELECT version FROM data_version WHERE id = 1')).rows[0]?.version ?? 0;
}
