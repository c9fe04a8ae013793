/**
 * The earlier shape of the door, kept while use cases move to `door` (db/door.ts): hands out the
 * connection and leaves the audit to the caller. New code uses `door`.
 * @deprecated use `door` from db/door.ts and repositories in src/db/.
 */
import type { Actor } from '../core/actor.ts';
import type { Database, Queryable } from './database.ts';
import type { AuditEntry } from './door.ts';
import { writeAudit } from './sql.ts';

export type { AuditEntry } from './door.ts';
export { writeAudit, type AuditActor } from './sql.ts';

export type Audit = (entry: AuditEntry) => Promise<void>;

/** @deprecated use `door` (db/door.ts): it writes the audit record itself. */
export function withTenant<T>(
  db: Database,
  actor: Actor,
  fn: (q: Queryable, audit: Audit) => Promise<T>,
): Promise<T> {
  return db.tx(async (q) => {
    await q.query(`SELECT set_config('role', 'fremdrift_app', true), set_config('fremdrift.kommuner', $1, true)`, [
      actor.municipalities.join(','),
    ]);
    return fn(q, (e) => writeAudit(q, actor, e));
  });
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export const isUuid = (s: string) => UUID.test(s);
