/** @deprecated moved to src/core/prng.ts; this re-export goes once branches in flight have moved. */
export * from '../core/prng.ts';
