"""What to do today: overdue touches, those due today, and the week ahead."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from followup.services.dependencies import Dependencies
from followup.services.storage import OpportunitySummary, TouchRow

WEEK_AHEAD = 7


@dataclass(frozen=True, slots=True)
class Agenda:
    on: date
    overdue: list[TouchRow]
    overdue_more: int
    today: list[TouchRow]
    today_more: int
    upcoming: list[TouchRow]
    upcoming_more: int
    sign_in_needed: str | None = None  # sending is stopped until the candidate signs in again


def agenda(deps: Dependencies, on: date | None = None, limit: int = 10) -> Agenda:
    """Planned touches overdue, due `on` (today where the candidate lives, by default), and due
    within the week after; a plain indexed read of the stored plan."""
    with deps.store.unit_of_work(readonly=True) as uow:
        if on is None:
            on = deps.today(uow.get_candidate())
        rows = uow.agenda(on, on + timedelta(days=WEEK_AHEAD), limit)
    return Agenda(
        on,
        rows.overdue,
        rows.overdue_more,
        rows.today,
        rows.today_more,
        rows.upcoming,
        rows.upcoming_more,
        deps.mail_sign_in(),
    )


def today(deps: Dependencies) -> date:
    """Today's date where the candidate lives (a form's default day)."""
    with deps.store.unit_of_work(readonly=True) as uow:
        return deps.today(uow.get_candidate())


def list_opportunities(deps: Dependencies) -> list[OpportunitySummary]:
    """Every opportunity with its stage and next planned touch."""
    with deps.store.unit_of_work(readonly=True) as uow:
        return uow.summaries()
