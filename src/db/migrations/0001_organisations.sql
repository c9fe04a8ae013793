-- Organisations: the agency (SIRI), municipalities, jobcentres (which may serve several
-- municipalities), projects owned by one or more municipalities, teams and users.

DO $$ BEGIN
  CREATE ROLE fremdrift_app NOLOGIN;
EXCEPTION WHEN duplicate_object THEN NULL;
END $$;

CREATE TABLE IF NOT EXISTS municipality (
  code char(3) PRIMARY KEY CHECK (code ~ '^[0-9]{3}$'),
  name text NOT NULL UNIQUE
);

CREATE TABLE IF NOT EXISTS organisation (
  id serial PRIMARY KEY,
  kind text NOT NULL CHECK (kind IN ('styrelse', 'jobcenter')),
  name text NOT NULL UNIQUE
);

-- Which municipalities' citizens an organisation serves (a jobcentre may serve several).
CREATE TABLE IF NOT EXISTS organisation_municipality (
  organisation_id int NOT NULL REFERENCES organisation(id) ON DELETE CASCADE,
  municipality_code char(3) NOT NULL REFERENCES municipality(code),
  PRIMARY KEY (organisation_id, municipality_code)
);

CREATE TABLE IF NOT EXISTS project (
  id serial PRIMARY KEY,
  key text NOT NULL UNIQUE,
  name text NOT NULL,
  grant_dkk bigint NOT NULL DEFAULT 0 CHECK (grant_dkk >= 0),
  start_date date NOT NULL,
  end_date date NOT NULL,
  planned_participants int,
  CHECK (end_date >= start_date)
);

CREATE TABLE IF NOT EXISTS project_municipality (
  project_id int NOT NULL REFERENCES project(id) ON DELETE CASCADE,
  municipality_code char(3) NOT NULL REFERENCES municipality(code),
  PRIMARY KEY (project_id, municipality_code)
);

CREATE TABLE IF NOT EXISTS team (
  id serial PRIMARY KEY,
  organisation_id int NOT NULL REFERENCES organisation(id) ON DELETE CASCADE,
  name text NOT NULL,
  UNIQUE (organisation_id, name)
);

CREATE TABLE IF NOT EXISTS app_user (
  id serial PRIMARY KEY,
  username text NOT NULL UNIQUE,
  display_name text NOT NULL,
  role text NOT NULL CHECK (role IN ('sagsbehandler', 'projektleder', 'analytiker', 'administrator')),
  organisation_id int NOT NULL REFERENCES organisation(id),
  team_id int REFERENCES team(id),
  password_hash text,
  active boolean NOT NULL DEFAULT true,
  demo boolean NOT NULL DEFAULT false,
  created_at timestamptz NOT NULL DEFAULT now()
);

GRANT SELECT ON municipality, organisation, organisation_municipality, project,
  project_municipality, team TO fremdrift_app;
-- Never the password hash.
GRANT SELECT (id, username, display_name, role, organisation_id, team_id, active) ON app_user TO fremdrift_app;
