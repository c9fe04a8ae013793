-- Gross group and outreach (issue 13, build 1): a project's candidates (Bruttomålgruppen) from
-- lists the municipality exports from its own systems or added by hand, the lists themselves
-- (who is new since the last list: Viborg's "på ny"), and an outreach log per candidate.
-- Candidates are personal data: tenant rows under row-level security. Once enrolled, the
-- candidate and her outreach carry her participant_id, so her access export, anonymisation and
-- erasure reach them; her name and CPR columns are nullable so anonymisation can clear them.

-- A list as imported (no personal data: file name, counts, who and when).
CREATE TABLE IF NOT EXISTS recruitment_list (
  id serial PRIMARY KEY,
  project_id int NOT NULL REFERENCES project(id) ON DELETE CASCADE,
  file_name text NOT NULL CHECK (length(file_name) <= 255),
  rows_total int NOT NULL,
  rows_new int NOT NULL,
  rows_skipped int NOT NULL DEFAULT 0,
  imported_by int REFERENCES app_user(id),
  imported_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX IF NOT EXISTS recruitment_list_project ON recruitment_list (project_id, id);

CREATE TABLE IF NOT EXISTS recruitment_candidate (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  project_id int NOT NULL REFERENCES project(id) ON DELETE CASCADE,
  municipality_code char(3) NOT NULL REFERENCES municipality(code),
  cpr_hash text,
  cpr_enc text,
  name text CHECK (name IS NULL OR length(name) <= 200),
  benefit text CHECK (benefit IS NULL OR length(benefit) <= 100),
  origin text CHECK (origin IS NULL OR length(origin) <= 100),
  added_by_hand boolean NOT NULL DEFAULT false,
  -- The day she was first listed or added (the gross group's month).
  added_on date NOT NULL DEFAULT current_date,
  -- The day she was last on an imported list (or added); with her last outreach, the retention clock.
  last_listed_on date NOT NULL DEFAULT current_date,
  participant_id uuid REFERENCES participant(id) ON DELETE CASCADE,
  created_by int REFERENCES app_user(id),
  created_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (project_id, cpr_hash)
);
CREATE INDEX IF NOT EXISTS recruitment_candidate_project ON recruitment_candidate (project_id, municipality_code);
CREATE INDEX IF NOT EXISTS recruitment_candidate_participant ON recruitment_candidate (participant_id);

-- Who stood on which list, and whether she was new on it (not on the project's previous list).
CREATE TABLE IF NOT EXISTS recruitment_list_entry (
  list_id int NOT NULL REFERENCES recruitment_list(id) ON DELETE CASCADE,
  candidate_id uuid NOT NULL REFERENCES recruitment_candidate(id) ON DELETE CASCADE,
  municipality_code char(3) NOT NULL REFERENCES municipality(code),
  is_new boolean NOT NULL,
  PRIMARY KEY (list_id, candidate_id)
);
CREATE INDEX IF NOT EXISTS recruitment_list_entry_candidate ON recruitment_list_entry (candidate_id);

CREATE TABLE IF NOT EXISTS recruitment_outreach (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  candidate_id uuid NOT NULL REFERENCES recruitment_candidate(id) ON DELETE CASCADE,
  municipality_code char(3) NOT NULL REFERENCES municipality(code),
  participant_id uuid REFERENCES participant(id) ON DELETE CASCADE,
  occurred_on date NOT NULL,
  kind text NOT NULL CHECK (kind IN ('kontakt', 'invitation', 'deltog', 'afslag', 'indskrevet')),
  channel text CHECK (channel IS NULL OR channel IN ('telefon', 'brev', 'hjemmebesoeg', 'boligsocial', 'moske_forening', 'rollemodel', 'tv_medier', 'andet')),
  decline_reason text CHECK (decline_reason IS NULL OR decline_reason IN
    ('ikke_interesseret', 'boernepasning', 'helbred', 'job_uddannelse', 'familie', 'andet_tilbud', 'fraflyttet', 'andet')),
  note text CHECK (note IS NULL OR length(note) <= 500),
  created_by int REFERENCES app_user(id),
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX IF NOT EXISTS recruitment_outreach_candidate ON recruitment_outreach (candidate_id, occurred_on);

-- The project's setting: candidates never enrolled are erased this many months after their last
-- outreach (or listing).
CREATE TABLE IF NOT EXISTS recruitment_settings (
  project_id int PRIMARY KEY REFERENCES project(id) ON DELETE CASCADE,
  retention_months int NOT NULL DEFAULT 12 CHECK (retention_months BETWEEN 1 AND 60),
  updated_by int REFERENCES app_user(id),
  updated_at timestamptz NOT NULL DEFAULT now()
);

GRANT SELECT, INSERT ON recruitment_list TO fremdrift_app;
GRANT USAGE ON SEQUENCE recruitment_list_id_seq TO fremdrift_app;
GRANT SELECT, INSERT, UPDATE, DELETE ON recruitment_candidate, recruitment_list_entry, recruitment_outreach TO fremdrift_app;
GRANT SELECT, INSERT, UPDATE ON recruitment_settings TO fremdrift_app;

ALTER TABLE recruitment_candidate ENABLE ROW LEVEL SECURITY;
DROP POLICY IF EXISTS recruitment_candidate_tenant ON recruitment_candidate;
CREATE POLICY recruitment_candidate_tenant ON recruitment_candidate
  USING (municipality_code = ANY ((SELECT fremdrift_tenant())::bpchar[]))
  WITH CHECK (municipality_code = ANY ((SELECT fremdrift_tenant())::bpchar[]));

ALTER TABLE recruitment_list_entry ENABLE ROW LEVEL SECURITY;
DROP POLICY IF EXISTS recruitment_list_entry_tenant ON recruitment_list_entry;
CREATE POLICY recruitment_list_entry_tenant ON recruitment_list_entry
  USING (municipality_code = ANY ((SELECT fremdrift_tenant())::bpchar[]))
  WITH CHECK (municipality_code = ANY ((SELECT fremdrift_tenant())::bpchar[]));

ALTER TABLE recruitment_outreach ENABLE ROW LEVEL SECURITY;
DROP POLICY IF EXISTS recruitment_outreach_tenant ON recruitment_outreach;
CREATE POLICY recruitment_outreach_tenant ON recruitment_outreach
  USING (municipality_code = ANY ((SELECT fremdrift_tenant())::bpchar[]))
  WITH CHECK (municipality_code = ANY ((SELECT fremdrift_tenant())::bpchar[]));
