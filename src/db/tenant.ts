/**
 * The tenant-scoped path to personal data. Every read or write of a person's data runs in
 * `withTenant`: one transaction as the `fremdrift_app` role with the actor's municipalities
 * set for row-level security, and the audit record written in that same transaction.
 */
import type { Actor } from '../core/actor.ts';
import type { Database, Queryable } from './database.ts';

export interface AuditEntry {
  action: string;
  entity?: string;
  participantId?: string | null;
  municipality?: string | null;
  detail?: Record<string, unknown>;
}

export type Audit = (entry: AuditEntry) => Promise<void>;

/**
 * Append one record to the hash-chained audit log through `fremdrift_audit_append` (migration
 * 0040): the database function locks the chain head, so concurrent appends stay one valid chain.
 */
/** Who a record is about acting: a signed-in actor, or (failed sign-in) possibly nobody known. */
export interface AuditActor {
  userId: number | null;
  username: string;
  role: Actor['role'] | null;
  ip: string;
}

export async function writeAudit(q: Queryable, actor: AuditActor, e: AuditEntry) {
  await q.query(
    `SELECT fremdrift_audit_append($1::int, $2::text, $3::text, $4::text, $5::text, $6::uuid, $7::char(3), $8::text, $9::jsonb)`,
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
    // One round trip: SET LOCAL ROLE and the tenant setting, both undone at commit.
    await q.query(`SELECT set_config('role', 'fremdrift_app', true), set_config('fremdrift.kommuner', $1, true)`, [
      actor.municipalities.join(','),
    ]);
    return fn(q, (e) => writeAudit(q, actor, e));
  });
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export const isUuid = (s: string) => UUID.test(s);
