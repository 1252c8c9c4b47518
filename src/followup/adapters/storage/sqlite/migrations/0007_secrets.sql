-- Secrets Followup makes for itself (the calendar feed's token), never a user's password.
CREATE TABLE secret (name TEXT PRIMARY KEY, value TEXT NOT NULL);
