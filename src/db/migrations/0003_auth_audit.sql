-- Sessions, login throttling and the audit log.

CREATE TABLE IF NOT EXISTS user_session (
  id_hash text PRIMARY KEY,        -- SHA-256 of the cookie value; the value itself is never stored
  user_id int NOT NULL REFERENCES app_user(id) ON DELETE CASCADE,
  csrf_token text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  last_seen timestamptz NOT NULL DEFAULT now(),
  expires_at timestamptz NOT NULL
);
CREATE INDEX IF NOT EXISTS user_session_user ON user_session (user_id);

CREATE TABLE IF NOT EXISTS login_attempt (
  id bigserial PRIMARY KEY,
  username text NOT NULL,
  ip text NOT NULL,
  at timestamptz NOT NULL DEFAULT now(),
  success boolean NOT NULL
);
CREATE INDEX IF NOT EXISTS login_attempt_recent ON login_attempt (username, at);
CREATE INDEX IF NOT EXISTS login_attempt_ip ON login_attempt (ip, at);

-- Who did what to which person, when and from where. The application role may only append.
CREATE TABLE IF NOT EXISTS audit_log (
  id bigserial PRIMARY KEY,
  at timestamptz NOT NULL DEFAULT now(),
  user_id int,
  username text NOT NULL,
  role text,
  action text NOT NULL,
  entity text,
  participant_id uuid,             -- no foreign key: denied look-ups and erased persons are logged too
  municipality_code char(3),
  ip text,
  detail jsonb
);
CREATE INDEX IF NOT EXISTS audit_log_participant ON audit_log (participant_id, at);
CREATE INDEX IF NOT EXISTS audit_log_user ON audit_log (user_id, at);

GRANT INSERT ON audit_log TO fremdrift_app;
GRANT USAGE ON SEQUENCE audit_log_id_seq TO fremdrift_app;
