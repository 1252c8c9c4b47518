"""What to do today: overdue touches, those due today, and the week ahead."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from followup.services.dependencies import Dependencies
from followup.services.storage import AgendaRows, OpportunitySummary, TouchRow, UnitOfWork

TYPE_CHECKING = False  # typing is not loaded at start-up (the agenda starts here)
if TYPE_CHECKING:
    from followup.domain.model import Candidate
    from followup.services.progress import DayLoad
    from followup.services.replies import Proposal

WEEK_AHEAD = 7


@dataclass(frozen=True, slots=True)
class Agenda:
    """What is due on a day: overdue, today and the days ahead, each list cut to its limit with
    how many more there are. (A docstring of its own: without one, dataclasses reads the class's
    signature with inspect, which the agenda otherwise never loads.)"""

    on: date
    overdue: list[TouchRow]
    overdue_more: int
    today: list[TouchRow]
    today_more: int
    upcoming: list[TouchRow]
    upcoming_more: int
    # Nothing new on the candidate's resume (no course, no other interview): a final letter
    # would have nothing to lead with (001), so the agenda asks for news before it.
    news_needed: bool = False

    @property
    def upcoming_later(self) -> bool:
        """The week ahead is empty and `upcoming` holds the next touch however far: it must not
        be shown as due "in the next seven days"."""
        week_end = self.on + timedelta(days=WEEK_AHEAD)
        return bool(self.upcoming) and self.upcoming[0].touch.shows_on > week_end


def agenda(deps: Dependencies, on: date | None = None, limit: int = 10) -> Agenda:
    """Planned touches overdue, due `on` (today where the candidate lives, by default), and due
    within the week after; a plain indexed read of the stored plan."""
    with deps.store.unit_of_work(readonly=True) as uow:
        candidate = uow.get_candidate()
        if on is None:
            on = deps.today(candidate)
        rows = uow.agenda(on, on + timedelta(days=WEEK_AHEAD), limit)
        news_needed = _news_needed(candidate, rows, uow, on)
    return Agenda(
        on,
        rows.overdue,
        rows.overdue_more,
        rows.today,
        rows.today_more,
        rows.upcoming,
        rows.upcoming_more,
        news_needed,
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
        candidate = uow.get_candidate()
        on = deps.today(candidate)
        rows = uow.agenda(on, on + timedelta(days=WEEK_AHEAD), limit)
        days = 7 * WEEKS_AHEAD
        by_day = uow.due_per_day(on, on + timedelta(days=days - 1))
        proposals = proposals_in(uow)
        news_needed = _news_needed(candidate, rows, uow, on)
    agenda = Agenda(
        on,
        rows.overdue,
        rows.overdue_more,
        rows.today,
        rows.today_more,
        rows.upcoming,
        rows.upcoming_more,
        news_needed,
    )
    return TodayView(agenda, load_by_day(by_day, on, days), proposals, deps.mail_sign_in())


def _news_needed(candidate: Candidate | None, rows: AgendaRows, uow: UnitOfWork, on: date) -> bool:
    """A final letter is in view but nothing is new on the candidate's resume (no course taken
    since that interview, no other interview): the letter would have nothing to lead with
    (001). A course over before the interview is background, not news."""
    from followup.domain.letters.drafting import courses_since

    finals = {
        r.touch.opportunity
        for r in (*rows.overdue, *rows.today, *rows.upcoming)
        if r.touch.step == "final"
    }
    if not finals:
        return False
    if candidate is None or not candidate.courses:
        return not (candidate is not None and candidate.other_interviews)
    if candidate.other_interviews:
        return False
    for oid in sorted(finals):  # only read when the courses may all be older than a final's
        opportunity = uow.get_opportunity(oid)
        first = opportunity.first_interview() if opportunity else None
        if not courses_since(candidate.courses, first.date if first else None, on):
            return True
    return False


def today(deps: Dependencies) -> date:
    """Today's date where the candidate lives (a form's default day)."""
    with deps.store.unit_of_work(readonly=True) as uow:
        return deps.today(uow.get_candidate())


def list_opportunities(deps: Dependencies) -> list[OpportunitySummary]:
    """Every opportunity with its stage and next planned touch."""
    with deps.store.unit_of_work(readonly=True) as uow:
        return uow.summaries()
