-- Steering group and committee meetings (issue 14, item 7): the project leader plans the
-- meetings of the steering group (styregruppe) and the political committee (udvalg), sets the
-- agenda (drawn from Styring, edited and reordered), and writes the minutes: per agenda point what
-- was said and decided, and follow-up actions with an owner, a due date and a status, optionally
-- tied to a milestone. Project data like the milestone plan: scoped by project (row-level security
-- through the project's municipalities); the owner of an action is named in words as a
-- milestone's responsible person is, and every change is audited with before and after.

CREATE TABLE IF NOT EXISTS steering_meeting (
  id serial PRIMARY KEY,
  project_id int NOT NULL REFERENCES project(id) ON DELETE CASCADE,
  kind text NOT NULL CHECK (kind IN ('styregruppe', 'udvalg')),
  held_on date NOT NULL,
  title text NOT NULL CHECK (length(title) BETWEEN 2 AND 200),
  place text CHECK (place IS NULL OR length(place) <= 200),
  participants text CHECK (participants IS NULL OR length(participants) <= 2000),
  updated_at timestamptz NOT NULL DEFAULT now(),
  updated_by int REFERENCES app_user(id),
  UNIQUE (id, project_id)
);
CREATE INDEX IF NOT EXISTS steering_meeting_project ON steering_meeting (project_id, held_on);

-- Points and actions carry the project as well, tied to their meeting's, so the tenant policy is
-- one check on their own row.
CREATE TABLE IF NOT EXISTS steering_meeting_point (
  id serial PRIMARY KEY,
  project_id int NOT NULL,
  meeting_id int NOT NULL,
  position int NOT NULL CHECK (position BETWEEN 1 AND 1000),
  title text NOT NULL CHECK (length(title) BETWEEN 2 AND 300),
  body text CHECK (body IS NULL OR length(body) <= 2000),
  source text NOT NULL DEFAULT 'manuel' CHECK (source IN ('manuel', 'maal', 'milepael', 'handling')),
  minutes text CHECK (minutes IS NULL OR length(minutes) <= 5000),
  decision text CHECK (decision IS NULL OR length(decision) <= 5000),
  updated_at timestamptz NOT NULL DEFAULT now(),
  updated_by int REFERENCES app_user(id),
  FOREIGN KEY (meeting_id, project_id) REFERENCES steering_meeting (id, project_id) ON DELETE CASCADE
);
CREATE INDEX IF NOT EXISTS steering_meeting_point_meeting ON steering_meeting_point (meeting_id, position);

CREATE TABLE IF NOT EXISTS steering_meeting_action (
  id serial PRIMARY KEY,
  project_id int NOT NULL,
  meeting_id int NOT NULL,
  description text NOT NULL CHECK (length(description) BETWEEN 2 AND 1000),
  owner text NOT NULL CHECK (length(owner) BETWEEN 1 AND 200),
  due_date date NOT NULL,
  status text NOT NULL CHECK (status IN ('aaben', 'i_gang', 'udfoert', 'udgaaet')),
  milestone_id int REFERENCES project_milestone(id) ON DELETE SET NULL,
  updated_at timestamptz NOT NULL DEFAULT now(),
  updated_by int REFERENCES app_user(id),
  FOREIGN KEY (meeting_id, project_id) REFERENCES steering_meeting (id, project_id) ON DELETE CASCADE
);
CREATE INDEX IF NOT EXISTS steering_meeting_action_project ON steering_meeting_action (project_id, due_date);

-- How many steering group meetings a year the project has promised (Viborg: at least four,
-- Vallensbæk/Ishøj: two to three); without a row, four.
CREATE TABLE IF NOT EXISTS steering_meeting_setting (
  project_id int PRIMARY KEY REFERENCES project(id) ON DELETE CASCADE,
  meetings_per_year int NOT NULL CHECK (meetings_per_year BETWEEN 1 AND 24),
  updated_at timestamptz NOT NULL DEFAULT now(),
  updated_by int REFERENCES app_user(id)
);

GRANT SELECT, INSERT, UPDATE, DELETE ON steering_meeting, steering_meeting_point, steering_meeting_action, steering_meeting_setting TO fremdrift_app;
GRANT USAGE ON SEQUENCE steering_meeting_id_seq, steering_meeting_point_id_seq, steering_meeting_action_id_seq TO fremdrift_app;

ALTER TABLE steering_meeting ENABLE ROW LEVEL SECURITY;
DROP POLICY IF EXISTS steering_meeting_tenant ON steering_meeting;
CREATE POLICY steering_meeting_tenant ON steering_meeting
  USING (fremdrift_project_in_tenant(project_id)) WITH CHECK (fremdrift_project_in_tenant(project_id));
ALTER TABLE steering_meeting_point ENABLE ROW LEVEL SECURITY;
DROP POLICY IF EXISTS steering_meeting_point_tenant ON steering_meeting_point;
CREATE POLICY steering_meeting_point_tenant ON steering_meeting_point
  USING (fremdrift_project_in_tenant(project_id)) WITH CHECK (fremdrift_project_in_tenant(project_id));
ALTER TABLE steering_meeting_action ENABLE ROW LEVEL SECURITY;
DROP POLICY IF EXISTS steering_meeting_action_tenant ON steering_meeting_action;
CREATE POLICY steering_meeting_action_tenant ON steering_meeting_action
  USING (fremdrift_project_in_tenant(project_id)) WITH CHECK (fremdrift_project_in_tenant(project_id));
ALTER TABLE steering_meeting_setting ENABLE ROW LEVEL SECURITY;
DROP POLICY IF EXISTS steering_meeting_setting_tenant ON steering_meeting_setting;
CREATE POLICY steering_meeting_setting_tenant ON steering_meeting_setting
  USING (fremdrift_project_in_tenant(project_id)) WITH CHECK (fremdrift_project_in_tenant(project_id));
