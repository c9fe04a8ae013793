/**
 * With FREMDRIFT_TEST_TODAY set (test/helpers/env.ts), each integration test file runs with its
 * clock on that day, at the time of day it really is: the server in the test process then sees
 * the day the demo templates were seeded for. The clock keeps running (only Date is faked, timers
 * stay real). A test that fakes the clock itself still can; vi.useRealTimers returns to the real day.
 */
import { vi } from 'vitest';
import { testToday } from './helpers/env.ts';

const day = testToday();
if (day) {
  const real = new Date();
  const now = new Date(`${day}T${real.toISOString().slice(11)}`);
  // Keep the Danish date: noon UTC is the same date in Denmark, whatever the real time of day.
  if (now.getUTCHours() >= 22 || now.getUTCHours() < 1) now.setUTCHours(12);
  vi.useFakeTimers({ toFake: ['Date'], now, shouldAdvanceTime: true });
}
