-- The company consultant (virksomhedskonsulent, issue 14 build 2): a second responsible person
-- per woman besides her caseworker, who owns the company work (placements, company contacts,
-- the follow-up after a hiring). Not a new role: any caseworker or project leader of the
-- jobcentre can be assigned, so no permission changes. Each assignment is a row from a date, so
-- her page shows who it was and from when; a row with no consultant ends the assignment.
CREATE TABLE IF NOT EXISTS company_consultant_change (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  participant_id uuid NOT NULL REFERENCES participant(id) ON DELETE CASCADE,
  municipality_code char(3) NOT NULL REFERENCES municipality(code),
  from_date date NOT NULL,
  consultant_id int REFERENCES app_user(id),
  created_by int REFERENCES app_user(id),
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX IF NOT EXISTS company_consultant_change_participant ON company_consultant_change (participant_id, from_date);
CREATE INDEX IF NOT EXISTS company_consultant_change_consultant ON company_consultant_change (consultant_id) WHERE consultant_id IS NOT NULL;

GRANT SELECT, INSERT, UPDATE, DELETE ON company_consultant_change TO fremdrift_app;

ALTER TABLE company_consultant_change ENABLE ROW LEVEL SECURITY;
DROP POLICY IF EXISTS company_consultant_change_tenant ON company_consultant_change;
CREATE POLICY company_consultant_change_tenant ON company_consultant_change
  USING (municipality_code = ANY ((SELECT fremdrift_tenant())::bpchar[]))
  WITH CHECK (municipality_code = ANY ((SELECT fremdrift_tenant())::bpchar[]));
