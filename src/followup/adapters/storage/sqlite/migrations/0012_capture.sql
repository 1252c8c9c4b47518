-- Getting the search in without typing (DESIGN). An interview keeps the start time and the place
-- its invitation gave; an opportunity keeps what a job board or another tracker knew before any
-- interview: when the candidate applied, the posting, their notes and the stage it had there.
ALTER TABLE interview ADD COLUMN time TEXT;
ALTER TABLE interview ADD COLUMN location TEXT NOT NULL DEFAULT '';
ALTER TABLE opportunity ADD COLUMN applied TEXT;
ALTER TABLE opportunity ADD COLUMN url TEXT NOT NULL DEFAULT '';
ALTER TABLE opportunity ADD COLUMN notes TEXT NOT NULL DEFAULT '';
ALTER TABLE opportunity ADD COLUMN tracked_stage TEXT NOT NULL DEFAULT '';
-- Which interview each calendar invitation became (by its UID), at which SEQUENCE and for how many
-- minutes: the same UID again updates that interview, a later SEQUENCE wins, a person's minutes
-- follow the event's length until the user changes them, and a cancellation is remembered so
-- that importing the same files again changes nothing.
CREATE TABLE invitation (
    uid TEXT PRIMARY KEY,
    opportunity_id TEXT NOT NULL REFERENCES opportunity (id) ON DELETE CASCADE,
    interview_id TEXT NOT NULL,
    sequence INTEGER NOT NULL,
    minutes INTEGER NOT NULL DEFAULT 0,
    cancelled INTEGER NOT NULL DEFAULT 0
);
