-- Where a person lives, when it differs from the candidate: letters to them go out inside the
-- send window of their own morning.
ALTER TABLE participant ADD COLUMN timezone TEXT NOT NULL DEFAULT '';
