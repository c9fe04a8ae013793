-- Danish tuition (issue 14 build 4): language is the barrier the SIRI evaluation names most, and
-- Slagelse counts women who "møder stabilt til danskundervisning" and "består danskuddannelse".
-- Per woman: her courses (danskuddannelse 1–3, module 1–6, provider, period), her attendance
-- percentage per month as the language centre reports it, the tests she took (modultest,
-- Prøve i Dansk 1–3) with date, outcome and result, and her sprogmakker (language buddy) over
-- time. Personal data: row-level security by municipality, like the other casework tables.
-- Correctable (update, delete) by the one who entered it or a project leader.
CREATE TABLE IF NOT EXISTS danish_course (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  participant_id uuid NOT NULL REFERENCES participant(id) ON DELETE CASCADE,
  municipality_code char(3) NOT NULL REFERENCES municipality(code),
  education text NOT NULL CHECK (education IN ('du1', 'du2', 'du3')),
  module int NOT NULL CHECK (module BETWEEN 1 AND 6),
  provider text NOT NULL CHECK (length(provider) BETWEEN 1 AND 200),
  start_date date NOT NULL,
  end_date date CHECK (end_date IS NULL OR end_date >= start_date),
  created_by int REFERENCES app_user(id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX IF NOT EXISTS danish_course_participant ON danish_course (participant_id, start_date);

-- One row per woman and month (the first day of the month); percent of the lessons she attended.
CREATE TABLE IF NOT EXISTS danish_attendance (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  participant_id uuid NOT NULL REFERENCES participant(id) ON DELETE CASCADE,
  municipality_code char(3) NOT NULL REFERENCES municipality(code),
  month date NOT NULL CHECK (extract(day FROM month) = 1),
  percent int NOT NULL CHECK (percent BETWEEN 0 AND 100),
  created_by int REFERENCES app_user(id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (participant_id, month)
);

CREATE TABLE IF NOT EXISTS danish_test (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  participant_id uuid NOT NULL REFERENCES participant(id) ON DELETE CASCADE,
  municipality_code char(3) NOT NULL REFERENCES municipality(code),
  kind text NOT NULL CHECK (kind IN ('modultest', 'pd1', 'pd2', 'pd3')),
  module int CHECK (module IS NULL OR module BETWEEN 1 AND 6),
  taken_on date NOT NULL,
  outcome text NOT NULL CHECK (outcome IN ('bestaaet', 'ikke_bestaaet', 'afventer')),
  -- A passed test needs its result (the form says so); not a constraint here, because
  -- anonymisation (GDPR) clears every nullable free-text column, a passed test's result too.
  result text CHECK (result IS NULL OR length(result) <= 100),
  created_by int REFERENCES app_user(id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX IF NOT EXISTS danish_test_participant ON danish_test (participant_id, taken_on);

-- Her sprogmakker from a date; a row without a name ends the arrangement ("ingen").
CREATE TABLE IF NOT EXISTS danish_buddy (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  participant_id uuid NOT NULL REFERENCES participant(id) ON DELETE CASCADE,
  municipality_code char(3) NOT NULL REFERENCES municipality(code),
  from_date date NOT NULL,
  buddy_name text CHECK (buddy_name IS NULL OR length(buddy_name) BETWEEN 1 AND 200),
  created_by int REFERENCES app_user(id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX IF NOT EXISTS danish_buddy_participant ON danish_buddy (participant_id, from_date);

GRANT SELECT, INSERT, UPDATE, DELETE ON danish_course, danish_attendance, danish_test, danish_buddy TO fremdrift_app;

ALTER TABLE danish_course ENABLE ROW LEVEL SECURITY;
DROP POLICY IF EXISTS danish_course_tenant ON danish_course;
CREATE POLICY danish_course_tenant ON danish_course
  USING (municipality_code = ANY ((SELECT fremdrift_tenant())::bpchar[]))
  WITH CHECK (municipality_code = ANY ((SELECT fremdrift_tenant())::bpchar[]));
ALTER TABLE danish_attendance ENABLE ROW LEVEL SECURITY;
DROP POLICY IF EXISTS danish_attendance_tenant ON danish_attendance;
CREATE POLICY danish_attendance_tenant ON danish_attendance
  USING (municipality_code = ANY ((SELECT fremdrift_tenant())::bpchar[]))
  WITH CHECK (municipality_code = ANY ((SELECT fremdrift_tenant())::bpchar[]));
ALTER TABLE danish_test ENABLE ROW LEVEL SECURITY;
DROP POLICY IF EXISTS danish_test_tenant ON danish_test;
CREATE POLICY danish_test_tenant ON danish_test
  USING (municipality_code = ANY ((SELECT fremdrift_tenant())::bpchar[]))
  WITH CHECK (municipality_code = ANY ((SELECT fremdrift_tenant())::bpchar[]));
ALTER TABLE danish_buddy ENABLE ROW LEVEL SECURITY;
DROP POLICY IF EXISTS danish_buddy_tenant ON danish_buddy;
CREATE POLICY danish_buddy_tenant ON danish_buddy
  USING (municipality_code = ANY ((SELECT fremdrift_tenant())::bpchar[]))
  WITH CHECK (municipality_code = ANY ((SELECT fremdrift_tenant())::bpchar[]));

-- Slagelse's two promises as case-data goal measures: "møder stabilt til danskundervisning"
-- (dansk_stabil) and "består danskuddannelse/modultest" (dansk_bestaaet).
ALTER TABLE project_goal DROP CONSTRAINT IF EXISTS project_goal_measure_check;
ALTER TABLE project_goal ADD CONSTRAINT project_goal_measure_check CHECK (measure IN ('maal_1_eller_2', 'maal_1', 'maal_2', 'maal_3',
  'varig_fuld', 'varig', 'indskrevne', 'virksomhedsrettet', 'cv_abc', 'opvisiteret', 'dansk_stabil', 'dansk_bestaaet'));
