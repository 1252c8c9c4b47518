-- The candidate, their opportunities, the interviews and the people met, events, and the plan.
CREATE TABLE candidate (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    name TEXT NOT NULL DEFAULT '',
    email TEXT NOT NULL DEFAULT '',
    phone TEXT NOT NULL DEFAULT '',
    timezone TEXT NOT NULL DEFAULT 'UTC',
    country TEXT,
    subdivision TEXT,
    weekmask TEXT NOT NULL DEFAULT '1111100',
    default_policy TEXT NOT NULL DEFAULT 'persistent'
);

CREATE TABLE opportunity (
    id TEXT PRIMARY KEY,
    position INTEGER NOT NULL,
    company TEXT NOT NULL,
    role TEXT NOT NULL DEFAULT '',
    policy TEXT NOT NULL,
    preliminary_deadline TEXT,
    second_round_deadline TEXT,
    stage TEXT NOT NULL DEFAULT 'interviewing'
);
CREATE UNIQUE INDEX opportunity_position ON opportunity (position);

CREATE TABLE interview (
    opportunity_id TEXT NOT NULL REFERENCES opportunity (id) ON DELETE CASCADE,
    id TEXT NOT NULL,
    position INTEGER NOT NULL,
    date TEXT NOT NULL,
    round INTEGER NOT NULL DEFAULT 1,
    PRIMARY KEY (opportunity_id, id)
) WITHOUT ROWID;

CREATE TABLE participant (
    opportunity_id TEXT NOT NULL,
    interview_id TEXT NOT NULL,
    position INTEGER NOT NULL,
    name TEXT NOT NULL,
    title TEXT NOT NULL DEFAULT '',
    email TEXT NOT NULL DEFAULT '',
    phone TEXT NOT NULL DEFAULT '',
    minutes INTEGER NOT NULL DEFAULT 0,
    decision_maker INTEGER NOT NULL DEFAULT 0,
    topics TEXT NOT NULL DEFAULT '[]',
    PRIMARY KEY (opportunity_id, interview_id, position),
    FOREIGN KEY (opportunity_id, interview_id) REFERENCES interview (opportunity_id, id)
        ON DELETE CASCADE
) WITHOUT ROWID;

CREATE TABLE event (
    opportunity_id TEXT NOT NULL REFERENCES opportunity (id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    date TEXT NOT NULL,
    time TEXT,
    kind TEXT NOT NULL,
    step TEXT,
    contact TEXT,
    note TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (opportunity_id, position)
) WITHOUT ROWID;

CREATE TABLE touch (
    opportunity_id TEXT NOT NULL REFERENCES opportunity (id) ON DELETE CASCADE,
    seq INTEGER NOT NULL,
    contact TEXT NOT NULL,
    step TEXT NOT NULL,
    channel TEXT NOT NULL,
    due TEXT NOT NULL,
    status TEXT NOT NULL CHECK (status IN ('planned', 'done', 'skipped', 'cancelled')),
    reason TEXT,
    done_on TEXT,
    interview_id TEXT,
    PRIMARY KEY (opportunity_id, seq)
) WITHOUT ROWID;
