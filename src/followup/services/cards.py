"""Business cards (001: collect everyone's card): read one, then add its person to an interview.

Reading saves nothing; adding the person is one unit of work that re-plans the opportunity, so the
thank-you to them is planned at once.
"""

from __future__ import annotations

from dataclasses import replace

from followup.domain.cards import BusinessCard
from followup.domain.errors import InvalidField, NotFound
from followup.domain.model import Contact, Interview, Opportunity, same_name
from followup.domain.people import Person
from followup.domain.validation import validate_opportunity
from followup.services.dependencies import Dependencies
from followup.services.people import remember
from followup.services.planning import replan, require_opportunity
from followup.services.storage import UnitOfWork
from followup.services.zones import check_contact_zones


def read_card(deps: Dependencies, photo: bytes, field: str = "PHOTO") -> BusinessCard:
    """What the business card in the photo says; numbers written without a country code are read
    as the candidate's country's."""
    with deps.store.unit_of_work(readonly=True) as uow:
        candidate = uow.get_candidate()
    region = candidate.country if candidate and candidate.country else None
    return deps.card_reader()(photo, region, field)


def add_card_person(
    deps: Dependencies,
    opportunity_id: str,
    interview_id: str,
    card: BusinessCard,
    minutes: int | None = None,
    topics: tuple[str, ...] | None = None,
    decision_maker: bool | None = None,
) -> tuple[Opportunity, Contact]:
    """Add the card's person to one interview (or complete what it knows of them) and re-plan.

    A person already listed at that interview under the same name keeps what was recorded; the
    card fills in only what was missing (title, email, phone)."""
    name = " ".join((card.name or "").split())
    if not name:
        raise InvalidField("name", "the person's name (none was read from the card; type it)")
    with deps.store.unit_of_work() as uow:
        opportunity = require_opportunity(uow, opportunity_id, "opportunity")
        position, interview = _interview(opportunity, interview_id)
        contacts = list(interview.contacts)
        found = next((i for i, c in enumerate(contacts) if same_name(c.name, name)), None)
        if found is None:
            contact = Contact(
                name=name,
                title=card.title or "",
                email=card.email or "",
                phone=card.phone or "",
            )
            contacts.append(contact)
            found = len(contacts) - 1
        else:
            old = contacts[found]
            contact = replace(
                old,
                title=old.title or card.title or "",
                email=old.email or card.email or "",
                phone=old.phone or card.phone or "",
            )
        contact = _with_conversation(contact, minutes, topics, decision_maker)
        contacts[found] = contact
        if tuple(contacts) == interview.contacts:
            return opportunity, contact  # the same card again: nothing to change
        opportunity.interviews[position] = replace(interview, contacts=tuple(contacts))
        _store(deps, uow, opportunity)
        # DESIGN: the card's person joins the address book too (what it already knows is kept).
        remember(
            uow,
            Person(
                name=contact.name,
                title=card.title or contact.title,
                company=card.company or opportunity.company,
                email=card.email or contact.email,
                phone=card.phone or contact.phone,
                source="card",
            ),
            overwrite=False,
        )
        uow.commit()
    return opportunity, contact


def note_conversation(
    deps: Dependencies,
    opportunity_id: str,
    interview_id: str,
    name: str,
    minutes: int | None,
    topics: tuple[str, ...] | None,
    decision_maker: bool | None = None,
) -> Opportunity:
    """How long the candidate talked with someone met at an interview, and about what (001): the
    thank-you's length and content follow from it."""
    with deps.store.unit_of_work() as uow:
        opportunity = require_opportunity(uow, opportunity_id, "opportunity")
        position, interview = _interview(opportunity, interview_id)
        contacts = list(interview.contacts)
        found = next((i for i, c in enumerate(contacts) if same_name(c.name, name)), None)
        if found is None:
            raise NotFound("name", "person at this interview", name, [c.name for c in contacts])
        contacts[found] = _with_conversation(contacts[found], minutes, topics, decision_maker)
        opportunity.interviews[position] = replace(interview, contacts=tuple(contacts))
        _store(deps, uow, opportunity)
        uow.commit()
    return opportunity


def _interview(opportunity: Opportunity, interview_id: str) -> tuple[int, Interview]:
    for position, interview in enumerate(opportunity.interviews):
        if interview.id == interview_id:
            return position, interview
    raise NotFound(
        "interview",
        f"interview of {opportunity.id}",
        interview_id,
        [iv.id for iv in opportunity.interviews],
    )


def _with_conversation(
    contact: Contact,
    minutes: int | None,
    topics: tuple[str, ...] | None,
    decision_maker: bool | None,
) -> Contact:
    if minutes is not None:
        if minutes < 0:
            raise InvalidField("minutes", "minutes spent, 0 or more", minutes)
        contact = replace(contact, minutes=minutes)
    if topics is not None:
        contact = replace(
            contact, topics=tuple(t for t in (" ".join(t.split()) for t in topics) if t)
        )
    if decision_maker is not None:
        contact = replace(contact, decision_maker=decision_maker)
    return contact


def _store(deps: Dependencies, uow: UnitOfWork, opportunity: Opportunity) -> None:
    validate_opportunity(opportunity)
    check_contact_zones(opportunity)
    uow.save_opportunity(opportunity)
    replan(deps, uow, uow.get_candidate(), [opportunity])


def interview_choices(deps: Dependencies, limit: int = 100) -> list[tuple[Opportunity, Interview]]:
    """The interviews a card may be added to, the latest first."""
    found: list[tuple[Opportunity, Interview]] = []
    with deps.store.unit_of_work(readonly=True) as uow:
        for summary in uow.summaries():
            opportunity = uow.get_opportunity(summary.id)
            if opportunity is not None:
                found.extend((opportunity, interview) for interview in opportunity.interviews)
    found.sort(key=lambda pair: (pair[1].date, pair[1].round), reverse=True)
    return found[:limit]
