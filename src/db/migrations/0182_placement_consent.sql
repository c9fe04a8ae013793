-- Her consent on a placement (issue 14): what the company may be told about her. A company is
-- shared within a jobcentre (migration 0140), so its page is read by colleagues who do not work
-- with her; it names her, and her hiring is followed up with the company, only when she said yes
-- ('navn'). 'ingen', and placements from before this column (NULL), keep her anonymous there:
-- the follow-up is made with her, from her own page.
ALTER TABLE casework_activity ADD COLUMN IF NOT EXISTS company_consent text
  CHECK (company_consent IS NULL OR company_consent IN ('navn', 'ingen'));
