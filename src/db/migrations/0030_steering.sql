-- Steering: a project's result goals (resultatmål), its milestone plan (milepælsplan) and the
-- text sections the project leader writes for the final report. Not personal data, but owned
-- by the project's municipalities: row-level security scopes them through project_municipality.

CREATE TABLE IF NOT EXISTS project_goal (
  id serial PRIMARY KEY,
  project_id int NOT NULL REFERENCES project(id) ON DELETE CASCADE,
  title text NOT NULL CHECK (length(title) BETWEEN 2 AND 200),
  measure text NOT NULL CHECK (measure IN ('maal_1_eller_2', 'maal_1', 'maal_2', 'maal_3', 'varig_fuld', 'varig',
    'indskrevne', 'virksomhedsrettet', 'cv_abc')),
  target_kind text NOT NULL CHECK (target_kind IN ('andel', 'antal')),
  target_value numeric NOT NULL CHECK (target_value >= 0),
  deadline date NOT NULL,
  note text CHECK (note IS NULL OR length(note) <= 1000),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  updated_by int REFERENCES app_user(id),
  CHECK (target_kind = 'antal' OR target_value <= 100)
);
CREATE INDEX IF NOT EXISTS project_goal_project ON project_goal (project_id, deadline);

CREATE TABLE IF NOT EXISTS project_milestone (
  id serial PRIMARY KEY,
  project_id int NOT NULL REFERENCES project(id) ON DELETE CASCADE,
  phase int NOT NULL CHECK (phase BETWEEN 1 AND 20),
  phase_name text NOT NULL CHECK (length(phase_name) BETWEEN 1 AND 100),
  number int NOT NULL CHECK (number BETWEEN 1 AND 999),
  content text NOT NULL CHECK (length(content) BETWEEN 2 AND 1000),
  due_date date NOT NULL,
  responsible text NOT NULL CHECK (length(responsible) BETWEEN 1 AND 200),
  status text NOT NULL CHECK (status IN ('ikke_startet', 'i_gang', 'naaet', 'forsinket', 'udgaaet')),
  note text CHECK (note IS NULL OR length(note) <= 1000),
  updated_at timestamptz NOT NULL DEFAULT now(),
  updated_by int REFERENCES app_user(id),
  UNIQUE (project_id, number)
);

CREATE TABLE IF NOT EXISTS project_report_text (
  project_id int NOT NULL REFERENCES project(id) ON DELETE CASCADE,
  section text NOT NULL CHECK (section IN ('aktiviteter', 'erfaringer', 'laering', 'forankring')),
  body text NOT NULL CHECK (length(body) <= 20000),
  updated_at timestamptz NOT NULL DEFAULT now(),
  updated_by int REFERENCES app_user(id),
  PRIMARY KEY (project_id, section)
);

GRANT SELECT, INSERT, UPDATE, DELETE ON project_goal, project_milestone, project_report_text TO fremdrift_app;
GRANT USAGE ON SEQUENCE project_goal_id_seq, project_milestone_id_seq TO fremdrift_app;

CREATE OR REPLACE FUNCTION fremdrift_project_in_tenant(p int) RETURNS boolean
LANGUAGE sql STABLE AS $$
  SELECT EXISTS (SELECT 1 FROM project_municipality pm WHERE pm.project_id = p AND pm.municipality_code = ANY (fremdrift_tenant()))
$$;
GRANT EXECUTE ON FUNCTION fremdrift_project_in_tenant(int) TO fremdrift_app;

ALTER TABLE project_goal ENABLE ROW LEVEL SECURITY;
DROP POLICY IF EXISTS project_goal_tenant ON project_goal;
CREATE POLICY project_goal_tenant ON project_goal
  USING (fremdrift_project_in_tenant(project_id)) WITH CHECK (fremdrift_project_in_tenant(project_id));

ALTER TABLE project_milestone ENABLE ROW LEVEL SECURITY;
DROP POLICY IF EXISTS project_milestone_tenant ON project_milestone;
CREATE POLICY project_milestone_tenant ON project_milestone
  USING (fremdrift_project_in_tenant(project_id)) WITH CHECK (fremdrift_project_in_tenant(project_id));

ALTER TABLE project_report_text ENABLE ROW LEVEL SECURITY;
DROP POLICY IF EXISTS project_report_text_tenant ON project_report_text;
CREATE POLICY project_report_text_tenant ON project_report_text
  USING (fremdrift_project_in_tenant(project_id)) WITH CHECK (fremdrift_project_in_tenant(project_id));
