-- Company register (issue 14): the companies a jobcentre works with, by CVR number, with their
-- contact people (personal data), logged contacts and visits, and the follow-up on a woman's
-- hiring after 1, 3 and 6 months. A placement (casework_activity with a CVR number) is linked to
-- its company by a trigger, so the form, the demo seed and the rows that existed before this
-- migration all follow one rule: the CVR number on a placement is its company.
--
-- A company is shared within a jobcentre: its row carries the municipality that registered it,
-- and a jobcentre's users see every municipality it serves (fremdrift_tenant()), so a company
-- registered in Ishøj is the same company for Vallensbæk. Another jobcentre keeps its own row
-- for the same CVR number (its notes and contacts are its own).

CREATE TABLE IF NOT EXISTS company (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  municipality_code char(3) NOT NULL REFERENCES municipality(code),
  cvr char(8) NOT NULL CHECK (cvr ~ '^[1-9][0-9]{7}$'),
  name text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
  address text CHECK (address IS NULL OR length(address) <= 300),
  industry text CHECK (industry IS NULL OR length(industry) <= 200),
  notes text CHECK (notes IS NULL OR length(notes) <= 2000),
  created_by int REFERENCES app_user(id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (municipality_code, cvr)
);
CREATE INDEX IF NOT EXISTS company_cvr ON company (cvr);

-- Contact people at the company (name, title, phone, e-mail): personal data of the company's staff.
CREATE TABLE IF NOT EXISTS company_contact_person (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  company_id uuid NOT NULL REFERENCES company(id) ON DELETE CASCADE,
  municipality_code char(3) NOT NULL REFERENCES municipality(code),
  name text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
  title text CHECK (title IS NULL OR length(title) <= 200),
  phone text CHECK (phone IS NULL OR length(phone) <= 40),
  email text CHECK (email IS NULL OR length(email) <= 200),
  created_by int REFERENCES app_user(id),
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX IF NOT EXISTS company_contact_person_company ON company_contact_person (company_id);

-- The jobcentre's contacts with the company: calls, meetings, visits, e-mails.
CREATE TABLE IF NOT EXISTS company_contact (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  company_id uuid NOT NULL REFERENCES company(id) ON DELETE CASCADE,
  municipality_code char(3) NOT NULL REFERENCES municipality(code),
  occurred_on date NOT NULL,
  kind text NOT NULL CHECK (kind IN ('besoeg', 'moede', 'telefon', 'mail')),
  note text CHECK (note IS NULL OR length(note) <= 2000),
  created_by int REFERENCES app_user(id),
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX IF NOT EXISTS company_contact_company ON company_contact (company_id, occurred_on);

ALTER TABLE casework_activity ADD COLUMN IF NOT EXISTS company_id uuid REFERENCES company(id);
CREATE INDEX IF NOT EXISTS casework_activity_company ON casework_activity (company_id) WHERE company_id IS NOT NULL;

-- Is she still there after 1, 3 and 6 months? One answer per hiring and checkpoint.
CREATE TABLE IF NOT EXISTS placement_follow_up (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  activity_id uuid NOT NULL REFERENCES casework_activity(id) ON DELETE CASCADE,
  participant_id uuid NOT NULL REFERENCES participant(id) ON DELETE CASCADE,
  municipality_code char(3) NOT NULL REFERENCES municipality(code),
  checkpoint_months int NOT NULL CHECK (checkpoint_months IN (1, 3, 6)),
  checked_on date NOT NULL,
  still_employed boolean NOT NULL,
  note text CHECK (note IS NULL OR length(note) <= 2000),
  created_by int REFERENCES app_user(id),
  created_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (activity_id, checkpoint_months)
);
CREATE INDEX IF NOT EXISTS placement_follow_up_participant ON placement_follow_up (participant_id);

-- The company of a placement: an existing company of the same jobcentre with the CVR number, or
-- a new one named after the placement's provider. Runs with the caller's rights, so under the
-- application role row-level security applies to the look-up and the insert as well.
CREATE OR REPLACE FUNCTION fremdrift_link_activity_company() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
  found uuid;
BEGIN
  IF NEW.cvr IS NULL THEN
    NEW.company_id := NULL;
    RETURN NEW;
  END IF;
  SELECT c.id INTO found FROM company c
  WHERE c.cvr = NEW.cvr
    AND (c.municipality_code = NEW.municipality_code OR c.municipality_code IN (
      SELECT o2.municipality_code FROM organisation_municipality o1
      JOIN organisation o ON o.id = o1.organisation_id AND o.kind = 'jobcenter'
      JOIN organisation_municipality o2 ON o2.organisation_id = o1.organisation_id
      WHERE o1.municipality_code = NEW.municipality_code))
  ORDER BY (c.municipality_code = NEW.municipality_code) DESC, c.created_at
  LIMIT 1;
  IF found IS NULL THEN
    INSERT INTO company (municipality_code, cvr, name, created_by)
    VALUES (NEW.municipality_code, NEW.cvr, coalesce(nullif(left(trim(NEW.provider), 200), ''), 'CVR ' || NEW.cvr), NEW.created_by)
    ON CONFLICT (municipality_code, cvr) DO UPDATE SET updated_at = company.updated_at
    RETURNING id INTO found;
  END IF;
  NEW.company_id := found;
  RETURN NEW;
END
$$;
GRANT EXECUTE ON FUNCTION fremdrift_link_activity_company() TO fremdrift_app;

DROP TRIGGER IF EXISTS casework_activity_company ON casework_activity;
CREATE TRIGGER casework_activity_company BEFORE INSERT OR UPDATE OF cvr ON casework_activity
  FOR EACH ROW EXECUTE FUNCTION fremdrift_link_activity_company();

-- Existing placements: their CVR numbers become companies (the trigger does the work).
UPDATE casework_activity SET cvr = cvr WHERE cvr IS NOT NULL;

GRANT SELECT, INSERT, UPDATE, DELETE ON company, company_contact_person, company_contact, placement_follow_up TO fremdrift_app;

ALTER TABLE company ENABLE ROW LEVEL SECURITY;
DROP POLICY IF EXISTS company_tenant ON company;
CREATE POLICY company_tenant ON company
  USING (municipality_code = ANY (fremdrift_tenant()))
  WITH CHECK (municipality_code = ANY (fremdrift_tenant()));

ALTER TABLE company_contact_person ENABLE ROW LEVEL SECURITY;
DROP POLICY IF EXISTS company_contact_person_tenant ON company_contact_person;
CREATE POLICY company_contact_person_tenant ON company_contact_person
  USING (municipality_code = ANY (fremdrift_tenant()))
  WITH CHECK (municipality_code = ANY (fremdrift_tenant()));

ALTER TABLE company_contact ENABLE ROW LEVEL SECURITY;
DROP POLICY IF EXISTS company_contact_tenant ON company_contact;
CREATE POLICY company_contact_tenant ON company_contact
  USING (municipality_code = ANY (fremdrift_tenant()))
  WITH CHECK (municipality_code = ANY (fremdrift_tenant()));

ALTER TABLE placement_follow_up ENABLE ROW LEVEL SECURITY;
DROP POLICY IF EXISTS placement_follow_up_tenant ON placement_follow_up;
CREATE POLICY placement_follow_up_tenant ON placement_follow_up
  USING (municipality_code = ANY (fremdrift_tenant()))
  WITH CHECK (municipality_code = ANY (fremdrift_tenant()));
