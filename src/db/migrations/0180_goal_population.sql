-- A result goal names the women it counts: all enrolled, or one visitation group (issue 18:
-- "86 aktivitetsparate kvinder" counted against every woman enrolled). Existing goals count all.
ALTER TABLE project_goal ADD COLUMN IF NOT EXISTS population text NOT NULL DEFAULT 'alle'
  CHECK (population IN ('alle', 'aktivitetsparat', 'jobparat', 'selvforsoergende', 'oevrige'));
