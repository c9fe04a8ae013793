-- Sign-in throttling per user-and-address pair (issue 11, finding 7): failures of one pair slow
-- only that pair down, exponentially; nobody else can lock a user out, and a shared address does
-- not lock its other users. The pair is stored as a keyed hash, never as the typed text.
-- Failed sign-ins are in the audit log now, so the old per-attempt table (which kept whatever
-- was typed as a user name) goes.
CREATE TABLE IF NOT EXISTS login_throttle (
  pair_hash text PRIMARY KEY,
  failures int NOT NULL,
  last_failure_at timestamptz NOT NULL
);
CREATE INDEX IF NOT EXISTS login_throttle_last ON login_throttle (last_failure_at);
DROP TABLE IF EXISTS login_attempt;
