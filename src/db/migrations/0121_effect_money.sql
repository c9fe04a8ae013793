-- Effect and money (issue 12): a project's grant, own financing, budget lines per year and
-- spending per half-year, entered by the project leader; the shipped default weekly rates of the
-- investment case, each with its source; the comparison pool's retention.

-- Every entry is kept (append-only): the current figure of a key (kind, line, year, half) is its
-- latest entry, and an entry with no amount removes the key. A correction is a new entry, so the
-- history shows who changed what and when, and any earlier figure can be entered again.
CREATE TABLE IF NOT EXISTS project_money_entry (
  id serial PRIMARY KEY,
  project_id int NOT NULL REFERENCES project(id) ON DELETE CASCADE,
  kind text NOT NULL CHECK (kind IN ('bevilling', 'egenfinansiering', 'budget', 'forbrug')),
  line text NOT NULL DEFAULT '' CHECK (length(line) <= 100),
  year int CHECK (year IS NULL OR year BETWEEN 2000 AND 2100),
  half int CHECK (half IS NULL OR half IN (1, 2)),
  amount numeric(14, 2) CHECK (amount IS NULL OR (amount >= 0 AND amount < 1000000000000)),
  note text CHECK (note IS NULL OR length(note) <= 500),
  entered_by int REFERENCES app_user(id),
  entered_by_name text NOT NULL,
  entered_at timestamptz NOT NULL DEFAULT now(),
  CHECK (
    (kind IN ('bevilling', 'egenfinansiering') AND line = '' AND year IS NULL AND half IS NULL)
    OR (kind = 'budget' AND length(line) >= 2 AND year IS NOT NULL AND half IS NULL)
    OR (kind = 'forbrug' AND length(line) >= 2 AND year IS NOT NULL AND half IS NOT NULL)
  )
);
CREATE INDEX IF NOT EXISTS project_money_entry_project ON project_money_entry (project_id, id);
GRANT SELECT, INSERT ON project_money_entry TO fremdrift_app;
GRANT USAGE ON SEQUENCE project_money_entry_id_seq TO fremdrift_app;
ALTER TABLE project_money_entry ENABLE ROW LEVEL SECURITY;
DROP POLICY IF EXISTS project_money_entry_tenant ON project_money_entry;
CREATE POLICY project_money_entry_tenant ON project_money_entry
  USING (fremdrift_project_in_tenant(project_id)) WITH CHECK (fremdrift_project_in_tenant(project_id));

-- Shipped default weekly rates (spec effekt-2026.1 §6): kontanthjælp for a woman of 30 or more
-- who provides for children, monthly rate × 12 / 52, from the ministry's published rates. The same
-- rate stands for virksomhedspraktik (the benefit continues during praktik) and ressourceforløb
-- (ressourceforløbsydelse at the kontanthjælp level). Løntilskud, fleksjob and førtidspension have
-- no default: an administrator enters them with their source. Existing rates are never overwritten.
INSERT INTO effect_rate (category, year, weekly_rate, source) VALUES
  ('ydelse', 2021, 3587.77, 'Standard: kontanthjælp, fyldt 30 år, forsørger (aktivloven § 25, stk. 2, nr. 1), 15.547 kr. pr. md. i 2021 × 12 / 52. Kilde: Beskæftigelsesministeriet, Satser for 2021.'),
  ('ydelse', 2023, 3663.23, 'Standard: kontanthjælp, fyldt 30 år, forsørger (aktivloven § 25, stk. 2, nr. 1), 15.874 kr. pr. md. i 2023 × 12 / 52. Kilde: Beskæftigelsesministeriet, Satser for 2023.'),
  ('praktik', 2021, 3587.77, 'Standard: ydelsen fortsætter under virksomhedspraktik; kontanthjælp, fyldt 30 år, forsørger, 15.547 kr. pr. md. i 2021 × 12 / 52. Kilde: Beskæftigelsesministeriet, Satser for 2021.'),
  ('praktik', 2023, 3663.23, 'Standard: ydelsen fortsætter under virksomhedspraktik; kontanthjælp, fyldt 30 år, forsørger, 15.874 kr. pr. md. i 2023 × 12 / 52. Kilde: Beskæftigelsesministeriet, Satser for 2023.'),
  ('ressourceforloeb', 2021, 3587.77, 'Standard: ressourceforløbsydelse på kontanthjælpsniveau, fyldt 30 år, forsørger, 15.547 kr. pr. md. i 2021 × 12 / 52. Kilde: Beskæftigelsesministeriet, Satser for 2021.'),
  ('ressourceforloeb', 2023, 3663.23, 'Standard: ressourceforløbsydelse på kontanthjælpsniveau, fyldt 30 år, forsørger, 15.874 kr. pr. md. i 2023 × 12 / 52. Kilde: Beskæftigelsesministeriet, Satser for 2023.')
ON CONFLICT (category, year) DO NOTHING;
