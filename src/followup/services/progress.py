"""Seeing the search at a glance: how the follow-up is going, the funnel, the weeks ahead, and one
opportunity's history on a date axis."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta

from followup.domain.model import Candidate
from followup.domain.progress import WINDOWS_WEEKS, Funnel, Progress, earliest_start, progress
from followup.services.dependencies import Dependencies
from followup.services.storage import OpportunitySummary

WEEKS_AHEAD = 4


def follow_up_progress(deps: Dependencies, weeks: Iterable[int] = WINDOWS_WEEKS) -> Progress:
    """The figures of `followup stats` and the Progress page, over each window ending today."""
    weeks = tuple(weeks)
    stamp = deps.store.changes()  # before reading: a write meanwhile moves it for next time
    with deps.store.unit_of_work(readonly=True) as uow:
        candidate = uow.get_candidate()
        today = deps.today(candidate)
        key = (today, weeks, candidate)
        cached = deps.cache.get("progress")
        if stamp is not None and cached is not None and cached[0] == stamp:
            kept_key, kept = cached[1]
            if kept_key == key:  # nothing stored has changed, nor the day
                return kept  # type: ignore[no-any-return]
        history = uow.history(earliest_start(today, weeks), today)
    calendar = deps.calendars(candidate or Candidate())
    figures = progress(history, calendar, today, weeks)
    if stamp is not None:
        deps.cache["progress"] = (stamp, (key, figures))
    return figures


@dataclass(frozen=True, slots=True)
class DayLoad:
    day: date
    touches: int


def load_by_day(by_day: dict[date, int], start: date, days: int) -> list[DayLoad]:
    return [
        DayLoad(start + timedelta(days=i), by_day.get(start + timedelta(days=i), 0))
        for i in range(days)
    ]


@dataclass(frozen=True, slots=True)
class Pipeline:
    today: date
    opportunities: list[OpportunitySummary]
    funnel: Funnel
    ahead: list[DayLoad]


def pipeline(deps: Dependencies) -> Pipeline:
    """Every opportunity by stage, how far they got, and the touches due in the weeks ahead."""
    with deps.store.unit_of_work(readonly=True) as uow:
        today = deps.today(uow.get_candidate())
        days = 7 * WEEKS_AHEAD
        ahead = uow.due_per_day(today, today + timedelta(days=days - 1))
        return Pipeline(today, uow.summaries(), uow.funnel(), load_by_day(ahead, today, days))


def weeks_ahead(deps: Dependencies, on: date, weeks: int = WEEKS_AHEAD) -> list[DayLoad]:
    """How many touches are due each day for the next `weeks` weeks from `on`."""
    days = 7 * weeks
    with deps.store.unit_of_work(readonly=True) as uow:
        by_day = uow.due_per_day(on, on + timedelta(days=days - 1))
    return load_by_day(by_day, on, days)
