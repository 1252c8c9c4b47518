-- Replies from the hiring side, as read: the new text (what the sender wrote this time, for the
-- `reply` letter to quote), the kind it was read as, the sentence that decided, and the event it
-- proposes (invited, rejected, offer) until the candidate confirms or dismisses it. One row per
-- message and opportunity: reading a mailbox twice adds nothing (`identity` is the Message-ID, or
-- who wrote and when for a message without one).
CREATE TABLE reply (
    id INTEGER PRIMARY KEY,
    opportunity_id TEXT NOT NULL REFERENCES opportunity (id) ON DELETE CASCADE,
    contact TEXT NOT NULL,
    received_at TEXT NOT NULL,
    message_id TEXT NOT NULL,
    identity TEXT NOT NULL,
    subject TEXT NOT NULL,
    body TEXT NOT NULL,
    kind TEXT NOT NULL CHECK (kind IN ('invitation', 'rejection', 'offer', 'question', 'automatic',
                                       'other')),
    evidence TEXT NOT NULL,
    proposal TEXT CHECK (proposal IN ('invited', 'rejected', 'offer')),
    status TEXT NOT NULL CHECK (status IN ('none', 'proposed', 'confirmed', 'dismissed')),
    decided_at TEXT,
    UNIQUE (opportunity_id, identity)
);
CREATE INDEX reply_proposed ON reply (received_at) WHERE status = 'proposed';
CREATE INDEX reply_by_contact ON reply (opportunity_id, contact, received_at);
