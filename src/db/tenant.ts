/**
 * The tenant-scoped path to personal data. Every read or write of a person's data runs in
 * `withTenant`: one transaction as the `fremdrift_app` role with the actor's municipalities
 * set for row-level security, and the audit record written in that same transaction.
 */
import type { Actor } from '../app/context.ts';
import type { Database, Queryable } from './database.ts';

export interface AuditEntry {
  action: string;
  entity?: string;
  participantId?: string | null;
  municipality?: string | null;
  detail?: Record<string, unknown>;
}

export type Audit = (entry: AuditEntry) => Promise<void>;

export async function writeAudit(q: Queryable, actor: Pick<Actor, 'userId' | 'username' | 'role' | 'ip'>, e: AuditEntry) {
  await q.query(
    `INSERT INTO audit_log (user_id, username, role, action, entity, participant_id, municipality_code, ip, detail)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
    [
      actor.userId || null,
      actor.username,
      actor.role,
      e.action,
      e.entity ?? null,
      e.participantId ?? null,
      e.municipality ?? null,
      actor.ip,
      e.detail ? JSON.stringify(e.detail) : null,
    ],
  );
}

export function withTenant<T>(
  db: Database,
  actor: Actor,
  fn: (q: Queryable, audit: Audit) => Promise<T>,
): Promise<T> {
  return db.tx(async (q) => {
    await q.query('SET LOCAL ROLE fremdrift_app');
    await q.query(`SELECT set_config('fremdrift.kommuner', $1, true)`, [actor.municipalities.join(',')]);
    return fn(q, (e) => writeAudit(q, actor, e));
  });
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export const isUuid = (s: string) => UUID.test(s);
