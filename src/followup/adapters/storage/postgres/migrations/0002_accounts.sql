-- Signing in, coaches and their comments.
--
-- The application role never reads a password hash or a session directly: signing in and
-- finding the account of a session cookie go through the SECURITY DEFINER functions below,
-- owned by the tables' owner, each doing one narrow thing.

-- A session is an opaque cookie; only its SHA-256 is stored. Ending one deletes its row.
CREATE TABLE session (
    token_hash bytea PRIMARY KEY,
    account_id bigint NOT NULL REFERENCES account (id) ON DELETE CASCADE,
    created_at timestamptz NOT NULL DEFAULT now(),
    seen_at timestamptz NOT NULL DEFAULT now(),
    expires_at timestamptz NOT NULL
);
CREATE INDEX session_account ON session (account_id);

-- Every sign-in attempt, for rate limiting across all the server's processes.
CREATE TABLE login_attempt (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    account_id bigint REFERENCES account (id),  -- the account tried, when the email has one
    email text NOT NULL,
    address text NOT NULL,
    at timestamptz NOT NULL DEFAULT now(),
    ok boolean NOT NULL
);
CREATE INDEX login_attempt_email ON login_attempt (email, at);
CREATE INDEX login_attempt_address ON login_attempt (address, at);

-- A candidate lets a coach read their search, until a day or until revoked.
CREATE TABLE access_grant (
    candidate_id bigint NOT NULL REFERENCES account (id),
    coach_id bigint NOT NULL REFERENCES account (id),
    granted_at timestamptz NOT NULL DEFAULT now(),
    until date,
    PRIMARY KEY (candidate_id, coach_id),
    CHECK (candidate_id <> coach_id)
);
CREATE INDEX access_grant_coach ON access_grant (coach_id);

-- A comment on a candidate's opportunity, by a coach they granted access (or by themselves).
CREATE TABLE comment (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    account_id bigint NOT NULL,
    opportunity_id text NOT NULL,
    author_id bigint NOT NULL DEFAULT followup_actor() REFERENCES account (id),
    body text NOT NULL CHECK (length(body) BETWEEN 1 AND 4000),
    created_at timestamptz NOT NULL DEFAULT now(),
    FOREIGN KEY (account_id, opportunity_id) REFERENCES opportunity (account_id, id)
        ON DELETE CASCADE
);
CREATE INDEX comment_opportunity ON comment (account_id, opportunity_id, id);

-- Accounts, for the CLI's `followup users` and the admin: add, list, disable, set a password.
CREATE FUNCTION followup_account_add(p_email text, p_role text, p_hash text) RETURNS bigint
    LANGUAGE sql VOLATILE SECURITY DEFINER SET search_path = public, pg_temp
    AS $$
        INSERT INTO account (email, role, password_hash) VALUES (p_email, p_role, p_hash)
        RETURNING id
    $$;

CREATE FUNCTION followup_accounts()
    RETURNS TABLE (id bigint, email text, role text, created_at timestamptz,
                   disabled_at timestamptz, sessions bigint)
    LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp
    AS $$
        SELECT a.id, a.email, a.role, a.created_at, a.disabled_at,
               (SELECT count(*) FROM session s WHERE s.account_id = a.id AND s.expires_at > now())
        FROM account a ORDER BY a.email
    $$;

CREATE FUNCTION followup_account_named(p_email text)
    RETURNS TABLE (id bigint, role text, disabled boolean)
    LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp
    AS $$ SELECT id, role, disabled_at IS NOT NULL FROM account WHERE email = lower(p_email) $$;

-- Disabling ends every session of the account at once.
CREATE FUNCTION followup_account_disable(p_email text) RETURNS boolean
    LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = public, pg_temp
    AS $$
DECLARE
    found_id bigint;
BEGIN
    UPDATE account SET disabled_at = coalesce(disabled_at, now())
        WHERE email = lower(p_email) RETURNING id INTO found_id;
    IF found_id IS NULL THEN
        RETURN false;
    END IF;
    DELETE FROM session WHERE account_id = found_id;
    RETURN true;
