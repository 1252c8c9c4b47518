"""Recording use cases: the candidate's profile, opportunities, interviews, timelines, events.

Each checks its input against what is stored, writes, re-plans the opportunity and commits in
one unit of work, so a failure leaves the database exactly as it was.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date, time

from followup.domain.errors import Conflict, InvalidField
from followup.domain.model import (
    Candidate,
    Contact,
    Event,
    Interview,
    Opportunity,
    Timeline,
    same_name,
)
from followup.domain.validation import (
    MAX_COUNT,
    check_event,
    check_id,
    check_text,
    check_whole,
    validate_opportunity,
)
from followup.services.dependencies import Dependencies
from followup.services.people import complete_contact, remember_met
from followup.services.planning import replan, replan_everything, require_opportunity
from followup.services.storage import UnitOfWork
from followup.services.zones import check_contact_emails, check_contact_zones, check_timezone


def get_profile(deps: Dependencies) -> Candidate:
    with deps.store.unit_of_work(readonly=True) as uow:
        return uow.get_candidate() or Candidate()


def update_profile(deps: Dependencies, **changes: object) -> Candidate:
    """Change the candidate's details; a new country, subdivision or week mask re-plans all."""
    with deps.store.unit_of_work() as uow:
        before = uow.get_candidate() or Candidate()
        after = replace(before, **changes)  # type: ignore[arg-type]
        check_candidate(deps, after, "")
        uow.save_candidate(after)
        if after.calendar_key != before.calendar_key:
            replan_everything(deps, uow, after)
        uow.commit()
    return after


def check_candidate(deps: Dependencies, candidate: Candidate, prefix: str) -> None:
    """Time zone, country, subdivision, week mask and default policy must all exist; the text
    is one-line text and the numbers small, whichever way they came (CLI, web, dossier)."""
    try:
        if candidate.email:  # first: an address gets the address's words
            deps.check_email(candidate.email, "email")
        for name in ("name", "email", "phone", "timezone", "weekmask", "default_policy"):
            check_text(getattr(candidate, name), name)
        for name in ("strengths", "courses"):
            for item in getattr(candidate, name):
                check_text(item, name)
        check_whole(candidate.other_interviews, "other_interviews", 0, MAX_COUNT, "a whole number")
        check_timezone(candidate.timezone, "timezone")
        deps.calendars(candidate)
        deps.policies.get(candidate.default_policy, "default_policy")
    except InvalidField as error:
        raise error.under(prefix) if prefix else error from None


def add_opportunity(
    deps: Dependencies, opportunity_id: str, company: str, role: str = "", policy: str | None = None
) -> Opportunity:
    """A new opportunity (a job at a company), with the candidate's default policy unless named."""
    check_id(opportunity_id, "id")
    with deps.store.unit_of_work() as uow:
        if uow.get_opportunity(opportunity_id) is not None:
            raise Conflict(
                f"id: opportunity {opportunity_id!r} already exists; choose another id", "id"
            )
        candidate = uow.get_candidate() or Candidate()
        chosen = policy or candidate.default_policy
        deps.policies.get(chosen, "policy")
        opportunity = Opportunity(id=opportunity_id, company=company, role=role, policy=chosen)
        _save(deps, uow, candidate, opportunity)
        uow.commit()
    return opportunity


