"""asks-decision (003): whether the post is taken, asked by an idiom of things reserved ("Is the
Ontario territory spoken for yet?", "is the Asia role already spoken for?"). Near misses stay
clean: a slot or a person spoken for, a territory reported as taken by a rival."""

from __future__ import annotations

import pytest

from followup.adapters.check_rules import build_checker
from followup.domain.letters.context import LetterContext

CHECKER = build_checker(None)


def _found(body: str) -> list[str]:
    ctx = LetterContext(
        kind="reply",
        recipient="Camila Fuentes",
        company="Cerezas del Maule S.A.",
        people=("Camila Fuentes", "Tomás Herrera"),
        candidate_name="Farhan Siddiqui",
    )
    text = f"Camila,\n\n{body}\n\nFarhan"
    return sorted({f.rule for f in CHECKER.check(text, ctx) if f.rule == "asks-decision"})


@pytest.mark.parametrize(
    "body",
    [
        "Thanks for the list. Is the Ontario territory spoken for yet?",
        "Quick question: is the Asia role already spoken for?",
        "Is the key account position still spoken for, or is there room for one more?",
    ],
)
def test_the_post_asked_as_spoken_for_asks_the_decision(body):
    assert _found(body) == ["asks-decision"], body


@pytest.mark.parametrize(
    "body",
    [
        "The Thursday slot at the fair is spoken for, so I'll take Friday.",
        "Tomás tells me the February containers are all spoken for.",
        "I'm afraid I'm spoken for on Monday, but Tuesday works.",
    ],
)
def test_slots_and_containers_spoken_for_stay_clean(body):
    assert _found(body) == [], body
