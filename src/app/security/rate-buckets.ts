/**
 * Where the per-address rate limit keeps its buckets: on PostgreSQL (several instances behind a
 * balancer) in the database, shared by all of them and keyed by a keyed hash of the address; on
 * PGlite (one process) in memory (undefined here).
 */
import type { AppDeps } from '../../core/deps.ts';
import { databaseRateBuckets, type RateBucketStore } from '../../db/rate-buckets.ts';

export function sharedRateBuckets(deps: AppDeps): { store: RateBucketStore; key: (ip: string) => string } | undefined {
  if (deps.db.kind !== 'postgres') return undefined;
  return { store: databaseRateBuckets(deps.db, deps.config.rateLimit), key: (ip) => deps.vault.keyedHash('rate-limit', ip) };
}
