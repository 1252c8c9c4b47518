"""Planning use cases: re-plan what changed, read the plan, show one opportunity."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

from followup.domain.calendar import BusinessCalendar
from followup.domain.errors import NotFound
from followup.domain.guards import GuardWarning, check_plan
from followup.domain.model import Candidate, Opportunity, Touch
from followup.domain.planner import plan_opportunity
from followup.domain.policy import Policy
from followup.domain.stage import opportunity_stage
from followup.services.dependencies import Dependencies
from followup.services.storage import TouchRow, UnitOfWork

if TYPE_CHECKING:
    from followup.domain.timeline import Timeline


def replan(
    deps: Dependencies,
    uow: UnitOfWork,
    candidate: Candidate | None,
    opportunities: Iterable[Opportunity],
) -> int:
    """Plan each opportunity afresh and store the result; returns how many touches were stored."""
    cal = deps.calendars(candidate or Candidate())
    stored = 0
    for opportunity in opportunities:
        touches = plan_opportunity(opportunity, deps.policies.get(opportunity.policy), cal)
        uow.replace_plan(opportunity.id, touches, opportunity_stage(opportunity, touches))
        stored += len(touches)
    return stored


def replan_everything(deps: Dependencies, uow: UnitOfWork, candidate: Candidate | None) -> int:
    """After the calendar changed (country, subdivision, week mask) every due date may move."""
    return replan(deps, uow, candidate, (_must_get(uow, i) for i in uow.opportunity_ids()))


def plan_touches(deps: Dependencies, opportunity_id: str | None = None) -> list[TouchRow]:
    """The stored plan of one opportunity, or of all of them."""
    return list(stream_plan(deps, opportunity_id))


def stream_plan(deps: Dependencies, opportunity_id: str | None = None) -> Iterator[TouchRow]:
    """The stored plan, row by row, read in one transaction: memory stays flat however many
    touches there are. The unknown-id check happens before the first row is yielded."""
    uow = deps.store.unit_of_work(readonly=True)
    try:
        if opportunity_id is not None:
            require_opportunity(uow, opportunity_id, "opportunity")
    except BaseException:
        uow.__exit__(None, None, None)
        raise
    return _rows_then_close(uow, opportunity_id)


def _rows_then_close(uow: UnitOfWork, opportunity_id: str | None) -> Iterator[TouchRow]:
    with uow:
        yield from uow.plan(opportunity_id)


@dataclass(frozen=True, slots=True)
class OpportunityView:
    opportunity: Opportunity
    policy: Policy
    touches: list[Touch]
    warnings: list[GuardWarning]
    today: date

    def timeline(self) -> Timeline:
        """Everything of this opportunity on one date axis, today included."""
        from followup.domain.timeline import opportunity_timeline

        return opportunity_timeline(self.opportunity, self.touches, self.today)


def show_opportunity(deps: Dependencies, opportunity_id: str, field: str = "id") -> OpportunityView:
    """One opportunity with its plan and the guards' warnings as of today."""
    with deps.store.unit_of_work(readonly=True) as uow:
        opportunity = require_opportunity(uow, opportunity_id, field)
        candidate = uow.get_candidate()
        touches = [row.touch for row in uow.plan(opportunity_id)]
    policy = deps.policies.get(opportunity.policy)
    cal: BusinessCalendar = deps.calendars(candidate or Candidate())
    today = deps.today(candidate)
    warnings = check_plan(opportunity, touches, policy, cal, today)
    return OpportunityView(opportunity, policy, touches, warnings, today)


def require_opportunity(uow: UnitOfWork, opportunity_id: str, field: str) -> Opportunity:
    opportunity = uow.get_opportunity(opportunity_id)
    if opportunity is None:
        raise NotFound(field, "opportunity", opportunity_id, uow.opportunity_ids())
    return opportunity


def _must_get(uow: UnitOfWork, opportunity_id: str) -> Opportunity:
    return require_opportunity(uow, opportunity_id, "opportunity")


def calendar_token(deps: Dependencies) -> str:
    """The secret part of the calendar feed's address (made once, kept in the database)."""
    import secrets

    with deps.store.unit_of_work() as uow:
        token = uow.secret("calendar-feed", lambda: secrets.token_urlsafe(24))
        uow.commit()
    return token
