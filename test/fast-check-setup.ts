/**
 * Property-based tests run with one seed per test run, chosen anew each run (so CI explores new
 * inputs every time) and printed at the start by vitest.config.ts:
 *   [fast-check] seed 123456789 — replay with FC_SEED=123456789
 * `FC_SEED` fixes it. In CI every property runs FC_RUNS_FACTOR (default 4) times as many cases
 * as it asks for through `runs()`; outside CI the factor is 1.
 */
import fc from 'fast-check';

const seed = process.env.FC_SEED;
if (seed !== undefined && seed !== '') fc.configureGlobal({ seed: Number(seed) });

const factor = Number(process.env.FC_RUNS_FACTOR ?? (process.env.CI ? 4 : 1));

/** The number of runs for a property that asks for `n` (more in CI). */
export function runs(n: number): number {
  return Math.max(1, Math.round(n * factor));
}
