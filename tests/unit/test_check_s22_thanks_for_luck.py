"""missing-thanks (001, 003, 004): gratitude that something went right ("I am grateful that the
video link held up", "thankful the rain stayed off"), and gratitude for the weather or a holiday
("thankful for the long weekend ahead"), thanks no one, so a thank-you letter that holds nothing
else thanks no one. Gratitude that the reader, their team or the meeting did something
("grateful that the team made time for me", "grateful that the interview ran long") still thanks
them."""

from __future__ import annotations

import pytest

from followup.adapters.check_rules import build_checker
from followup.domain.letters.context import LetterContext

CHECKER = build_checker(None)


def _found(body: str) -> list[str]:
    ctx = LetterContext(
        kind="thank_you",
        recipient="Fernanda Albuquerque",
        company="Paulista Software",
        people=("Fernanda Albuquerque",),
        candidate_name="Arjun Deshpande",
    )
    text = (
        f"Hi Fernanda,\n\n{body} I enjoyed our talk about reseller margins.\n\n"
        "Arjun Deshpande\n+91 98200 55123"
    )
    return [f.rule for f in CHECKER.check(text, ctx) if f.rule == "missing-thanks"]


@pytest.mark.parametrize(
    "body",
    [
        "I am grateful that the video link held up all the way through!",
        "Thankful the rain stayed off for my drive to the office.",
        "I'm grateful that my flight landed on time.",
        "So grateful that the connection didn't drop this time.",
        "I'm thankful for the long weekend ahead.",
        "Grateful for the sunshine in Toulouse today!",
    ],
)
def test_gratitude_for_luck_thanks_no_one(body):
    assert _found(body) == ["missing-thanks"], body


@pytest.mark.parametrize(
    "body",
    [
        "I am grateful that the team made time for me.",
        "Grateful that the interview ran long, as it let us cover the Bengaluru expansion.",
        "I'm grateful that you took the time to walk me through the partner programme.",
        "Grateful that the two of us could finally meet.",
        "Grateful for the plant tour and your time today.",
        "I'm thankful for the chance to talk to you.",
        "Grateful for the coffee and the tour of the lab.",
        "I'm grateful that this process was so well organised.",
        "I'm grateful that our paths crossed.",
        "I am grateful the video link held up, and grateful for your time.",
    ],
)
def test_gratitude_for_the_reader_or_the_meeting_thanks_them(body):
    assert _found(body) == [], body
