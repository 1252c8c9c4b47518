-- Replies as read (SQLite's 0015) and the indexes of the history (SQLite's 0018), each led by
-- the account, as every index of a person's data is here.
CREATE TABLE reply (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    account_id bigint NOT NULL DEFAULT followup_actor(),
    opportunity_id text NOT NULL,
    contact text NOT NULL,
    received_at timestamptz NOT NULL,
    message_id text NOT NULL,
    identity text NOT NULL,
    subject text NOT NULL,
    body text NOT NULL,
    kind text NOT NULL CHECK (kind IN ('invitation', 'rejection', 'offer', 'question', 'automatic',
                                       'other')),
    evidence text NOT NULL,
    proposal text CHECK (proposal IN ('invited', 'rejected', 'offer')),
    status text NOT NULL CHECK (status IN ('none', 'proposed', 'confirmed', 'dismissed')),
    decided_at timestamptz,
    UNIQUE (account_id, opportunity_id, identity),
    FOREIGN KEY (account_id, opportunity_id) REFERENCES opportunity (account_id, id)
        ON DELETE CASCADE
);
CREATE INDEX reply_proposed ON reply (account_id, received_at) WHERE status = 'proposed';
CREATE INDEX reply_by_contact ON reply (account_id, opportunity_id, contact, received_at);
SELECT followup_own_rows('reply');

CREATE INDEX touch_history ON touch (account_id, step, due, status, done_on, interview_id);
CREATE INDEX touch_made ON touch (account_id, status, done_on, step);
