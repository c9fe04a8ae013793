-- Operations (several stateless instances on one database):
--  * data_version: one number that changes whenever data behind the results changes, so every
--    instance's results cache is dropped at once (works on PGlite and PostgreSQL alike);
--  * import_job: register imports and their progress, visible from every instance;
--  * national_result: the agency's national results, computed once and stored by data version.

CREATE TABLE IF NOT EXISTS data_version (
  id int PRIMARY KEY DEFAULT 1 CHECK (id = 1),
  version bigint NOT NULL DEFAULT 1,
  changed_at timestamptz NOT NULL DEFAULT now()
);
INSERT INTO data_version (id) VALUES (1) ON CONFLICT DO NOTHING;

-- Runs as its owner so that writes made as fremdrift_app (row-level security) bump it too.
CREATE OR REPLACE FUNCTION fremdrift_bump_data_version() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
BEGIN
  UPDATE data_version SET version = version + 1, changed_at = now() WHERE id = 1;
  RETURN NULL;
END $$;
REVOKE ALL ON FUNCTION fremdrift_bump_data_version() FROM PUBLIC;

-- What the results are computed from: enrolments, the women's birth date, municipality and CPR
-- hash, municipality names, register rows and the code table. Statement-level, so a bulk write
-- bumps once; column lists, so a caseworker's everyday edits do not drop the cache.
DROP TRIGGER IF EXISTS data_version_enrolment ON enrolment;
CREATE TRIGGER data_version_enrolment
  AFTER INSERT OR DELETE OR TRUNCATE OR UPDATE OF participant_id, project_id, municipality_code, enrolled_on, visitation, exited_on
  ON enrolment FOR EACH STATEMENT EXECUTE FUNCTION fremdrift_bump_data_version();
DROP TRIGGER IF EXISTS data_version_participant ON participant;
CREATE TRIGGER data_version_participant
  AFTER DELETE OR TRUNCATE OR UPDATE OF municipality_code, cpr_hash, birth_date
  ON participant FOR EACH STATEMENT EXECUTE FUNCTION fremdrift_bump_data_version();
DROP TRIGGER IF EXISTS data_version_municipality ON municipality;
CREATE TRIGGER data_version_municipality
  AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON municipality FOR EACH STATEMENT EXECUTE FUNCTION fremdrift_bump_data_version();
DROP TRIGGER IF EXISTS data_version_register_code ON register_code;
CREATE TRIGGER data_version_register_code
  AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON register_code FOR EACH STATEMENT EXECUTE FUNCTION fremdrift_bump_data_version();
DROP TRIGGER IF EXISTS data_version_register_person ON register_person;
CREATE TRIGGER data_version_register_person
  AFTER DELETE OR TRUNCATE ON register_person FOR EACH STATEMENT EXECUTE FUNCTION fremdrift_bump_data_version();
-- An import writes its people in one long transaction under a new batch: bump at its commit
-- (deferred), so the version row is not locked while the import runs.
DROP TRIGGER IF EXISTS data_version_register_batch ON register_batch;
CREATE CONSTRAINT TRIGGER data_version_register_batch
  AFTER INSERT OR UPDATE ON register_batch DEFERRABLE INITIALLY DEFERRED
  FOR EACH ROW EXECUTE FUNCTION fremdrift_bump_data_version();
DROP TRIGGER IF EXISTS data_version_register_batch_delete ON register_batch;
CREATE TRIGGER data_version_register_batch_delete
  AFTER DELETE ON register_batch FOR EACH STATEMENT EXECUTE FUNCTION fremdrift_bump_data_version();
GRANT SELECT ON data_version TO fremdrift_app;

CREATE TABLE IF NOT EXISTS import_job (
  id uuid PRIMARY KEY,
  user_id int NOT NULL,              -- 0: the system (command line)
  kind text NOT NULL,
  file_name text NOT NULL,
  sha256 text,                       -- set once the file is read: tells a dead job's outcome
  status text NOT NULL DEFAULT 'koerer' CHECK (status IN ('koerer', 'faerdig', 'fejl')),
  phase text NOT NULL DEFAULT 'laeser',
  done bigint NOT NULL DEFAULT 0,
  total bigint NOT NULL DEFAULT 1,
  report jsonb,
  error text CHECK (length(error) <= 4000),
  instance text NOT NULL,            -- host:pid of the instance running it
  started_at timestamptz NOT NULL DEFAULT now(),
  heartbeat_at timestamptz NOT NULL DEFAULT now(),
  finished_at timestamptz
);
CREATE INDEX IF NOT EXISTS import_job_started ON import_job (started_at);

CREATE TABLE IF NOT EXISTS national_result (
  options text PRIMARY KEY,          -- JSON of the engine options (months, suppression)
  data_version bigint NOT NULL,
  result text NOT NULL,              -- JSON of the suppressed national result (no microdata)
  computed_at timestamptz NOT NULL DEFAULT now(),
  compute_ms int NOT NULL
);
