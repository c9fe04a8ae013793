/** @deprecated moved to src/core/cpr.ts; this re-export goes once branches in flight have moved. */
export * from '../core/cpr.ts';
