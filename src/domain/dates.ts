/** @deprecated moved to src/core/dates.ts; this re-export goes once branches in flight have moved. */
export * from '../core/dates.ts';
