"""asks-decision: the writer's standing asked as in or out (003): "any word yet on whether I'm
in or out?", "let me know if I'm in or out", "whether I'm still in contention", and the bare
"So, in or out?" or "In or out?" of a terse note. Near misses stay clean: dealers in or out of
a scheme, the reader in or out for a braai, the writer in or out of the office, a question the
dealers asked about a rebate scheme."""

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
    text = f"Howzit Pieter,\n\n{body}\n\nCheers,\nThandiwe"
    return [f.rule for f in CHECKER.check(text, ctx) if f.rule == "asks-decision"]


@pytest.mark.parametrize(
    "body",
    [
        "The dealer numbers came in better than expected. Any word yet on whether I'm in or out?",
        "Let me know if I'm in or out.",
        "Could you tell me whether I'm still in contention for the role?",
        "I'd love to know whether I am out or in, when you have a moment.",
        "So, in or out?",
        "Thanks for Tuesday. In or out?",
    ],
)
def test_in_or_out_asks_the_decision(body):
    assert _found(body) == ["asks-decision"], body


@pytest.mark.parametrize(
    "body",
    [
        "Any word yet on whether the dealers are in or out of the scheme?",
        "Are you in or out for the braai on Saturday?",
        "I'm not sure whether I'm in or out of the office on Friday.",
        "Are the Free State dealers in or out?",
        "The dealers asked about the rebate scheme: in or out?",
    ],
)
def test_near_misses_stay_clean(body):
    assert _found(body) == [], body
