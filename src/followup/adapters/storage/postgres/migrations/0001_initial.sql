-- The shared server's schema: the accounts, and each person's data as the SQLite file keeps it
-- (SQLite migrations 0001-0008), every row of it belonging to one account.
--
-- `account_id` comes first in every key: two candidates may both have an opportunity `acme`.
-- It is filled in from the transaction's acting account (followup_actor(), set with
-- set_config(..., true) by each unit of work), and row-level security (0002) lets a transaction
-- see and change only the rows of the account it acts as, or read those of a candidate who
-- granted that coach access.

CREATE TABLE account (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    email text NOT NULL CHECK (email = lower(email) AND email LIKE '%_@_%'),
    role text NOT NULL CHECK (role IN ('candidate', 'coach', 'admin')),
    password_hash text NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now(),
    disabled_at timestamptz
);
CREATE UNIQUE INDEX account_email ON account (email);

-- The account the current transaction acts as (NULL outside a unit of work: nothing is visible).
CREATE FUNCTION followup_actor() RETURNS bigint
    LANGUAGE sql STABLE PARALLEL SAFE
    AS $$ SELECT nullif(current_setting('followup.account', true), '')::bigint $$;

CREATE TABLE candidate (
    account_id bigint NOT NULL DEFAULT followup_actor() REFERENCES account (id),
    id integer NOT NULL DEFAULT 1 CHECK (id = 1),
    name text NOT NULL DEFAULT '',
    email text NOT NULL DEFAULT '',
    phone text NOT NULL DEFAULT '',
    timezone text NOT NULL DEFAULT 'UTC',
    country text,
    subdivision text,
    weekmask text NOT NULL DEFAULT '1111100',
    default_policy text NOT NULL DEFAULT 'persistent',
    strengths text NOT NULL DEFAULT '[]',
    courses text NOT NULL DEFAULT '[]',
    other_interviews integer NOT NULL DEFAULT 0,
    PRIMARY KEY (account_id, id)
);

CREATE TABLE opportunity (
    account_id bigint NOT NULL DEFAULT followup_actor() REFERENCES account (id),
    id text NOT NULL,
    position integer NOT NULL,
    company text NOT NULL,
    role text NOT NULL DEFAULT '',
    policy text NOT NULL,
    preliminary_deadline date,
    second_round_deadline date,
    stage text NOT NULL DEFAULT 'interviewing',
    PRIMARY KEY (account_id, id),
    UNIQUE (account_id, position)
);

CREATE TABLE interview (
    account_id bigint NOT NULL DEFAULT followup_actor(),
    opportunity_id text NOT NULL,
    id text NOT NULL,
    position integer NOT NULL,
    date date NOT NULL,
    round integer NOT NULL DEFAULT 1,
    PRIMARY KEY (account_id, opportunity_id, id),
    FOREIGN KEY (account_id, opportunity_id) REFERENCES opportunity (account_id, id)
        ON DELETE CASCADE
);

CREATE TABLE participant (
    account_id bigint NOT NULL DEFAULT followup_actor(),
    opportunity_id text NOT NULL,
    interview_id text NOT NULL,
    position integer NOT NULL,
    name text NOT NULL,
    title text NOT NULL DEFAULT '',
    email text NOT NULL DEFAULT '',
    phone text NOT NULL DEFAULT '',
    minutes integer NOT NULL DEFAULT 0,
    decision_maker boolean NOT NULL DEFAULT false,
    topics text NOT NULL DEFAULT '[]',
    timezone text NOT NULL DEFAULT '',
    PRIMARY KEY (account_id, opportunity_id, interview_id, position),
    FOREIGN KEY (account_id, opportunity_id, interview_id)
        REFERENCES interview (account_id, opportunity_id, id) ON DELETE CASCADE
);
CREATE INDEX participant_email ON participant (account_id, lower(email)) WHERE email <> '';

CREATE TABLE event (
    account_id bigint NOT NULL DEFAULT followup_actor(),
    opportunity_id text NOT NULL,
    position integer NOT NULL,
    date date NOT NULL,
    time time,
    kind text NOT NULL,
    step text,
    contact text,
    note text NOT NULL DEFAULT '',
    PRIMARY KEY (account_id, opportunity_id, position),
    FOREIGN KEY (account_id, opportunity_id) REFERENCES opportunity (account_id, id)
        ON DELETE CASCADE
);

