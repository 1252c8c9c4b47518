-- Isolation held by the database: row-level security, ENABLEd and FORCEd on every table.
--
-- Each unit of work sets, for its transaction only (set_config(..., true)):
--   followup.account  the account acting;
--   followup.subject  whose data it reads: empty for its own, a candidate's id (a coach reading
--                     one client), or 'clients' (a coach's view of every client at once).
-- A transaction reads the rows of the accounts followup_readable() names, and writes only rows
-- of the account acting. The application's role is neither superuser, nor BYPASSRLS, nor the
-- tables' owner; the owner has a policy of its own, used only by the SECURITY DEFINER functions
-- (signing in, sessions, the dispatchers' claims) and by the migrations.

CREATE FUNCTION followup_readable() RETURNS bigint[]
    LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp
    AS $$
        WITH me AS (
            SELECT followup_actor() AS actor,
                   coalesce(current_setting('followup.subject', true), '') AS subject
        )
        SELECT CASE
            WHEN me.actor IS NULL THEN '{}'::bigint[]
            WHEN me.subject IN ('', me.actor::text) THEN ARRAY[me.actor]
            WHEN me.subject = 'clients' THEN ARRAY(
                SELECT g.candidate_id FROM access_grant g
                WHERE g.coach_id = me.actor AND (g.until IS NULL OR g.until >= current_date)
                ORDER BY 1)
            ELSE ARRAY(
                SELECT g.candidate_id FROM access_grant g
                WHERE g.coach_id = me.actor AND g.candidate_id::text = me.subject
                    AND (g.until IS NULL OR g.until >= current_date))
        END
        FROM me
    $$;

-- A table of a person's data: its rows belong to `account_id`. Every later migration that adds
-- such a table calls this on it.
CREATE FUNCTION followup_own_rows(t text) RETURNS void
    LANGUAGE plpgsql
    AS $$
BEGIN
    EXECUTE format('CREATE POLICY reads ON %I FOR SELECT '
                   'USING (account_id = ANY ((SELECT followup_readable())::bigint[]))', t);
    EXECUTE format('CREATE POLICY adds ON %I FOR INSERT '
                   'WITH CHECK (account_id = (SELECT followup_actor()))', t);
    EXECUTE format('CREATE POLICY changes ON %I FOR UPDATE '
                   'USING (account_id = (SELECT followup_actor())) '
                   'WITH CHECK (account_id = (SELECT followup_actor()))', t);
    EXECUTE format('CREATE POLICY removes ON %I FOR DELETE '
                   'USING (account_id = (SELECT followup_actor()))', t);
    PERFORM followup_protect(t);
END
$$;

-- Any table: row security on, and forced (it binds the owner too, but for the owner's own
-- policy, named for the role that runs the migrations).
CREATE FUNCTION followup_protect(t text) RETURNS void
    LANGUAGE plpgsql
    AS $$
BEGIN
    EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
    EXECUTE format('ALTER TABLE %I FORCE ROW LEVEL SECURITY', t);
    EXECUTE format('CREATE POLICY owner ON %I TO %I USING (true) WITH CHECK (true)',
                   t, current_user);
END
$$;

SELECT followup_own_rows(t) FROM unnest(ARRAY['candidate', 'opportunity', 'interview',
    'participant', 'event', 'touch', 'snooze', 'revision', 'outbox', 'inbox_cursor',
    'secret']) AS t;

-- An account's own row; the candidates a coach reads; the coaches a candidate granted.
CREATE POLICY reads ON account FOR SELECT USING (
    id = (SELECT followup_actor())
    OR id = ANY ((SELECT followup_readable())::bigint[])
    OR id IN (SELECT coach_id FROM access_grant WHERE candidate_id = (SELECT followup_actor())));

-- A candidate manages the grants they give; a coach sees those given to them.
CREATE POLICY reads ON access_grant FOR SELECT USING (
    candidate_id = (SELECT followup_actor()) OR coach_id = (SELECT followup_actor()));
CREATE POLICY adds ON access_grant FOR INSERT
    WITH CHECK (candidate_id = (SELECT followup_actor()));
CREATE POLICY changes ON access_grant FOR UPDATE
    USING (candidate_id = (SELECT followup_actor()))
    WITH CHECK (candidate_id = (SELECT followup_actor()));
CREATE POLICY removes ON access_grant FOR DELETE
    USING (candidate_id = (SELECT followup_actor()));

-- Comments: read by whoever may read the opportunity; written by their author, on an
-- opportunity they may read; removed by their author.
CREATE POLICY reads ON comment FOR SELECT
    USING (account_id = ANY ((SELECT followup_readable())::bigint[]));
CREATE POLICY adds ON comment FOR INSERT WITH CHECK (
    author_id = (SELECT followup_actor()) AND account_id = ANY ((SELECT followup_readable())::bigint[]));
CREATE POLICY removes ON comment FOR DELETE USING (author_id = (SELECT followup_actor()));

-- Sessions and sign-in attempts: no policy for the application at all.

SELECT followup_protect(t) FROM unnest(ARRAY['account', 'access_grant', 'comment', 'session',
    'login_attempt']) AS t;

-- Functions are callable by everyone unless said otherwise: only the application's role may
-- (granted by `followup db migrate`).
REVOKE EXECUTE ON ALL FUNCTIONS IN SCHEMA public FROM PUBLIC;
