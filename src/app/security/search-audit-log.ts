/** Administrators search who did what to whom; the search itself is audited. */
import type { Actor } from '../../core/actor.ts';
import { forbidden } from '../../core/errors.ts';
import type { Database } from '../../db/database.ts';
import { auditActions, searchAuditLog, type AuditFilter } from '../../db/audit-log.ts';
import { writeAudit } from '../../db/tenant.ts';
import { findUserByUsername } from '../../db/users.ts';

export function requireAdministrator(actor: Actor) {
  if (actor.role !== 'administrator') throw forbidden();
  return actor;
}

export async function searchAudit(db: Database, actor: Actor, filter: AuditFilter) {
  requireAdministrator(actor);
  return db.tx(async (q) => {
    const result = await searchAuditLog(q, actor, filter);
    const actions = await auditActions(q);
    // What was searched for, never as typed: a user name only when it is one (a name or CPR
    // number typed there would otherwise stay in the log for good).
    const user = filter.user ? ((await findUserByUsername(q, filter.user))?.username ?? '(ukendt)') : undefined;
    await writeAudit(q, actor, {
      action: 'soeg',
      entity: 'audit_log',
      participantId: filter.participantId ?? null,
      detail: { filter: { ...filter, user, page: undefined, pageSize: undefined }, page: result.page, shown: result.rows.length, total: result.total },
    });
    return { ...result, actions };
  });
}
