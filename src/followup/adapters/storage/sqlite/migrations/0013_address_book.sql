-- The address book: everyone the candidate knows, met at an interview or imported. A person is
-- found by any of their addresses (folded to lower case), else by their name and company with
-- case and accents folded (DESIGN): the folded keys are stored so that both are indexed reads.
CREATE TABLE person (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    title TEXT NOT NULL DEFAULT '',
    company TEXT NOT NULL DEFAULT '',
    phone TEXT NOT NULL DEFAULT '',
    url TEXT NOT NULL DEFAULT '',
    source TEXT NOT NULL DEFAULT '',
    name_key TEXT NOT NULL,
    company_key TEXT NOT NULL,
    addresses INTEGER NOT NULL DEFAULT 0
);
-- "the same name at the same company without an address" is an indexed read however many
-- namesakes with addresses there are
CREATE INDEX person_by_name ON person (name_key, company_key, addresses);
CREATE TABLE person_email (
    email_key TEXT PRIMARY KEY,
    person_id INTEGER NOT NULL REFERENCES person (id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    email TEXT NOT NULL
);
CREATE INDEX person_email_of ON person_email (person_id, position);
