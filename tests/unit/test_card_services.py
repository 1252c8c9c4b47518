"""The business-card use cases on an in-memory store, with a reader that needs no photo."""

from __future__ import annotations

import copy
import json
from datetime import UTC, datetime
from pathlib import Path

import pytest

from followup.adapters.files.dossier import parse_dossier
from followup.adapters.holidays import calendar_for
from followup.adapters.policies import PolicyBook
from followup.domain.cards import BusinessCard
from followup.domain.errors import InvalidField, NotFound
from followup.services.cards import add_card_person, note_conversation, read_card
from followup.services.dependencies import Dependencies
from followup.services.dossier import import_dossier
from followup.services.planning import plan_touches

from ..fakes import FakeStore

WORKED = json.loads((Path(__file__).parents[1] / "data" / "acme.json").read_text())
CARD = BusinessCard(
    name="Avery Brooks",
    title="Head of Talent",
    company="Acme Corp",
    email="avery@acme.example",
    phone="+1 312-555-0142",
    confidence={"name": 0.9},
)


@pytest.fixture
def deps() -> Dependencies:
    asked: list[tuple[bytes, str | None, str]] = []

    def reader(photo: bytes, region: str | None, field: str) -> BusinessCard:
        asked.append((photo, region, field))
        return CARD

    found = Dependencies(
        FakeStore(),
        calendar_for,
        PolicyBook(None),
        clock=lambda: datetime(2026, 12, 28, 15, 0, tzinfo=UTC),
        card_reader=lambda: reader,
    )
    found.asked = asked  # type: ignore[attr-defined]
    import_dossier(found, parse_dossier(WORKED))
    return found


def test_a_card_is_read_with_the_candidates_country_and_nothing_is_saved(deps):
    before = copy.deepcopy(deps.store.committed)
    assert read_card(deps, b"photo") == CARD
    assert deps.asked == [(b"photo", "US", "PHOTO")]
    assert deps.store.committed == before


def test_the_cards_person_joins_the_interview_and_gets_a_thank_you(deps):
    opportunity, contact = add_card_person(deps, "acme-ae", "acme-1", CARD, 20, ("hiring",))
    assert (contact.name, contact.title, contact.email, contact.phone, contact.minutes) == (
        "Avery Brooks",
        "Head of Talent",
        "avery@acme.example",
        "+1 312-555-0142",
        20,
    )
    assert contact in opportunity.interviews[0].contacts
    planned = [(r.touch.step, r.touch.contact) for r in plan_touches(deps, "acme-ae")]
    assert ("thank_you", "Avery Brooks") in planned


def test_the_cards_person_joins_the_address_book_too(deps):
    from followup.domain.people import Person
    from followup.services.people import list_people

    add_card_person(deps, "acme-ae", "acme-1", CARD)
    assert Person(
        "Avery Brooks",
        title="Head of Talent",
        company="Acme Corp",
        email="avery@acme.example",
        phone="+1 312-555-0142",
        source="card",
    ) in list(list_people(deps))


def test_a_card_of_someone_already_met_fills_in_only_what_was_missing(deps):
    card = BusinessCard(name="dana reyes", title="Chief Revenue Officer", phone="+1 312 555 0199")
    _, contact = add_card_person(deps, "acme-ae", "acme-1", card)
    assert (contact.name, contact.title, contact.phone) == (
        "Dana Reyes",
        "Regional Sales Manager",  # what was recorded stays
        "+1 312 555 0199",  # what was missing is added
    )


def test_a_card_without_a_name_or_for_an_unknown_interview_changes_nothing(deps):
    before = copy.deepcopy(deps.store.committed)
    with pytest.raises(InvalidField, match="name: expected the person's name"):
        add_card_person(deps, "acme-ae", "acme-1", BusinessCard(email="x@acme.example"))
    with pytest.raises(NotFound, match="interview: no interview of acme-ae 'nope'"):
        add_card_person(deps, "acme-ae", "nope", CARD)
    assert deps.store.committed == before


def test_minutes_and_topics_are_noted_for_the_person_met(deps):
    add_card_person(deps, "acme-ae", "acme-1", CARD)
    opportunity = note_conversation(
        deps, "acme-ae", "acme-1", "avery brooks", 35, (" budget ", "", "timeline"), True
    )
    contact = opportunity.find_contact("Avery Brooks")
    assert contact is not None
    assert (contact.minutes, contact.topics, contact.decision_maker) == (
        35,
        ("budget", "timeline"),
        True,
    )
    with pytest.raises(InvalidField, match="minutes: expected minutes spent, 0 or more"):
        note_conversation(deps, "acme-ae", "acme-1", "Avery Brooks", -5, None)
