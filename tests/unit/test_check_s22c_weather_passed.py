"""missing-thanks: gratitude that a storm passed, traffic eased or the rain stopped thanks no
one (001, 003, 004): "Thankful the typhoon passed before our meeting", "Grateful the traffic
eased in time", "So glad the rain stopped before our tour". Near misses keep their thanks:
the team or the panel that stopped to meet or answer, the reader who spared an hour."""

from __future__ import annotations

import pytest

from followup.adapters.check_rules import build_checker
from followup.domain.letters.context import LetterContext

CHECKER = build_checker(None)


def _found(body: str) -> list[str]:
    ctx = LetterContext(
        kind="thank_you",
        recipient="Maricel Santos",
        company="Visayas Cold Storage Inc.",
        people=("Maricel Santos",),
        candidate_name="Thandiwe Mokoena",
    )
    text = (
        f"Dear Ma'am Maricel,\n\n{body} I enjoyed discussing cold storage for seafood "
        "exporters.\n\nThandiwe Mokoena\nthandiwe.mokoena@mail.example"
    )
    return [f.rule for f in CHECKER.check(text, ctx) if f.rule == "missing-thanks"]


@pytest.mark.parametrize(
    "body",
    [
        "Thankful the typhoon passed before our meeting on Friday.",
        "Grateful the traffic eased in time for our meeting.",
        "So glad the rain stopped before our tour.",
        "Thankful the storm blew over before I set off.",
        "Grateful the load-shedding let up for the afternoon.",
    ],
)
def test_weather_that_passed_thanks_no_one(body):
    assert _found(body) == ["missing-thanks"], body


@pytest.mark.parametrize(
    "body",
    [
        "Grateful the whole team stopped by to meet me on Friday.",
        "Thankful the panel stopped to answer all my questions.",
        "I am grateful you spared an hour on Friday.",
        "Thank you for the tour, even though the rain never stopped.",
    ],
)
def test_near_misses_keep_their_thanks(body):
    assert _found(body) == [], body
