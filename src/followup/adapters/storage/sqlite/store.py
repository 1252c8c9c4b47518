"""The SQLite store. Constructing it opens nothing; each unit of work opens a connection,
brings the schema up to date the first time, and holds one transaction.

Its queries are the ones PostgreSQL runs too (`adapters/storage/sql.py`): write new storage
methods there."""

from __future__ import annotations

import _thread
import os
import sqlite3
from os import PathLike

from followup.adapters.storage.migrations import data_step, migration_names
from followup.adapters.storage.migrations import migrate as run_migrations
from followup.adapters.storage.sql import SqlUnitOfWork
from followup.domain.errors import BadInput, Busy, FollowupError, StorageFailed
from followup.services.storage import Store

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any

    from followup.adapters.storage.migrations import Migration
    from followup.adapters.storage.refold import Plan

MIGRATIONS = "followup.adapters.storage.sqlite.migrations"
# Waiting longer for another writer only makes a person (or a web request) wait for nothing:
# a few seconds covers any one use case's write; past that, say so and let them retry.
BUSY_TIMEOUT = 3.0


def storage_error(error: sqlite3.Error, path: str) -> FollowupError | None:
    """What an SQLite failure means to the person: one line, by its error code; None for an
    error that is the program's own (a statement that does not fit the schema), kept as is."""
    code = getattr(error, "sqlite_errorcode", None)
    base = (code or 0) & 0xFF
    if base in (sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED):
        return Busy(
            f"database: {path} is busy (another Followup is writing to it); try again in a moment"
        )
    if base == sqlite3.SQLITE_READONLY:
        return StorageFailed(
            f"database: {path} is read-only; expected a file Followup may write to"
        )
    if base == sqlite3.SQLITE_FULL:
        return StorageFailed(f"database: the disk holding {path} is full; nothing was changed")
    if base in (sqlite3.SQLITE_CANTOPEN, sqlite3.SQLITE_PERM, sqlite3.SQLITE_AUTH):
        return StorageFailed(f"database: {path} cannot be opened ({error})")
    if base == sqlite3.SQLITE_IOERR:
        return StorageFailed(f"database: {path} could not be read or written ({error})")
    if base in (sqlite3.SQLITE_NOTADB, sqlite3.SQLITE_CORRUPT):
        return BadInput(f"--database: expected a Followup SQLite database at {path!r} ({error})")
    return None


class _Connection(sqlite3.Connection):
    """A connection whose failures are one line for the person, not a traceback."""

    path = ""

    def execute(self, *args: Any, **kwargs: Any) -> sqlite3.Cursor:
        try:
            return super().execute(*args, **kwargs)
        except sqlite3.DatabaseError as error:
            raise _translated(error, self.path) from None

    def executemany(self, *args: Any, **kwargs: Any) -> sqlite3.Cursor:
        try:
            return super().executemany(*args, **kwargs)
        except sqlite3.DatabaseError as error:
            raise _translated(error, self.path) from None


def _translated(error: sqlite3.Error, path: str) -> BaseException:
    return storage_error(error, path) or error


class SqliteStore(Store):
    def __init__(
        self, path: str | PathLike[str], upto: str | None = None, plan: Plan | None = None
    ) -> None:
        self._path = os.fspath(path)
        self._upto = upto  # tests make databases as an earlier version did
        self._plan = plan  # how a migration that merges opportunities plans them again
        self._migrated = False
        self._watch: sqlite3.Connection | None = None  # changes(): a connection that only reads
        self._watch_lock = _thread.allocate_lock()  # _thread: threading is not loaded here

    @property
    def location(self) -> str:
        return self._path

    def migrate(self) -> list[str]:
        """Bring the file's schema up to date now; the names of the migrations applied."""
        connection = self._connect(migrate_now=False)
        try:
            applied = migrate(connection, self._upto, self._plan)
        finally:
            connection.close()
        self._migrated = True
        return applied

    def changes(self) -> int | None:
        """SQLite's data_version, read on a connection of its own that writes nothing: it moves
        whenever any other connection (this process's units of work, another Followup) commits."""
        if self._path == ":memory:":
            return None
        with self._watch_lock:
            if self._watch is None:
                if not self._migrated:
                    return None  # not opened yet: nothing read could be vouched for
                self._watch = sqlite3.connect(
                    self._path, isolation_level=None, check_same_thread=False
                )
            return int(self._watch.execute("PRAGMA data_version").fetchone()[0])

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
            connection = sqlite3.connect(
                self._path, isolation_level=None, timeout=BUSY_TIMEOUT, factory=_Connection
            )
        except sqlite3.Error as error:
            raise _translated(error, self._path) from None
        connection.path = self._path
        try:
            connection.execute("PRAGMA foreign_keys = ON")
            if not self._migrated:
                # Before anything is written (tables, the journal mode): whose file is it?
                check_ownership(connection, self._path)
            if connection.execute("PRAGMA journal_mode").fetchone()[0] != "wal":
                connection.execute("PRAGMA journal_mode = WAL")
            connection.execute("PRAGMA synchronous = NORMAL")
            if migrate_now and not self._migrated:
                if self._upto is not None or not is_current(connection):
                    migrate(connection, self._upto, self._plan)
                self._migrated = True
        except sqlite3.DatabaseError as error:  # not a database, or not one Followup can read
            connection.close()
            raise BadInput(
                f"--database: expected a Followup SQLite database at {self._path!r} ({error})"
            ) from None
        except BaseException:
            connection.close()
            raise
        return connection


def is_current(connection: sqlite3.Connection) -> bool:
    """Whether every migration is applied: one read, no write (a read-only command on an
    up-to-date database migrates nothing, and takes no write lock to find out)."""
    try:
        done = {row[0] for row in connection.execute("SELECT name FROM schema_migrations")}
    except sqlite3.OperationalError:  # no such table: a new database
        return False
    return done >= set(migration_names(MIGRATIONS))


def check_ownership(connection: sqlite3.Connection, path: str) -> None:
    """Refuse another program's database, and one made by a newer Followup, changing nothing."""
    tables = [
        row[0]
        for row in connection.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' "
            "ORDER BY name"
        )
    ]
    if not tables:
        return  # a new, empty file: it becomes Followup's
    if "schema_migrations" not in tables:
        shown = ", ".join(tables[:6]) + (", …" if len(tables) > 6 else "")
        raise BadInput(
            f"--database: {path} is another program's SQLite database (tables: {shown}); "
            "expected a Followup database or a new file"
        )
    known = set(migration_names(MIGRATIONS))
    newer = sorted(
        row[0]
        for row in connection.execute("SELECT name FROM schema_migrations")
        if row[0] not in known
    )
    if newer:
        raise BadInput(
            f"--database: {path} was made by a newer Followup (it has migration {newer[-1]}); "
            "upgrade Followup to open it"
        )


class _SqliteTarget:
    def __init__(self, connection: sqlite3.Connection, plan: Plan | None = None) -> None:
        self._db = connection
        self._plan = plan

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
            step = data_step(migration.name)
            if step is not None:
                step(self._db.execute, postgres=False, plan=self._plan)
            self._db.execute("INSERT INTO schema_migrations (name) VALUES (?)", (migration.name,))
            self._db.execute("COMMIT")
        except BaseException:
            self._db.execute("ROLLBACK")
            raise
        return True


def migrate(
    connection: sqlite3.Connection, upto: str | None = None, plan: Plan | None = None
) -> list[str]:
    """Apply every migration not yet applied (up to `upto`), each in its own transaction."""
    return run_migrations(MIGRATIONS, _SqliteTarget(connection, plan), upto)


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
