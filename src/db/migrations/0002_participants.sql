-- Participants (borgere) and their enrolments. Personal data: every row carries the
-- municipality it belongs to, and row-level security (0004) scopes it to the tenant.

CREATE TABLE IF NOT EXISTS participant (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  municipality_code char(3) NOT NULL REFERENCES municipality(code),
  cpr_hash text NOT NULL,          -- keyed HMAC of the CPR number: look-ups and register linking
  cpr_enc text NOT NULL,           -- AES-256-GCM ciphertext of the CPR number
  first_name text NOT NULL,
  last_name text NOT NULL,
  birth_date date NOT NULL,
  sex char(1) NOT NULL CHECK (sex IN ('K', 'M')),
  country_of_origin text,
  synthetic boolean NOT NULL DEFAULT false,
  created_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (municipality_code, cpr_hash)
);
CREATE INDEX IF NOT EXISTS participant_cpr_hash ON participant (cpr_hash);
CREATE INDEX IF NOT EXISTS participant_name ON participant (municipality_code, last_name, first_name);

CREATE TABLE IF NOT EXISTS enrolment (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  participant_id uuid NOT NULL REFERENCES participant(id) ON DELETE CASCADE,
  project_id int NOT NULL REFERENCES project(id),
  municipality_code char(3) NOT NULL REFERENCES municipality(code),
  enrolled_on date NOT NULL,
  visitation text NOT NULL CHECK (visitation IN ('aktivitetsparat', 'jobparat', 'selvforsoergende', 'oevrige')),
  caseworker_id int REFERENCES app_user(id),
  exited_on date,
  exit_reason text,
  flere_skal_med smallint CHECK (flere_skal_med BETWEEN 1 AND 3),
  recruitment_channel text,
  override_reason text,
  created_at timestamptz NOT NULL DEFAULT now(),
  CHECK (exited_on IS NULL OR exited_on >= enrolled_on)
);
CREATE INDEX IF NOT EXISTS enrolment_participant ON enrolment (participant_id);
CREATE INDEX IF NOT EXISTS enrolment_municipality ON enrolment (municipality_code, project_id);
CREATE INDEX IF NOT EXISTS enrolment_caseworker ON enrolment (caseworker_id);

GRANT SELECT, INSERT, UPDATE, DELETE ON participant, enrolment TO fremdrift_app;
