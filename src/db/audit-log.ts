/**
 * Reading the audit log (administrators only). The application role cannot read audit_log, so
 * this runs on the owner's connection, scoped here: the agency's administrators see everything,
 * a jobcentre's administrators see records about their municipalities' citizens and by their
 * organisation's users.
 */
import type { Actor } from '../core/actor.ts';
import type { Database } from './database.ts';
import type { AuditEntry } from './door.ts';
import type { DatabaseHandle } from '../core/deps.ts';
import { databaseOf, sqlOf, writeAudit, type AuditActor, type Sql, type Reader } from './sql.ts';

export type { AuditActor } from './sql.ts';

export interface AuditFilter {
  user?: string;
  participantId?: string;
  action?: string;
  from?: string;
  to?: string;
  page?: number;
  pageSize?: number;
}

export interface AuditRow {
  id: number;
  at: string;
  username: string;
  role: string | null;
  action: string;
  entity: string | null;
  participantId: string | null;
  municipalityCode: string | null;
  ip: string | null;
  detail: string | null;
}

function scope(actor: Actor, params: unknown[]): string | null {
  if (actor.organisationKind === 'styrelse') return null;
  params.push(actor.municipalities, actor.organisationId);
  const m = params.length - 1;
  return `(municipality_code = ANY ($${m}::text[]) OR user_id IN (SELECT id FROM app_user WHERE organisation_id = $${m + 1}))`;
}

export async function searchAuditLog(tx: Sql, actor: Actor, f: AuditFilter) {
  const q = sqlOf(tx);
  const pageSize = Math.min(Math.max(f.pageSize ?? 50, 1), 500);
  const page = Math.max(f.page ?? 1, 1);
  const params: unknown[] = [];
  const where: string[] = [];
  const add = (sql: (n: number) => string, v: unknown) => {
    params.push(v);
    where.push(sql(params.length));
  };
  const s = scope(actor, params);
  if (s) where.push(s);
  if (f.user) add((n) => `lower(username) = lower($${n})`, f.user);
  if (f.participantId) add((n) => `participant_id = $${n}::uuid`, f.participantId);
  if (f.action) add((n) => `action = $${n}`, f.action);
  // Dates are Danish calendar days.
  if (f.from) add((n) => `at >= ($${n}::date)::timestamp AT TIME ZONE 'Europe/Copenhagen'`, f.from);
  if (f.to) add((n) => `at < ($${n}::date + 1)::timestamp AT TIME ZONE 'Europe/Copenhagen'`, f.to);
  const whereSql = where.length ? `WHERE ${where.join(' AND ')}` : '';
  const total = (await q.query<{ n: number }>(`SELECT count(*)::int AS n FROM audit_log ${whereSql}`, params)).rows[0].n;
  const rows = (
    await q.query<AuditRow>(
      `SELECT id, to_char(at AT TIME ZONE 'Europe/Copenhagen', 'YYYY-MM-DD HH24:MI:SS') AS at, username, role, action, entity,
              participant_id AS "participantId", municipality_code AS "municipalityCode", ip, detail::text AS detail
       FROM audit_log ${whereSql} ORDER BY audit_log.id DESC LIMIT ${pageSize} OFFSET ${(page - 1) * pageSize}`,
      params,
    )
  ).rows;
  return { rows, total, page, pageSize };
}

/** The actions in the log, for the filter's drop-down. */
export async function auditActions(tx: Sql): Promise<string[]> {
  return (await sqlOf(tx).query<{ action: string }>('SELECT DISTINCT action FROM audit_log ORDER BY action')).rows.map((r) => r.action);
}

/**
 * Record a request refused before it reached any data (e.g. control characters in its input):
 * who, which route pattern and which fields — never the values.
 */
export async function auditRefusedRequest(
  handle: Reader,
  who: AuditActor,
  detail: { method: string; route: string | null; fields: string[]; reason: string },
) {
  const db = sqlOf(handle);
  await writeAudit(db, who, { action: 'afvist_input', entity: 'forespoergsel', detail });
}

/**
 * Append a record outside any door's transaction, for what reads no woman's data through a door:
 * account events (a sign-in, a refused sign-in, a provisioned user) and the agency's aggregated
 * computations (suppressed results, served from a cache or computed). Same hash-chained log.
 */
export function appendAudit(db: DatabaseHandle | Database, who: AuditActor, e: AuditEntry): Promise<void> {
  return writeAudit(databaseOf(db), who, e);
}
