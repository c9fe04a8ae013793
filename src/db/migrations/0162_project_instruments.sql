-- Project-defined progression instruments (issue 14 build 5): Aalborg's progressionstrappe,
-- Slagelse's own progression tool. An instrument belongs to a project; its name, scale and the
-- text of every step of every dimension live in numbered versions. A version that has scores is
-- frozen (used_at set when its first score is saved; a trigger refuses a change of its texts):
-- editing it creates the next version, so earlier scores keep the version and texts they were
-- given under. A version can be retired: it takes no new scores, its scores stay.
--
-- Scores are rows of casework_assessment (personal data, RLS by her municipality) with
-- instrument_key 'projekt-<instrument id>-v<version>' and instrument_version_id set. The
-- instrument itself is project data, scoped like the steering tables: fremdrift_project_in_tenant.
CREATE TABLE IF NOT EXISTS project_instrument (
  id serial PRIMARY KEY,
  project_id int NOT NULL REFERENCES project(id) ON DELETE CASCADE,
  created_by int REFERENCES app_user(id),
  created_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (project_id, id)
);
CREATE INDEX IF NOT EXISTS project_instrument_project ON project_instrument (project_id);

CREATE TABLE IF NOT EXISTS project_instrument_version (
  id serial PRIMARY KEY,
  project_id int NOT NULL,
  instrument_id int NOT NULL,
  version int NOT NULL CHECK (version >= 1),
  name text NOT NULL CHECK (length(name) BETWEEN 1 AND 120),
  scale_min int NOT NULL,
  scale_max int NOT NULL,
  -- [{ "key": "d1", "name": "Sprog", "steps": ["text of the lowest step", …] }], one text per step.
  dimensions jsonb NOT NULL CHECK (jsonb_typeof(dimensions) = 'array' AND jsonb_array_length(dimensions) BETWEEN 1 AND 12),
  created_by int REFERENCES app_user(id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  used_at timestamptz,
  retired_at timestamptz,
  retired_by int REFERENCES app_user(id),
  CHECK (scale_min >= 0 AND scale_min < scale_max AND scale_max <= 10),
  UNIQUE (instrument_id, version),
  FOREIGN KEY (project_id, instrument_id) REFERENCES project_instrument (project_id, id) ON DELETE CASCADE
);

-- A used version's texts never change (the application makes a new version instead).
CREATE OR REPLACE FUNCTION fremdrift_instrument_version_frozen() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF OLD.used_at IS NOT NULL AND (NEW.name IS DISTINCT FROM OLD.name OR NEW.scale_min IS DISTINCT FROM OLD.scale_min
      OR NEW.scale_max IS DISTINCT FROM OLD.scale_max OR NEW.dimensions IS DISTINCT FROM OLD.dimensions
      OR NEW.version IS DISTINCT FROM OLD.version OR NEW.instrument_id IS DISTINCT FROM OLD.instrument_id) THEN
    RAISE EXCEPTION 'project_instrument_version % has scores and cannot change', OLD.id;
  END IF;
  RETURN NEW;
END $$;
DROP TRIGGER IF EXISTS project_instrument_version_frozen ON project_instrument_version;
CREATE TRIGGER project_instrument_version_frozen BEFORE UPDATE ON project_instrument_version
  FOR EACH ROW EXECUTE FUNCTION fremdrift_instrument_version_frozen();

ALTER TABLE casework_assessment ADD COLUMN IF NOT EXISTS instrument_version_id int REFERENCES project_instrument_version(id);
CREATE INDEX IF NOT EXISTS casework_assessment_instrument_version ON casework_assessment (instrument_version_id) WHERE instrument_version_id IS NOT NULL;

GRANT SELECT, INSERT, UPDATE ON project_instrument, project_instrument_version TO fremdrift_app;
GRANT USAGE ON SEQUENCE project_instrument_id_seq, project_instrument_version_id_seq TO fremdrift_app;

ALTER TABLE project_instrument ENABLE ROW LEVEL SECURITY;
DROP POLICY IF EXISTS project_instrument_tenant ON project_instrument;
CREATE POLICY project_instrument_tenant ON project_instrument
  USING (fremdrift_project_in_tenant(project_id)) WITH CHECK (fremdrift_project_in_tenant(project_id));
ALTER TABLE project_instrument_version ENABLE ROW LEVEL SECURITY;
DROP POLICY IF EXISTS project_instrument_version_tenant ON project_instrument_version;
CREATE POLICY project_instrument_version_tenant ON project_instrument_version
  USING (fremdrift_project_in_tenant(project_id)) WITH CHECK (fremdrift_project_in_tenant(project_id));
