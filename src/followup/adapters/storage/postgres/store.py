"""The PostgreSQL store: the shared queries (`adapters/storage/sql.py`) over a connection pool,
each unit of work acting as one account.

Constructing a store connects to nothing. The first unit of work in a process checks, once,
that the database is reachable, that its schema is up to date, and that the role it connects as
is bound by row-level security (neither superuser, nor BYPASSRLS, nor the tables' owner); then
opens a pool. Each unit of work is one transaction on one pooled connection whose first
statement sets the acting account for that transaction only (`set_config(…, true)`): nothing of
it survives into the next transaction on the same connection.
"""

from __future__ import annotations

import contextlib
import os
import re
import threading
from collections.abc import Callable, Iterable, Iterator, Sequence
from datetime import datetime
from functools import lru_cache
from typing import TYPE_CHECKING, Any, ClassVar, TypeVar

import psycopg

from followup.adapters.storage.migrations import migration_names
from followup.adapters.storage.sql import (
    INTERRUPTED,
    Dialect,
    SqlUnitOfWork,
    numbered_placeholders,
    outbox_item,
)
from followup.domain.errors import BadInput, NotFound
from followup.services.storage import Dispatcher, OutboxItem, Store, StoreUnavailable

if TYPE_CHECKING:
    from psycopg_pool import ConnectionPool

    from followup.adapters.storage.postgres.accounts import PostgresAccounts
    from followup.adapters.storage.sql import Cursor

T = TypeVar("T")
MIGRATIONS = "followup.adapters.storage.postgres.migrations"
# Advisory lock classes (the two-key form): a write unit of work holds (1, account) so that one
# account's writes follow one another as on SQLite; a dispatcher holds (2, its number).
ACCOUNT_LOCK = 1
DISPATCHER_LOCK = 2
MIGRATION_LOCK = 3
CONNECT_TIMEOUT = 5  # seconds to reach the server before saying it is down
POOL_TIMEOUT = 5  # seconds a request waits for a pooled connection


class PostgresDialect(Dialect):
    name = "postgresql"
    skip_locked = " FOR UPDATE SKIP LOCKED"

    def sql(self, text: str) -> str:
        return _translate(text)

    def indexed_by(self, index: str) -> str:
        return ""

    def unindexed(self, column: str) -> str:
        return column


@lru_cache(maxsize=1024)
def _translate(text: str) -> str:
    """The shared SQL as psycopg takes it: `%s` placeholders, and `account_id` first in every
    ON CONFLICT key (each unique key of a person's data starts with it)."""
    return re.sub(r"ON CONFLICT \(", "ON CONFLICT (account_id, ", numbered_placeholders(text))


def describe(url: str) -> str:
    """The URL without its password, for messages."""
    try:
        parts = psycopg.conninfo.conninfo_to_dict(url)
    except psycopg.ProgrammingError:
        return "postgresql://…"
    user = f"{parts['user']}@" if parts.get("user") else ""
    host = str(parts.get("host") or "localhost")
    if host.startswith("/"):
        host = f"[{host}]"
    port = f":{parts['port']}" if parts.get("port") else ""
    return f"postgresql://{user}{host}{port}/{parts.get('dbname') or ''}"


def unavailable(location: str, error: BaseException, lost: bool = False) -> StoreUnavailable:
    """One line: PostgreSQL could not be reached, or the connection was lost mid-transaction
    (which the server then rolled back)."""
    text = str(error).strip()
    first = text.splitlines()[0] if text else type(error).__name__
    first = re.sub(r"^connection failed: ", "", first)
    if lost:
        return StoreUnavailable(
            f"database: the connection to PostgreSQL at {location} was lost ({first}); nothing "
            "was changed, try again in a moment",
            "database",
        )
    return StoreUnavailable(
        f"database: PostgreSQL at {location} is not reachable ({first}); nothing was changed",
        "database",
    )


