-- OpenID Connect sign-in: a user provisioned from an identity provider is linked by the
-- provider's issuer and its subject identifier (never by a user name, which a provider could
-- choose to collide with a local account). Pending sign-ins keep state, nonce and the PKCE
-- verifier server-side, keyed by the SHA-256 of a short-lived browser cookie.

CREATE TABLE IF NOT EXISTS user_identity (
  issuer text NOT NULL,
  subject text NOT NULL,
  user_id int NOT NULL REFERENCES app_user(id) ON DELETE CASCADE,
  created_at timestamptz NOT NULL DEFAULT now(),
  last_login_at timestamptz,
  PRIMARY KEY (issuer, subject)
);
CREATE INDEX IF NOT EXISTS user_identity_user ON user_identity (user_id);

CREATE TABLE IF NOT EXISTS oidc_pending (
  id_hash text PRIMARY KEY,
  state text NOT NULL,
  nonce text NOT NULL,
  code_verifier text NOT NULL,
  next text NOT NULL DEFAULT '/',
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX IF NOT EXISTS oidc_pending_created ON oidc_pending (created_at);
