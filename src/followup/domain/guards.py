"""Guards: warnings where a plan or a send goes past the stricter rule of the articles.

The articles disagree (001 sends up to three letters, 003 calls more than one desperate, 000 reads
follow-up letters as a need for approval); the guards say so instead of hiding it.
"""

from __future__ import annotations

import itertools
from collections import defaultdict
from dataclasses import dataclass
from datetime import date

from followup.domain.calendar import BusinessCalendar
from followup.domain.model import Opportunity, Touch
from followup.domain.policy import Policy
from followup.domain.vocabulary import NOUNS

STATUS_LETTERS = ("secondary", "final")
AFTER_REJECTION = ("stay_in_touch", "check_in")
LIVE = ("planned", "done")


@dataclass(frozen=True, slots=True)
class GuardWarning:
    rule: str
    message: str
    source: str
    contact: str | None = None
    step: str | None = None


def check_plan(
    opportunity: Opportunity,
    touches: list[Touch],
    policy: Policy,
    cal: BusinessCalendar,
    today: date,
) -> list[GuardWarning]:
    """Every warning for one opportunity's plan, as of `today`."""
    live = [t for t in touches if t.status in LIVE]
    return [
        *_too_many_status_letters(live, policy),
        *_too_close(live, policy, cal),
        *_after_rejection(opportunity, live),
        *_late_thanks(touches, today),
    ]


def _too_many_status_letters(live: list[Touch], policy: Policy) -> list[GuardWarning]:
    allowed, source = policy.guard("max_status_letters")
    per_contact: dict[str, int] = defaultdict(int)
    for touch in live:
        if touch.step in STATUS_LETTERS:
            per_contact[touch.contact] += 1
    return [
        GuardWarning(
            "status-letters",
            f"{count} status letters to {contact}; the {policy.name} policy allows {allowed} "
            "(003: more than one follow-up letter looks desperate)",
            source,
            contact=contact,
        )
        for contact, count in per_contact.items()
        if count > allowed
    ]


def _too_close(live: list[Touch], policy: Policy, cal: BusinessCalendar) -> list[GuardWarning]:
    """Two touches to one person within too few business days. A reply answers the employer
    (002: the same day), so it never counts as pressing."""
    gap, source = policy.guard("min_business_days_between_touches")
    by_contact: dict[str, list[Touch]] = defaultdict(list)
    for touch in live:
        if touch.step != "reply":
            by_contact[touch.contact].append(touch)
    warnings = []
    for contact, items in by_contact.items():
        items.sort(key=lambda t: (t.effective, t.seq))
        for before, after in itertools.pairwise(items):
            if "planned" not in (before.status, after.status):
                continue
            if cal.business_days_between(before.effective, after.effective) < gap:
                warnings.append(
                    GuardWarning(
                        "too-close",
                        f"{NOUNS[before.step]} ({before.effective.isoformat()}) and "
                        f"{NOUNS[after.step]} ({after.effective.isoformat()}) to {contact} "
                        f"are less than {gap} business days apart",
                        source,
                        contact=contact,
                        step=after.step,
                    )
                )
    return warnings


def _after_rejection(opportunity: Opportunity, live: list[Touch]) -> list[GuardWarning]:
    rejections = [e.date for e in opportunity.events if e.kind == "rejected"]
    if not rejections:
        return []
    rejected_on = min(rejections)
    return [
        GuardWarning(
            "after-rejection",
            f"{NOUNS[t.step]} to {t.contact} on {t.effective.isoformat()} comes after the "
            f"rejection of {rejected_on.isoformat()}; after a rejection only the stay-in-touch "
            "letter and check-ins keep the door open",
            "004",
            contact=t.contact,
            step=t.step,
        )
        for t in live
        if t.step not in AFTER_REJECTION and t.effective > rejected_on
    ]


def _late_thanks(touches: list[Touch], today: date) -> list[GuardWarning]:
    return [
        GuardWarning(
            "late-thank-you",
            f"thank-you to {t.contact} was due {t.due.isoformat()}; send it today "
            "(003: within two business days; 002: as soon as possible)",
            "003",
            contact=t.contact,
            step="thank_you",
        )
        for t in touches
        if t.step == "thank_you" and t.status == "planned" and t.due < today
    ]
