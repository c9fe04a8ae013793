-- A record about a person that does not name her municipality gets it from her row (issue 11,
-- finding 11): a refused look-up by another tenant's user then shows on her own jobcentre's audit
-- page, as well as in her audit trail (by participant_id). Same signature and chain as 0040.
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
  municipality char(3) := p_municipality_code;
BEGIN
  IF municipality IS NULL AND p_participant_id IS NOT NULL THEN
    SELECT p.municipality_code INTO municipality FROM participant p WHERE p.id = p_participant_id;
  END IF;
  -- One writer at a time: the lock is held until this transaction ends, and a waiting writer
  -- re-reads the head its predecessor committed.
  SELECT * INTO head FROM audit_head WHERE singleton FOR UPDATE;
  IF NOT FOUND THEN
    RAISE EXCEPTION 'audit_head mangler';
  END IF;
  new_id := nextval('audit_log_id_seq');
  h := encode(sha256(convert_to(fremdrift_audit_canonical(new_id, new_at, p_user_id, p_username, p_role, p_action,
         p_entity, p_participant_id, municipality, p_ip, p_detail, head.last_hash), 'UTF8')), 'hex');
  INSERT INTO audit_log (id, at, user_id, username, role, action, entity, participant_id, municipality_code, ip, detail, prev_hash, hash)
  VALUES (new_id, new_at, p_user_id, p_username, p_role, p_action, p_entity, p_participant_id, municipality, p_ip, p_detail, head.last_hash, h);
  UPDATE audit_head SET last_id = new_id, last_hash = h WHERE singleton;
  RETURN new_id;
END $$;
