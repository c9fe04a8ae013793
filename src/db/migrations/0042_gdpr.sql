-- GDPR duties: anonymised persons are marked, and a person's own audit trail (for an access
-- request) can be read through the tenant path: the function runs as the owner but returns
-- records only for a participant the caller's tenant (fremdrift.kommuner) may see.

ALTER TABLE participant ADD COLUMN IF NOT EXISTS anonymised_at timestamptz;

CREATE OR REPLACE FUNCTION fremdrift_audit_trail(p_participant uuid)
RETURNS TABLE (id bigint, at timestamptz, username text, role text, action text, entity text, ip text, detail jsonb)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
  SELECT a.id, a.at, a.username, a.role, a.action, a.entity, a.ip, a.detail
  FROM audit_log a
  WHERE a.participant_id = p_participant
    AND EXISTS (SELECT 1 FROM participant p WHERE p.id = p_participant AND p.municipality_code = ANY (fremdrift_tenant()))
  ORDER BY a.id
$$;
REVOKE ALL ON FUNCTION fremdrift_audit_trail(uuid) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION fremdrift_audit_trail(uuid) TO fremdrift_app;
