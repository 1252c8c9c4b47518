-- The agenda reads planned touches by due date; this keeps it a plain indexed read however many
-- opportunities there are. Partial: done, skipped and cancelled touches never enter it.
CREATE INDEX touch_planned_due ON touch (due, opportunity_id, seq) WHERE status = 'planned';
