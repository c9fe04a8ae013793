-- Group sessions (issue 14 build 3): kvindecaféer, fællesmøder, kick-start teams,
-- informationsmøder and sessions for partners, each with date, time, place and interpreter
-- languages, belonging to a project; attendance per woman (mødt, afbud, udeblevet). Sessions
-- created together as a repeating series share a series_id and are edited one by one. A session
-- is cancelled (with a reason), not deleted, so its history stays; a cancellation can be undone.
--
-- A session is shared within a jobcentre, like a company: it carries the municipality that
-- registered it, and fremdrift_tenant() covers every municipality of the jobcentre. Attendance
-- is personal data: it carries the woman's municipality, so it follows her.
CREATE TABLE IF NOT EXISTS group_session (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  project_id int NOT NULL REFERENCES project(id),
  municipality_code char(3) NOT NULL REFERENCES municipality(code),
  series_id uuid,
  kind text NOT NULL CHECK (kind IN ('kvindecafe', 'faellesmoede', 'kickstart', 'informationsmoede', 'partnere')),
  title text CHECK (title IS NULL OR length(title) <= 200),
  held_on date NOT NULL,
  starts_at time NOT NULL,
  ends_at time NOT NULL CHECK (ends_at > starts_at),
  place text NOT NULL CHECK (length(place) BETWEEN 1 AND 200),
  interpreter_languages text[] NOT NULL DEFAULT '{}' CHECK (cardinality(interpreter_languages) <= 20),
  note text CHECK (note IS NULL OR length(note) <= 2000),
  cancelled_on date,
  cancel_reason text CHECK (cancel_reason IS NULL OR length(cancel_reason) <= 500),
  created_by int REFERENCES app_user(id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX IF NOT EXISTS group_session_project ON group_session (project_id, held_on);
CREATE INDEX IF NOT EXISTS group_session_series ON group_session (series_id) WHERE series_id IS NOT NULL;

CREATE TABLE IF NOT EXISTS group_session_attendance (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  session_id uuid NOT NULL REFERENCES group_session(id) ON DELETE CASCADE,
  participant_id uuid NOT NULL REFERENCES participant(id) ON DELETE CASCADE,
  municipality_code char(3) NOT NULL REFERENCES municipality(code),
  status text NOT NULL CHECK (status IN ('moedt', 'afbud', 'udeblevet')),
  created_by int REFERENCES app_user(id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (session_id, participant_id)
);
CREATE INDEX IF NOT EXISTS group_session_attendance_participant ON group_session_attendance (participant_id);

GRANT SELECT, INSERT, UPDATE, DELETE ON group_session, group_session_attendance TO fremdrift_app;

ALTER TABLE group_session ENABLE ROW LEVEL SECURITY;
DROP POLICY IF EXISTS group_session_tenant ON group_session;
CREATE POLICY group_session_tenant ON group_session
  USING (municipality_code = ANY ((SELECT fremdrift_tenant())::bpchar[]))
  WITH CHECK (municipality_code = ANY ((SELECT fremdrift_tenant())::bpchar[]));

ALTER TABLE group_session_attendance ENABLE ROW LEVEL SECURITY;
DROP POLICY IF EXISTS group_session_attendance_tenant ON group_session_attendance;
CREATE POLICY group_session_attendance_tenant ON group_session_attendance
  USING (municipality_code = ANY ((SELECT fremdrift_tenant())::bpchar[]))
  WITH CHECK (municipality_code = ANY ((SELECT fremdrift_tenant())::bpchar[]));
