"""Approving the same letter twice queues it once: nothing is ever sent twice because a button
was pressed twice."""

from __future__ import annotations

from followup.services.outbox import approve_letter, cancel, list_outbox
from tests.e2e.web_support import make_services


def test_approving_the_same_letter_twice_queues_it_once(tmp_path):
    deps = make_services(tmp_path)
    first = approve_letter(deps, "acme-ae", "Lee Park")
    second = approve_letter(deps, "acme-ae", "Lee Park")
    queued = list_outbox(deps, ("queued",))
    assert [i.id for i in queued] == [first.id]
    assert second.id == first.id
    assert second.message_id == first.message_id


def test_approving_it_again_with_edited_text_updates_the_one_queued_letter(tmp_path):
    deps = make_services(tmp_path)
    first = approve_letter(deps, "acme-ae", "Lee Park")
    again = approve_letter(deps, "acme-ae", "Lee Park", subject="Thanks, Lee", body="Edited.\n")
    queued = list_outbox(deps, ("queued",))
    assert [(i.id, i.subject, i.body) for i in queued] == [(first.id, "Thanks, Lee", "Edited.\n")]
    assert again.body == "Edited.\n"


def test_a_cancelled_letter_can_be_approved_anew(tmp_path):
    deps = make_services(tmp_path)
    first = approve_letter(deps, "acme-ae", "Lee Park")
    cancel(deps, first.id)
    second = approve_letter(deps, "acme-ae", "Lee Park")
    assert second.id != first.id
    assert [i.id for i in list_outbox(deps, ("queued",))] == [second.id]


def test_letters_for_two_people_are_two_letters(tmp_path):
    deps = make_services(tmp_path)
    approve_letter(deps, "acme-ae", "Lee Park")
    approve_letter(deps, "acme-ae", "Dana Reyes", "call")
    assert len(list_outbox(deps, ("queued",))) == 2


def test_approving_the_draft_again_keeps_the_text_the_candidate_edited(tmp_path):
    deps = make_services(tmp_path)
    approve_letter(deps, "acme-ae", "Lee Park", subject="Mine", body="My words.\n")
    approve_letter(deps, "acme-ae", "Lee Park")
    assert [(i.subject, i.body) for i in list_outbox(deps, ("queued",))] == [
        ("Mine", "My words.\n")
    ]
