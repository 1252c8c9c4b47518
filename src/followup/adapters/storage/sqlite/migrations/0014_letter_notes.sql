-- Notes that make a letter personal (DESIGN): the candidate's few words on each topic discussed
-- with a person (a JSON list of {"name", "said", "bring", "promised"}), and strengths that belong
-- to one opportunity (a JSON list of strings).
ALTER TABLE participant ADD COLUMN notes TEXT NOT NULL DEFAULT '[]';
ALTER TABLE opportunity ADD COLUMN strengths TEXT NOT NULL DEFAULT '[]';
