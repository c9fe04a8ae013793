-- Issue 15: a validated WHO-5 translation records where it comes from (e.g. the WHO
-- Collaborating Centre's published version, or the firm that validated it), beside who validated it.
ALTER TABLE who5_translation ADD COLUMN IF NOT EXISTS source text
  CHECK (source IS NULL OR length(source) BETWEEN 3 AND 500);
