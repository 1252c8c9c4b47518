"""Import and export of whole dossiers (DESIGN's exchange format).

Import merges by id and is idempotent: an opportunity's fields come from the file, interviews are
matched by id (the file's version wins, others stay), and events the store already has are not
added twice. It all happens in one transaction: an opportunity the merge refuses rolls back
every one before it, so a failed import changes nothing.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, replace
from typing import Protocol

from followup.domain.errors import BadInput, InvalidField
from followup.domain.model import Candidate, Event, Opportunity, Timeline, same_name
from followup.domain.validation import check_id, validate_opportunity
from followup.services.dependencies import Dependencies
from followup.services.people import remember_met
from followup.services.planning import replan, replan_everything
from followup.services.ports import ImportReport
from followup.services.recording import check_candidate
from followup.services.storage import UnitOfWork
from followup.services.zones import check_contact_emails, check_contact_zones


class DossierRecords(Protocol):
    """What a dossier reader hands over: the candidate, how many opportunities the file holds,
    and the opportunities (each with the top-level keys the file gave, so a merge keeps what
    it left out), streamed: a large file is read again rather than held."""

    @property
    def candidate(self) -> Candidate | None: ...

    @property
    def count(self) -> int: ...

    def entries(self) -> Iterator[tuple[Opportunity, frozenset[str]]]: ...


@dataclass(frozen=True, slots=True)
class Dossier:
    """A dossier held whole (a small file, or one built in code like the demo's)."""

    candidate: Candidate | None
    opportunities: list[Opportunity]
    # For each opportunity, the top-level keys the file gave (so a merge keeps what it left out).
    given: list[frozenset[str]]

    @property
    def count(self) -> int:
        return len(self.opportunities)

    def entries(self) -> Iterator[tuple[Opportunity, frozenset[str]]]:
        return iter(zip(self.opportunities, self.given, strict=True))


def import_dossier(deps: Dependencies, dossier: DossierRecords) -> ImportReport:
    """Store a dossier's candidate and opportunities and re-plan what changed, in one unit of
    work (services/imports.py `import_file` reads a file and calls `merge_dossier`)."""
    with deps.store.unit_of_work() as uow:
        report = merge_dossier(deps, uow, dossier)
        uow.commit()
    return report


def merge_dossier(deps: Dependencies, uow: UnitOfWork, dossier: DossierRecords) -> ImportReport:
    """Merge a dossier into the caller's unit of work, one opportunity at a time, each planned
    as soon as it is stored: memory holds one, however long the file."""
    if dossier.candidate is not None:
        check_candidate(deps, dossier.candidate, "candidate")
    before = uow.get_candidate()
    candidate = dossier.candidate or before
    default_policy = (candidate or Candidate()).default_policy
    candidate_changed = dossier.candidate is not None and dossier.candidate != before
    calendar_moved = candidate_changed and (
        before is None or candidate is None or before.calendar_key != candidate.calendar_key
    )
    if candidate_changed and candidate is not None:
        uow.save_candidate(candidate)
    added = updated = unchanged = touches = 0
    for i, (incoming, keys) in enumerate(dossier.entries()):
        where = f"opportunities[{i}]"
        stored = uow.get_opportunity(incoming.id)
        try:
            _check_new_ids(stored, incoming)
        except InvalidField as error:
            raise error.under(where) from None
        merged, origins = _merge(stored, incoming, keys, default_policy)
        deps.policies.get(merged.policy, f"{where}.policy")
        try:
            validate_opportunity(merged)
            check_contact_zones(merged)
            check_contact_emails(deps.check_email, merged)
        except InvalidField as error:
            raise _named_in_file(error, merged, origins, where) from None
        if stored is None:
            added += 1
        elif merged == stored:
            unchanged += 1
            continue
        else:
            updated += 1
        uow.save_opportunity(merged)
        remember_met(uow, merged)  # everyone met enters the address book
        if not calendar_moved:  # else every plan is redone below
            touches += replan(deps, uow, candidate, [merged])
    if calendar_moved:
        touches = replan_everything(deps, uow, candidate)
    return ImportReport(
        "dossier",
        added,
        updated,
        unchanged,
        touches=touches,
        read=dossier.count,
        candidate_changed=candidate_changed,
    )


def export_dossier(deps: Dependencies) -> tuple[Candidate | None, list[Opportunity]]:
    """The candidate and every opportunity, as stored."""
    with deps.store.unit_of_work(readonly=True) as uow:
        opportunities = [uow.get_opportunity(i) for i in uow.opportunity_ids()]
        return uow.get_candidate(), [o for o in opportunities if o is not None]


def _check_new_ids(stored: Opportunity | None, incoming: Opportunity) -> None:
    """Ids new to the store must be URL-safe; those stored before the rule stay as they are."""
    if stored is None:
        check_id(incoming.id, "id")
    known = {iv.id for iv in stored.interviews} if stored else set()
    for i, interview in enumerate(incoming.interviews):
        if interview.id not in known:
            check_id(interview.id, f"interviews[{i}].id")


def _named_in_file(
    error: InvalidField, merged: Opportunity, origins: list[int | None], where: str
) -> BadInput:
    """An error about an event: the file's events are named by their place in the file; one
    the store already had is described, not given a path that points at another event."""
    found = re.match(r"events\[(\d+)\](.*)$", error.field or "")
    if found is None:
        return error.under(where)
    index, rest = int(found.group(1)), found.group(2)
    in_file = origins[index]
    if in_file is not None:
        return InvalidField(f"events[{in_file}]{rest}", error.expected, error.got).under(where)
    event = merged.events[index]
    what = " ".join(x for x in (event.kind, event.step) if x)
    stored = f"{where}: the stored event {what} on {event.date.isoformat()}"
    fix = f"remove the event first (followup unlog {merged.id} {index + 1})"
    if rest == ".contact":
        people = ", ".join(merged.contact_names()) or "nobody"
        return BadInput(
            f"{stored} names {event.contact}, who is not among the people met in the file "
            f"({people}); {fix} or keep the person"
        )
    return BadInput(f"{stored}: {rest.lstrip('.')}: expected {error.expected}; {fix}")


def _renamed(stored: Opportunity, incoming: Opportunity) -> dict[str, str]:
    """People the file renames: in an interview both have, the person at the same place under
    another name, when the old name is met nowhere in the file and the new one nowhere in the
    store. Their stored events follow them."""
    before = {iv.id: iv for iv in stored.interviews}
    old_names = {n.casefold() for n in stored.contact_names()}
    new_names = {c.name.casefold() for iv in incoming.interviews for c in iv.contacts}
    renames: dict[str, str] = {}
    for interview in incoming.interviews:
        old = before.get(interview.id)
        if old is None or len(old.contacts) != len(interview.contacts):
            continue
        for was, now in zip(old.contacts, interview.contacts, strict=True):
            if (
                not same_name(was.name, now.name)
                and was.name.casefold() not in new_names
                and now.name.casefold() not in old_names
            ):
                renames[was.name.casefold()] = now.name
    return renames


def _merge(
    stored: Opportunity | None, incoming: Opportunity, keys: frozenset[str], default_policy: str
) -> tuple[Opportunity, list[int | None]]:
    """The merged opportunity, and for each of its events its place in the file (None for an
    event only the store had)."""
    if stored is None:
        origins: list[int | None] = list(range(len(incoming.events)))
        return replace(incoming, policy=incoming.policy or default_policy), origins
    renames = _renamed(stored, incoming)
    if renames:
        stored = replace(stored, events=[_follow(e, renames) for e in stored.events])
    timeline = stored.timeline
    if "timeline" in keys:
        timeline = Timeline(
            incoming.timeline.preliminary_deadline,
            incoming.timeline.second_round_deadline,
        )
    by_id = {iv.id: iv for iv in incoming.interviews}
    interviews = [by_id.pop(iv.id, iv) for iv in stored.interviews] + list(by_id.values())
    # Events have no ids: an event is the same as a stored one when date, time, kind, step and
    # contact agree; counting keeps two genuine same-day events from collapsing into one.
    have = Counter(e.identity for e in stored.events)
    events = list(stored.events)
    origins = [None] * len(events)
    for i, event in enumerate(incoming.events):
        if have[event.identity]:
            have[event.identity] -= 1
        else:
            events.append(event)
            origins.append(i)
    merged = Opportunity(
        id=stored.id,
        company=incoming.company if "company" in keys else stored.company,
        role=incoming.role if "role" in keys else stored.role,
        policy=(incoming.policy or stored.policy) if "policy" in keys else stored.policy,
        timeline=timeline,
        interviews=interviews,
        events=events,
        strengths=incoming.strengths if "strengths" in keys else stored.strengths,
        applied=incoming.applied if "applied" in keys else stored.applied,
        url=incoming.url if "url" in keys else stored.url,
        notes=incoming.notes if "notes" in keys else stored.notes,
        tracked_stage=incoming.tracked_stage if "stage" in keys else stored.tracked_stage,
    )
    return merged, origins


def _follow(event: Event, renames: dict[str, str]) -> Event:
    new = renames.get((event.contact or "").casefold())
    return replace(event, contact=new) if new else event
