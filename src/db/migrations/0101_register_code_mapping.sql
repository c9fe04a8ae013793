-- Unknown DREAM codes mapped by an analyst (issue 9, build item 3). A delivery may carry codes
-- the code table does not know (codes newer than the public list, e.g. selvforsørgelses- og
-- hjemrejseydelse and overgangsydelse from 2019). Instead of only refusing the file, the upload
-- page lists them and the analyst maps each to a category with a reason; the mapping is her
-- organisation's addition to the code table in force (register_code, or the shipped default).
-- A correction adds a new row and marks the earlier one replaced, so who, when and why stay.

CREATE TABLE IF NOT EXISTS register_code_mapping (
  id serial PRIMARY KEY,
  organisation_id int NOT NULL REFERENCES organisation(id),
  code int NOT NULL CHECK (code BETWEEN 0 AND 32767),
  category text NOT NULL CHECK (category IN ('uddannelse', 'praktik', 'loentilskud', 'fleksjob', 'foertidspension',
    'ressourceforloeb', 'ydelse', 'udgaaet', 'ingen')),
  reason text NOT NULL CHECK (length(reason) BETWEEN 1 AND 500),
  file_name text,                    -- the delivery in which the code was met
  weeks int,                         -- how many weeks and people carried it there
  people int,
  mapped_by int REFERENCES app_user(id),
  mapped_by_name text NOT NULL,
  mapped_at timestamptz NOT NULL DEFAULT now(),
  replaced_at timestamptz,
  replaced_by int REFERENCES register_code_mapping(id)
);
CREATE UNIQUE INDEX IF NOT EXISTS register_code_mapping_current
  ON register_code_mapping (organisation_id, code) WHERE replaced_at IS NULL;
-- Results computed by a municipality's users read the code table in force: the category of a
-- code, never who mapped it or why.
GRANT SELECT (organisation_id, code, category, mapped_at, replaced_at) ON register_code_mapping TO fremdrift_app;

-- An upload refused for unknown codes waits here (with its private temporary file on the
-- instance that received it) until the analyst has mapped the codes; then it is imported.
CREATE TABLE IF NOT EXISTS register_pending_upload (
  job_id uuid PRIMARY KEY,
  user_id int NOT NULL,
  kind text NOT NULL,
  file_name text NOT NULL,
  path text NOT NULL,
  instance text NOT NULL,
  unknown jsonb NOT NULL,            -- [{ code, weeks, people }]
  created_at timestamptz NOT NULL DEFAULT now()
);
