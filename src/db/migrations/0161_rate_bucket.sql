-- The per-address token bucket shared by every instance on PostgreSQL (src/db/rate-buckets.ts):
-- keyed by a keyed hash of the address, never the address itself. Unlogged: a crash that loses
-- it only refills every bucket.
CREATE UNLOGGED TABLE IF NOT EXISTS rate_bucket (
  key text PRIMARY KEY,
  tokens double precision NOT NULL,
  ok boolean NOT NULL,
  at timestamptz NOT NULL
);
