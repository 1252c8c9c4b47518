"""An in-memory store for running the services in milliseconds. Commit copies the working state
over the committed one; leaving without commit throws the working state away."""

from __future__ import annotations

import copy
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date

from followup.domain.model import Candidate, Opportunity, Touch
from followup.services.storage import AgendaRows, OpportunitySummary, Store, TouchRow, UnitOfWork


@dataclass
class State:
    candidate: Candidate | None = None
    opportunities: dict[str, Opportunity] = field(default_factory=dict)
    plans: dict[str, list[Touch]] = field(default_factory=dict)
    stages: dict[str, str] = field(default_factory=dict)
    snoozes: dict[tuple, tuple] = field(default_factory=dict)  # type: ignore[type-arg]


class FakeUnitOfWork(UnitOfWork):
    def __init__(self, store: FakeStore) -> None:
        self.store = store
        self.state = copy.deepcopy(store.committed)

    def commit(self) -> None:
        self.store.committed = copy.deepcopy(self.state)
        self.store.commits += 1

    def rollback(self) -> None:
        self.state = copy.deepcopy(self.store.committed)

    def get_candidate(self) -> Candidate | None:
        return self.state.candidate

    def save_candidate(self, candidate: Candidate) -> None:
        self.state.candidate = candidate

    def get_opportunity(self, opportunity_id: str) -> Opportunity | None:
        found = self.state.opportunities.get(opportunity_id)
        return copy.deepcopy(found)

    def opportunity_ids(self) -> list[str]:
        return list(self.state.opportunities)

    def save_opportunity(self, opportunity: Opportunity) -> None:
        self.state.opportunities[opportunity.id] = copy.deepcopy(opportunity)

    def summaries(self) -> list[OpportunitySummary]:
        out = []
        for o in self.state.opportunities.values():
            planned = [t for t in self.state.plans.get(o.id, []) if t.status == "planned"]
            nxt = min(planned, key=lambda t: (t.due, t.seq)) if planned else None
            out.append(
                OpportunitySummary(
                    o.id, o.company, o.role, o.policy, self.state.stages.get(o.id, ""), nxt
                )
            )
        return out

    def snooze(self, opportunity_id, step, contact, due, until, reason):  # type: ignore[no-untyped-def]
        self.state.snoozes[(opportunity_id, step, contact, due)] = (until, reason)
        self._apply(opportunity_id)

    def _apply(self, opportunity_id: str) -> None:
        for t in self.state.plans.get(opportunity_id, []):
            found = self.state.snoozes.get((opportunity_id, t.step, t.contact, t.due))
            if found and found[0] > t.due:
                t.snoozed_until, t.snooze_reason = found

    def revision(self) -> int:
        return hash(
            tuple(
                (o.id, o.company, tuple(o.contact_names()))
                for o in self.state.opportunities.values()
            )
        )

    def directory(self) -> list[tuple[str, str, list[str]]]:
        return [(o.id, o.company, o.contact_names()) for o in self.state.opportunities.values()]

    def replace_plan(self, opportunity_id: str, touches: list[Touch], stage: str) -> None:
        self.state.plans[opportunity_id] = list(touches)
        self.state.stages[opportunity_id] = stage
        self._apply(opportunity_id)

    def plan(self, opportunity_id: str | None = None) -> Iterator[TouchRow]:
        for oid, opp in self.state.opportunities.items():
            if opportunity_id in (None, oid):
                for t in sorted(self.state.plans.get(oid, []), key=lambda t: (t.due, t.seq)):
                    yield TouchRow(t, opp.company)

    def agenda(self, on: date, until: date, limit: int) -> AgendaRows:
        rows = [r for r in self.plan() if r.touch.status == "planned"]
        rows.sort(key=lambda r: r.touch.shows_on)

        def pick(keep):  # type: ignore[no-untyped-def]
            chosen = [r for r in rows if keep(r.touch.shows_on)]
            return chosen[:limit], max(0, len(chosen) - limit)

        return AgendaRows(
            *pick(lambda d: d < on), *pick(lambda d: d == on), *pick(lambda d: on < d <= until)
        )


class FakeStore(Store):
    def __init__(self) -> None:
        self.committed = State()
        self.commits = 0

    def unit_of_work(self, readonly: bool = False) -> FakeUnitOfWork:
        return FakeUnitOfWork(self)

    @property
    def location(self) -> str:
        return "memory"
