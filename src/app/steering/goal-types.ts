/** @deprecated moved to src/domain/steering-goals.ts; this re-export goes once branches in flight have moved. */
export * from '../../domain/steering-goals.ts';
