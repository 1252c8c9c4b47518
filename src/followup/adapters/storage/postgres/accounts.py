"""Accounts, sessions and coaching on PostgreSQL.

What must look past row-level security (signing in, a session's account, the list of accounts)
calls the narrow SECURITY DEFINER functions of migration 0002; everything a person does (grants,
comments, a coach's view of their clients) runs as that person, under row-level security.
"""

from __future__ import annotations

import contextlib
import json
from collections.abc import Callable, Iterator
from datetime import date, datetime, timedelta
from typing import TYPE_CHECKING, Any

import psycopg

from followup.adapters.storage.postgres.store import begin_statement, unavailable
from followup.domain.model import Candidate
from followup.services.office import (
    AccessGrant,
    Account,
    Accounts,
    ClientFacts,
    Comment,
    LoginFacts,
)

if TYPE_CHECKING:
    from followup.adapters.storage.postgres.store import _Connections


class PostgresAccounts(Accounts):
    def __init__(self, connections: _Connections) -> None:
        self._connections = connections

    def _rows(self, sql: str, params: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
        """One statement on its own (a SECURITY DEFINER function, mostly): its rows."""
        return self._connections.run(lambda c: c.execute(sql, params).fetchall())

    @contextlib.contextmanager
    def _as(
        self, actor: int, subject: int | str | None = None, readonly: bool = True
    ) -> Iterator[psycopg.Connection[Any]]:
        """A transaction acting as `actor`, reading `subject`'s data, under row-level security
        (begun as every unit of work is: store.begin_statement)."""
        begin = begin_statement(actor, subject, readonly)
        connection, _ = self._connections.first(lambda c: c.execute(begin))
        try:
            yield connection
            connection.execute("COMMIT")
        except psycopg.OperationalError as error:
            raise unavailable(self._connections.location, error, lost=True) from None
        except BaseException:
            with contextlib.suppress(psycopg.Error):
                connection.execute("ROLLBACK")
            raise
        finally:
            self._connections.pool().putconn(connection)

    # -- accounts ---------------------------------------------------------------------------
    def add(self, email: str, role: str, password_hash: str) -> Account:
        ((new_id,),) = self._rows(
            "SELECT followup_account_add(%s, %s, %s)", (email.lower(), role, password_hash)
        )
        return Account(int(new_id), email.lower(), role)

    def all(self) -> list[Account]:
        rows = self._rows("SELECT * FROM followup_accounts()")
        return [Account(r[0], r[1], r[2], r[4] is not None, r[3], int(r[5])) for r in rows]

    def named(self, email: str) -> Account | None:
        rows = self._rows("SELECT * FROM followup_account_named(%s)", (email,))
        return (
            Account(int(rows[0][0]), email.lower(), rows[0][1], bool(rows[0][2])) if rows else None
        )

    def disable(self, email: str) -> bool:
        ((done,),) = self._rows("SELECT followup_account_disable(%s)", (email,))
        return bool(done)

    def set_password(self, email: str, password_hash: str) -> bool:
        ((done,),) = self._rows("SELECT followup_account_password(%s, %s)", (email, password_hash))
        return bool(done)

    # -- signing in ---------------------------------------------------------------------------
    def login_facts(self, email: str, address: str, window: timedelta) -> LoginFacts:
        (row,) = self._rows(
            "SELECT * FROM followup_login_facts(%s, %s, %s)", (email, address, window)
        )
        account = None
        if row[0] is not None:
            account = Account(int(row[0]), email.lower(), row[1], bool(row[3]))
        return LoginFacts(account, row[2], int(row[4]), int(row[5]))

    def record_login(self, email: str, address: str, ok: bool) -> None:
        self._rows("SELECT followup_login_record(%s, %s, %s)", (email, address, ok))

    def open_session(self, account: int, token_hash: bytes, lasts: timedelta) -> None:
        self._rows("SELECT followup_session_open(%s, %s, %s)", (account, token_hash, lasts))

    def find_session(self, token_hash: bytes, idle: timedelta) -> Account | None:
        rows = self._rows("SELECT * FROM followup_session_find(%s, %s)", (token_hash, idle))
        return Account(int(rows[0][0]), rows[0][1], rows[0][2]) if rows else None

    def close_session(self, token_hash: bytes) -> None:
        self._rows("SELECT followup_session_close(%s)", (token_hash,))

    def feed_account(self, token: str) -> int | None:
        ((found,),) = self._rows("SELECT followup_feed_account(%s)", (token,))
        return int(found) if found is not None else None

    def server_secret(self, name: str, make: Callable[[], str]) -> str:
        ((value,),) = self._rows("SELECT followup_server_secret(%s, %s)", (name, make()))
        return str(value)

    # -- coaching -------------------------------------------------------------------------------
    def grant(self, actor: int, coach: int, until: date | None) -> None:
        with self._as(actor, readonly=False) as connection:
            connection.execute(
                "INSERT INTO access_grant (candidate_id, coach_id, until) VALUES (%s, %s, %s) "
                "ON CONFLICT (candidate_id, coach_id) DO UPDATE SET until = excluded.until, "
                "granted_at = now()",
                (actor, coach, until),
            )

    def revoke(self, actor: int, coach: int) -> bool:
        with self._as(actor, readonly=False) as connection:
            return (
                connection.execute(
                    "DELETE FROM access_grant WHERE candidate_id = %s AND coach_id = %s",
                    (actor, coach),
                ).rowcount
                > 0
            )

    def grants(self, actor: int) -> list[AccessGrant]:
        with self._as(actor) as connection:
            rows = connection.execute(
                "SELECT c.email, k.email, g.until FROM access_grant g "
                "JOIN account c ON c.id = g.candidate_id JOIN account k ON k.id = g.coach_id "
                "ORDER BY c.email, k.email"
            ).fetchall()
        return [AccessGrant(r[0], r[1], r[2]) for r in rows]

    def client(self, actor: int, subject: int) -> Account | None:
        with self._as(actor, subject) as connection:
            row = connection.execute(
                "SELECT a.id, a.email, a.role FROM account a WHERE a.id = %s "
                "AND a.id = ANY (followup_readable()) AND a.role = 'candidate'",
                (subject,),
            ).fetchone()
        return Account(int(row[0]), row[1], row[2]) if row else None

    def clients(self, actor: int, now: datetime) -> list[ClientFacts]:
        with self._as(actor, "clients") as connection:
            rows = connection.execute(_CLIENTS, {"now": now, "actor": actor}).fetchall()
        out = []
        for r in rows:
            candidate = Candidate(
                name=r[2] or "",
                timezone=r[3] or "UTC",
                country=r[4],
                subdivision=r[5],
                weekmask=r[6] or "1111100",
            )
            out.append(
                ClientFacts(
                    account=int(r[0]),
                    email=r[1],
                    name=r[2] or "",
                    candidate=candidate,
                    until=r[7],
                    today=r[8],
                    overdue=int(r[9]),
                    last_done=r[10],
                    open_replies=list(r[11] or []),
                    stages=dict(json.loads(r[12]) if isinstance(r[12], str) else (r[12] or {})),
                )
            )
        return out

    def comments(self, actor: int, subject: int, opportunity_id: str) -> list[Comment]:
        with self._as(actor, subject) as connection:
            rows = connection.execute(
                "SELECT c.id, c.opportunity_id, a.email, c.body, c.created_at FROM comment c "
                "JOIN account a ON a.id = c.author_id "
                "WHERE c.account_id = %s AND c.opportunity_id = %s ORDER BY c.id",
                (subject, opportunity_id),
            ).fetchall()
        return [Comment(*r) for r in rows]

    def add_comment(self, actor: int, subject: int, opportunity_id: str, body: str) -> Comment:
        with self._as(actor, subject, readonly=False) as connection:
            found = connection.execute(
                "SELECT 1 FROM opportunity WHERE account_id = %s AND id = %s",
                (subject, opportunity_id),
            ).fetchone()
            if found is None:
                raise LookupError(opportunity_id)
            row = connection.execute(
                "INSERT INTO comment (account_id, opportunity_id, body) VALUES (%s, %s, %s) "
                "RETURNING id, opportunity_id, "
                "(SELECT email FROM account WHERE id = followup_actor()), body, created_at",
                (subject, opportunity_id, body),
            ).fetchone()
        assert row is not None
        return Comment(*row)


# Every current client of the acting coach, at a glance; row-level security (subject 'clients')
# lets this one query read exactly those candidates' rows.
_CLIENTS = """
SELECT a.id, a.email, c.name, c.timezone, c.country, c.subdivision, c.weekmask, g.until,
    here.today,
    (SELECT count(*) FROM touch t WHERE t.account_id = a.id AND t.status = 'planned'
        AND t.show_on < here.today),
    (SELECT max(t.done_on) FROM touch t WHERE t.account_id = a.id AND t.status = 'done'),
    (SELECT array_agg(t.due ORDER BY t.due) FROM touch t WHERE t.account_id = a.id
        AND t.status = 'planned' AND t.step = 'reply'),
    (SELECT json_object_agg(s.stage, s.n) FROM (SELECT o.stage, count(*) AS n
        FROM opportunity o WHERE o.account_id = a.id GROUP BY o.stage) s)
FROM access_grant g
JOIN account a ON a.id = g.candidate_id
LEFT JOIN candidate c ON c.account_id = a.id
CROSS JOIN LATERAL (
    SELECT (%(now)s::timestamptz AT TIME ZONE coalesce(c.timezone, 'UTC'))::date AS today
) here
WHERE g.coach_id = %(actor)s AND (g.until IS NULL OR g.until >= current_date)
ORDER BY a.email
"""
