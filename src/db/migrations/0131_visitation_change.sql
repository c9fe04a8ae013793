-- Visitation over time (issue 13): each later change of her visitation with date and reason.
-- The enrolment keeps the category at enrolment (results by visitation use it, as SIRI does).
CREATE TABLE IF NOT EXISTS casework_visitation_change (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  participant_id uuid NOT NULL REFERENCES participant(id) ON DELETE CASCADE,
  municipality_code char(3) NOT NULL REFERENCES municipality(code),
  enrolment_id uuid NOT NULL REFERENCES enrolment(id) ON DELETE CASCADE,
  changed_on date NOT NULL,
  visitation text NOT NULL CHECK (visitation IN ('aktivitetsparat', 'jobparat', 'selvforsoergende', 'oevrige')),
  reason text CHECK (reason IS NULL OR length(reason) <= 500),
  created_by int REFERENCES app_user(id),
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX IF NOT EXISTS casework_visitation_change_enrolment ON casework_visitation_change (enrolment_id, changed_on);
CREATE INDEX IF NOT EXISTS casework_visitation_change_participant ON casework_visitation_change (participant_id);

GRANT SELECT, INSERT, DELETE ON casework_visitation_change TO fremdrift_app;

ALTER TABLE casework_visitation_change ENABLE ROW LEVEL SECURITY;
DROP POLICY IF EXISTS casework_visitation_change_tenant ON casework_visitation_change;
CREATE POLICY casework_visitation_change_tenant ON casework_visitation_change
  USING (municipality_code = ANY ((SELECT fremdrift_tenant())::bpchar[]))
  WITH CHECK (municipality_code = ANY ((SELECT fremdrift_tenant())::bpchar[]));

-- Viborg's goal "opvisitering fra aktivitetsparat til jobparat" as a case-data goal measure.
ALTER TABLE project_goal DROP CONSTRAINT IF EXISTS project_goal_measure_check;
ALTER TABLE project_goal ADD CONSTRAINT project_goal_measure_check CHECK (measure IN ('maal_1_eller_2', 'maal_1', 'maal_2', 'maal_3',
  'varig_fuld', 'varig', 'indskrevne', 'virksomhedsrettet', 'cv_abc', 'opvisiteret'));
