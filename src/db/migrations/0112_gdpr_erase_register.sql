-- Erasure covers her register data (issue 11, finding 2): the rows keyed by her CPR hash in
-- register_person, its per-delivery history (register_person_version, 0100) and the national
-- comparison pool (0120; she may also be a pool woman). The application role may not delete
-- register data, so this runs as the owner, but only for a participant the caller's tenant may
-- see, and only when no other participant row (an enrolment in another municipality) still has
-- the same hash. Call it before her participant row is deleted. Returns the rows removed per table.
CREATE OR REPLACE FUNCTION fremdrift_erase_register(p_participant uuid)
RETURNS jsonb
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
  h text;
  n_version int;
  n_person int;
  n_pool int;
BEGIN
  SELECT p.cpr_hash INTO h FROM participant p
    WHERE p.id = p_participant AND p.municipality_code = ANY (fremdrift_tenant());
  IF h IS NULL THEN
    RAISE EXCEPTION 'deltageren findes ikke';
  END IF;
  IF EXISTS (SELECT 1 FROM participant o WHERE o.cpr_hash = h AND o.id <> p_participant) THEN
    RETURN jsonb_build_object('register_person_version', 0, 'register_person', 0, 'comparison_pool', 0, 'kept_shared', true);
  END IF;
  DELETE FROM register_person_version WHERE cpr_hash = h;
  GET DIAGNOSTICS n_version = ROW_COUNT;
  DELETE FROM register_person WHERE cpr_hash = h;
  GET DIAGNOSTICS n_person = ROW_COUNT;
  DELETE FROM comparison_pool WHERE cpr_hash = h;
  GET DIAGNOSTICS n_pool = ROW_COUNT;
  RETURN jsonb_build_object('register_person_version', n_version, 'register_person', n_person, 'comparison_pool', n_pool);
END $$;
REVOKE ALL ON FUNCTION fremdrift_erase_register(uuid) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION fremdrift_erase_register(uuid) TO fremdrift_app;
