"""Replies: a message from the hiring side stops the chasing (002: answer it the same day).

A message whose In-Reply-To or References names a letter Followup sent, or whose sender is a
known contact, becomes a `reply` event at the time it came, which plans the reply and cancels
what DESIGN says. Automatic replies (out of office and the like) are not replies. Each matched
message is also read for what it says (`services/replies.py`): an invitation, a rejection or an
offer proposes an event that the candidate confirms.
"""

from __future__ import annotations

import copy
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace
from datetime import datetime, timedelta
from typing import Protocol
from zoneinfo import ZoneInfo

from followup.domain.errors import InvalidField
from followup.domain.model import Candidate, Event, Opportunity
from followup.domain.validation import EARLIEST, LATEST
from followup.services.dependencies import Dependencies
from followup.services.ports import NoProgress, Progress
from followup.services.recording import record_event
from followup.services.replies import keep_reply
from followup.services.storage import UnitOfWork

AUTOMATIC_SUBJECTS = (
    "out of office",
    "automatic reply",
    "auto:",
    "autoreply",
    "auto-reply",
    "away from the office",
    "abwesenheitsnotiz",
    "réponse automatique",
    "respuesta automática",
    "undeliverable",
    "delivery status notification",
)


@dataclass(frozen=True, slots=True)
class Incoming:
    """What Followup reads of a message: its headers, and the first part of its text."""

    sender: str  # the address, lowercased
    references: tuple[str, ...]  # In-Reply-To and References, as Message-IDs
    sent_at: datetime | None
    subject: str = ""
    automatic: bool = False  # Auto-Submitted, X-Autoreply, Precedence: auto_reply, …
    text: str = ""  # the body as text, quotes and all (bounded by the reader)
    message_id: str = ""
    # The headers that mark automatic mail, by lowercase name (and the sender, as "from"), for
    # the classifier to weigh.
    marks: tuple[tuple[str, str], ...] = ()
    received_at: datetime | None = None  # when it arrived, by the mailbox (not the sender)
    where: str = ""  # which message, for a reason it was skipped (`new/1700…`, `UID 17`)
    problem: str | None = None  # why it could not be read at all

    @property
    def is_automatic(self) -> bool:
        subject = self.subject.strip().lower()
        return self.automatic or any(subject.startswith(s) for s in AUTOMATIC_SUBJECTS)


@dataclass(frozen=True, slots=True)
class InboxReport:
    read: int
    replies: int
    automatic: int
    proposals: int = 0  # events proposed by what replies say, for the candidate to confirm
    skipped: tuple[tuple[str, str], ...] = ()  # (which message, why)


# A sender's clock may be off by hours, not days: a Date: further after the message's arrival
# is not true; one long before it (a year) is not either — the arrival time stands for both.
SKEW = timedelta(days=1)
STALE = timedelta(days=365)


def _bounded(moment: datetime | None) -> datetime | None:
    """A time Followup can reckon with (2000–2099, aware), else as good as none."""
    if moment is None or moment.tzinfo is None:
        return None
    return moment if EARLIEST <= moment.date() <= LATEST else None


def moment_of(message: Incoming, now: datetime) -> tuple[datetime | None, str]:
    """When the message came: its Date: when that is believable, else its arrival time (the
    mailbox's own clock, not the sender's); None, with the reason, when neither is known."""
    sent, arrived = _bounded(message.sent_at), _bounded(message.received_at)
    if arrived is not None:
        if sent is None or not arrived - STALE <= sent <= arrived + SKEW:
            return arrived, ""
        return sent, ""
    if sent is None:
        return None, "no date it was sent or arrived"
    if sent > now + SKEW:
        return None, f"dated {sent.date().isoformat()}, in the future"
    return sent, ""


