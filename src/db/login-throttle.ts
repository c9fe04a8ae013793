/**
 * Where sign-in failures per user-and-address pair are kept. The policy (how long to wait) is in
 * domain/login-delay.ts and the use of it in app/login.ts; this is only the store, behind a small
 * interface so another store (e.g. one shared differently between instances) can replace it.
 * Keys are opaque keyed hashes made by the caller.
 */
import type { LoginFailures } from '../domain/login-delay.ts';
import { type Reader, sqlOf } from './sql.ts';

export interface LoginThrottleStore {
  /** The pair's failures so far, if any. */
  get(pair: string): Promise<LoginFailures | undefined>;
  /** Count one more failure at `at` (ms); a pair idle for `forgetAfterMs` starts from one. */
  recordFailure(pair: string, at: number, forgetAfterMs: number): Promise<LoginFailures>;
  /** Forget the pair (after a successful sign-in). */
  clear(pair: string): Promise<void>;
}

/** The store in the application's database (shared by every instance on that database). */
export function databaseLoginThrottleStore(handle: Reader): LoginThrottleStore {
  const db = sqlOf(handle);
  const row = (r: { failures: number; at: string }): LoginFailures => ({ failures: r.failures, lastFailureAt: Number(r.at) });
  return {
    async get(pair) {
      const r = await db.query<{ failures: number; at: string }>(
        `SELECT failures, (extract(epoch FROM last_failure_at) * 1000)::bigint::text AS at FROM login_throttle WHERE pair_hash = $1`,
        [pair],
      );
      return r.rows[0] && row(r.rows[0]);
    },
    async recordFailure(pair, at, forgetAfterMs) {
      const r = await db.query<{ failures: number; at: string }>(
        `INSERT INTO login_throttle AS t (pair_hash, failures, last_failure_at) VALUES ($1, 1, to_timestamp($2::double precision / 1000))
         ON CONFLICT (pair_hash) DO UPDATE SET
           failures = CASE WHEN t.last_failure_at < to_timestamp(($2::double precision - $3) / 1000) THEN 1 ELSE t.failures + 1 END,
           last_failure_at = excluded.last_failure_at
         RETURNING failures, (extract(epoch FROM last_failure_at) * 1000)::bigint::text AS at`,
        [pair, at, forgetAfterMs],
      );
      // Pairs forgotten long ago are dropped now and then, so the table stays small.
      if (r.rows[0].failures === 1) {
        await db.query(`DELETE FROM login_throttle WHERE last_failure_at < to_timestamp(($1::double precision - $2) / 1000)`, [
          at,
          forgetAfterMs,
        ]);
      }
      return row(r.rows[0]);
    },
    async clear(pair) {
      await db.query('DELETE FROM login_throttle WHERE pair_hash = $1', [pair]);
    },
  };
}
