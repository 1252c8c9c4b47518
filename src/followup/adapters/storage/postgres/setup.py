"""Bringing a PostgreSQL database up to date, as its owner: the numbered migrations (the shared
runner, each in its own transaction) and the application role's grants."""

from __future__ import annotations

from importlib import resources
from typing import Any

import psycopg
from psycopg import sql

from followup.adapters.storage.migrations import Migration, data_step
from followup.adapters.storage.migrations import migrate as run_migrations
from followup.domain.errors import BadInput

MIGRATIONS = "followup.adapters.storage.postgres.migrations"
MIGRATION_LOCK = 3  # advisory lock class: one migrating process at a time


class PostgresTarget:
    def __init__(self, connection: psycopg.Connection[Any], plan: Any = None) -> None:
        self._db = connection
        self._plan = plan  # how a migration that merges opportunities plans them again

    def applied(self) -> set[str]:
        with self._db.transaction():  # two processes creating it at once would collide
            self._db.execute("SELECT pg_advisory_xact_lock(%s, 0)", (MIGRATION_LOCK,))
            self._db.execute(
                "CREATE TABLE IF NOT EXISTS schema_migrations "
                "(name text PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())"
            )
        return {row[0] for row in self._db.execute("SELECT name FROM schema_migrations")}

    def apply(self, migration: Migration) -> bool:
        with self._db.transaction():
            # a second process migrating at the same time waits here, then finds it done
            self._db.execute("SELECT pg_advisory_xact_lock(%s, 0)", (MIGRATION_LOCK,))
            if self._db.execute(
                "SELECT 1 FROM schema_migrations WHERE name = %s", (migration.name,)
            ).fetchone():
                return False
            # the whole file at once: PostgreSQL's functions hold `;` in their bodies
            self._db.execute(migration.sql.encode())
            step = data_step(migration.name)
            if step is not None:
                step(self._db.execute, postgres=True, plan=self._plan)
            self._db.execute("INSERT INTO schema_migrations (name) VALUES (%s)", (migration.name,))
        return True


def migrate_database(
    connection: psycopg.Connection[Any],
    app_role: str,
    location: str,
    upto: str | None = None,
    plan: Any = None,
) -> list[str]:
    """Apply what is missing, then grant `app_role` (which must be bound by row-level security)
    its privileges. Run as the owner of the database's tables."""
    connection.autocommit = True
    role = connection.execute(
        "SELECT rolsuper, rolbypassrls FROM pg_roles WHERE rolname = %s", (app_role,)
    ).fetchone()
    if role is None:
        raise BadInput(
            f"--app-role: no role {app_role!r} in {location}; create it first: "
            f"CREATE ROLE {app_role} LOGIN PASSWORD '…' (see docs/server.md)",
            "--app-role",
        )
    if role[0] or role[1]:
        raise BadInput(
            f"--app-role: {app_role} is a superuser or has BYPASSRLS: row-level security would "
            "not bind it; expected an ordinary role",
            "--app-role",
        )
    current = connection.execute("SELECT current_user").fetchone()
    if current is not None and current[0] == app_role:
        raise BadInput(
            f"--app-role: {app_role} is the role migrating (the tables' owner); expected "
            "another role for the application",
            "--app-role",
        )
    applied = run_migrations(MIGRATIONS, PostgresTarget(connection, plan), upto)
    grants = (resources.files(__package__) / "grants.sql").read_text(encoding="utf-8")
    statement = sql.SQL(grants).format(app=sql.Identifier(app_role))
    with connection.transaction():  # two processes granting at once would collide too
        connection.execute("SELECT pg_advisory_xact_lock(%s, 0)", (MIGRATION_LOCK,))
        connection.execute(statement)
    return applied
