-- Her own plan, in her language (issue 15): the language she wants her plan in, her personal
-- links (only the SHA-256 of the random token is stored), a municipality's corrections of the
-- fixed texts, validated WHO-5 translations per project, and WHO-5 answers she gave herself.

CREATE TABLE IF NOT EXISTS citizen_preference (
  participant_id uuid PRIMARY KEY REFERENCES participant(id) ON DELETE CASCADE,
  municipality_code char(3) NOT NULL REFERENCES municipality(code),
  language text NOT NULL,
  updated_at timestamptz NOT NULL DEFAULT now(),
  updated_by int REFERENCES app_user(id)
);

CREATE TABLE IF NOT EXISTS citizen_link (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  participant_id uuid NOT NULL REFERENCES participant(id) ON DELETE CASCADE,
  municipality_code char(3) NOT NULL REFERENCES municipality(code),
  token_hash text NOT NULL UNIQUE CHECK (token_hash ~ '^[0-9a-f]{64}$'),
  language text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  created_by int REFERENCES app_user(id),
  expires_at timestamptz NOT NULL,
  revoked_at timestamptz,
  revoked_by int REFERENCES app_user(id),
  last_used_at timestamptz,
  uses int NOT NULL DEFAULT 0
);
CREATE INDEX IF NOT EXISTS citizen_link_participant ON citizen_link (participant_id, created_at);

-- The one way a link gets in: the application role, before any tenant is set, finds a link by
-- the hash of its token (and nothing else: no listing, no other columns).
CREATE OR REPLACE FUNCTION fremdrift_citizen_link_find(p_hash text)
RETURNS TABLE (id uuid, participant_id uuid, municipality_code char(3), language text, expires_at timestamptz, revoked_at timestamptz)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
  SELECT l.id, l.participant_id, l.municipality_code, l.language, l.expires_at, l.revoked_at
  FROM citizen_link l WHERE l.token_hash = p_hash
$$;
REVOKE ALL ON FUNCTION fremdrift_citizen_link_find(text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION fremdrift_citizen_link_find(text) TO fremdrift_app;

-- A municipality's correction of one fixed text in one language (not personal data).
CREATE TABLE IF NOT EXISTS message_override (
  municipality_code char(3) NOT NULL REFERENCES municipality(code),
  language text NOT NULL,
  key text NOT NULL,
  text text NOT NULL CHECK (length(text) BETWEEN 1 AND 1000),
  updated_at timestamptz NOT NULL DEFAULT now(),
  updated_by int REFERENCES app_user(id),
  PRIMARY KEY (municipality_code, language, key)
);

-- A validated WHO-5 translation a project has loaded: intro, five items, six answers.
CREATE TABLE IF NOT EXISTS who5_translation (
  project_id int NOT NULL REFERENCES project(id) ON DELETE CASCADE,
  language text NOT NULL,
  texts jsonb NOT NULL,
  validated_by text NOT NULL CHECK (length(validated_by) BETWEEN 3 AND 300),
  loaded_at timestamptz NOT NULL DEFAULT now(),
  loaded_by int REFERENCES app_user(id),
  PRIMARY KEY (project_id, language)
);

-- Who answered an assessment: the caseworker with her, or she herself through her link.
ALTER TABLE casework_assessment ADD COLUMN IF NOT EXISTS reported_by text NOT NULL DEFAULT 'sagsbehandler'
  CHECK (reported_by IN ('sagsbehandler', 'borger'));
ALTER TABLE casework_assessment ADD COLUMN IF NOT EXISTS answered_language text;

GRANT SELECT, INSERT, UPDATE, DELETE ON citizen_preference, citizen_link, message_override TO fremdrift_app;
GRANT SELECT, INSERT, UPDATE, DELETE ON who5_translation TO fremdrift_app;

ALTER TABLE citizen_preference ENABLE ROW LEVEL SECURITY;
DROP POLICY IF EXISTS citizen_preference_tenant ON citizen_preference;
CREATE POLICY citizen_preference_tenant ON citizen_preference
  USING (municipality_code = ANY ((SELECT fremdrift_tenant())::bpchar[]))
  WITH CHECK (municipality_code = ANY ((SELECT fremdrift_tenant())::bpchar[]));

ALTER TABLE citizen_link ENABLE ROW LEVEL SECURITY;
DROP POLICY IF EXISTS citizen_link_tenant ON citizen_link;
CREATE POLICY citizen_link_tenant ON citizen_link
  USING (municipality_code = ANY ((SELECT fremdrift_tenant())::bpchar[]))
  WITH CHECK (municipality_code = ANY ((SELECT fremdrift_tenant())::bpchar[]));

ALTER TABLE message_override ENABLE ROW LEVEL SECURITY;
DROP POLICY IF EXISTS message_override_tenant ON message_override;
CREATE POLICY message_override_tenant ON message_override
  USING (municipality_code = ANY ((SELECT fremdrift_tenant())::bpchar[]))
  WITH CHECK (municipality_code = ANY ((SELECT fremdrift_tenant())::bpchar[]));
