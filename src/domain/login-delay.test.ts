import { describe, expect, it } from 'vitest';
import {
  LOGIN_FORGET_AFTER_MS,
  LOGIN_FREE_FAILURES,
  LOGIN_MAX_DELAY_SECONDS,
  loginDelaySeconds,
  loginSecondsToWait,
} from './login-delay.ts';

describe('sign-in delay per user-and-address pair', () => {
  it('is free for the first failures, then doubles with each failure up to the cap', () => {
    const delays = Array.from({ length: 20 }, (_, i) => loginDelaySeconds(i + 1));
    expect(delays.slice(0, LOGIN_FREE_FAILURES - 1).every((d) => d === 0)).toBe(true);
    expect(delays.slice(LOGIN_FREE_FAILURES - 1, LOGIN_FREE_FAILURES + 3)).toEqual([1, 2, 4, 8]);
    expect(Math.max(...delays)).toBe(LOGIN_MAX_DELAY_SECONDS);
  });

  it('counts down from the last failure and forgets an idle pair', () => {
    const at = 1_000_000;
    const s = { failures: LOGIN_FREE_FAILURES + 2, lastFailureAt: at };
    expect(loginSecondsToWait(s, at)).toBe(4);
    expect(loginSecondsToWait(s, at + 3500)).toBe(1);
    expect(loginSecondsToWait(s, at + 4000)).toBe(0);
    expect(loginSecondsToWait({ failures: 50, lastFailureAt: at }, at + LOGIN_FORGET_AFTER_MS)).toBe(0);
    expect(loginSecondsToWait(undefined, at)).toBe(0);
  });
});
