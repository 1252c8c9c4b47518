"""The storage interface of a shared server (PostgreSQL): accounts, sessions and coaches.

Apart from `services/storage.py` so that one person's commands (the agenda starts through the
storage interface) do not load what only an office's server uses.
"""

from __future__ import annotations

import abc
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta

from followup.domain.model import Candidate

# -- the shared server: accounts, sessions, coaches ---------------------------------------------

ROLES = ("candidate", "coach", "admin")


@dataclass(frozen=True, slots=True)
class Account:
    id: int
    email: str
    role: str  # candidate, coach, admin
    disabled: bool = False
    created_at: datetime | None = None
    sessions: int = 0


@dataclass(frozen=True, slots=True)
class LoginFacts:
    """What signing in with an email needs to know; `account` is None for an unknown email."""

    account: Account | None
    password_hash: str | None
    email_failures: int
    address_failures: int


@dataclass(frozen=True, slots=True)
class AccessGrant:
    candidate: str  # emails
    coach: str
    until: date | None


@dataclass(frozen=True, slots=True)
class Comment:
    id: int
    opportunity: str
    author: str  # email
    body: str
    created_at: datetime


@dataclass(frozen=True, slots=True)
class ClientFacts:
    """One candidate as their coach sees them at a glance (raw; services/coaching.py judges)."""

    account: int
    email: str
    name: str
    candidate: Candidate
    until: date | None  # when the grant ends
    today: date  # where the candidate lives
    overdue: int
    last_done: date | None
    open_replies: list[date]  # due days of reply touches still planned
    stages: dict[str, int] = field(default_factory=dict)


class Accounts(abc.ABC):
    """Accounts, sessions and coaching on a shared server. Each method is one transaction;
    those taking `actor` act as that account under the database's row-level security."""

    @abc.abstractmethod
    def add(self, email: str, role: str, password_hash: str) -> Account: ...

    @abc.abstractmethod
    def all(self) -> list[Account]: ...

    @abc.abstractmethod
    def named(self, email: str) -> Account | None: ...

    @abc.abstractmethod
    def disable(self, email: str) -> bool:
        """Disable the account and end its sessions at once; False if there is none."""

    @abc.abstractmethod
    def set_password(self, email: str, password_hash: str) -> bool:
        """A new password; ends the account's sessions. False if there is no such account."""

    @abc.abstractmethod
    def login_facts(self, email: str, address: str, window: timedelta) -> LoginFacts: ...

    @abc.abstractmethod
    def record_login(self, email: str, address: str, ok: bool) -> None: ...

    @abc.abstractmethod
    def open_session(self, account: int, token_hash: bytes, lasts: timedelta) -> None: ...

    @abc.abstractmethod
    def find_session(self, token_hash: bytes, idle: timedelta) -> Account | None:
        """The account of a current session (not ended, expired, idle, nor disabled)."""

    @abc.abstractmethod
    def close_session(self, token_hash: bytes) -> None: ...

    @abc.abstractmethod
    def feed_account(self, token: str) -> int | None:
        """Whose calendar feed that secret address is."""

    @abc.abstractmethod
    def server_secret(self, name: str, make: Callable[[], str]) -> str:
        """The whole server's secret of that name (not any one person's), made the first time
        it is asked for."""

    # coaching
    @abc.abstractmethod
    def grant(self, actor: int, coach: int, until: date | None) -> None: ...

    @abc.abstractmethod
    def revoke(self, actor: int, coach: int) -> bool: ...

    @abc.abstractmethod
    def grants(self, actor: int) -> list[AccessGrant]:
        """Those the actor gave (a candidate) or was given (a coach), current or not."""

    @abc.abstractmethod
    def client(self, actor: int, subject: int) -> Account | None:
        """That candidate, if the actor may read their search (a coach with a current grant)."""

    @abc.abstractmethod
    def clients(self, actor: int, now: datetime) -> list[ClientFacts]:
        """Every candidate whose grant to this coach is current, at a glance."""

    @abc.abstractmethod
    def comments(self, actor: int, subject: int, opportunity_id: str) -> list[Comment]: ...

    @abc.abstractmethod
    def add_comment(self, actor: int, subject: int, opportunity_id: str, body: str) -> Comment:
        """LookupError when the opportunity is not one the actor may read."""
