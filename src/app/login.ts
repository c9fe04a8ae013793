/** Sign in with a local account: throttled, audited, returns a fresh session. */
import { writeAudit } from '../db/tenant.ts';
import { createSession, findUserByUsername, recentFailures, recordLoginAttempt } from '../db/users.ts';
import { verifyPassword } from '../security/passwords.ts';
import type { AppDeps } from '../http/deps.ts';

export const MAX_FAILURES_PER_USER = 5;
export const MAX_FAILURES_PER_IP = 20;
export const THROTTLE_MINUTES = 15;

export type LoginResult =
  | { ok: true; sessionId: string; userId: number }
  | { ok: false; status: 401 | 429; message: string };

export async function login(deps: Pick<AppDeps, 'db' | 'config'>, input: { username: string; password: string; ip: string }): Promise<LoginResult> {
  const { db } = deps;
  const fails = await recentFailures(db, input.username, input.ip, THROTTLE_MINUTES);
  if (fails.byUser >= MAX_FAILURES_PER_USER || fails.byIp >= MAX_FAILURES_PER_IP) {
    return { ok: false, status: 429, message: `For mange mislykkede forsøg. Vent ${THROTTLE_MINUTES} minutter, og prøv igen.` };
  }
  const user = input.username ? await findUserByUsername(db, input.username) : undefined;
  // Verify against a dummy hash when the user is unknown, so timing does not reveal which names exist.
  const ok = user?.active ? await verifyPassword(user.passwordHash, input.password) : await verifyPassword(DUMMY, input.password).then(() => false);
  await recordLoginAttempt(db, input.username || '-', input.ip, ok);
  if (!ok || !user) return { ok: false, status: 401, message: 'Forkert brugernavn eller adgangskode.' };
  // The idle expiry from the start; touchSession slides it forward while she works (12 h at most).
  const session = await createSession(db, user.id, Math.min(12, deps.config.sessionIdleHours));
  await writeAudit(db, { userId: user.id, username: user.username, role: user.role, ip: input.ip }, { action: 'login', entity: 'session' });
  return { ok: true, sessionId: session.id, userId: user.id };
}

// argon2id hash of a random string, used only to spend the same time on unknown users.
const DUMMY = '$argon2id$v=19$m=19456,t=2,p=1$c29tZXNhbHRzb21lc2FsdA$0uNn3L+3j7gxwuH8fU1gIq2Xg1Ih7lIqQ5Rj3YyNnQk';
