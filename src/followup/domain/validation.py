"""Invariants of an opportunity, checked before anything is stored.

Field names are relative to the opportunity (`interviews[0].date`); callers prefix them.
"""

from __future__ import annotations

from followup.domain.errors import InvalidField
from followup.domain.model import Opportunity
from followup.domain.vocabulary import EVENT_KINDS, STEPS


def validate_opportunity(opp: Opportunity) -> None:
    """Raise InvalidField for the first thing about `opp` that cannot be planned."""
    if not opp.id.strip():
        raise InvalidField("id", "a non-empty id")
    if not opp.company.strip():
        raise InvalidField("company", "the company's name")
    seen_ids: set[str] = set()
    for i, interview in enumerate(opp.interviews):
        where = f"interviews[{i}]"
        if interview.id in seen_ids:
            raise InvalidField(f"{where}.id", "an id used by one interview only", interview.id)
        seen_ids.add(interview.id)
        if interview.round < 1:
            raise InvalidField(f"{where}.round", "a round number, 1 or more", interview.round)
        names: set[str] = set()
        for j, contact in enumerate(interview.contacts):
            key = " ".join(contact.name.split()).casefold()
            if not key:
                raise InvalidField(f"{where}.contacts[{j}].name", "the person's name")
            if key in names:
                raise InvalidField(
                    f"{where}.contacts[{j}].name",
                    "each person listed once per interview",
                    contact.name,
                )
            names.add(key)
            if contact.minutes < 0:
                raise InvalidField(
                    f"{where}.contacts[{j}].minutes", "minutes spent, 0 or more", contact.minutes
                )
    first = opp.first_interview()
    for name in ("preliminary_deadline", "second_round_deadline"):
        deadline = getattr(opp.timeline, name)
        if first and deadline and deadline < first.date:
            raise InvalidField(
                f"timeline.{name}",
                f"a date on or after the first interview ({first.date.isoformat()})",
                deadline.isoformat(),
            )
    for i, event in enumerate(opp.events):
        validate_event(opp, event.kind, event.step, event.contact, f"events[{i}]")


def validate_event(
    opp: Opportunity, kind: str, step: str | None, contact: str | None, where: str
) -> None:
    if kind not in EVENT_KINDS:
        raise InvalidField(f"{where}.kind", f"one of {', '.join(EVENT_KINDS)}", kind)
    if kind == "done":
        if step not in STEPS:
            raise InvalidField(f"{where}.step", f"the step done, one of {', '.join(STEPS)}", step)
        if not contact:
            raise InvalidField(f"{where}.contact", "the name of the person the touch was for")
    if kind == "reply" and not contact:
        raise InvalidField(f"{where}.contact", "the name of the person who wrote")
    if contact and opp.find_contact(contact) is None:
        known = opp.contact_names()
        expected = (
            f"a person met at an interview of {opp.id} ({', '.join(known)})"
            if known
            else f"a person met at an interview of {opp.id} (none is recorded yet)"
        )
        raise InvalidField(f"{where}.contact", expected, contact)
