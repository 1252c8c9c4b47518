-- Several dispatchers at once (`followup send` run as several processes).
--
-- A dispatcher takes a number and holds the advisory lock (class 2, that number) on a
-- connection of its own for as long as it runs; PostgreSQL releases the lock when the process
-- dies, however it dies. It claims one letter at a time with FOR UPDATE SKIP LOCKED, marking it
-- 'sending' with its number, and commits before handing it to the mail server. A letter found
-- 'sending' whose dispatcher holds no lock any more was interrupted between the two: it becomes
-- 'uncertain' and is never sent again by itself.

CREATE SEQUENCE dispatcher_number AS integer MINVALUE 1 CYCLE;

CREATE FUNCTION followup_claim_letter(p_due timestamptz, p_dispatcher integer, p_account bigint)
    RETURNS TABLE (account_id bigint, id bigint, opportunity_id text, step text, contact text,
                   to_name text, to_address text, subject text, body text, message_id text,
                   send_after timestamptz, status text, attempts integer, last_error text,
                   sent_at timestamptz)
    LANGUAGE sql VOLATILE SECURITY DEFINER SET search_path = public, pg_temp
    AS $$
        UPDATE outbox o SET status = 'sending', attempts = o.attempts + 1,
            claimed_by = p_dispatcher
        WHERE o.id = (
            SELECT q.id FROM outbox q
            WHERE q.status = 'queued' AND q.send_after <= p_due
                AND (p_account IS NULL OR q.account_id = p_account)
            ORDER BY q.send_after, q.id LIMIT 1
            FOR UPDATE SKIP LOCKED)
        RETURNING o.account_id, o.id, o.opportunity_id, o.step, o.contact, o.to_name,
            o.to_address, o.subject, o.body, o.message_id, o.send_after, o.status, o.attempts,
            o.last_error, o.sent_at
    $$;

CREATE FUNCTION followup_recover_letters(p_message text, p_account bigint) RETURNS integer
    LANGUAGE sql VOLATILE SECURITY DEFINER SET search_path = public, pg_temp
    AS $$
        WITH alive AS (
            SELECT l.objid::bigint AS number FROM pg_locks l
            WHERE l.locktype = 'advisory' AND l.granted AND l.classid = 2 AND l.objsubid = 2
                AND l.database = (SELECT oid FROM pg_database WHERE datname = current_database())
        ), lost AS (
            UPDATE outbox o SET status = 'uncertain', last_error = p_message
            WHERE o.status = 'sending' AND (p_account IS NULL OR o.account_id = p_account)
                AND (o.claimed_by IS NULL
                     OR o.claimed_by::bigint NOT IN (SELECT number FROM alive))
            RETURNING 1
        )
        SELECT count(*)::integer FROM lost
    $$;

REVOKE EXECUTE ON ALL FUNCTIONS IN SCHEMA public FROM PUBLIC;
