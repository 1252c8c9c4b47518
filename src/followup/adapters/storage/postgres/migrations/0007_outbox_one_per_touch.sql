-- Approving is idempotent (SQLite's 0010): a letter keeps the due date of the touch it was
-- approved for, and while it waits (queued or sending) an account has at most one letter for the
-- same opportunity, step, person and due date, so approving twice never sends twice. The
-- dispatchers' claim returns the due date with the rest of the letter.
ALTER TABLE outbox ADD COLUMN due text;
CREATE UNIQUE INDEX outbox_one_per_touch ON outbox (account_id, opportunity_id, step, contact, due)
    WHERE status IN ('queued', 'sending') AND due IS NOT NULL;

DROP FUNCTION followup_claim_letter(timestamptz, integer, bigint);
CREATE FUNCTION followup_claim_letter(p_due timestamptz, p_dispatcher integer, p_account bigint)
    RETURNS TABLE (account_id bigint, id bigint, opportunity_id text, step text, contact text,
                   to_name text, to_address text, subject text, body text, message_id text,
                   send_after timestamptz, status text, attempts integer, last_error text,
                   sent_at timestamptz, due text)
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
            o.last_error, o.sent_at, coalesce(o.due, '')
    $$;
