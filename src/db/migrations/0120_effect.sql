-- Effect against a matched comparison group (effekt-2026.1): the national comparison pool, the
-- weekly rates of the investment case, and computed results kept for reuse.

-- Every pool list imported, with its provenance. A new list replaces the pool.
CREATE TABLE IF NOT EXISTS comparison_pool_import (
  id serial PRIMARY KEY,
  file_name text NOT NULL,
  sha256 text NOT NULL,
  rows int NOT NULL,
  imported_by int REFERENCES app_user(id),
  imported_by_name text NOT NULL,
  imported_at timestamptz NOT NULL DEFAULT now()
);

-- Pool women are stored under the keyed CPR hash only (never the CPR number or a name), with
-- what matching needs: birth date (age band), municipality (name), country of origin. Their
-- register weeks and hours are ordinary register_person rows under the same hash. No grant to
-- fremdrift_app: only the system path reads them, for analysts' aggregates.
CREATE TABLE IF NOT EXISTS comparison_pool (
  cpr_hash text PRIMARY KEY,
  birth_date date NOT NULL,
  municipality text NOT NULL CHECK (length(municipality) BETWEEN 1 AND 100),
  origin_country text CHECK (origin_country IS NULL OR length(origin_country) <= 100),
  import_id int NOT NULL REFERENCES comparison_pool_import(id)
);

-- Weekly public expense per support category and year (the investment case, spec §6), each with
-- its source written beside it; editable by an administrator.
CREATE TABLE IF NOT EXISTS effect_rate (
  category text NOT NULL CHECK (category IN ('ydelse', 'praktik', 'loentilskud', 'fleksjob', 'foertidspension', 'ressourceforloeb')),
  year int NOT NULL CHECK (year BETWEEN 2000 AND 2100),
  weekly_rate numeric(12, 2) NOT NULL CHECK (weekly_rate >= 0),
  source text NOT NULL CHECK (length(source) BETWEEN 2 AND 500),
  updated_by int REFERENCES app_user(id),
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (category, year)
);
GRANT SELECT ON effect_rate TO fremdrift_app;

-- Computed effect results (aggregates only, already suppressed for their audience), reused
-- while the data version they were computed from is unchanged.
CREATE TABLE IF NOT EXISTS effect_result (
  key text PRIMARY KEY,
  version text NOT NULL,
  result jsonb NOT NULL,
  computed_at timestamptz NOT NULL DEFAULT now()
);
