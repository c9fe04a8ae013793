/**
 * How long a user-and-address pair waits after failed sign-ins (pure). The first few mistakes
 * cost nothing; after that each failure doubles the wait, up to a cap. A pair is the unit, so
 * someone failing at another address never slows a user down, and a busy shared (NAT) address
 * never slows its other users.
 */

/** Failures a pair may make before any delay. */
export const LOGIN_FREE_FAILURES = 3;
/** The longest delay between two attempts of one pair (seconds). */
export const LOGIN_MAX_DELAY_SECONDS = 15 * 60;
/** A pair with no failure for this long starts afresh. */
export const LOGIN_FORGET_AFTER_MS = 24 * 3600 * 1000;

/** The delay (seconds) a pair must wait after its `failures`-th failure. */
export function loginDelaySeconds(failures: number): number {
  if (failures < LOGIN_FREE_FAILURES) return 0;
  return Math.min(LOGIN_MAX_DELAY_SECONDS, 2 ** (failures - LOGIN_FREE_FAILURES));
}

export interface LoginFailures {
  failures: number;
  /** Time of the last failure (ms since the epoch). */
  lastFailureAt: number;
}

/** Seconds still to wait at `now` (0: may try now). */
export function loginSecondsToWait(state: LoginFailures | undefined, now: number): number {
  if (!state || now - state.lastFailureAt >= LOGIN_FORGET_AFTER_MS) return 0;
  const left = state.lastFailureAt + loginDelaySeconds(state.failures) * 1000 - now;
  return left > 0 ? Math.ceil(left / 1000) : 0;
}
