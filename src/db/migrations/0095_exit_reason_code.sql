-- An exit reason is stored as its code (core/codes.ts EXIT_REASONS) and rendered with its label
-- (core/labels.ts). Earlier releases stored the Danish label: turn each known label into its code.
UPDATE enrolment SET exit_reason = CASE exit_reason
    WHEN 'Job (ordinære vilkår)' THEN 'job_ordinaer'
    WHEN 'Uddannelse' THEN 'uddannelse'
    WHEN 'Fraflyttet kommunen' THEN 'fraflyttet'
    WHEN 'Overgået til anden indsats' THEN 'anden_indsats'
    WHEN 'Sygdom' THEN 'sygdom'
    WHEN 'Ønsker ikke at deltage' THEN 'oensker_ikke'
    WHEN 'Projektperiode afsluttet' THEN 'projekt_afsluttet'
    WHEN 'Andet' THEN 'andet'
    ELSE exit_reason END
  WHERE exit_reason IS NOT NULL;

-- New rows hold a code (or nothing); rows from before that held an unknown text are left as they were.
ALTER TABLE enrolment ADD CONSTRAINT enrolment_exit_reason_code CHECK (
  exit_reason IS NULL OR exit_reason IN
    ('job_ordinaer', 'uddannelse', 'fraflyttet', 'anden_indsats', 'sygdom', 'oensker_ikke', 'projekt_afsluttet', 'andet')
) NOT VALID;
