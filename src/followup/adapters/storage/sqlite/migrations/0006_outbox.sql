-- Letters approved for sending. A row is written in the transaction that approves the letter;
-- the dispatcher claims it ('sending') before handing it to the mail server and marks it 'sent'
-- after. A row found 'sending' when a dispatcher starts was interrupted between the two: it is
-- marked 'uncertain' and shown to the user, never sent again by itself.
CREATE TABLE outbox (
    id INTEGER PRIMARY KEY,
    opportunity_id TEXT NOT NULL REFERENCES opportunity (id) ON DELETE CASCADE,
    step TEXT NOT NULL,
    contact TEXT NOT NULL,
    to_name TEXT NOT NULL,
    to_address TEXT NOT NULL,
    subject TEXT NOT NULL,
    body TEXT NOT NULL,
    message_id TEXT NOT NULL UNIQUE,
    send_after TEXT NOT NULL,
    status TEXT NOT NULL CHECK (status IN ('queued', 'sending', 'sent', 'uncertain', 'failed',
                                           'cancelled')),
    attempts INTEGER NOT NULL DEFAULT 0,
    last_error TEXT,
    sent_at TEXT,
    created_at TEXT NOT NULL
);
CREATE INDEX outbox_queued ON outbox (send_after) WHERE status = 'queued';
-- Where reading the mailbox got to: per mailbox, its UIDVALIDITY and the last UID handled.
CREATE TABLE inbox_cursor (
    mailbox TEXT PRIMARY KEY,
    uidvalidity INTEGER NOT NULL,
    last_uid INTEGER NOT NULL
);
