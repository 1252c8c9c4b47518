"""asks-decision in idioms (003): the hire asked as sealed ("Has the regional job been signed,
sealed and delivered yet?", "Is the position all sewn up?", "is the role in the bag?") and the
writer's waiting asked about ("Should I keep my diary free for an offer, or move on?", "Should
I keep looking?", "Should I just move on?"). Near misses stay clean: a contract signed and
sealed, a dealer deal in the bag, a rebate done and dusted, moving on to the next dealers,
looking for a second supplier, a diary kept free for a dealer day."""

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
    return [f.rule for f in CHECKER.check(text, ctx) if f.rule == "asks-decision"]


@pytest.mark.parametrize(
    "body",
    [
        "Has the regional job been signed, sealed and delivered yet?",
        "Is the position all sewn up?",
        "Is the role in the bag yet?",
        "Should I keep my diary free for an offer, or move on?",
        "Should I keep looking?",
        "Should I just move on?",
    ],
)
def test_the_hire_sealed_and_the_wait_asked(body):
    assert _found(body) == ["asks-decision"], body


@pytest.mark.parametrize(
    "body",
    [
        "Has the Welkom contract been signed, sealed and delivered yet?",
        "Is the dealer deal in the bag?",
        "Is the rebate done and dusted?",
        "Should I move on to the Free State dealers next?",
        "Should I keep looking for a second supplier in Welkom?",
        "Should I keep my diary free for the dealer day on the 12th?",
    ],
)
def test_near_misses_stay_clean(body):
    assert _found(body) == [], body
