-- Snoozing a touch: it shows on the agenda from a later day, with the reason. Kept apart from the
-- plan (keyed by step, person and due date) so that re-planning never loses it.
CREATE TABLE snooze (
    opportunity_id TEXT NOT NULL REFERENCES opportunity (id) ON DELETE CASCADE,
    step TEXT NOT NULL,
    contact TEXT NOT NULL,
    due TEXT NOT NULL,
    until TEXT NOT NULL,
    reason TEXT NOT NULL,
    PRIMARY KEY (opportunity_id, step, contact, due)
) WITHOUT ROWID;
ALTER TABLE touch ADD COLUMN show_on TEXT;
ALTER TABLE touch ADD COLUMN snooze_reason TEXT;
UPDATE touch SET show_on = due;
DROP INDEX touch_planned_due;
CREATE INDEX touch_planned_show_on ON touch (show_on, opportunity_id, seq) WHERE status = 'planned';
