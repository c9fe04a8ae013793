-- Her family situation (issue 14 build 6), the barriers the project applications name: children
-- (how many, their ages), whether childcare is in place ("børnepasning og dagtilbud"), whether the
-- partner takes part (sessions for the men), and interpreter need and language. Each change is a
-- row from a date — a whole snapshot, empty meaning "ikke oplyst" — so the situation at her
-- enrolment and now can both be counted on Styring; a wrong row is deleted and entered again.
CREATE TABLE IF NOT EXISTS family_situation (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  participant_id uuid NOT NULL REFERENCES participant(id) ON DELETE CASCADE,
  municipality_code char(3) NOT NULL REFERENCES municipality(code),
  from_date date NOT NULL,
  children_count smallint CHECK (children_count BETWEEN 0 AND 20),
  child_ages smallint[] NOT NULL DEFAULT '{}' CHECK (cardinality(child_ages) <= 20),
  childcare text CHECK (childcare IN ('ja', 'nej', 'delvis', 'ikke_relevant')),
  partner_involvement text CHECK (partner_involvement IN ('ja', 'nej', 'ukendt', 'ingen_partner')),
  interpreter_needed boolean,
  interpreter_language text CHECK (length(interpreter_language) <= 40),
  created_by int REFERENCES app_user(id),
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX IF NOT EXISTS family_situation_participant ON family_situation (participant_id, from_date);

GRANT SELECT, INSERT, UPDATE, DELETE ON family_situation TO fremdrift_app;

ALTER TABLE family_situation ENABLE ROW LEVEL SECURITY;
DROP POLICY IF EXISTS family_situation_tenant ON family_situation;
CREATE POLICY family_situation_tenant ON family_situation
  USING (municipality_code = ANY ((SELECT fremdrift_tenant())::bpchar[]))
  WITH CHECK (municipality_code = ANY ((SELECT fremdrift_tenant())::bpchar[]));
