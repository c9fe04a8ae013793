-- Row-level security: the second lock on the tenant door. The tenant-scoped repository runs
-- each transaction as `fremdrift_app` (not the owner, so the policies apply to it) with `fremdrift.kommuner` set to the user's
-- municipality codes; a query that forgets a WHERE clause still sees only those rows.

CREATE OR REPLACE FUNCTION fremdrift_tenant() RETURNS text[]
LANGUAGE sql STABLE AS $$
  SELECT coalesce(string_to_array(nullif(current_setting('fremdrift.kommuner', true), ''), ','), '{}'::text[])
$$;
GRANT EXECUTE ON FUNCTION fremdrift_tenant() TO fremdrift_app;

ALTER TABLE participant ENABLE ROW LEVEL SECURITY;
DROP POLICY IF EXISTS participant_tenant ON participant;
CREATE POLICY participant_tenant ON participant
  USING (municipality_code = ANY (fremdrift_tenant()))
  WITH CHECK (municipality_code = ANY (fremdrift_tenant()));

ALTER TABLE enrolment ENABLE ROW LEVEL SECURITY;
DROP POLICY IF EXISTS enrolment_tenant ON enrolment;
CREATE POLICY enrolment_tenant ON enrolment
  USING (municipality_code = ANY (fremdrift_tenant()))
  WITH CHECK (municipality_code = ANY (fremdrift_tenant()));
