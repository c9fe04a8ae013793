-- Register data (DREAM benefit weeks, eIndkomst paid hours) stored compactly: one row per
-- person with her packed weekly codes and monthly hours (src/register/pack.ts), keyed by the
-- keyed CPR hash. Every imported file is kept as a batch with its provenance.

CREATE TABLE IF NOT EXISTS register_batch (
  id serial PRIMARY KEY,
  kind text NOT NULL CHECK (kind IN ('ydelser', 'loentimer', 'kodetabel')),
  file_name text NOT NULL,
  sha256 text NOT NULL,
  bytes bigint NOT NULL,
  rows int NOT NULL,
  persons int NOT NULL,
  changed_persons int NOT NULL,
  period_from text,                 -- ISO week (ydelser) or month (loentimer) of the first data
  period_to text,
  imported_by int REFERENCES app_user(id),
  imported_by_name text NOT NULL,
  imported_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (kind, sha256)
);

CREATE TABLE IF NOT EXISTS register_person (
  cpr_hash text PRIMARY KEY,
  data bytea NOT NULL,
  batch_id int NOT NULL REFERENCES register_batch(id),
  updated_at timestamptz NOT NULL DEFAULT now()
);

-- The code table in force; empty means the shipped default (src/register/kodetabel.default.csv).
CREATE TABLE IF NOT EXISTS register_code (
  code int PRIMARY KEY,
  category text NOT NULL,
  text text NOT NULL DEFAULT '',
  batch_id int REFERENCES register_batch(id)
);

-- A municipality's users may read register rows of their own participants only: the policy
-- looks through `participant`, whose own row-level security applies inside the subquery.
ALTER TABLE register_person ENABLE ROW LEVEL SECURITY;
DROP POLICY IF EXISTS register_person_tenant ON register_person;
CREATE POLICY register_person_tenant ON register_person FOR SELECT
  USING (EXISTS (SELECT 1 FROM participant p WHERE p.cpr_hash = register_person.cpr_hash));
GRANT SELECT ON register_person, register_code TO fremdrift_app;
GRANT SELECT (id, kind, file_name, imported_at) ON register_batch TO fremdrift_app;
