-- Tamper-evident audit log: every record carries the SHA-256 of the record before it
-- (prev_hash) and its own hash over a canonical serialisation of its fields (see
-- fremdrift_audit_canonical). Appends go only through fremdrift_audit_append, which serialises
-- writers with a row lock on the one-row audit_head table, so the chain is a single line even
-- with concurrent transactions. `fremdrift audit verify` recomputes the chain outside the database.

ALTER TABLE audit_log ADD COLUMN IF NOT EXISTS prev_hash text;
ALTER TABLE audit_log ADD COLUMN IF NOT EXISTS hash text;

CREATE TABLE IF NOT EXISTS audit_head (
  singleton boolean PRIMARY KEY DEFAULT true CHECK (singleton),
  last_id bigint,
  last_hash text NOT NULL
);

-- Canonical form: the fields in a fixed order, each as the hex of its UTF-8 text ('-' for NULL),
-- joined by '|'. Timestamps in UTC with microseconds; detail as PostgreSQL's jsonb text.
CREATE OR REPLACE FUNCTION fremdrift_audit_canonical(
  p_id bigint, p_at timestamptz, p_user_id int, p_username text, p_role text, p_action text,
  p_entity text, p_participant_id uuid, p_municipality_code char(3), p_ip text, p_detail jsonb, p_prev_hash text
) RETURNS text
LANGUAGE sql STABLE AS $$
  SELECT array_to_string(ARRAY(
    SELECT coalesce(encode(convert_to(f, 'UTF8'), 'hex'), '-')
    FROM unnest(ARRAY[
      p_id::text,
      to_char(p_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'),
      p_user_id::text, p_username, p_role, p_action, p_entity, p_participant_id::text,
      p_municipality_code::text, p_ip, p_detail::text, p_prev_hash
    ]) WITH ORDINALITY AS t(f, n) ORDER BY n
  ), '|')
$$;

-- Chain the records already there, in id order (once, when this migration runs).
DO $$
DECLARE
  r record;
  prev text := repeat('0', 64);
  h text;
  last bigint;
BEGIN
  FOR r IN SELECT * FROM audit_log ORDER BY id LOOP
    h := encode(sha256(convert_to(fremdrift_audit_canonical(r.id, r.at, r.user_id, r.username, r.role, r.action,
           r.entity, r.participant_id, r.municipality_code, r.ip, r.detail, prev), 'UTF8')), 'hex');
    UPDATE audit_log SET prev_hash = prev, hash = h WHERE id = r.id;
    prev := h;
    last := r.id;
  END LOOP;
  INSERT INTO audit_head (singleton, last_id, last_hash) VALUES (true, last, prev) ON CONFLICT DO NOTHING;
END $$;

ALTER TABLE audit_log ALTER COLUMN prev_hash SET NOT NULL;
ALTER TABLE audit_log ALTER COLUMN hash SET NOT NULL;

-- The only way to append. SECURITY DEFINER: runs as the owner (the migration user), so the
-- application role needs neither INSERT on audit_log nor any right on audit_head.
CREATE OR REPLACE FUNCTION fremdrift_audit_append(
  p_user_id int, p_username text, p_role text, p_action text, p_entity text,
  p_participant_id uuid, p_municipality_code char(3), p_ip text, p_detail jsonb
) RETURNS bigint
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
  head audit_head%ROWTYPE;
  new_id bigint;
  new_at timestamptz := now();
  h text;
BEGIN
  -- One writer at a time: the lock is held until this transaction ends, and a waiting writer
  -- re-reads the head its predecessor committed.
  SELECT * INTO head FROM audit_head WHERE singleton FOR UPDATE;
  IF NOT FOUND THEN
    RAISE EXCEPTION 'audit_head mangler';
  END IF;
  new_id := nextval('audit_log_id_seq');
  h := encode(sha256(convert_to(fremdrift_audit_canonical(new_id, new_at, p_user_id, p_username, p_role, p_action,
         p_entity, p_participant_id, p_municipality_code, p_ip, p_detail, head.last_hash), 'UTF8')), 'hex');
  INSERT INTO audit_log (id, at, user_id, username, role, action, entity, participant_id, municipality_code, ip, detail, prev_hash, hash)
  VALUES (new_id, new_at, p_user_id, p_username, p_role, p_action, p_entity, p_participant_id, p_municipality_code, p_ip, p_detail, head.last_hash, h);
  UPDATE audit_head SET last_id = new_id, last_hash = h WHERE singleton;
  RETURN new_id;
END $$;

REVOKE ALL ON FUNCTION fremdrift_audit_append(int, text, text, text, text, uuid, char, text, jsonb) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION fremdrift_audit_append(int, text, text, text, text, uuid, char, text, jsonb) TO fremdrift_app;

-- Append-only, also for the owner's everyday use: no UPDATE, DELETE or TRUNCATE (a superuser can
-- still switch triggers off, which is what `audit verify` is for).
REVOKE INSERT, UPDATE, DELETE, TRUNCATE ON audit_log FROM fremdrift_app;
REVOKE ALL ON audit_head FROM fremdrift_app;

CREATE OR REPLACE FUNCTION fremdrift_audit_immutable() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'Auditloggen kan kun tilføjes til (%)', TG_OP;
END $$;

DROP TRIGGER IF EXISTS audit_log_immutable ON audit_log;
CREATE TRIGGER audit_log_immutable BEFORE UPDATE OR DELETE ON audit_log
  FOR EACH ROW EXECUTE FUNCTION fremdrift_audit_immutable();
DROP TRIGGER IF EXISTS audit_log_no_truncate ON audit_log;
CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log
  FOR EACH STATEMENT EXECUTE FUNCTION fremdrift_audit_immutable();

-- Direct inserts that bypass the function (e.g. an old code path) are refused.
CREATE OR REPLACE FUNCTION fremdrift_audit_insert_guard() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
  head_hash text;
BEGIN
  SELECT last_hash INTO head_hash FROM audit_head WHERE singleton;
  IF NEW.prev_hash IS DISTINCT FROM head_hash THEN
    RAISE EXCEPTION 'Auditposter skal tilføjes med fremdrift_audit_append';
  END IF;
  RETURN NEW;
END $$;
DROP TRIGGER IF EXISTS audit_log_insert_guard ON audit_log;
CREATE TRIGGER audit_log_insert_guard BEFORE INSERT ON audit_log
  FOR EACH ROW EXECUTE FUNCTION fremdrift_audit_insert_guard();
CREATE INDEX IF NOT EXISTS audit_log_at ON audit_log (at);
CREATE INDEX IF NOT EXISTS audit_log_action ON audit_log (action, at);
