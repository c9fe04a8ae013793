-- Exemption periods (issue 13): while she is on maternity leave, sick, on holiday or exempt for
-- another stated reason, the follow-up rules pause and their deadlines move by the period's
-- length. Correctable (update, delete) by the one who entered it or a project leader.
CREATE TABLE IF NOT EXISTS casework_exemption (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  participant_id uuid NOT NULL REFERENCES participant(id) ON DELETE CASCADE,
  municipality_code char(3) NOT NULL REFERENCES municipality(code),
  kind text NOT NULL CHECK (kind IN ('barsel', 'sygdom', 'ferie', 'andet')),
  start_date date NOT NULL,
  end_date date CHECK (end_date IS NULL OR end_date >= start_date),
  reason text CHECK (reason IS NULL OR length(reason) <= 500),
  created_by int REFERENCES app_user(id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX IF NOT EXISTS casework_exemption_participant ON casework_exemption (participant_id, start_date);

GRANT SELECT, INSERT, UPDATE, DELETE ON casework_exemption TO fremdrift_app;

ALTER TABLE casework_exemption ENABLE ROW LEVEL SECURITY;
DROP POLICY IF EXISTS casework_exemption_tenant ON casework_exemption;
CREATE POLICY casework_exemption_tenant ON casework_exemption
  USING (municipality_code = ANY ((SELECT fremdrift_tenant())::bpchar[]))
  WITH CHECK (municipality_code = ANY ((SELECT fremdrift_tenant())::bpchar[]));
