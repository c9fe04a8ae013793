/**
 * Sign in with a local account: slowed down per user-and-address pair after failures
 * (domain/login-delay.ts), audited whether it succeeds or fails, returns a fresh session.
 */
import { appendAudit } from '../db/audit-log.ts';
import { databaseLoginThrottleStore, type LoginThrottleStore } from '../db/login-throttle.ts';
import { createSession, findUserByUsername } from '../db/users.ts';
import { LOGIN_FORGET_AFTER_MS, loginSecondsToWait } from '../domain/login-delay.ts';
import { verifyPassword } from '../security/passwords.ts';
import type { AppDeps } from '../core/deps.ts';

export type LoginResult =
  { ok: true; sessionId: string; userId: number } | { ok: false; status: 401 | 429; message: string; retryAfter?: number };

export interface LoginOptions {
  /** Where failures are counted (default: the application's database). */
  throttle?: LoginThrottleStore;
  now?: () => number;
}

/** "1 sekund", "40 sekunder", "4 minutter": the wait in words. */
export function waitInDanish(seconds: number): string {
  if (seconds < 60) return seconds === 1 ? '1 sekund' : `${seconds} sekunder`;
  const m = Math.ceil(seconds / 60);
  return m === 1 ? '1 minut' : `${m} minutter`;
}

export async function login(
  deps: Pick<AppDeps, 'db' | 'config' | 'vault'>,
  input: { username: string; password: string; ip: string },
  opts: LoginOptions = {},
): Promise<LoginResult> {
  const { db } = deps;
  const store = opts.throttle ?? databaseLoginThrottleStore(db);
  const now = (opts.now ?? Date.now)();
  // The pair, not the user name alone nor the address alone: failures elsewhere never slow her.
  const pair = deps.vault.keyedHash('login-throttle', `${input.username.toLowerCase()}\u0000${input.ip}`);
  const user = input.username ? await findUserByUsername(db, input.username) : undefined;
  // A known user is named in the audit log; what was typed for an unknown one is not kept (it
  // may be a password or a CPR number typed in the wrong field).
  const who = { userId: user?.id ?? null, username: user?.username ?? '(ukendt)', role: user?.role ?? null, ip: input.ip };

  const wait = loginSecondsToWait(await store.get(pair), now);
  if (wait > 0) {
    await appendAudit(db, who, { action: 'login_mislykket', entity: 'session', detail: { reason: 'forsinket', waitSeconds: wait } });
    return {
      ok: false,
      status: 429,
      retryAfter: wait,
      message: `For mange mislykkede forsøg fra din adresse. Vent ${waitInDanish(wait)}, og prøv igen.`,
    };
  }
  // Verify against a dummy hash when the user is unknown, so timing does not reveal which names exist.
  const ok = user?.active
    ? await verifyPassword(user.passwordHash, input.password)
    : await verifyPassword(DUMMY, input.password).then(() => false);
  if (!ok || !user) {
    const state = await store.recordFailure(pair, now, LOGIN_FORGET_AFTER_MS);
    await appendAudit(db, who, {
      action: 'login_mislykket',
      entity: 'session',
      detail: { reason: user ? (user.active ? 'forkert_adgangskode' : 'deaktiveret') : 'ukendt_bruger', failures: state.failures },
    });
    return { ok: false, status: 401, message: 'Forkert brugernavn eller adgangskode.' };
  }
  await store.clear(pair);
  // The idle expiry from the start; touchSession slides it forward while she works (12 h at most).
  const session = await createSession(db, user.id, Math.min(12, deps.config.sessionIdleHours));
  await appendAudit(
    db,
    { userId: user.id, username: user.username, role: user.role, ip: input.ip },
    { action: 'login', entity: 'session' },
  );
  return { ok: true, sessionId: session.id, userId: user.id };
}

// argon2id hash of a random string, used only to spend the same time on unknown users.
const DUMMY = '$argon2id$v=19$m=19456,t=2,p=1$c29tZXNhbHRzb21lc2FsdA$0uNn3L+3j7gxwuH8fU1gIq2Xg1Ih7lIqQ5Rj3YyNnQk';
