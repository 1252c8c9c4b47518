"""What the chart templates need to put numbers into words: the same words the terminal uses
(`domain.progress.of`, `days_text`)."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from followup.domain.progress import Share, StepAnswers, days_text, of
from followup.domain.timeline import TOUCH_NOUNS, Timeline


def short_day(d: date) -> str:
    """`Mon 30` on a chart axis; the full day is in the tooltip and the table."""
    return f"{d:%a} {d.day}"


def load_text(load: Any) -> str:
    return f"{load.day:%a} {load.day.day} {load.day:%b}: {touches_text(load.touches)}"


def touches_text(n: int) -> str:
    return f"{n} touch{'es' if n != 1 else ''}"


def weeks_label(weeks: int) -> str:
    return f"Last {weeks} weeks"


def percent(share: Share) -> float:
    return round(100 * share.share, 1) if share.share is not None else 0.0


def summary_of(share: Share) -> str:
    return share.summary()


def step_label(step: str) -> str:
    return TOUCH_NOUNS.get(step, step)


def answer_text(a: StepAnswers) -> str:
    return f"{step_label(a.step).lower()} {of(a.answered, a.made)}"


def funnel_text(step: tuple[str, int], total: int) -> str:
    name, n = step
    return f"{name}: {n}" + (f" ({int(100 * n / total + 0.5)}%)" if total and n != total else "")


def timeline_data(timeline: Timeline) -> dict[str, Any]:
    """The marks for the timeline chart, with a little room at each end of the axis."""
    days = (timeline.end - timeline.start).days
    pad = timedelta(days=max(2, days // 30))
    today = next(m for m in timeline.marks if m.kind == "today")
    return {
        "lanes": list(timeline.lanes),
        "marks": [
            {
                "day": m.day.isoformat(),
                "lane": m.lane,
                "kind": m.kind,
                "status": m.status,
                "label": m.label,
            }
            for m in timeline.marks
        ],
        "today": today.day.isoformat(),
        "today_label": today.label,
        "start": (timeline.start - pad).isoformat(),
        "end": (timeline.end + pad).isoformat(),
        "unit": "day" if days <= 45 else "week" if days <= 240 else "month",
    }


def timeline_width(timeline: Timeline) -> int | None:
    """At least 2 pixels a day, so that a long history scrolls sideways on a phone rather than
    piling its marks up; a short one simply fits."""
    days = (timeline.end - timeline.start).days
    wanted = 2 * days + 140
    return wanted if wanted > 360 else None


# The timeline's key, in the order and colours of charts.js's MARKS (symbol, meaning).
TIMELINE_KEY = (
    ("◆", "Interview"),
    ("○", "Planned"),
    ("●", "Done"),
    ("–", "Skipped"),
    ("✕", "Cancelled"),
    ("▲", "Message from them"),
    ("✱", "Decision"),
    ("□", "Deadline"),
    ("┆", "Today"),
)


def register(env: Any) -> None:
    env.filters.update(
        short_day=short_day,
        load_text=load_text,
        weeks_label=weeks_label,
        percent=percent,
        summary_of=summary_of,
        step_label=step_label,
        answer_text=answer_text,
        funnel_text=funnel_text,
        touches_text=touches_text,
        timeline_data=timeline_data,
        timeline_width=timeline_width,
    )
    env.globals.update(days_text=days_text, timeline_key=TIMELINE_KEY)
