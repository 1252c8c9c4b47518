"""Replies read for what they say, on the in-memory store: a classification proposes an event,
the candidate confirms or dismisses it, and nothing but the reply itself changes the plan before."""

from __future__ import annotations

import copy
import json
from datetime import UTC, datetime
from pathlib import Path

import pytest

from followup.adapters.files.dossier import parse_dossier
from followup.adapters.holidays import calendar_for
from followup.adapters.policies import PolicyBook
from followup.domain.errors import Conflict, NotFound
from followup.services.dependencies import Dependencies
from followup.services.dossier import import_dossier
from followup.services.inbox import Incoming, record_replies
from followup.services.planning import plan_touches
from followup.services.replies import (
    classify_message,
    confirm_proposal,
    dismiss_proposal,
    latest_reply,
    pending_proposals,
)

from ..fakes import FakeStore

WORKED = json.loads((Path(__file__).parents[1] / "data" / "acme.json").read_text())
QUOTED_INVITATION = (
    "On Mon, Jan 4, 2027 at 9:00 AM Sam Ortiz <sam@example.com> wrote:\n"
    "> We would like to invite you to a final interview next week.\n"
)
REJECTION = (
    "Hi Sam,\n\nThank you for your patience. After much discussion we have decided to move "
    "forward with another candidate.\n\nBest,\nDana\n\n" + QUOTED_INVITATION
)


@pytest.fixture
def deps() -> Dependencies:
    found = Dependencies(
        FakeStore(),
        calendar_for,
        PolicyBook(None),
        clock=lambda: datetime(2027, 1, 21, 15, 0, tzinfo=UTC),
    )
    dossier = copy.deepcopy(WORKED)
    dossier["opportunities"][0]["events"] = dossier["opportunities"][0]["events"][:1]
    import_dossier(found, parse_dossier(dossier))
    return found


def mail(
    text: str,
    sender: str = "dana@acme.example",
    when: str = "2027-01-19T16:30:00-06:00",
    automatic: bool = False,
    message_id: str = "<m1@acme.example>",
    subject: str = "Re: Thank you",
) -> Incoming:
    return Incoming(
        sender,
        (),
        datetime.fromisoformat(when),
        subject,
        automatic,
        text,
        message_id,
        (("auto-submitted", "auto-generated"),) if automatic else (),
    )


def planned(deps: Dependencies, step: str) -> list[tuple[str, str]]:
    return [
        (r.touch.contact, r.touch.due.isoformat())
        for r in plan_touches(deps)
        if r.touch.step == step and r.touch.status == "planned"
    ]


def test_a_rejection_is_proposed_and_changes_nothing_but_the_reply_until_confirmed(deps):
    report = record_replies(deps, [mail(REJECTION)])
    assert (report.read, report.replies, report.automatic, report.proposals) == (1, 1, 0, 1)
    # the reply itself stops the chasing, as before; the rejection waits for the candidate
    assert planned(deps, "reply") == [("Dana Reyes", "2027-01-19")]
    assert planned(deps, "stay_in_touch") == []
    (proposal,) = pending_proposals(deps)
    assert (proposal.company, proposal.reply.contact, proposal.reply.proposal) == (
        "Acme Corp",
        "Dana Reyes",
        "rejected",
    )
    assert proposal.reply.evidence == (
        "After much discussion we have decided to move forward with another candidate."
    )
    confirmed = confirm_proposal(deps, proposal.reply.id)
    assert confirmed.status == "confirmed"
    assert planned(deps, "stay_in_touch") == [("Dana Reyes", "2027-01-21")]
    assert pending_proposals(deps) == []
    with deps.store.unit_of_work(readonly=True) as uow:
        events = [(e.date.isoformat(), e.kind) for e in uow.get_opportunity("acme-ae").events]
    assert ("2027-01-19", "rejected") in events


def test_a_dismissed_proposal_records_nothing(deps):
    record_replies(deps, [mail(REJECTION)])
    (proposal,) = pending_proposals(deps)
    before = [r.touch for r in plan_touches(deps)]
    assert dismiss_proposal(deps, proposal.reply.id).status == "dismissed"
    assert [r.touch for r in plan_touches(deps)] == before
    assert pending_proposals(deps) == []


def test_a_proposal_is_decided_once_and_an_unknown_one_is_named(deps):
    record_replies(deps, [mail(REJECTION)])
    (proposal,) = pending_proposals(deps)
    confirm_proposal(deps, proposal.reply.id)
    with pytest.raises(Conflict, match=r"^ID: proposal 1 was already confirmed; nothing changed$"):
        dismiss_proposal(deps, proposal.reply.id)
    with pytest.raises(NotFound, match=r"^ID: no proposal '9' \(no proposal is stored yet\)$"):
        confirm_proposal(deps, 9)


def test_the_same_message_read_twice_is_kept_once(deps):
    record_replies(deps, [mail(REJECTION)])
    again = record_replies(deps, [mail(REJECTION)])
    assert (again.replies, again.proposals) == (0, 0)
    assert len(pending_proposals(deps)) == 1


def test_a_question_is_kept_for_the_reply_letter_and_proposes_nothing(deps):
    text = (
        "Hi Sam,\n\nCould you send me two references before Friday?\n\nThanks,\nDana\n\n"
        + QUOTED_INVITATION
    )
    report = record_replies(deps, [mail(text, subject="References")])
    assert (report.replies, report.proposals) == (1, 0)
    kept = latest_reply(deps, "acme-ae", "Dana Reyes")
    assert kept is not None
    assert (kept.kind, kept.subject, kept.message_id, kept.status) == (
        "question",
        "References",
        "<m1@acme.example>",
        "none",
    )
    # the new text only: what the `reply` letter quotes
    assert kept.text == "Hi Sam,\n\nCould you send me two references before Friday?"
    assert latest_reply(deps, "acme-ae", "Lee Park") is None


def test_an_automatic_answer_stays_no_reply_but_a_decision_in_it_is_proposed(deps):
    notice = mail(
        "Dear Sam,\n\nWe regret to inform you that the position has been filled.",
        automatic=True,
    )
    away = mail(
        "I am out of the office until Monday with limited access to email.",
        automatic=True,
        message_id="<m2@acme.example>",
    )
    report = record_replies(deps, [notice, away])
    assert (report.read, report.replies, report.automatic, report.proposals) == (2, 0, 2, 1)
    assert planned(deps, "reply") == []
    assert [p.reply.proposal for p in pending_proposals(deps)] == ["rejected"]


def test_an_invitation_and_an_offer_propose_their_events(deps):
    invitation = mail(
        "Hi Sam, we'd like to invite you to a final interview with our VP. Does Tuesday work?"
    )
    offer = mail(
        "Sam, I'm delighted to offer you the Account Executive role. The offer letter is attached.",
        sender="lee@acme.example",
        message_id="<m3@acme.example>",
        when="2027-01-20T09:00:00-06:00",
    )
    record_replies(deps, [invitation, offer])
    assert [(p.reply.contact, p.reply.proposal) for p in pending_proposals(deps)] == [
        ("Lee Park", "offer"),
        ("Dana Reyes", "invited"),
    ]


def test_classifying_a_message_stores_nothing(deps):
    before = copy.deepcopy(deps.store.committed)
    found = classify_message(deps, mail(REJECTION))
    assert (found.kind, found.proposed_event) == ("rejection", "rejected")
    assert deps.store.committed == before