END
$$;

-- A new password ends every session too (whoever had the old one is signed out).
CREATE FUNCTION followup_account_password(p_email text, p_hash text) RETURNS boolean
    LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = public, pg_temp
    AS $$
DECLARE
    found_id bigint;
BEGIN
    UPDATE account SET password_hash = p_hash WHERE email = lower(p_email)
        RETURNING id INTO found_id;
    IF found_id IS NULL THEN
        RETURN false;
    END IF;
    DELETE FROM session WHERE account_id = found_id;
    RETURN true;
END
$$;

-- Signing in: what the form's email names, and how many sign-ins failed lately for that email
-- and from that address (since their last success, within the window).
CREATE FUNCTION followup_login_facts(p_email text, p_address text, p_window interval)
    RETURNS TABLE (id bigint, role text, password_hash text, disabled boolean,
                   email_failures bigint, address_failures bigint)
    LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp
    AS $$
        SELECT a.id, a.role, a.password_hash, a.disabled_at IS NOT NULL,
            (SELECT count(*) FROM login_attempt f WHERE f.email = lower(p_email)
                AND NOT f.ok AND f.at > now() - p_window
                AND f.at > coalesce((SELECT max(s.at) FROM login_attempt s
                    WHERE s.email = lower(p_email) AND s.ok), '-infinity')),
            (SELECT count(*) FROM login_attempt f WHERE f.address = p_address
                AND NOT f.ok AND f.at > now() - p_window)
        FROM (SELECT 1) one LEFT JOIN account a ON a.email = lower(p_email)
    $$;

CREATE FUNCTION followup_login_record(p_email text, p_address text, p_ok boolean) RETURNS void
    LANGUAGE sql VOLATILE SECURITY DEFINER SET search_path = public, pg_temp
    AS $$
        INSERT INTO login_attempt (account_id, email, address, ok)
        SELECT (SELECT id FROM account WHERE email = lower(p_email)), lower(p_email), p_address,
               p_ok
    $$;

CREATE FUNCTION followup_session_open(p_account bigint, p_token bytea, p_lasts interval)
    RETURNS void
    LANGUAGE sql VOLATILE SECURITY DEFINER SET search_path = public, pg_temp
    AS $$
        INSERT INTO session (token_hash, account_id, expires_at)
        SELECT p_token, id, now() + p_lasts FROM account WHERE id = p_account
            AND disabled_at IS NULL
    $$;

-- The account of a session cookie, if the session is current: not past its end, used within
-- the idle time, its account not disabled. Notes the use at most once a minute.
CREATE FUNCTION followup_session_find(p_token bytea, p_idle interval)
    RETURNS TABLE (account_id bigint, email text, role text)
    LANGUAGE sql VOLATILE SECURITY DEFINER SET search_path = public, pg_temp
    AS $$
        WITH found AS (
            SELECT s.account_id, a.email, a.role, s.seen_at FROM session s
            JOIN account a ON a.id = s.account_id
            WHERE s.token_hash = p_token AND s.expires_at > now()
                AND s.seen_at > now() - p_idle AND a.disabled_at IS NULL
        ), noted AS (
            UPDATE session SET seen_at = now() WHERE token_hash = p_token
                AND seen_at < now() - interval '1 minute' AND EXISTS (SELECT 1 FROM found)
        )
        SELECT account_id, email, role FROM found
    $$;

CREATE FUNCTION followup_session_close(p_token bytea) RETURNS void
    LANGUAGE sql VOLATILE SECURITY DEFINER SET search_path = public, pg_temp
    AS $$ DELETE FROM session WHERE token_hash = p_token $$;

-- The calendar feed's address holds a secret token: whose feed it is.
CREATE FUNCTION followup_feed_account(p_token text) RETURNS bigint
    LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp
    AS $$
        SELECT s.account_id FROM secret s JOIN account a ON a.id = s.account_id
        WHERE s.name = 'calendar-feed' AND s.value = p_token AND a.disabled_at IS NULL
    $$;
