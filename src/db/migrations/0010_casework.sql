-- The caseworker's daily work: plan (with its change history), activities, conversations and
-- progression assessments per woman, plus per-project follow-up settings and activity types.
-- Personal-data tables carry municipality_code and row-level security like 0004.

ALTER TABLE enrolment ADD COLUMN IF NOT EXISTS unmet_criteria text[] NOT NULL DEFAULT '{}';
ALTER TABLE enrolment ADD COLUMN IF NOT EXISTS exit_note text;
ALTER TABLE enrolment ADD COLUMN IF NOT EXISTS created_by int REFERENCES app_user(id);

-- The current holistic plan of a woman (one row per woman; every save is also a plan_change).
CREATE TABLE IF NOT EXISTS casework_plan (
  participant_id uuid PRIMARY KEY REFERENCES participant(id) ON DELETE CASCADE,
  municipality_code char(3) NOT NULL REFERENCES municipality(code),
  data jsonb NOT NULL,
  updated_at timestamptz NOT NULL DEFAULT now(),
  updated_by int REFERENCES app_user(id)
);

CREATE TABLE IF NOT EXISTS casework_plan_change (
  id bigserial PRIMARY KEY,
  participant_id uuid NOT NULL REFERENCES participant(id) ON DELETE CASCADE,
  municipality_code char(3) NOT NULL REFERENCES municipality(code),
  changed_at timestamptz NOT NULL DEFAULT now(),
  changed_on date NOT NULL DEFAULT current_date,
  changed_by int REFERENCES app_user(id),
  changed_by_name text NOT NULL,
  changes jsonb NOT NULL
);
CREATE INDEX IF NOT EXISTS casework_plan_change_participant ON casework_plan_change (participant_id, changed_at);

CREATE TABLE IF NOT EXISTS casework_activity (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  participant_id uuid NOT NULL REFERENCES participant(id) ON DELETE CASCADE,
  municipality_code char(3) NOT NULL REFERENCES municipality(code),
  type_key text NOT NULL,
  provider text,
  cvr char(8),
  start_date date NOT NULL,
  end_date date,
  hours_per_week numeric(4, 1) CHECK (hours_per_week BETWEEN 0 AND 37),
  status text NOT NULL CHECK (status IN ('planlagt', 'i_gang', 'afsluttet', 'afbrudt')),
  created_by int REFERENCES app_user(id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  CHECK (end_date IS NULL OR end_date >= start_date)
);
CREATE INDEX IF NOT EXISTS casework_activity_participant ON casework_activity (participant_id, start_date);

CREATE TABLE IF NOT EXISTS casework_conversation (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  participant_id uuid NOT NULL REFERENCES participant(id) ON DELETE CASCADE,
  municipality_code char(3) NOT NULL REFERENCES municipality(code),
  held_on date NOT NULL,
  kind text NOT NULL CHECK (kind IN ('individuel', 'virksomhed', 'gruppe', 'hjemmebesoeg')),
  participants text,
  interpreter_used boolean NOT NULL DEFAULT false,
  note text CHECK (note IS NULL OR length(note) <= 2000),
  created_by int REFERENCES app_user(id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX IF NOT EXISTS casework_conversation_participant ON casework_conversation (participant_id, held_on);

CREATE TABLE IF NOT EXISTS casework_assessment (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  participant_id uuid NOT NULL REFERENCES participant(id) ON DELETE CASCADE,
  municipality_code char(3) NOT NULL REFERENCES municipality(code),
  instrument_key text NOT NULL,
  assessed_on date NOT NULL,
  answers jsonb NOT NULL,
  total numeric NOT NULL,
  created_by int REFERENCES app_user(id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX IF NOT EXISTS casework_assessment_participant ON casework_assessment (participant_id, instrument_key, assessed_on);

-- Per-project settings (not personal data): follow-up rules and the project's own activity types.
CREATE TABLE IF NOT EXISTS project_alert_settings (
  project_id int PRIMARY KEY REFERENCES project(id) ON DELETE CASCADE,
  settings jsonb NOT NULL,
  updated_at timestamptz NOT NULL DEFAULT now(),
  updated_by int REFERENCES app_user(id)
);

CREATE TABLE IF NOT EXISTS project_activity_type (
  project_id int NOT NULL REFERENCES project(id) ON DELETE CASCADE,
  key text NOT NULL,
  name text NOT NULL,
  category text NOT NULL CHECK (category IN ('virksomhedsrettet', 'opkvalificering', 'social_sundhed', 'vejledning')),
  at_company boolean NOT NULL DEFAULT false,
  created_by int REFERENCES app_user(id),
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (project_id, key)
);

GRANT SELECT, INSERT, UPDATE, DELETE ON casework_plan, casework_plan_change, casework_activity,
  casework_conversation, casework_assessment TO fremdrift_app;
GRANT USAGE ON SEQUENCE casework_plan_change_id_seq TO fremdrift_app;
GRANT SELECT, INSERT, UPDATE ON project_alert_settings TO fremdrift_app;
GRANT SELECT, INSERT, UPDATE, DELETE ON project_activity_type TO fremdrift_app;

ALTER TABLE casework_plan ENABLE ROW LEVEL SECURITY;
DROP POLICY IF EXISTS casework_plan_tenant ON casework_plan;
CREATE POLICY casework_plan_tenant ON casework_plan
  USING (municipality_code = ANY (fremdrift_tenant()))
  WITH CHECK (municipality_code = ANY (fremdrift_tenant()));

ALTER TABLE casework_plan_change ENABLE ROW LEVEL SECURITY;
DROP POLICY IF EXISTS casework_plan_change_tenant ON casework_plan_change;
CREATE POLICY casework_plan_change_tenant ON casework_plan_change
  USING (municipality_code = ANY (fremdrift_tenant()))
  WITH CHECK (municipality_code = ANY (fremdrift_tenant()));

ALTER TABLE casework_activity ENABLE ROW LEVEL SECURITY;
DROP POLICY IF EXISTS casework_activity_tenant ON casework_activity;
CREATE POLICY casework_activity_tenant ON casework_activity
  USING (municipality_code = ANY (fremdrift_tenant()))
  WITH CHECK (municipality_code = ANY (fremdrift_tenant()));

ALTER TABLE casework_conversation ENABLE ROW LEVEL SECURITY;
DROP POLICY IF EXISTS casework_conversation_tenant ON casework_conversation;
CREATE POLICY casework_conversation_tenant ON casework_conversation
  USING (municipality_code = ANY (fremdrift_tenant()))
  WITH CHECK (municipality_code = ANY (fremdrift_tenant()));

ALTER TABLE casework_assessment ENABLE ROW LEVEL SECURITY;
DROP POLICY IF EXISTS casework_assessment_tenant ON casework_assessment;
CREATE POLICY casework_assessment_tenant ON casework_assessment
  USING (municipality_code = ANY (fremdrift_tenant()))
  WITH CHECK (municipality_code = ANY (fremdrift_tenant()));
