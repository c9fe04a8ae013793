/** Sessions as the web layer uses them: who holds a session cookie, and ending a session. */
import type { Actor } from '../core/actor.ts';
import type { AppDeps } from '../core/deps.ts';
import { deleteSession, touchSessionActor } from '../db/users.ts';

/**
 * The actor behind a session id, with the session's CSRF token, and the session kept alive for
 * another idle period; undefined when the session is unknown, expired or its user deactivated.
 */
export async function resumeSession(
  deps: Pick<AppDeps, 'db' | 'config'>,
  sessionId: string,
  ip: string,
): Promise<{ actor: Actor; csrfToken: string } | undefined> {
  // One round trip: the session touched and its user's actor read together.
  const found = await touchSessionActor(deps.db, sessionId, deps.config.sessionIdleHours, ip);
  return found?.actor ? { actor: found.actor, csrfToken: found.session.csrfToken } : undefined;
}

/** End a session (sign-out, or the old session replaced at sign-in so an id is never fixed). */
export async function endSession(deps: Pick<AppDeps, 'db'>, sessionId: string): Promise<void> {
  await deleteSession(deps.db, sessionId);
}