class _Connections:
    """One pool per database and process, opened by the first unit of work after the checks."""

    _by_url: ClassVar[dict[str, _Connections]] = {}
    _guard = threading.Lock()

    def __init__(self, url: str) -> None:
        self.url = url
        self.location = describe(url)
        self._pool: ConnectionPool | None = None
        self._lock = threading.Lock()

    @classmethod
    def of(cls, url: str) -> _Connections:
        with cls._guard:
            found = cls._by_url.get(url)
            if found is None:
                found = cls._by_url[url] = _Connections(url)
            return found

    def connect(self) -> psycopg.Connection[Any]:
        """A connection of its own (the migrations, a dispatcher's lease)."""
        try:
            return psycopg.connect(self.url, **connection_options())
        except psycopg.OperationalError as error:
            raise unavailable(self.location, error) from None
        except psycopg.ProgrammingError as error:
            raise BadInput(f"--database: expected a valid postgresql:// URL ({error})") from None

    def pool(self) -> ConnectionPool:
        if self._pool is not None:
            return self._pool
        with self._lock:
            if self._pool is None:
                with self.connect() as first:
                    check_application_role(first, self.location)
                from psycopg_pool import ConnectionPool

                size = int(os.environ.get("FOLLOWUP_POOL_SIZE", "10"))
                self._pool = ConnectionPool(
                    self.url,
                    min_size=1,
                    max_size=max(1, size),
                    kwargs=connection_options(),
                    timeout=POOL_TIMEOUT,
                    name="followup",
                    open=True,
                )
            return self._pool

    def first(
        self, statement: Callable[[psycopg.Connection[Any]], T]
    ) -> tuple[psycopg.Connection[Any], T]:
        """A pooled connection, and what its first statement gave. A connection the server
        dropped while it waited in the pool (PostgreSQL restarted, an idle timeout) fails on
        that statement, before anything was done: it is thrown away and the pool checked, once.
        (Cheaper than checking every connection before use: a round trip a request saved.)"""
        pool = self.pool()
        for attempt in (1, 2):
            try:
                connection = pool.getconn()
            except Exception as error:  # PoolTimeout: no connection could be made
                raise unavailable(self.location, error) from None
            try:
                return connection, statement(connection)
            except psycopg.OperationalError as error:
                pool.putconn(connection)  # broken: the pool discards it
                if attempt == 2 or not connection.broken:
                    raise unavailable(self.location, error) from None
                pool.check()
            except BaseException:
                pool.putconn(connection)
                raise
        raise AssertionError("unreachable")  # pragma: no cover

    def run(self, statement: Callable[[psycopg.Connection[Any]], T]) -> T:
        """One statement on its own (autocommit), on a pooled connection."""
        connection, result = self.first(statement)
        self.pool().putconn(connection)
        return result

    def close(self) -> None:
        with self._lock:
            if self._pool is not None:
                self._pool.close()
                self._pool = None


def close_pools(url: str | None = None) -> None:
    """Close the pool of one database (or of all) in this process; a later unit of work opens a
    new one."""
    with _Connections._guard:
        chosen = [url] if url is not None else list(_Connections._by_url)
        found = [_Connections._by_url.pop(u) for u in chosen if u in _Connections._by_url]
    for connections in found:
        connections.close()


def connection_options() -> dict[str, Any]:
    return {
        "autocommit": True,  # transactions are begun and ended explicitly, one per unit of work
        "connect_timeout": CONNECT_TIMEOUT,
        # JIT compiling costs tens of milliseconds and pays off only on long analytic queries;
        # row-level security's ANY(array) conditions make the planner's estimates high enough to
        # trigger it on a person's dozen rows.
        "options": "-c TimeZone=UTC -c statement_timeout=60000 "
        "-c idle_in_transaction_session_timeout=600000 -c jit=off",
        "application_name": "followup",
    }


def check_application_role(connection: psycopg.Connection[Any], location: str) -> None:
    """Refuse a role that row-level security does not bind, and a schema behind this version."""
    row = connection.execute(
        "SELECT current_user, r.rolsuper, r.rolbypassrls, "
        "(SELECT tableowner FROM pg_tables WHERE schemaname = 'public' "
        "AND tablename = 'opportunity') FROM pg_roles r WHERE r.rolname = current_user"
    ).fetchone()
    assert row is not None
    user, superuser, bypass, owner = row
    see = "connect as the application's role (see docs/server.md)"
    if superuser or bypass:
        kind = "a superuser" if superuser else "a role with BYPASSRLS"
        raise BadInput(
            f"--database: connected as {user}, {kind}, whom row-level security does not bind; {see}"
        )
    if owner is None:
        raise BadInput(
            f"--database: {location} has no Followup tables yet; run `followup --database "
            "OWNER-URL db migrate` as the database's owner (see docs/server.md)"
        )
    if owner == user:
        raise BadInput(
            f"--database: connected as {user}, the owner of Followup's tables, whom row-level "
            f"security does not bind; {see}"
        )
    applied = {r[0] for r in connection.execute("SELECT name FROM schema_migrations")}
    needed = migration_names(MIGRATIONS)
    missing = [name for name in needed if name not in applied]
    if missing:
        raise BadInput(
            f"--database: {location} lacks migration {missing[0]} (of {needed[-1]}); run "
            "`followup --database OWNER-URL db migrate` as the database's owner"
        )


