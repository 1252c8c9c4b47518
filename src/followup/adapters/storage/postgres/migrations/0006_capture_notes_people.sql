-- Getting the search in without typing (SQLite's 0012), the address book (0013) and the notes
-- that make a letter personal (0014); each table of a person's data led by the account and
-- under row-level security.
ALTER TABLE interview ADD COLUMN time time;
ALTER TABLE interview ADD COLUMN location text NOT NULL DEFAULT '';
ALTER TABLE opportunity ADD COLUMN applied date;
ALTER TABLE opportunity ADD COLUMN url text NOT NULL DEFAULT '';
ALTER TABLE opportunity ADD COLUMN notes text NOT NULL DEFAULT '';
ALTER TABLE opportunity ADD COLUMN tracked_stage text NOT NULL DEFAULT '';
ALTER TABLE participant ADD COLUMN notes text NOT NULL DEFAULT '[]';
ALTER TABLE opportunity ADD COLUMN strengths text NOT NULL DEFAULT '[]';

CREATE TABLE invitation (
    account_id bigint NOT NULL DEFAULT followup_actor(),
    uid text NOT NULL,
    opportunity_id text NOT NULL,
    interview_id text NOT NULL,
    sequence integer NOT NULL,
    minutes integer NOT NULL DEFAULT 0,
    cancelled boolean NOT NULL DEFAULT false,
    PRIMARY KEY (account_id, uid),
    FOREIGN KEY (account_id, opportunity_id) REFERENCES opportunity (account_id, id)
        ON DELETE CASCADE
);
SELECT followup_own_rows('invitation');

CREATE TABLE person (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    account_id bigint NOT NULL DEFAULT followup_actor() REFERENCES account (id),
    name text NOT NULL,
    title text NOT NULL DEFAULT '',
    company text NOT NULL DEFAULT '',
    phone text NOT NULL DEFAULT '',
    url text NOT NULL DEFAULT '',
    source text NOT NULL DEFAULT '',
    name_key text NOT NULL,
    company_key text NOT NULL,
    addresses integer NOT NULL DEFAULT 0
);
CREATE INDEX person_by_name ON person (account_id, name_key, company_key, addresses);
SELECT followup_own_rows('person');

CREATE TABLE person_email (
    account_id bigint NOT NULL DEFAULT followup_actor(),
    email_key text NOT NULL,
    person_id bigint NOT NULL REFERENCES person (id) ON DELETE CASCADE,
    position integer NOT NULL,
    email text NOT NULL,
    PRIMARY KEY (account_id, email_key)
);
CREATE INDEX person_email_of ON person_email (person_id, position);
SELECT followup_own_rows('person_email');
