"""What to do today: overdue touches, those due today, and the week ahead."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from followup.services.dependencies import Dependencies
from followup.services.storage import OpportunitySummary, TouchRow

TYPE_CHECKING = False  # typing is not loaded at start-up (the agenda starts here)
if TYPE_CHECKING:
    from followup.services.progress import DayLoad
    from followup.services.replies import Proposal

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
    )


@dataclass(frozen=True, slots=True)
class TodayView:
    """What the Today page shows."""

    agenda: Agenda
    ahead: list[DayLoad]  # touches due each day of the weeks ahead
    proposals: list[Proposal]  # events replies proposed, waiting for the candidate
    sign_in_needed: str | None  # why sending waits until the candidate signs in again


def today_view(deps: Dependencies, limit: int = 50) -> TodayView:
    """Everything the Today page shows, read in one transaction: the agenda, the weeks ahead,
    the events replies proposed; and whether sending waits for a mailbox sign-in."""
    from followup.services.progress import WEEKS_AHEAD, load_by_day
    from followup.services.replies import proposals_in

    with deps.store.unit_of_work(readonly=True) as uow:
        on = deps.today(uow.get_candidate())
        rows = uow.agenda(on, on + timedelta(days=WEEK_AHEAD), limit)
        days = 7 * WEEKS_AHEAD
        by_day = uow.due_per_day(on, on + timedelta(days=days - 1))
        proposals = proposals_in(uow)
    agenda = Agenda(
        on,
        rows.overdue,
        rows.overdue_more,
        rows.today,
        rows.today_more,
        rows.upcoming,
        rows.upcoming_more,
    )
    return TodayView(agenda, load_by_day(by_day, on, days), proposals, deps.mail_sign_in())


def today(deps: Dependencies) -> date:
    """Today's date where the candidate lives (a form's default day)."""
    with deps.store.unit_of_work(readonly=True) as uow:
        return deps.today(uow.get_candidate())


def list_opportunities(deps: Dependencies) -> list[OpportunitySummary]:
    """Every opportunity with its stage and next planned touch."""
    with deps.store.unit_of_work(readonly=True) as uow:
        return uow.summaries()
