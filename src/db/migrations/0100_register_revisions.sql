-- Revised DREAM deliveries (issue 9): a benefits file replaces the weeks it covers for the
-- people in it, and every earlier state stays. register_person_version holds each person's
-- packed row as it stood after each batch that changed it; register_person stays the latest
-- (the fast path). Results as of batch B read, per person, the latest version with id <= B.

CREATE TABLE IF NOT EXISTS register_person_version (
  cpr_hash text NOT NULL,
  batch_id int NOT NULL REFERENCES register_batch(id),
  data bytea NOT NULL,
  PRIMARY KEY (cpr_hash, batch_id)
);

-- Rows stored before this migration: their state after their last batch is all that is known.
INSERT INTO register_person_version (cpr_hash, batch_id, data)
  SELECT cpr_hash, batch_id, data FROM register_person
  ON CONFLICT DO NOTHING;

-- The revision summary of an import: person-weeks whose code changed, and enrolments
-- (women in a project) whose result moved.
ALTER TABLE register_batch ADD COLUMN IF NOT EXISTS changed_weeks int NOT NULL DEFAULT 0;
ALTER TABLE register_batch ADD COLUMN IF NOT EXISTS moved_results int NOT NULL DEFAULT 0;

ALTER TABLE register_person_version ENABLE ROW LEVEL SECURITY;
DROP POLICY IF EXISTS register_person_version_tenant ON register_person_version;
CREATE POLICY register_person_version_tenant ON register_person_version FOR SELECT
  USING (EXISTS (SELECT 1 FROM participant p WHERE p.cpr_hash = register_person_version.cpr_hash));
GRANT SELECT ON register_person_version TO fremdrift_app;
