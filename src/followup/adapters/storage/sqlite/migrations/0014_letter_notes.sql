-- Notes that make a letter personal (DESIGN): the candidate's few words on each topic discussed
-- with a person (a JSON list of {"name", "said", "bring", "promised"}), and strengths that belong
-- to one opportunity (a JSON list of strings).
ALTER TABLE participant ADD COLUMN notes TEXT NOT NULL DEFAULT '[]';
ALTER TABLE opportunity ADD COLUMN strengths TEXT NOT NULL DEFAULT '[]';
-- What the hiring side wrote: a reply letter quotes the message it answers (002).
CREATE TABLE message (
    opportunity_id TEXT NOT NULL REFERENCES opportunity (id) ON DELETE CASCADE,
    contact TEXT NOT NULL,
    received TEXT NOT NULL,
    subject TEXT NOT NULL DEFAULT '',
    body TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (opportunity_id, contact, received)
) WITHOUT ROWID;
