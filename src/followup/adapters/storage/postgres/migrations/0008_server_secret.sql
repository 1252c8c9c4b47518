-- The office's own keys (signing the web's CSRF tokens: services/keys.py), one per purpose for
-- the whole server, so that every worker process signs alike. Not a person's data: read and made
-- only through this SECURITY DEFINER function (grants.sql revokes the table from the app's role).
CREATE TABLE server_secret (
    name text PRIMARY KEY,
    value text NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now()
);
-- row security on and forced like every table (0003): only the owner's policy, so the rows are
-- reached through the function below alone
SELECT followup_protect('server_secret');

CREATE FUNCTION followup_server_secret(p_name text, p_value text) RETURNS text
    LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = public, pg_temp
    AS $$
    BEGIN
        INSERT INTO server_secret (name, value) VALUES (p_name, p_value)
            ON CONFLICT (name) DO NOTHING;
        RETURN (SELECT value FROM server_secret WHERE name = p_name);
    END
    $$;
REVOKE EXECUTE ON FUNCTION followup_server_secret(text, text) FROM PUBLIC;
