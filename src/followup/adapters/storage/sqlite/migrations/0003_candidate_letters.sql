-- What letters draw on: the candidate's strengths and resume updates (001, 003).
ALTER TABLE candidate ADD COLUMN strengths TEXT NOT NULL DEFAULT '[]';
ALTER TABLE candidate ADD COLUMN courses TEXT NOT NULL DEFAULT '[]';
ALTER TABLE candidate ADD COLUMN other_interviews INTEGER NOT NULL DEFAULT 0;
