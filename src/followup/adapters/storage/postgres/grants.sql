-- What the application's role may do, granted again after every `followup db migrate` (so that
-- a table a migration adds is covered). Row-level security decides which rows; these decide
-- which tables and columns. `{app}` is the role, quoted.
GRANT USAGE ON SCHEMA public TO {app};
GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO {app};
GRANT USAGE ON ALL SEQUENCES IN SCHEMA public TO {app};
GRANT EXECUTE ON ALL FUNCTIONS IN SCHEMA public TO {app};
-- Accounts are read without their password hash; sessions and sign-in attempts only through
-- the SECURITY DEFINER functions; the migrations' record only read.
REVOKE ALL ON account, session, login_attempt, schema_migrations, server_secret FROM {app};
GRANT SELECT (id, email, role, created_at, disabled_at) ON account TO {app};
GRANT SELECT ON schema_migrations TO {app};
