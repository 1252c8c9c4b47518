"""Sending letters: nothing goes out without the candidate's approval.

Approving a letter writes it to the outbox, in that one transaction, with the time it may go
(inside the send window, on a business day). The dispatcher claims each letter before handing it
to the mail server and records it after: the touch is then done, with the day it was sent. A
dispatcher that stops between the two leaves the letter 'sending'; the next one marks it
'uncertain' and shows it to the user instead of sending it twice.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import datetime, time
from email.utils import make_msgid
from typing import Protocol
from zoneinfo import ZoneInfo

from followup.domain.errors import BadInput, FollowupError, InvalidField, NotFound
from followup.domain.model import Candidate, Event, same_name
from followup.domain.sending import next_send_time
from followup.services.agenda import Agenda, agenda
from followup.services.dependencies import Dependencies
from followup.services.letters import draft_letter
from followup.services.recording import record_event
from followup.services.storage import OutboxItem


class MailUnavailable(FollowupError):
    """The mail server could not be reached or refused the login: nothing was sent."""

    exit_code = 3
    http_status = 503


class MailSignInFailed(MailUnavailable):
    """Signing in to the mailbox (OAuth2) failed or must be done again: nothing was sent, and
    nothing will be until the candidate acts (signs in again, fixes the settings)."""

    exit_code = 2


class MailNotConfigured(MailUnavailable):
    """The mail settings are incomplete or wrong (no password, a CA file that is not there):
    nothing was sent, the letter waits, and the person has something to fix."""

    exit_code = 2
    http_status = 503


class MailRejected(FollowupError):
    """The server refused this one message (a bad address, say): it will not go as it is."""

    exit_code = 3
    http_status = 502


class MailInterrupted(FollowupError):
    """The connection broke while a letter was being handed over."""

    exit_code = 3
    http_status = 502


class Mailer(Protocol):
    def send(self, item: OutboxItem, sender: Candidate) -> None:
        """Hand one message to the mail server. MailUnavailable: nothing was sent;
        MailRejected: this message was refused; anything else: it may or may not have gone."""
        ...


@dataclass(frozen=True, slots=True)
class DispatchReport:
    recovered: int
    sent: int
    failed: int


def approve_letter(
    deps: Dependencies,
    opportunity_id: str,
    to: str,
    kind: str | None = None,
    subject: str | None = None,
    body: str | None = None,
    window: tuple[time, time] = (time(8, 30), time(11, 30)),
) -> OutboxItem:
    """Put a letter (the draft, or the text the candidate edited) in the outbox. Approving the
    same letter again (same touch, still waiting) changes its text, never queues a second."""
    draft = draft_letter(deps, opportunity_id, to, kind)
    if not draft.recipient.email:
        raise InvalidField("to", f"an email address for {draft.recipient.name}; add one first")
    if not draft.sender.email:
        raise InvalidField("profile.email", "your email address, to send from")
    # checked again here: an address stored before addresses were checked never goes out
    deps.check_email(draft.recipient.email, "to")
    deps.check_email(draft.sender.email, "profile.email")
    if body is not None and not body.strip():
        raise InvalidField("text", "the letter's text")
    # the recipient's morning: their own time zone when recorded, else the candidate's
    zone = ZoneInfo(draft.recipient.timezone or draft.sender.timezone)
    cal = deps.calendars(draft.sender)
    send_at = next_send_time(deps.clock().astimezone(zone), window[0], window[1], cal)
    item = OutboxItem(
        id=0,
        opportunity=opportunity_id,
        step=draft.kind,
        contact=draft.recipient.name,
        to_name=draft.recipient.name,
        to_address=draft.recipient.email,
        subject=subject or draft.subject,
        body=body if body is not None else draft.body,
        message_id=make_msgid(domain=draft.sender.email.rpartition("@")[2]),
        send_after=send_at,
        status="queued",
    )
    with deps.store.unit_of_work() as uow:
        due = next(
            (
                row.touch.due.isoformat()
                for row in uow.plan(opportunity_id)
                if row.touch.status == "planned"
                and row.touch.step == item.step
                and same_name(row.touch.contact, item.contact)
            ),
            "",
        )
        item = replace(item, due=due)
        waiting = uow.waiting_letter(opportunity_id, item.step, item.contact, due)
        if waiting is not None:
            edited = subject is not None or body is not None  # else keep what was approved
            if edited and waiting.status == "queued":
                uow.update_letter(waiting.id, item.subject, item.body)
                waiting = replace(waiting, subject=item.subject, body=item.body)
            uow.commit()
            return waiting
        new_id = uow.queue(item)
        uow.commit()
    return replace(item, id=new_id)


DISPATCH_BUSY = "send: another `followup send` is running; try again when it ends"


def dispatch(deps: Dependencies, mailer: Mailer, limit: int | None = None) -> DispatchReport:
    """Send every letter whose time has come. On one person's SQLite file one dispatcher runs
    at a time (it holds the lock `send`; Conflict when another does); on a shared server several
    may, each claiming letters the others skip (the store's dispatcher knows which are alive).
    Either way a letter found 'sending' by a dispatcher that stopped becomes 'uncertain'."""
    with deps.lock("send", DISPATCH_BUSY):
        return _dispatch(deps, mailer, limit)


def _dispatch(deps: Dependencies, mailer: Mailer, limit: int | None) -> DispatchReport:
    sent = failed = 0
    senders: dict[int, Candidate] = {}
    with deps.store.dispatcher() as queue:
        recovered = queue.recover_interrupted()
        while limit is None or sent + failed < limit:
            claim = queue.claim_next(deps.clock())
            if claim is None:
                break
            item = claim.item
            # the letter's own account: on a shared server, its candidate's store
            own = deps if claim.store is deps.store else replace(deps, store=claim.store)
            sender = senders.get(claim.account)
            if sender is None:
                with own.store.unit_of_work(readonly=True) as uow:
                    sender = senders[claim.account] = uow.get_candidate() or Candidate()
            try:
                mailer.send(item, sender)
            except MailUnavailable as error:
                _set_status(own, item, "queued", str(error))
                raise  # nothing went: it waits for next time
            except MailRejected as error:
                _set_status(own, item, "failed", str(error))
                failed += 1
                continue
            except Exception as error:
                _set_status(own, item, "uncertain", f"sending broke off: {error}")
                raise MailInterrupted(
                    f"send: the connection broke while letter #{item.id} to {item.to_name} was "
                    "being sent; it is marked uncertain (see `followup outbox`), the others wait"
                ) from None
            _record_sent(own, item, sender)
            sent += 1
    return DispatchReport(recovered, sent, failed)


def _set_status(deps: Dependencies, item: OutboxItem, status: str, error: str) -> None:
    with deps.store.unit_of_work() as uow:
        uow.set_outbox_status(item.id, status, error)
        uow.commit()


def _record_sent(deps: Dependencies, item: OutboxItem, sender: Candidate) -> None:
    sent_at = deps.clock()
    on = sent_at.astimezone(ZoneInfo(sender.timezone)).date()
    with deps.store.unit_of_work() as uow:
        uow.set_outbox_status(item.id, "sent", sent_at=sent_at)
        opportunity = uow.get_opportunity(item.opportunity)
        if opportunity is not None and opportunity.find_contact(item.contact) is not None:
            event = Event(
                on,
                "done",
                contact=item.contact,
                step=item.step,
                time=sent_at.astimezone(ZoneInfo(sender.timezone))
                .time()
                .replace(microsecond=0, second=0, tzinfo=None),
                note=f"sent {item.message_id}",
            )
            record_event(deps, uow, opportunity, event)
        uow.commit()


def send_digest(deps: Dependencies, mailer: Mailer, text_of: Callable[[Agenda], str]) -> OutboxItem:
    """Mail the morning digest to the candidate: today's agenda, worded by `text_of` (the
    entry point's own wording of an agenda). It goes at once, not through the outbox."""
    found = agenda(deps)
    with deps.store.unit_of_work(readonly=True) as uow:
        me = uow.get_candidate() or Candidate()
    if not me.email:
        raise BadInput(
            "digest --send: expected an [smtp] section in followup.toml and your "
            "email in your profile"
        )
    item = OutboxItem(
        id=0,
        opportunity="",
        step="",
        contact=me.name,
        to_name=me.name,
        to_address=me.email,
        subject=f"Followup: {len(found.overdue)} overdue, {len(found.today)} due today",
        body=text_of(found) + "\n",
        message_id=make_msgid(domain=me.email.rpartition("@")[2]),
        send_after=deps.clock(),
        status="queued",
    )
    mailer.send(item, me)
    return item


def list_outbox(deps: Dependencies, statuses: tuple[str, ...] = ()) -> list[OutboxItem]:
    with deps.store.unit_of_work(readonly=True) as uow:
        return uow.outbox(statuses)


def retry(deps: Dependencies, item_id: int) -> OutboxItem:
    """Queue again a letter that failed or is uncertain (the candidate decides: an uncertain
    letter may already have arrived)."""
    return _move(deps, item_id, ("failed", "uncertain"), "queued")


def cancel(deps: Dependencies, item_id: int) -> OutboxItem:
    return _move(deps, item_id, ("queued", "failed", "uncertain"), "cancelled")


def _move(deps: Dependencies, item_id: int, allowed: tuple[str, ...], to: str) -> OutboxItem:
    with deps.store.unit_of_work() as uow:
        found = next((i for i in uow.outbox() if i.id == item_id), None)
        if found is None:
            raise NotFound("ID", "letter in the outbox", str(item_id))
        if found.status not in allowed:
            raise BadInput(
                f"ID: letter {item_id} is {found.status}; expected one that is "
                f"{' or '.join(allowed)}"
            )
        uow.set_outbox_status(item_id, to)
        uow.commit()
        return replace(found, status=to)


def now_utc(deps: Dependencies) -> datetime:
    return deps.clock()
