"""flattery in figures the check had not met (003): the reader's place as the finest ever walked
into ("the most beautiful workplace I have ever walked into"), an hour or minutes with the
reader worth more than the writer's own degree ("worth more than my entire MBA"), others "not
fit to tie your shoelaces" or who "aren't fit to polish your shoes", the reader or their family
as a towering figure ("a towering figure, and you are every bit his equal"), the reader's family
or team proud of them, and the meeting as an audience with greatness or royalty. Near misses
stay clean: the biggest site the writer has visited said of a customer, an MBA weighed with a
reason, shoelaces tied, a company called a giant of its trade, and the formal "your esteemed
organisation"."""

from __future__ import annotations

import pytest

from followup.adapters.check_rules import build_checker
from followup.domain.letters.context import LetterContext

CHECKER = build_checker(None)


def _found(body: str) -> list[str]:
    ctx = LetterContext(
        kind="check_in",
        recipient="Sophie Lefèvre",
        company="Garonne Aéro Composites",
        people=("Sophie Lefèvre",),
        candidate_name="Arjun Deshpande",
    )
    text = f"Dear Sophie,\n\n{body}\n\nBest regards,\nArjun Deshpande"
    return [f.rule for f in CHECKER.check(text, ctx) if f.rule == "flattery"]


@pytest.mark.parametrize(
    "body",
    [
        "The office you built is the most beautiful workplace I have ever walked into.",
        "Your office is the finest I have ever set foot in.",
        "Your headquarters must be the most elegant building I have ever visited.",
        "Your boardroom is the grandest room I have ever stepped into.",
        "That one hour with you was worth more than my entire MBA.",
        "Our conversation taught me more than my whole degree.",
        "Other account managers I have met are not fit to tie your shoelaces.",
        "Most directors couldn't carry your briefcase.",
        "Frankly, most sales directors aren't fit to polish your shoes.",
        "Forty minutes with you were worth more than my entire degree in marketing.",
        "Please convey my respects to your father, a towering figure in aerospace.",
        "You are every bit his equal.",
        "You are a giant of this industry.",
        "Your children must be so proud of you.",
        "Your team must be very proud to have you.",
        "It was an honour to sit in the presence of greatness.",
        "Sitting across from you felt like meeting royalty.",
    ],
)
def test_places_hours_shoelaces_and_towering_figures_fawn(body):
    assert _found(body) == ["flattery"], body


@pytest.mark.parametrize(
    "body",
    [
        "The Airbus line at Bengaluru is the biggest site I have ever visited for a client.",
        "My MBA taught me pricing; the plant tour taught me the audit side.",
        "I finally tied my shoelaces properly for the clean room.",
        "Safran is a giant of the engine trade and a prospect worth watching.",
        "I thank your esteemed organisation for the opportunity.",
        "The supplier audit was worth more than the fee, in the end.",
        "Your team must be proud of the Kraków tender win.",
        "Meeting the state procurement office felt like a turning point for the depot plan.",
        "As you know, Lagos is the busiest port I have ever visited.",
        "You mentioned Recife; it is the hottest city I have ever worked in.",
        "Thank you for the tour: the Kano mill is the cleanest plant I have ever visited.",
        "The export course was worth more than my entire first year's salary.",
    ],
)
def test_near_misses_stay_clean(body):
    assert _found(body) == [], body
