/**
 * A per-address token bucket (in memory, or in the database shared by every instance), for every route: each request costs a token (signing in
 * costs LOGIN_COST), tokens refill steadily, and an empty bucket answers 429 with a Danish page
 * and Retry-After. Complements the per-user login throttling in the database (app/login.ts).
 * Settings (`config.rateLimit`): RATE_LIMIT_BURST (bucket size, default 1000), RATE_LIMIT_PER_SECOND
 * (refill, 20), RATE_LIMIT_LOGIN_COST (25); RATE_LIMIT_BURST=0 turns it off.
 */
import type { FastifyInstance } from 'fastify';
import type { RateLimitSettings } from '../core/config.ts';
import { errorPage } from '../web/layout.ts';
import type { RateBucketStore } from '../db/rate-buckets.ts';

export interface RateLimitOptions extends RateLimitSettings {
  now?: () => number;
}

const MAX_ADDRESSES = 100_000;

export class TokenBuckets {
  private buckets = new Map<string, { tokens: number; at: number }>();
  constructor(private o: RateLimitOptions) {}

  /** Take `cost` tokens for `key`; returns 0 when allowed, else the seconds to wait. */
  take(key: string, cost: number): number {
    const now = (this.o.now ?? Date.now)();
    let b = this.buckets.get(key);
    if (b) b.tokens = Math.min(this.o.burst, b.tokens + ((now - b.at) / 1000) * this.o.perSecond);
    else {
      if (this.buckets.size >= MAX_ADDRESSES) this.prune(now);
      b = { tokens: this.o.burst, at: now };
      this.buckets.set(key, b);
    }
    b.at = now;
    if (b.tokens >= cost) {
      b.tokens -= cost;
      return 0;
    }
    return Math.max(1, Math.ceil((cost - b.tokens) / this.o.perSecond));
  }

  /** Forget full buckets (addresses idle long enough to have refilled); keeps memory bounded. */
  private prune(now: number) {
    for (const [k, b] of this.buckets) if (b.tokens + ((now - b.at) / 1000) * this.o.perSecond >= this.o.burst) this.buckets.delete(k);
    if (this.buckets.size >= MAX_ADDRESSES) this.buckets.clear();
  }
}

/**
 * Where the buckets live: in memory (one process: PGlite, tests), or with `shared` (PostgreSQL,
 * several instances behind a balancer) in the database, keyed by a keyed hash of the address.
 */
export function registerRateLimit(
  app: FastifyInstance,
  o: RateLimitOptions,
  shared?: { store: RateBucketStore; key: (ip: string) => string },
) {
  if (!(o.burst > 0)) return;
  const buckets = new TokenBuckets(o);
  const take = shared
    ? (ip: string, cost: number) => shared.store.take(shared.key(ip), cost)
    : async (ip: string, cost: number) => buckets.take(ip, cost);
  app.addHook('onRequest', async (req, reply) => {
    const path = req.url.split('?')[0];
    const cost = req.method === 'POST' && path === '/login' ? o.loginCost : 1;
    const wait = await take(req.ip, cost);
    if (!wait) return;
    reply.code(429).header('Retry-After', String(wait)).type('text/html; charset=utf-8');
    return reply.send(errorPage(429, `For mange forespørgsler fra din adresse. Vent ${wait} sekunder, og prøv igen.`));
  });
}
