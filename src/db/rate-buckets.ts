/**
 * Token buckets in the database, shared by every instance (the per-address rate limit behind a
 * balancer). One statement per request: refill by the time passed, take `cost` if there is
 * enough, and say whether it was taken. Keys are opaque keyed hashes made by the caller.
 */
import { type Reader, sqlOf } from './sql.ts';

export interface RateBucketStore {
  /** Take `cost` tokens for `key`; returns 0 when allowed, else the seconds to wait. */
  take(key: string, cost: number): Promise<number>;
}

export function databaseRateBuckets(handle: Reader, o: { burst: number; perSecond: number }): RateBucketStore {
  const db = sqlOf(handle);
  let calls = 0;
  return {
    async take(key, cost) {
      const r = await db.query<{ ok: boolean; tokens: number }>(
        `INSERT INTO rate_bucket AS b (key, tokens, ok, at) VALUES ($1, $3::float8 - $2, $3::float8 >= $2, clock_timestamp())
         ON CONFLICT (key) DO UPDATE SET
           ok = least($3, b.tokens + extract(epoch FROM clock_timestamp() - b.at)::float8 * $4) >= $2,
           tokens = least($3, b.tokens + extract(epoch FROM clock_timestamp() - b.at)::float8 * $4)
                    - CASE WHEN least($3, b.tokens + extract(epoch FROM clock_timestamp() - b.at)::float8 * $4) >= $2 THEN $2 ELSE 0 END,
           at = clock_timestamp()
         RETURNING ok, tokens`,
        [key, cost, o.burst, o.perSecond],
      );
      // Now and then forget buckets idle long enough to be full again.
      if (++calls % 1000 === 0) {
        await db.query(`DELETE FROM rate_bucket WHERE at < clock_timestamp() - make_interval(secs => $1)`, [o.burst / o.perSecond + 60]);
      }
      const { ok, tokens } = r.rows[0];
      return ok ? 0 : Math.max(1, Math.ceil((cost - tokens) / o.perSecond));
    },
  };
}