def capture_interview(
    deps: Dependencies,
    on: date,
    contacts: tuple[Contact, ...],
    opportunity_id: str | None = None,
    round_number: int = 1,
    interview_id: str | None = None,
    new: NewOpportunity | None = None,
) -> tuple[Opportunity, Interview]:
    """Record an interview and everyone met at it, for a stored opportunity or — with `new` and
    no `opportunity_id` — a new one made in the same unit of work: a capture that fails leaves
    nothing behind, and its retry makes no duplicate. Plans their thank-yous."""
    if interview_id is not None:
        check_id(interview_id, "id")
    if not contacts:
        raise InvalidField("person", "at least one person met")
    with deps.store.unit_of_work() as uow:
        candidate = uow.get_candidate()
        if opportunity_id:
            opportunity = require_opportunity(uow, opportunity_id, "opportunity")
        else:
            if new is None or not new.company.strip():
                raise InvalidField("company", "a value (the field is required)")
            chosen = new.policy or (candidate or Candidate()).default_policy
            deps.policies.get(chosen, "policy")
            opportunity = Opportunity(
                id=_free_id(uow, new.company), company=new.company, role=new.role, policy=chosen
            )
        interview = Interview(
            interview_id or interview_id_for(opportunity.id, on, round_number),
            on,
            round_number,
            contacts,
        )
        if any(iv.id == interview.id for iv in opportunity.interviews):
            raise Conflict(
                f"id: interview {interview.id!r} already exists in {opportunity.id}", "id"
            )
        # What the address book knows of the people met fills what was left blank; then they
        # are in the address book too.
        contacts = tuple(complete_contact(uow, c, opportunity.company) for c in interview.contacts)
        interview = replace(interview, contacts=contacts)
        opportunity.interviews.append(interview)
        _save(deps, uow, candidate, opportunity)
        remember_met(uow, opportunity, [interview])
        uow.commit()
    return opportunity, interview


@dataclass(frozen=True, slots=True)
class NewOpportunity:
    """An opportunity to make while capturing its first interview (its id from the company)."""

    company: str
    role: str = ""
    policy: str | None = None


def interview_id_for(opportunity_id: str, on: date, round_number: int = 1) -> str:
    """The one id scheme for interviews recorded by hand, on the command line and the web:
    `acme-ae-2026-12-23`, with the round after the first (`acme-ae-2027-01-12-r2`). Ids made
    before (the web's `…-r1`) stay as they were stored."""
    base = f"{opportunity_id}-{on.isoformat()}"
    return base if round_number == 1 else f"{base}-r{round_number}"


def _free_id(uow: UnitOfWork, company: str) -> str:
    """An id from the company's name (`Acme Corp` -> `acme-corp`), numbered when it is taken."""
    import re

    base = re.sub(r"[^a-z0-9]+", "-", company.lower())[:48].strip("-") or "opportunity"
    chosen, n = base, 2
    while uow.get_opportunity(chosen) is not None:
        chosen, n = f"{base}-{n}", n + 1
    return chosen


def set_timeline(
    deps: Dependencies,
    opportunity_id: str,
    preliminary_deadline: date | None = None,
    second_round_deadline: date | None = None,
) -> Opportunity:
    """Set the hiring process's deadlines (what is not given stays as it was)."""
    with deps.store.unit_of_work() as uow:
        opportunity = require_opportunity(uow, opportunity_id, "opportunity")
        old = opportunity.timeline
        opportunity.timeline = Timeline(
            preliminary_deadline or old.preliminary_deadline,
            second_round_deadline or old.second_round_deadline,
        )
        _save(deps, uow, uow.get_candidate(), opportunity)
        uow.commit()
    return opportunity


def log_event(
    deps: Dependencies,
    opportunity_id: str,
    kind: str,
    contact: str | None = None,
    step: str | None = None,
    on: date | None = None,
    at: time | None = None,
    note: str = "",
) -> Event:
    """Record what happened (a touch made, a reply, an invitation, an offer, a rejection, a
    withdrawal) on `on`, by default today where the candidate lives; the plan follows."""
    with deps.store.unit_of_work() as uow:
        opportunity = require_opportunity(uow, opportunity_id, "opportunity")
        day = on or deps.today(uow.get_candidate())
        event = Event(day, kind, contact=contact, step=step, time=at, note=note)
        event = record_event(deps, uow, opportunity, event)
        uow.commit()
    return event


