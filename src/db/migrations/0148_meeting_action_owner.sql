-- A follow-up action's owner chosen among the project's users (issue 14, meeting fixes): the user
-- it names, besides the owner's name in words (kept, so the minutes read the same after a user
-- leaves; and the only owner for someone outside the jobcentre, e.g. "Styregruppen").
ALTER TABLE steering_meeting_action ADD COLUMN IF NOT EXISTS owner_user_id int REFERENCES app_user(id) ON DELETE SET NULL;
