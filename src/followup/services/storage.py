"""The storage interface the use cases are written against.

SQLite implements it for one candidate's machine; PostgreSQL will for a shared server. A use case
opens one unit of work, does its reads and writes, and commits once: either everything it changed
is stored, or nothing is.
"""

from __future__ import annotations

import abc
import contextlib
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date, datetime
from types import TracebackType

from followup.domain.errors import FollowupError
from followup.domain.model import Candidate, Opportunity, Touch
from followup.domain.people import Person

TYPE_CHECKING = False  # typing is not loaded at start-up (the agenda starts through here)
if TYPE_CHECKING:  # the history's types load only for the pages and commands that count
    from followup.domain.progress import Funnel, History
    from followup.domain.replies.model import Reply  # loaded by what reads replies
    from followup.services.office import Accounts  # a shared server's; not loaded by the agenda


class StoreUnavailable(FollowupError):
    """The database cannot be reached (down, restarting, the network lost): nothing was changed,
    the transaction under way was rolled back."""

    exit_code = 3
    http_status = 503


@dataclass(frozen=True, slots=True)
class TouchRow:
    """A stored touch with the company it belongs to, as read for the plan and the agenda."""

    touch: Touch
    company: str


@dataclass(frozen=True, slots=True)
class OpportunitySummary:
    """One opportunity as a list shows it, with its next touch."""

    id: str
    company: str
    role: str
    policy: str
    stage: str
    next_touch: Touch | None


@dataclass(frozen=True, slots=True)
class AgendaRows:
    """The agenda's touches, overdue, due today and coming, each with how many more there are."""

    overdue: list[TouchRow]
    overdue_more: int
    today: list[TouchRow]
    today_more: int
    upcoming: list[TouchRow]
    upcoming_more: int


@dataclass(frozen=True, slots=True)
class OutboxItem:
    """A letter approved for sending, and where it is on its way."""

    id: int
    opportunity: str
    step: str
    contact: str
    to_name: str
    to_address: str
    subject: str
    body: str
    message_id: str
    send_after: datetime  # UTC
    status: str  # queued, sending, sent, uncertain, failed, cancelled
    attempts: int = 0
    last_error: str | None = None
    sent_at: datetime | None = None
    # The due date of the touch the letter was approved for ("" when none was planned): with
    # opportunity, step and contact it names the letter, so approving twice queues it once.
    due: str = ""


@dataclass(frozen=True, slots=True)
class PersonRow:
    """A person of the address book with the id the store gave them."""

    id: int
    person: Person


@dataclass(frozen=True, slots=True)
class InvitationRecord:
    """Which interview an invitation (by its iCalendar UID) became, at which SEQUENCE, how long
    the event was, and whether it was cancelled since."""

    uid: str
    opportunity_id: str
    interview_id: str
    sequence: int
    minutes: int = 0
    cancelled: bool = False


