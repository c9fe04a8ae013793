/** Administrators search who did what to whom; the search itself is audited. */
import type { Actor } from '../../core/actor.ts';
import { forbidden } from '../../core/errors.ts';
import { auditActions, searchAuditLog, type AuditFilter } from '../../db/audit-log.ts';
import { systemDoor, type Db } from '../../db/door.ts';
import { findUserByUsername } from '../../db/users.ts';

export function requireAdministrator(actor: Actor) {
  if (actor.role !== 'administrator') throw forbidden();
  return actor;
}

/** The audit log is read as its owner (the application role cannot read it), scoped by searchAuditLog. */
export async function searchAudit(db: Db, actor: Actor, filter: AuditFilter) {
  requireAdministrator(actor);
  return systemDoor(db, actor, async (tx) => {
    const result = await searchAuditLog(tx, actor, filter);
    const actions = await auditActions(tx);
    // What was searched for, never as typed: a user name only when it is one (a name or CPR
    // number typed there would otherwise stay in the log for good).
    const user = filter.user ? ((await findUserByUsername(tx, filter.user))?.username ?? '(ukendt)') : undefined;
    return {
      value: { ...result, actions },
      audit: {
        action: 'soeg',
        entity: 'audit_log',
        participantId: filter.participantId ?? null,
        detail: {
          filter: { ...filter, user, page: undefined, pageSize: undefined },
          page: result.page,
          shown: result.rows.length,
          total: result.total,
        },
      },
    };
  });
}
