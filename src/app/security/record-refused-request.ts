/** A request refused before it reached any data is recorded in the audit log (who, route, fields; never values). */
import type { Actor } from '../../core/actor.ts';
import type { AppDeps } from '../../core/deps.ts';
import { auditRefusedRequest } from '../../db/audit-log.ts';

export function recordRefusedRequest(
  db: AppDeps['db'],
  actor: Actor | undefined,
  ip: string,
  detail: { method: string; route: string | null; fields: string[]; reason: string },
) {
  const who = actor
    ? { userId: actor.userId, username: actor.username, role: actor.role, ip }
    : { userId: null, username: '(anonym)', role: null, ip };
  return auditRefusedRequest(db, who, detail);
}