class UnitOfWork(abc.ABC):
    """One transaction. Leaving the `with` block without `commit()` rolls everything back."""

    def __enter__(self) -> UnitOfWork:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.rollback()
        self.close()

    @abc.abstractmethod
    def commit(self) -> None: ...

    @abc.abstractmethod
    def rollback(self) -> None: ...

    def close(self) -> None:  # noqa: B027 - optional hook
        """Release the connection; the default keeps nothing open."""

    # candidate
    @abc.abstractmethod
    def get_candidate(self) -> Candidate | None: ...

    @abc.abstractmethod
    def save_candidate(self, candidate: Candidate) -> None: ...

    # opportunities
    @abc.abstractmethod
    def get_opportunity(self, opportunity_id: str) -> Opportunity | None: ...

    @abc.abstractmethod
    def opportunity_ids(self) -> list[str]: ...

    @abc.abstractmethod
    def save_opportunity(self, opportunity: Opportunity) -> None:
        """Insert or replace the whole opportunity (interviews, contacts, events)."""

    @abc.abstractmethod
    def summaries(self) -> list[OpportunitySummary]: ...

    @abc.abstractmethod
    def revision(self) -> int:
        """A number that changes whenever an opportunity or a person met changes."""

    @abc.abstractmethod
    def directory(self) -> list[tuple[str, str, list[str]]]:
        """(opportunity id, company, names of everyone met) for every opportunity: what the
        letter check needs to notice a letter meant for someone else."""

    # touches
    @abc.abstractmethod
    def replace_plan(self, opportunity_id: str, touches: list[Touch], stage: str) -> None:
        """Store the opportunity's new plan and the stage it puts the opportunity in."""

    @abc.abstractmethod
    def snooze(
        self, opportunity_id: str, step: str, contact: str, due: date, until: date, reason: str
    ) -> None:
        """Show that touch from `until` on; kept across re-planning."""

    @abc.abstractmethod
    def plan(self, opportunity_id: str | None = None) -> Iterator[TouchRow]:
        """Stored touches of one opportunity or of all: by opportunity, due, then as planned."""

    # outbox and inbox
    @abc.abstractmethod
    def queue(self, item: OutboxItem) -> int:
        """Add an approved letter (its id is given by the store)."""

    @abc.abstractmethod
    def waiting_letter(
        self, opportunity_id: str, step: str, contact: str, due: str
    ) -> OutboxItem | None:
        """The letter already approved for that touch and not yet sent (queued or sending)."""

    @abc.abstractmethod
    def update_letter(self, item_id: int, subject: str, body: str) -> None:
        """New text for a letter that is still queued."""

    @abc.abstractmethod
    def claim_next(self, now: datetime) -> OutboxItem | None:
        """The next queued letter whose time has come, marked 'sending' (one more attempt)."""

    @abc.abstractmethod
    def set_outbox_status(
        self, item_id: int, status: str, error: str | None = None, sent_at: datetime | None = None
    ) -> None: ...

    @abc.abstractmethod
    def recover_interrupted(self) -> int:
        """Letters left 'sending' by a dispatcher that stopped: 'uncertain'. How many."""

    @abc.abstractmethod
    def outbox(self, statuses: tuple[str, ...] = ()) -> list[OutboxItem]: ...

    @abc.abstractmethod
    def sent_with_ids(self, message_ids: list[str]) -> OutboxItem | None:
        """The sent letter one of these Message-IDs belongs to."""

    @abc.abstractmethod
    def contacts_by_email(self) -> dict[str, list[tuple[str, str]]]:
        """Every known address, lowercased: [(opportunity id, contact name)]."""

    @abc.abstractmethod
    def secret(self, name: str, make: Callable[[], str]) -> str:
        """The secret of that name, made (and stored) the first time it is asked for."""

    @abc.abstractmethod
    def inbox_cursor(self, mailbox: str) -> tuple[int, int] | None:
        """(UIDVALIDITY, last UID handled) for a mailbox, if it was read before."""

    @abc.abstractmethod
    def set_inbox_cursor(self, mailbox: str, uidvalidity: int, last_uid: int) -> None: ...

    # replies read (what they say, the event they propose)
    @abc.abstractmethod
    def add_reply(self, reply: Reply) -> int | None:
        """Keep a reply as read; its id, or None when that message was kept before (the same
        opportunity and `Reply.identity`)."""

    @abc.abstractmethod
    def replies(
        self,
        opportunity_id: str | None = None,
        status: str | None = None,
        contact: str | None = None,
    ) -> list[Reply]:
        """Replies kept, newest first: of one opportunity (and contact) or all, with one proposal
        status or any."""

    @abc.abstractmethod
    def get_reply(self, reply_id: int) -> Reply | None: ...

    @abc.abstractmethod
    def set_reply_status(self, reply_id: int, status: str, decided_at: datetime) -> None:
        """Confirm or dismiss what a reply proposed."""

    @abc.abstractmethod
    def agenda(self, on: date, until: date, limit: int) -> AgendaRows:
        """Planned touches due before `on`, on it, and after it up to `until` (at most `limit` of
        each, with how many more there are)."""

    # history, for `followup stats`, the Progress page and the charts
    @abc.abstractmethod
    def history(self, since: date, today: date) -> History:
        """The touches and messages of the days `since` to `today`, tallied as `History`
        says (the same as `domain.progress.history_of` over every touch and reply event)."""

    @abc.abstractmethod
    def due_per_day(self, start: date, end: date) -> dict[date, int]:
        """How many planned touches show on each day from `start` to `end` (days with none are
        left out)."""

    @abc.abstractmethod
    def funnel(self) -> Funnel:
        """How far the opportunities got (see `Funnel`)."""

    # the address book
    @abc.abstractmethod
    def person_by_email(self, key: str) -> PersonRow | None:
        """The person one of whose addresses folds to `key` (see `domain.people.email_key`)."""

    @abc.abstractmethod
    def people_named(
        self,
        name_key: str,
        company_key: str | None,
        without_email: bool = False,
        limit: int = 10,
    ) -> list[PersonRow]:
        """People whose folded name and company (None: any company) are these, only those with
        no address if asked, oldest first, at most `limit`."""

    @abc.abstractmethod
    def save_person(self, person_id: int | None, person: Person) -> int:
        """Insert (no id) or replace a person with all their addresses; returns the id."""

    @abc.abstractmethod
    def delete_person(self, person_id: int) -> None:
        """Remove a person (merged into another) with their addresses."""

    @abc.abstractmethod
    def people(self, contains: str = "", limit: int | None = None) -> Iterator[PersonRow]:
        """People by folded name (then as added); with `contains`, only those whose folded name
        contains that folded text."""

    # invitations
    @abc.abstractmethod
    def invitation(self, uid: str) -> InvitationRecord | None: ...

    @abc.abstractmethod
    def save_invitation(self, record: InvitationRecord) -> None: ...