class PostgresStore(Store):
    """One database for many people. `user` (an email) or `account` names who acts; `subject`
    whose data is read, when a coach reads a client's."""

    def __init__(
        self,
        url: str,
        user: str | None = None,
        *,
        account: int | None = None,
        subject: int | str | None = None,
        roles: tuple[str, ...] = ("candidate",),
    ) -> None:
        self._url = url
        self._user = user
        self._account = account
        self._subject = subject
        self._roles = roles

    @property
    def location(self) -> str:
        return describe(self._url)

    @property
    def connections(self) -> _Connections:
        return _Connections.of(self._url)

    def acting_as(self, account: int, subject: int | str | None = None) -> PostgresStore:
        return PostgresStore(self._url, account=account, subject=subject)

    def accounts(self) -> PostgresAccounts:
        from followup.adapters.storage.postgres.accounts import PostgresAccounts

        return PostgresAccounts(self.connections)

    def account_id(self) -> int:
        """The acting account: given, or found from `--user` the first time it is needed."""
        if self._account is None:
            self._account = self._find_user()
        return self._account

    def _find_user(self) -> int:
        if not self._user:
            raise BadInput(
                f"--user: expected the email of the account to act as ({self.location} "
                "serves many people; or set FOLLOWUP_USER)",
                "--user",
            )
        found = self.accounts().named(self._user)
        if found is None:
            raise NotFound("--user", "account", self._user.lower())
        if found.disabled:
            raise BadInput(f"--user: the account {found.email} is disabled", "--user")
        if found.role not in self._roles:
            raise BadInput(
                f"--user: {found.email} is a {found.role}; expected a "
                f"{' or '.join(self._roles)} account for this command",
                "--user",
            )
        return found.id

    def unit_of_work(self, readonly: bool = False) -> PostgresUnitOfWork:
        account = self.account_id()
        connections = self.connections
        begin = begin_statement(account, self._subject, readonly)
        connection, _ = connections.first(lambda c: c.execute(begin))
        return PostgresUnitOfWork(connection, connections.pool(), self.location, account)

    @contextlib.contextmanager
    def dispatcher(self) -> Iterator[Dispatcher]:
        from followup.adapters.storage.postgres.dispatch import Lease

        account = self.account_id() if (self._user or self._account) else None
        with Lease(self, account) as lease:
            yield lease

    def migrate(self, app_role: str, plan: Any = None) -> list[str]:
        """Bring the schema up to date and grant `app_role` what it needs (run as the owner);
        `plan` plans again what a migration merges (adapters/storage/refold.py)."""
        from followup.adapters.storage.postgres.setup import migrate_database

        with self.connections.connect() as connection:
            return migrate_database(connection, app_role, self.location, plan=plan)


class PostgresUnitOfWork(SqlUnitOfWork):
    dialect: ClassVar[Dialect] = PostgresDialect()

    def __init__(
        self,
        connection: psycopg.Connection[Any],
        pool: ConnectionPool,
        location: str,
        account: int,
    ) -> None:
        """On a connection whose transaction `begin_statement` began."""
        super().__init__(connection)
        self._pool = pool
        self._location = location
        self._account = account
        self._open = True

    @property
    def account(self) -> int:
        return self._account

    def _guarded(self, run: Any) -> Any:
        try:
            return run()
        except psycopg.OperationalError as error:
            self._open = False
            raise unavailable(self._location, error, lost=True) from None

    def _q(self, sql: str, params: Sequence[Any] = ()) -> Cursor:
        translated = self.dialect.sql(sql)
        result: Cursor = self._guarded(lambda: self._db.execute(translated, tuple(params)))
        return result

    def _many(self, sql: str, rows: Iterable[Sequence[Any]]) -> None:
        batch = [tuple(r) for r in rows]
        if batch:
            translated = self.dialect.sql(sql)
            self._guarded(lambda: self._db.cursor().executemany(translated, batch))

    def commit(self) -> None:
        if self._open:
            self._guarded(lambda: self._db.execute("COMMIT"))
            self._open = False

    def rollback(self) -> None:
        if self._open:
            self._open = False
            with contextlib.suppress(psycopg.Error):
                self._db.execute("ROLLBACK")

    def close(self) -> None:
        if self._db is not None:
            self._pool.putconn(self._db)
            self._db = None

    # The dispatchers' side of the outbox is `dispatcher()`: it knows which are alive.
    def claim_next(self, now: datetime) -> OutboxItem | None:
        raise NotImplementedError("on PostgreSQL letters are claimed through store.dispatcher()")

    def recover_interrupted(self) -> int:
        (found,) = self._q(
            "SELECT followup_recover_letters(?, ?)", (INTERRUPTED, self._account)
        ).fetchone()
        return int(found)


def begin_statement(account: int, subject: int | str | None, readonly: bool) -> bytes:
    """One round trip: the transaction, the acting account and whose data it reads (for this
    transaction only: set_config(..., true)) and, for a writer, the account's lock. The values
    are an integer and a quoted literal."""
    seen = "" if subject is None else str(subject)
    lock = "" if readonly else f", pg_advisory_xact_lock({ACCOUNT_LOCK}, {int(account)})"
    begin = "BEGIN READ ONLY" if readonly else "BEGIN"
    return (
        f"{begin}; SELECT set_config('followup.account', '{int(account)}', true), "
        f"set_config('followup.subject', {_literal(seen)}, true){lock}"
    ).encode()


def _literal(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


def claimed_item(row: Sequence[Any]) -> OutboxItem:
    """A row of followup_claim_letter(): the account first, then the outbox columns."""
    return outbox_item(row[1:])
