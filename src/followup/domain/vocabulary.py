"""The product's words, defined once: the follow-up steps (DESIGN's rules table), the events, and
how a date or a countdown is said. The planner, the guards, the policies, the letters, the CLI,
the web and the calendar export all read them from here.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date


@dataclass(frozen=True, slots=True)
class Step:
    """One kind of follow-up touch."""

    id: str
    label: str  # in lists and headings: "thank-you"
    action: str  # what the candidate does, as a reminder says it: "Send thank-you to"
    noun: str  # in a sentence: "the secondary letter to Dana"
    channel: str  # when a policy names none
    params: tuple[str, ...]  # the numbers a policy gives to work out its due date (domain/policy)
    sources: tuple[str, ...]  # the articles in seeds/ it comes from


STEP_LIST = (
    Step(
        "thank_you",
        "thank-you",
        "Send thank-you to",
        "thank-you",
        "email",
        ("business_days_after_interview",),
        ("001", "002", "003"),
    ),
    Step(
        "secondary",
        "secondary",
        "Send follow-up letter to",
        "secondary letter",
        "email",
        ("business_days_before_preliminary_deadline",),
        ("001",),
    ),
    Step(
        "final",
        "final",
        "Send final letter to",
        "final letter",
        "email",
        ("days_after_second_round_deadline",),
        ("001",),
    ),
    Step("call", "call", "Call", "call", "phone", ("days_after_thank_you",), ("003",)),
    Step("reply", "reply", "Reply to", "reply", "email", (), ("002",)),
    Step(
        "stay_in_touch",
        "stay-in-touch",
        "Send stay-in-touch to",
        "stay-in-touch letter",
        "email",
        ("business_days_after_rejection",),
        ("004",),
    ),
    Step(
        "check_in",
        "check-in",
        "Check in with",
        "check-in",
        "email",
        ("count", "every_days"),
        ("004",),
    ),
)
STEP = {step.id: step for step in STEP_LIST}
STEPS = tuple(STEP)
# The same words keyed by step id, for templates and formats.
ACTIONS = {s.id: s.action for s in STEP_LIST}
LABELS = {s.id: s.label for s in STEP_LIST}
NOUNS = {s.id: s.noun for s in STEP_LIST}

EVENT_KINDS = ("done", "reply", "invited", "offer", "rejected", "withdrawn")
# How a reason names the event that cancelled a touch: "cancelled by the reply of 2027-01-04".
EVENT_NOUNS = {
    "invited": "the invitation to the next round",
    "reply": "the reply",
    "offer": "the offer",
    "withdrawn": "the withdrawal",
    "rejected": "the rejection",
}


def day(d: date, today: date | None = None) -> str:
    """`Mon 28 Dec`; with the year when it is far from `today` (or when there is no today)."""
    text = f"{d:%a} {d.day} {d:%b}"
    near = today is not None and (d.year == today.year or abs((d - today).days) < 120)
    return text if near else f"{text} {d.year}"


def countdown(due: date, on: date) -> str:
    """`due today`, `2 days left`, `1 day overdue`."""
    days = (due - on).days
    if days == 0:
        return "due today"
    if days > 0:
        return f"{days} day{'s' if days != 1 else ''} left"
    return f"{-days} day{'s' if days != -1 else ''} overdue"