@dataclass(frozen=True, slots=True)
class Claim:
    """A letter a dispatcher claimed, and the store acting as the account it belongs to."""

    item: OutboxItem
    store: Store
    account: int = 0


class Dispatcher(abc.ABC):
    """The sending side of the outbox, held by one running `followup send`."""

    @abc.abstractmethod
    def recover_interrupted(self) -> int:
        """Letters left 'sending' by a dispatcher that stopped: 'uncertain'. How many."""

    @abc.abstractmethod
    def claim_next(self, now: datetime) -> Claim | None:
        """The next queued letter whose time has come, marked 'sending' (one more attempt) in a
        transaction of its own, committed before it is handed to the mail server."""


class _OneStoreDispatcher(Dispatcher):
    """Where one person's data is the whole store: its own units of work claim and recover (the
    caller makes sure only one dispatcher runs)."""

    def __init__(self, store: Store) -> None:
        self.store = store

    def recover_interrupted(self) -> int:
        with self.store.unit_of_work() as uow:
            found = uow.recover_interrupted()
            uow.commit()
        return found

    def claim_next(self, now: datetime) -> Claim | None:
        with self.store.unit_of_work() as uow:
            item = uow.claim_next(now)
            uow.commit()
        return Claim(item, self.store) if item else None


class Store(abc.ABC):
    """Where the data lives; opens units of work. Constructing one connects to nothing."""

    @abc.abstractmethod
    def unit_of_work(self, readonly: bool = False) -> UnitOfWork:
        """A new transaction; `readonly` ones never block writers."""

    @property
    @abc.abstractmethod
    def location(self) -> str:
        """Where the data is, for messages (a file path or a URL without its password)."""

    def changes(self) -> int | None:
        """A number that moves whenever anything is committed to the store, by any process;
        read before the data it vouches for. None where the store cannot tell (nothing is then
        kept between use cases on its account)."""
        return None

    def accounts(self) -> Accounts | None:
        """The accounts of a shared server; None where the store is one person's (SQLite)."""
        return None

    def acting_as(self, account: int, subject: int | str | None = None) -> Store:
        """The same database, each unit of work acting as `account` and reading the data of
        `subject` (a client of that coach, or 'clients': all of them); shared servers only."""
        raise NotImplementedError("this store holds one person's data")

    @contextlib.contextmanager
    def dispatcher(self) -> Iterator[Dispatcher]:
        """The outbox's sending side, for as long as one `followup send` runs."""
        yield _OneStoreDispatcher(self)
