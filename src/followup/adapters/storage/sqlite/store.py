"""The SQLite store. Constructing it opens nothing; each unit of work opens a connection,
brings the schema up to date the first time, and holds one transaction.

Its queries are the ones PostgreSQL runs too (`adapters/storage/sql.py`): write new storage
methods there."""

from __future__ import annotations

import os
import sqlite3
from os import PathLike

from followup.adapters.storage.migrations import migrate as run_migrations
from followup.adapters.storage.migrations import migration_names
from followup.adapters.storage.sql import SqlUnitOfWork
from followup.domain.errors import BadInput
from followup.services.storage import Store

TYPE_CHECKING = False
if TYPE_CHECKING:
    from followup.adapters.storage.migrations import Migration

MIGRATIONS = "followup.adapters.storage.sqlite.migrations"


class SqliteStore(Store):
    def __init__(self, path: str | PathLike[str], upto: str | None = None) -> None:
        self._path = os.fspath(path)
        self._upto = upto  # tests make databases as an earlier version did
        self._migrated = False

    @property
    def location(self) -> str:
        return self._path

    def migrate(self) -> list[str]:
        """Bring the file's schema up to date now; the names of the migrations applied."""
        connection = self._connect(migrate_now=False)
        try:
            applied = migrate(connection, self._upto)
        finally:
            connection.close()
        self._migrated = True
        return applied

    def unit_of_work(self, readonly: bool = False) -> SqliteUnitOfWork:
        connection = self._connect()
        return SqliteUnitOfWork(connection, readonly)

    def _connect(self, migrate_now: bool = True) -> sqlite3.Connection:
        if self._path != ":memory:":
            folder = os.path.dirname(os.path.expanduser(self._path)) or "."
            if not os.path.isdir(folder):
                raise BadInput(
                    f"--database: expected a file in an existing folder, {folder!r} does not exist"
                )
        try:
            connection = sqlite3.connect(self._path, isolation_level=None, timeout=30)
            connection.execute("PRAGMA foreign_keys = ON")
            if connection.execute("PRAGMA journal_mode").fetchone()[0] != "wal":
                connection.execute("PRAGMA journal_mode = WAL")
            connection.execute("PRAGMA synchronous = NORMAL")
            if migrate_now and not self._migrated:
                if self._upto is not None or not is_current(connection):
                    migrate(connection, self._upto)
                self._migrated = True
        except sqlite3.DatabaseError as error:
            raise BadInput(
                f"--database: expected a Followup SQLite database at {self._path!r} ({error})"
            ) from None
        return connection


def is_current(connection: sqlite3.Connection) -> bool:
    """Whether every migration is applied: one read, no write (a read-only command on an
    up-to-date database migrates nothing, and takes no write lock to find out)."""
    try:
        done = {row[0] for row in connection.execute("SELECT name FROM schema_migrations")}
    except sqlite3.OperationalError:  # no such table: a new database
        return False
    return done >= set(migration_names(MIGRATIONS))


class _SqliteTarget:
    def __init__(self, connection: sqlite3.Connection) -> None:
        self._db = connection

    def applied(self) -> set[str]:
        self._db.execute(
            "CREATE TABLE IF NOT EXISTS schema_migrations "
            "(name TEXT PRIMARY KEY, applied_at TEXT NOT NULL DEFAULT (datetime('now')))"
        )
        return {row[0] for row in self._db.execute("SELECT name FROM schema_migrations")}

    def apply(self, migration: Migration) -> bool:
        self._db.execute("BEGIN IMMEDIATE")  # the write lock: a second process waits here
        try:
            if migration.name in self.applied():  # another process got there first
                self._db.execute("ROLLBACK")
                return False
            for statement in migration.statements():
                self._db.execute(statement)
            self._db.execute("INSERT INTO schema_migrations (name) VALUES (?)", (migration.name,))
            self._db.execute("COMMIT")
        except BaseException:
            self._db.execute("ROLLBACK")
            raise
        return True


def migrate(connection: sqlite3.Connection, upto: str | None = None) -> list[str]:
    """Apply every migration not yet applied (up to `upto`), each in its own transaction."""
    return run_migrations(MIGRATIONS, _SqliteTarget(connection), upto)


class SqliteUnitOfWork(SqlUnitOfWork):
    """The shared queries (`adapters/storage/sql.py`) on one SQLite connection."""

    def __init__(self, connection: sqlite3.Connection, readonly: bool = False) -> None:
        super().__init__(connection)
        self._db.execute("BEGIN" if readonly else "BEGIN IMMEDIATE")

    def commit(self) -> None:
        if self._db.in_transaction:
            self._db.execute("COMMIT")

    def rollback(self) -> None:
        if self._db.in_transaction:
            self._db.execute("ROLLBACK")

    def close(self) -> None:
        self._db.close()
