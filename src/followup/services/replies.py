"""Replies read for what they say (DESIGN, "Reading replies").

Each message matched to an opportunity is classified from its new text; an invitation, a
rejection or an offer *proposes* an event (invited, rejected, offer) that the candidate confirms
on Today or with `followup inbox review`. Nothing but the reply itself (which already stops the
chasing, `services/inbox.py`) changes the plan until they do. The new text, subject and
Message-ID are kept with the reply, for the `reply` letter to quote (`latest_reply`).
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import UTC
from typing import TYPE_CHECKING
from zoneinfo import ZoneInfo

from followup.domain.errors import Conflict, NotFound
from followup.domain.model import Candidate, Event
from followup.domain.replies.classify import Classification
from followup.domain.replies.model import Reply
from followup.services.dependencies import Dependencies
from followup.services.planning import require_opportunity
from followup.services.recording import record_event
from followup.services.storage import UnitOfWork

if TYPE_CHECKING:
    from followup.services.inbox import Incoming


def classify_message(deps: Dependencies, message: Incoming) -> Classification:
    """What a message says, from its new text (`followup inbox classify`); stores nothing."""
    return deps.classifier().classify(message.text, message.subject, dict(message.marks))


def keep_reply(
    deps: Dependencies,
    uow: UnitOfWork,
    opportunity_id: str,
    contact: str,
    message: Incoming,
    automatic: bool = False,
) -> Reply | None:
    """Read a reply matched to an opportunity and keep it, with the event it proposes, in the
    caller's unit of work. An automatic answer (by its headers) is kept only when it proposes
    something: a notice sent for the recruiter may still carry their decision. None when there
    is nothing to keep, or the message was kept before."""
    if message.sent_at is None:
        return None
    found = classify_message(deps, message)
    proposal = found.proposed_event
    if automatic and proposal is None:
        return None
    reply = Reply(
        opportunity=opportunity_id,
        contact=contact,
        received_at=message.sent_at.astimezone(UTC),
        message_id=message.message_id,
        subject=message.subject,
        text=found.new_text,
        kind=found.kind,
        evidence=found.evidence,
        proposal=proposal,
        status="proposed" if proposal else "none",
    )
    new_id = uow.add_reply(reply)
    return replace(reply, id=new_id) if new_id is not None else None


@dataclass(frozen=True, slots=True)
class Proposal:
    """A reply whose proposed event waits for the candidate, with its company for showing."""

    reply: Reply
    company: str


def pending_proposals(deps: Dependencies) -> list[Proposal]:
    """The events replies proposed that the candidate has not confirmed or dismissed yet, newest
    first."""
    with deps.store.unit_of_work(readonly=True) as uow:
        return proposals_in(uow)


def proposals_in(uow: UnitOfWork) -> list[Proposal]:
    """The pending proposals, each with its company (read for those opportunities only)."""
    waiting = uow.replies(status="proposed")
    companies: dict[str, str] = {}
    for reply in waiting:
        if reply.opportunity not in companies:
            found = uow.get_opportunity(reply.opportunity)
            companies[reply.opportunity] = found.company if found else reply.opportunity
    return [Proposal(r, companies[r.opportunity]) for r in waiting]


def confirm_proposal(deps: Dependencies, reply_id: int) -> Reply:
    """Record the event a reply proposed, on the day the message came (in the candidate's time
    zone), and re-plan the opportunity; one unit of work."""
    with deps.store.unit_of_work() as uow:
        reply = _pending(uow, reply_id)
        opportunity = require_opportunity(uow, reply.opportunity, "opportunity")
        zone = ZoneInfo((uow.get_candidate() or Candidate()).timezone)
        assert reply.proposal is not None  # a pending reply proposes an event
        event = Event(reply.received_at.astimezone(zone).date(), reply.proposal)
        if not any(e.identity == event.identity for e in opportunity.events):
            record_event(deps, uow, opportunity, event)
        uow.set_reply_status(reply.id, "confirmed", deps.clock())
        uow.commit()
    return replace(reply, status="confirmed")


def dismiss_proposal(deps: Dependencies, reply_id: int) -> Reply:
    """The candidate says the reply does not mean that: nothing is recorded."""
    with deps.store.unit_of_work() as uow:
        reply = _pending(uow, reply_id)
        uow.set_reply_status(reply.id, "dismissed", deps.clock())
        uow.commit()
    return replace(reply, status="dismissed")


def _pending(uow: UnitOfWork, reply_id: int) -> Reply:
    reply = uow.get_reply(reply_id)
    if reply is None or reply.proposal is None:
        known = [str(r.id) for r in uow.replies(status="proposed")]
        raise NotFound("ID", "proposal", str(reply_id), known)
    if reply.status != "proposed":
        raise Conflict(f"ID: proposal {reply_id} was already {reply.status}; nothing changed", "ID")
    return reply


def latest_reply(deps: Dependencies, opportunity_id: str, contact: str) -> Reply | None:
    """The last message this person sent about this opportunity, as kept: its new text, subject
    and Message-ID (what the `reply` letter quotes and answers)."""
    with deps.store.unit_of_work(readonly=True) as uow:
        found = uow.replies(opportunity_id, contact=contact)
        return found[0] if found else None