def event_of(deps: Dependencies, opportunity_id: str, number: int | str) -> Event:
    """The opportunity's event by its number as typed (1 for the first, as `show` lists them)."""
    with deps.store.unit_of_work(readonly=True) as uow:
        opportunity = require_opportunity(uow, opportunity_id, "opportunity")
        return opportunity.events[_numbered(opportunity, number)]


def remove_event(deps: Dependencies, opportunity_id: str, number: int | str) -> Event:
    """Take back an event logged by mistake (its number as typed, as `show` lists them); the
    plan follows as if it had never been."""
    with deps.store.unit_of_work() as uow:
        opportunity = require_opportunity(uow, opportunity_id, "opportunity")
        event = opportunity.events.pop(_numbered(opportunity, number))
        _save(deps, uow, uow.get_candidate(), opportunity)
        uow.commit()
    return event


def describe_event(event: Event) -> str:
    """`done thank_you — Dana Reyes on 2026-12-24`: an event in one line."""
    what = " ".join(x for x in (event.kind, event.step) if x)
    who = f" — {event.contact}" if event.contact else ""
    return f"{what}{who} on {event.date.isoformat()}"


def _numbered(opportunity: Opportunity, number: int | str) -> int:
    """The index of the event numbered `number` (as typed: the error quotes it as it came)."""
    count = len(opportunity.events)
    text = str(number).strip()
    index = int(text) if text.isascii() and text.isdigit() and len(text) <= 9 else None
    if index is None or not 1 <= index <= count:
        expected = (
            f"an event number from 1 to {count} (see followup show {opportunity.id})"
            if count
            else f"an event number, but {opportunity.id} has no events"
        )
        raise InvalidField("number", expected, text if index is None else index)
    return index - 1


def record_event(
    deps: Dependencies, uow: UnitOfWork, opportunity: Opportunity, event: Event
) -> Event:
    """Add an event to an opportunity inside the caller's unit of work, and re-plan it; the
    event as stored (the contact's name as recorded) is returned."""
    check_event(opportunity, event, "event")
    contact = opportunity.find_contact(event.contact) if event.contact else None
    if contact is not None:
        event = replace(event, contact=contact.name)
    opportunity.events.append(event)
    _save(deps, uow, uow.get_candidate(), opportunity)
    return event


def _save(
    deps: Dependencies, uow: UnitOfWork, candidate: Candidate | None, opportunity: Opportunity
) -> None:
    validate_opportunity(opportunity)
    check_contact_zones(opportunity)
    check_contact_emails(deps.check_email, opportunity)
    uow.save_opportunity(opportunity)
    replan(deps, uow, candidate, [opportunity])


def snooze_touch(
    deps: Dependencies,
    opportunity_id: str,
    step: str,
    contact: str,
    due: date,
    until: date,
    reason: str,
) -> None:
    """Put a planned touch off until a later day, saying why; the plan keeps its due date and
    the agenda shows it from then on."""
    if not reason.strip():
        raise InvalidField("reason", "why the touch waits (it is shown with it)")
    check_text(reason, "reason")
    with deps.store.unit_of_work() as uow:
        require_opportunity(uow, opportunity_id, "opportunity")
        today = deps.today(uow.get_candidate())
        if until <= today:
            raise InvalidField(
                "until", f"a day after today ({today.isoformat()})", until.isoformat()
            )
        planned = [
            row.touch
            for row in uow.plan(opportunity_id)
            if row.touch.status == "planned"
            and row.touch.step == step
            and same_name(row.touch.contact, contact)
            and row.touch.due == due
        ]
        if not planned:
            raise InvalidField(
                "touch", f"a planned {step} to {contact} due {due.isoformat()} in {opportunity_id}"
            )
        if until <= due:  # a snooze puts a touch off; before its due day it would show early
            raise InvalidField(
                "until", f"a day after the touch's due date ({due.isoformat()})", until.isoformat()
            )
        uow.snooze(opportunity_id, step, planned[0].contact, due, until, reason.strip())
        uow.commit()
