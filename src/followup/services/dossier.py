"""Import and export of whole dossiers (DESIGN's exchange format).

Import merges by id and is idempotent: an opportunity's fields come from the file, interviews are
matched by id (the file's version wins, others stay), and events the store already has are not
added twice. It all happens in one transaction: an opportunity the merge refuses rolls back
every one before it, so a failed import changes nothing.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, replace
from typing import Protocol

from followup.domain.errors import InvalidField
from followup.domain.model import Candidate, Opportunity, Timeline
from followup.domain.validation import validate_opportunity
from followup.services.dependencies import Dependencies
from followup.services.people import remember_met
from followup.services.planning import replan, replan_everything
from followup.services.ports import ImportReport
from followup.services.recording import check_candidate
from followup.services.storage import UnitOfWork
from followup.services.zones import check_contact_zones


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
        merged = _merge(stored, incoming, keys, default_policy)
        deps.policies.get(merged.policy, f"{where}.policy")
        try:
            validate_opportunity(merged)
            check_contact_zones(merged)
        except InvalidField as error:
            raise error.under(where) from None
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


def _merge(
    stored: Opportunity | None, incoming: Opportunity, keys: frozenset[str], default_policy: str
) -> Opportunity:
    if stored is None:
        return replace(incoming, policy=incoming.policy or default_policy)
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
    for event in incoming.events:
        if have[event.identity]:
            have[event.identity] -= 1
        else:
            events.append(event)
    return Opportunity(
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