def record_replies(
    deps: Dependencies, messages: Iterable[Incoming], uow: UnitOfWork | None = None
) -> InboxReport:
    """Turn replies into events, in one unit of work (the caller's, when it keeps a cursor
    with them)."""
    if uow is None:
        with deps.store.unit_of_work() as own:
            report = record_replies(deps, messages, own)
            own.commit()
            return report
    candidate = uow.get_candidate() or Candidate()
    zone = ZoneInfo(candidate.timezone)
    addresses: dict[str, list[tuple[str, str]]] | None = None
    changed: dict[str, Opportunity] = {}
    read = replies = automatic = proposals = 0
    skipped: list[tuple[str, str]] = []
    now = deps.clock()
    for message in messages:
        read += 1
        if message.problem:
            skipped.append((message.where, message.problem))
            continue
        if message.is_automatic:
            automatic += 1
        target = None
        letter = uow.sent_with_ids(list(message.references))
        if letter is not None:
            target = (letter.opportunity, letter.contact)
        else:
            if addresses is None:
                addresses = uow.contacts_by_email()
            known = addresses.get(message.sender)
            if known:
                target = _most_recent(uow, known, changed)
        if target is None:
            continue
        moment, why = moment_of(message, now)
        if moment is None:
            skipped.append((message.where, why))
            continue
        message = replace(message, sent_at=moment)  # the time it came, as believed
        opportunity = changed.get(target[0]) or uow.get_opportunity(target[0])
        if opportunity is None:
            continue
        local = moment.astimezone(zone)
        first = opportunity.first_interview()
        if first is not None and local.date() < first.date:  # it cannot answer a follow-up
            skipped.append(
                (
                    message.where,
                    f"sent {local.date().isoformat()}, before the first interview of "
                    f"{opportunity.id} ({first.date.isoformat()})",
                )
            )
            continue
        # What the message says: kept with the event it proposes, for the candidate to confirm.
        # An automatic answer is no reply, but may still carry a decision made for the sender.
        kept = keep_reply(deps, uow, opportunity.id, target[1], message, message.is_automatic)
        if kept is not None and kept.proposal is not None:
            proposals += 1
        if message.is_automatic:
            continue
        event = Event(
            local.date(),
            "reply",
            contact=target[1],
            time=local.time().replace(second=0, microsecond=0, tzinfo=None),
        )
        if any(e.identity == event.identity for e in opportunity.events):
            continue  # read before (an mbox imported twice)
        before = copy.deepcopy(opportunity)
        try:
            record_event(deps, uow, opportunity, event)
        except InvalidField as error:  # one message's trouble never stops the others
            changed[opportunity.id] = before
            skipped.append((message.where, str(error)))
            continue
        changed[opportunity.id] = opportunity
        replies += 1
    return InboxReport(read, replies, automatic, proposals, tuple(skipped))


def _most_recent(
    uow: UnitOfWork, known: list[tuple[str, str]], changed: dict[str, Opportunity]
) -> tuple[str, str] | None:
    """A sender met for several jobs: the opportunity with the latest interview."""
    best = None
    best_day = None
    for opportunity_id, name in known:
        opportunity = changed.get(opportunity_id) or uow.get_opportunity(opportunity_id)
        if opportunity is None:
            continue
        latest = max((iv.date for iv in opportunity.interviews), default=None)
        if best is None or (latest and (best_day is None or latest > best_day)):
            best, best_day = (opportunity_id, name), latest
    return best


class Mailbox(Protocol):
    """A mailbox read with a cursor (adapters/mail/imap.py): it yields messages, and stores
    nothing."""

    name: str

    def new_messages(
        self, cursor: tuple[int, int] | None
    ) -> tuple[int, Iterator[tuple[int, int, Incoming | None]]]:
        """How many came after the cursor (UIDVALIDITY, last UID), and each as (UIDVALIDITY,
        UID, the message or None when it has no headers)."""
        ...


def poll_inbox(
    deps: Dependencies, mailbox: Mailbox, progress: Progress | None = None
) -> InboxReport:
    """Read what came since the last poll. Each message is recorded and the cursor moved past
    it in one unit of work: a failure never skips a message, nor reads one twice."""
    progress = progress or NoProgress()
    with deps.store.unit_of_work(readonly=True) as uow:
        cursor = uow.inbox_cursor(mailbox.name)
    count, messages = mailbox.new_messages(cursor)
    progress.start("reading", count)
    read = replies = automatic = proposals = 0
    skipped: list[tuple[str, str]] = []
    for validity, uid, message in messages:
        with deps.store.unit_of_work() as uow:
            report = record_replies(deps, [message], uow) if message is not None else None
            uow.set_inbox_cursor(mailbox.name, validity, uid)
            uow.commit()
        read += 1
        if report is not None:
            replies += report.replies
            automatic += report.automatic
            proposals += report.proposals
            skipped.extend(report.skipped)
        progress.advance()
    progress.finish()
    return InboxReport(read, replies, automatic, proposals, tuple(skipped))


def import_replies(
    deps: Dependencies, messages: Iterable[Incoming], progress: Progress | None = None
) -> InboxReport:
    """Read replies from a mail file (an mbox, a Maildir), all in one unit of work."""
    progress = progress or NoProgress()
    progress.start("reading")

    def counted() -> Iterator[Incoming]:
        for message in messages:
            yield message
            progress.advance()

    report = record_replies(deps, counted())
    progress.finish()
    return report
