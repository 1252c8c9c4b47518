"""One opportunity's history on a date axis: interviews, every touch, what came from the hiring
side, the deadlines, and today — one mark each, in lanes a reader scans by person.

Pure: the opportunity, its touches and today's date are passed in.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from followup.domain.model import Opportunity, Touch

INTERVIEWS = "Interviews"
DECISIONS = "Decisions"
DEADLINES = "Deadlines"

TOUCH_NOUNS = {
    "thank_you": "Thank-you letter",
    "secondary": "Follow-up letter",
    "final": "Final letter",
    "call": "Call",
    "reply": "Answer",
    "stay_in_touch": "Stay-in-touch letter",
    "check_in": "Check-in",
}
EVENT_NOUNS = {
    "reply": "Message from",
    "invited": "Invited to the next round",
    "offer": "Offer",
    "rejected": "Rejection",
    "withdrawn": "Withdrew",
}


@dataclass(frozen=True, slots=True)
class Mark:
    """One thing on the axis. `kind` chooses the shape (interview, touch, message, decision,
    deadline, today) and `status` the look of a touch (planned, done, skipped, cancelled)."""

    day: date
    lane: str
    kind: str
    status: str
    label: str


@dataclass(frozen=True, slots=True)
class Timeline:
    lanes: tuple[str, ...]  # top to bottom
    marks: tuple[Mark, ...]  # by day
    start: date
    end: date


def opportunity_timeline(opportunity: Opportunity, touches: list[Touch], today: date) -> Timeline:
    """Every mark of the opportunity; the axis runs from the first mark to the last, today
    included."""
    people = opportunity.contact_names()
    for t in touches:
        if t.contact not in people:
            people.append(t.contact)
    marks: list[Mark] = []
    for interview in opportunity.interviews:
        names = ", ".join(c.name for c in interview.contacts) or "nobody recorded"
        marks.append(
            Mark(
                interview.date,
                INTERVIEWS,
                "interview",
                "held",
                f"Interview, round {interview.round}, with {names} — {_day(interview.date)}",
            )
        )
    for t in touches:
        marks.append(Mark(t.effective, t.contact, "touch", t.status, _touch_label(t)))
    for event in opportunity.events:
        if event.kind == "done":
            continue  # a touch made: its touch shows it
        if event.kind == "reply":
            lane = event.contact if event.contact in people else DECISIONS
            who = event.contact or "the company"
            at = f" at {event.time:%H:%M}" if event.time else ""
            label = f"Message from {who} — {_day(event.date)}{at}"
            marks.append(Mark(event.date, lane, "message", "received", label))
        else:
            label = f"{EVENT_NOUNS.get(event.kind, event.kind)} — {_day(event.date)}"
            marks.append(Mark(event.date, DECISIONS, "decision", event.kind, label))
    for name, when in (
        ("Preliminary interviews end", opportunity.timeline.preliminary_deadline),
        ("Second interviews end", opportunity.timeline.second_round_deadline),
    ):
        if when:
            marks.append(Mark(when, DEADLINES, "deadline", "deadline", f"{name} — {_day(when)}"))
    marks.append(Mark(today, "", "today", "today", f"Today — {_day(today)}"))
    marks.sort(key=lambda m: m.day)
    used = {m.lane for m in marks}
    lanes = tuple(lane for lane in (INTERVIEWS, *people, DECISIONS, DEADLINES) if lane in used)
    return Timeline(lanes, tuple(marks), marks[0].day, marks[-1].day)


def _touch_label(t: Touch) -> str:
    what = f"{TOUCH_NOUNS.get(t.step, t.step)} to {t.contact}"
    if t.step == "call":
        what = f"Call {t.contact}"
    if t.status == "done" and t.done_on:
        when = f"done {_day(t.done_on)}"
        if t.done_on != t.due:
            when += f" (due {_day(t.due)})"
    elif t.status == "planned":
        when = f"planned for {_day(t.due)}"
        if t.snoozed_until:
            when += f", snoozed to {_day(t.snoozed_until)}"
    else:
        when = f"{t.status} (was due {_day(t.due)})"
    reason = f": {t.reason}" if t.reason else ""
    return f"{what} — {when}{reason}"


def _day(d: date) -> str:
    return f"{d:%a} {d.day} {d:%b %Y}"
