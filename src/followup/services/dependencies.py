"""What every use case is given: the store, the calendar and policy sources, the clock, the
file readers and the locks.

`bootstrap.py` wires the real ones; unit tests wire fakes. Nothing here connects or reads files
until a use case asks, and importing it loads no more than a dataclass: `followup agenda` starts
through here (its start-up is measured in bench/startup_bench.py).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, date, datetime

TYPE_CHECKING = False  # the typing module is not loaded at start-up
if TYPE_CHECKING:
    from collections.abc import Callable
    from contextlib import AbstractContextManager
    from typing import Any, Protocol

    from followup.domain.calendar import BusinessCalendar
    from followup.domain.cards import BusinessCard
    from followup.domain.letters.check import LetterChecker
    from followup.domain.model import Candidate
    from followup.domain.policy import Policy
    from followup.domain.replies.classify import ReplyClassifier
    from followup.services.ports import Locks, Reader
    from followup.services.storage import Store

    class PolicyBook(Protocol):
        def get(self, name: str, field: str = "policy") -> Policy:
            """The policy of that name; NotFound naming `field` when there is none."""
            ...

        def names(self) -> list[str]: ...

    class Renderer(Protocol):
        def render(self, kind: str, variables: dict[str, Any]) -> str: ...

    class CardReader(Protocol):
        def __call__(self, photo: bytes, region: str | None, field: str) -> BusinessCard:
            """The card in the photo; `region`: the country of numbers written without `+`."""
            ...

    CalendarFactory = Callable[[Candidate], BusinessCalendar]

    class Passwords(Protocol):
        """Hashing account passwords (a shared server's); only hashes are stored."""

        def hash(self, password: str) -> str: ...

        def verify(self, password_hash: str | None, password: str) -> bool:
            """True when it matches; takes as long when there is no hash to match."""
            ...


def _utc_now() -> datetime:
    return datetime.now(UTC)


def _no_card_reader() -> CardReader:
    raise NotImplementedError("no business-card reader is wired into these services")


def _no_renderer() -> Renderer:
    raise NotImplementedError("no letter templates are wired into these services")


def _signed_in() -> str | None:
    return None


def _no_checker() -> LetterChecker:
    raise NotImplementedError("no letter check is wired into these services")


def _no_readers() -> tuple[Reader, ...]:
    return ()


def _process_lock(name: str, busy: str) -> AbstractContextManager[None]:
    from followup.services.ports import process_lock

    return process_lock(name, busy)


def _email_shape(value: str, field: str) -> None:
    from followup.domain.validation import check_email_shape

    check_email_shape(value, field)


def _shipped_classifier() -> ReplyClassifier:
    """The rules that ship with Followup, until bootstrap wires the user's additions."""
    from followup.domain.replies.classify import shipped_classifier

    return shipped_classifier()


def _no_passwords() -> Passwords:
    raise NotImplementedError("no password hashing is wired into these services")


@dataclass
class Dependencies:
    """The ports every use case runs on: where the data is, the calendars, the policies, the
    clock, the letter check and the templates. Wired once in `bootstrap.py`, or with fakes."""

    store: Store
    calendars: CalendarFactory
    policies: PolicyBook
    clock: Callable[[], datetime] = field(default=_utc_now)
    # Built on first use: loading the spell checker and templates costs time a plan never needs.
    checker: Callable[[], LetterChecker] = field(default=_no_checker)
    renderer: Callable[[], Renderer] = field(default=_no_renderer)
    # The readers of each kind of file `import` takes, the dossier last (services/imports.py);
    # built when an import asks, so other commands never load them.
    readers: Callable[[], tuple[Reader, ...]] = field(default=_no_readers)
    # Named locks, across processes where the adapter can (the one-dispatcher rule).
    lock: Locks = field(default=_process_lock)
    # What reads replies (built on first use: compiling its rules takes a few milliseconds).
    classifier: Callable[[], ReplyClassifier] = field(default=_shipped_classifier)
    # Why sending and reading mail are stopped until the candidate signs in to the mailbox
    # again (an OAuth2 sign-in revoked or expired), or None.
    mail_sign_in: Callable[[], str | None] = field(default=_signed_in)
    # Reads business cards; built on first use (its OCR networks take half a second to load).
    card_reader: Callable[[], CardReader] = field(default=_no_card_reader)
    passwords: Callable[[], Passwords] = field(default=_no_passwords)
    # Checks one email address (value, field), raising InvalidField: a real validator
    # (email-validator) in bootstrap, the domain's shape check otherwise.
    check_email: Callable[[str, str], None] = field(default=_email_shape)
    # What is worth keeping between use cases in one process (the letter check's directory),
    # each entry with the store revision it was made at.
    cache: dict[str, tuple[int, Any]] = field(default_factory=dict)

    def today(self, candidate: Candidate | None) -> date:
        """Today's date where the candidate lives (UTC until they say where that is)."""
        now = self.clock()
        if candidate is None or candidate.timezone == "UTC":
            return now.astimezone(UTC).date()
        from zoneinfo import ZoneInfo

        return now.astimezone(ZoneInfo(candidate.timezone)).date()