CREATE TABLE touch (
    account_id bigint NOT NULL DEFAULT followup_actor(),
    opportunity_id text NOT NULL,
    seq integer NOT NULL,
    contact text NOT NULL,
    step text NOT NULL,
    channel text NOT NULL,
    due date NOT NULL,
    status text NOT NULL CHECK (status IN ('planned', 'done', 'skipped', 'cancelled')),
    reason text,
    done_on date,
    interview_id text,
    show_on date,
    snooze_reason text,
    PRIMARY KEY (account_id, opportunity_id, seq),
    FOREIGN KEY (account_id, opportunity_id) REFERENCES opportunity (account_id, id)
        ON DELETE CASCADE
);
-- Today reads one account's planned touches by the day they show; the coach's view counts them.
CREATE INDEX touch_planned_show_on ON touch (account_id, show_on, opportunity_id, seq)
    WHERE status = 'planned';

CREATE TABLE snooze (
    account_id bigint NOT NULL DEFAULT followup_actor(),
    opportunity_id text NOT NULL,
    step text NOT NULL,
    contact text NOT NULL,
    due date NOT NULL,
    until date NOT NULL,
    reason text NOT NULL,
    PRIMARY KEY (account_id, opportunity_id, step, contact, due),
    FOREIGN KEY (account_id, opportunity_id) REFERENCES opportunity (account_id, id)
        ON DELETE CASCADE
);

-- Moves whenever an opportunity or a person met changes (what the letter check caches).
CREATE TABLE revision (
    account_id bigint NOT NULL DEFAULT followup_actor() REFERENCES account (id),
    id integer NOT NULL DEFAULT 1 CHECK (id = 1),
    value bigint NOT NULL,
    PRIMARY KEY (account_id, id)
);
CREATE FUNCTION followup_bump_revision() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
BEGIN
    INSERT INTO revision (id, value) VALUES (1, 1)
        ON CONFLICT (account_id, id) DO UPDATE SET value = revision.value + 1;
    RETURN NULL;
END
$$;
CREATE TRIGGER opportunity_added AFTER INSERT ON opportunity
    FOR EACH STATEMENT EXECUTE FUNCTION followup_bump_revision();
CREATE TRIGGER opportunity_changed AFTER UPDATE OF company ON opportunity
    FOR EACH STATEMENT EXECUTE FUNCTION followup_bump_revision();
CREATE TRIGGER opportunity_removed AFTER DELETE ON opportunity
    FOR EACH STATEMENT EXECUTE FUNCTION followup_bump_revision();
CREATE TRIGGER participant_added AFTER INSERT ON participant
    FOR EACH STATEMENT EXECUTE FUNCTION followup_bump_revision();
CREATE TRIGGER participant_removed AFTER DELETE ON participant
    FOR EACH STATEMENT EXECUTE FUNCTION followup_bump_revision();

-- Letters approved for sending (see SQLite's 0006). `claimed_by` names the dispatcher that
-- claimed a letter; while it lives it holds an advisory lock on that number (0004), so a letter
-- 'sending' whose dispatcher holds no lock was interrupted and becomes 'uncertain'.
CREATE TABLE outbox (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    account_id bigint NOT NULL DEFAULT followup_actor(),
    opportunity_id text NOT NULL,
    step text NOT NULL,
    contact text NOT NULL,
    to_name text NOT NULL,
    to_address text NOT NULL,
    subject text NOT NULL,
    body text NOT NULL,
    message_id text NOT NULL,
    send_after timestamptz NOT NULL,
    status text NOT NULL CHECK (status IN ('queued', 'sending', 'sent', 'uncertain', 'failed',
                                           'cancelled')),
    attempts integer NOT NULL DEFAULT 0,
    last_error text,
    sent_at timestamptz,
    created_at timestamptz NOT NULL DEFAULT now(),
    claimed_by integer,
    UNIQUE (account_id, message_id),
    FOREIGN KEY (account_id, opportunity_id) REFERENCES opportunity (account_id, id)
        ON DELETE CASCADE
);
CREATE INDEX outbox_queued ON outbox (send_after, id) WHERE status = 'queued';
CREATE INDEX outbox_sending ON outbox (claimed_by) WHERE status = 'sending';
CREATE INDEX outbox_account ON outbox (account_id, send_after, id);

CREATE TABLE inbox_cursor (
    account_id bigint NOT NULL DEFAULT followup_actor() REFERENCES account (id),
    mailbox text NOT NULL,
    uidvalidity bigint NOT NULL,
    last_uid bigint NOT NULL,
    PRIMARY KEY (account_id, mailbox)
);

-- Secrets Followup makes for itself (the calendar feed's token), never a user's password.
CREATE TABLE secret (
    account_id bigint NOT NULL DEFAULT followup_actor() REFERENCES account (id),
    name text NOT NULL,
    value text NOT NULL,
    PRIMARY KEY (account_id, name)
);
CREATE UNIQUE INDEX secret_value ON secret (name, value);
