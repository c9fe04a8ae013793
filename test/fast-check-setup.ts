/**
 * Property-based tests explore new random inputs on every developer run (fast-check prints the
 * seed of a failure to replay it), but CI uses one fixed seed so that a landing never depends on
 * luck. `FC_SEED` overrides both.
 */
import fc from 'fast-check';

const seed = process.env.FC_SEED ?? (process.env.CI ? '20191101' : undefined);
if (seed !== undefined) fc.configureGlobal({ seed: Number(seed) });
