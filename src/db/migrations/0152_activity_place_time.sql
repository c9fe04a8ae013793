-- Issue 15: where and when an activity happens, for her plan ("Min plan"): the address she goes
-- to and the days and times, as the caseworker writes them (both optional, shown as written).
ALTER TABLE casework_activity ADD COLUMN IF NOT EXISTS address text CHECK (address IS NULL OR length(address) <= 200);
ALTER TABLE casework_activity ADD COLUMN IF NOT EXISTS schedule text CHECK (schedule IS NULL OR length(schedule) <= 200);
