"""Several dispatchers at once on PostgreSQL.

A running `followup send` takes a number and holds an advisory lock on it, on a connection of
its own, until it ends; when the process dies the server drops the connection and the lock with
it. Letters are claimed one at a time (`FOR UPDATE SKIP LOCKED`, so dispatchers never wait for
each other or take the same letter) and marked with the claimer's number; recovery marks
'uncertain' only the letters whose claimer no longer holds its lock. See migration 0004.
"""

from __future__ import annotations

from datetime import datetime
from types import TracebackType
from typing import TYPE_CHECKING, Any

import psycopg

from followup.adapters.storage.postgres.store import (
    DISPATCHER_LOCK,
    claimed_item,
    unavailable,
)
from followup.adapters.storage.sql import INTERRUPTED
from followup.services.storage import Claim, Dispatcher

if TYPE_CHECKING:
    from followup.adapters.storage.postgres.store import PostgresStore


class Lease(Dispatcher):
    """One dispatcher's life: its number, held locked for as long as it runs."""

    def __init__(self, store: PostgresStore, account: int | None) -> None:
        self._store = store
        self._account = account  # only this account's letters (`--user`), else everyone's
        self._lease: psycopg.Connection[Any] | None = None
        self.number = 0
        self._stores: dict[int, PostgresStore] = {}

    def __enter__(self) -> Lease:
        connections = self._store.connections
        connections.pool()  # the checks on the application role and the schema, once
        self._lease = connections.connect()
        try:
            (self.number,) = self._run(
                self._lease,
                "SELECT nextval('dispatcher_number')::integer",
            ).fetchone()
            self._run(
                self._lease, "SELECT pg_advisory_lock(%s, %s)", (DISPATCHER_LOCK, self.number)
            )
        except BaseException:
            self._lease.close()
            raise
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        if self._lease is not None:
            self._lease.close()  # and with it the lock
            self._lease = None

    def _run(self, connection: psycopg.Connection[Any], query: str, params: Any = ()) -> Any:
        try:
            return connection.execute(query, params)
        except psycopg.OperationalError as error:
            raise unavailable(self._store.location, error) from None

    def recover_interrupted(self) -> int:
        ((found,),) = self._store.connections.run(
            lambda c: c.execute(
                "SELECT followup_recover_letters(%s, %s)", (INTERRUPTED, self._account)
            ).fetchall()
        )
        return int(found)

    def claim_next(self, now: datetime) -> Claim | None:
        rows = self._store.connections.run(
            lambda c: c.execute(
                "SELECT * FROM followup_claim_letter(%s, %s, %s)",
                (now, self.number, self._account),
            ).fetchall()
        )
        row = rows[0] if rows else None
        if row is None:
            return None
        account = int(row[0])
        store = self._stores.get(account)
        if store is None:
            store = self._stores[account] = self._store.acting_as(account)
        return Claim(claimed_item(row), store, account)
