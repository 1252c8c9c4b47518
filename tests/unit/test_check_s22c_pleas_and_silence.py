"""needy and asks-decision restated (000, 003): a plea for one chance ("Please. Just one
chance. That's all I'm asking.", "All I ask is a chance", "Just give me one shot, please"); the
silence reproached ("Three weeks and not a word.", "Two weeks with no reply") and the rapport
claimed ("I thought we had a connection"); a family back home counting on the post; the
interview asked as passed or cleared ("Just following up po if I passed the interview",
"whether I cleared the second round"). Near misses stay clean: one chance to fix an inverter, a
count asked of dealers, no word from a port authority or a dealer, a deal a dealer backed out
of, plugs that passed inspection, an exam the writer passed, a quote someone passed on."""

from __future__ import annotations

import pytest

from followup.adapters.check_rules import build_checker
from followup.domain.letters.context import LetterContext

CHECKER = build_checker(None)


def _found(body: str) -> list[str]:
    ctx = LetterContext(
        kind="check_in",
        recipient="Pieter van der Merwe",
        company="Karoo Solar (Pty) Ltd",
        people=("Pieter van der Merwe",),
        candidate_name="Thandiwe Mokoena",
    )
    text = f"Pieter,\n\n{body}\n\nThandiwe"
    return sorted(
        {f.rule for f in CHECKER.check(text, ctx) if f.rule in ("needy", "asks-decision")}
    )


@pytest.mark.parametrize(
    ("body", "rule"),
    [
        ("Please. Just one chance. That's all I'm asking. One chance.", "needy"),
        ("All I ask is a chance to show you what I can do.", "needy"),
        ("Just give me one shot, please.", "needy"),
        ("Three weeks and not a word. I thought we had a connection.", "needy"),
        ("Two weeks with no reply.", "needy"),
        ("I really thought we had a real connection on Tuesday.", "needy"),
        ("My family back home is counting on me getting this post.", "needy"),
        ("My family back in Durban is relying on me.", "needy"),
        ("Just following up po if I passed the interview.", "asks-decision"),
        ("I'm writing to ask whether I cleared the second round.", "asks-decision"),
        ("I'd love to know if I made it through the panel stage.", "asks-decision"),
    ],
)
def test_pleas_silence_and_the_interview_passed(body, rule):
    assert _found(body) == [rule], body


@pytest.mark.parametrize(
    "body",
    [
        "We had just one chance to fix the inverter before the harvest.",
        "That's all I'm asking the dealers for: a monthly count.",
        "The dealers get just one chance a year to order at the old price.",
        "Two weeks and no word from the port authority on the plugs.",
        "Three days and not a single call from the Welkom dealer about the stock.",
        "I thought we had a deal with the Welkom dealer, but he backed out.",
        "I'm checking whether the plugs passed the inspection.",
        "I passed the export compliance exam last week.",
        "Following up on whether Lerato passed the quote to the dealer.",
    ],
)
def test_near_misses_stay_clean(body):
    assert _found(body) == [], body
