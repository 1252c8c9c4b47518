-- A letter is approved for one touch: its due date is kept with it, and while it waits (queued
-- or being sent) there is at most one letter for the same opportunity, step, person and due
-- date, so approving twice never sends twice. Letters approved before keep a NULL due date,
-- which the index leaves alone (their duplicates, if any, stay visible in the outbox).
ALTER TABLE outbox ADD COLUMN due TEXT;
CREATE UNIQUE INDEX outbox_one_per_touch ON outbox (opportunity_id, step, contact, due)
    WHERE status IN ('queued', 'sending') AND due IS NOT NULL;
