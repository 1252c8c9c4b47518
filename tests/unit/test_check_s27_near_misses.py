"""Near misses found by session 27's dev set letters115 and held-out letters116h, measured before
this round's change: a casual word of address is no name ("Dude, you're …"); thanks for a call
that told the decision does not ask for it, however the thanks is phrased ("grateful with you
for the call to tell me the decision"); "whether anyone has been through that" asks about an
experience, not whether the candidate got through; a quick yes or no asked for is the decision
asked for, and needy only when the writer would settle for it ("a simple yes or no would be
enough", "even a quick no") (000, 001, 003)."""

from __future__ import annotations

import pytest

from followup.services.dependencies import Dependencies

from .voices import rules_in, voices_deps


@pytest.fixture(scope="module")
def deps() -> Dependencies:
    return voices_deps()


def _letter(salutation: str, body: str) -> str:
    return f"{salutation}\n\n{body}\n\nBest regards,\nInes"


@pytest.mark.parametrize(
    ("body", "kind", "expected"),
    [
        ("Dude, thanks again for Tuesday and the tour of the depot.", "check_in", []),
        ("Thanks for Tuesday, bro. The depot tour was useful.", "check_in", []),
        (
            "I am very grateful with you for the call to tell me the decision, and for the time "
            "you gave me in August.",
            "stay_in_touch",
            [],
        ),
        (
            "Thank you for calling to tell me the outcome. I learned a lot from the process.",
            "stay_in_touch",
            [],
        ),
        (
            "I'd love to know whether anyone on the team has been through a relocation like that.",
            "check_in",
            [],
        ),
        (
            "I'd love to know whether I made it through the first round.",
            "check_in",
            ["asks-decision"],
        ),
        (
            "Could you tell me the decision when it is made?",
            "check_in",
            ["asks-decision"],
        ),
        (
            "A quick yes or no before the weekend would help me plan.",
            "check_in",
            ["asks-decision"],
        ),
        (
            "I know you're busy, but a simple yes or no would be enough.",
            "check_in",
            ["needy"],
        ),
    ],
)
def test_near_misses_read_as_they_are(deps, body, kind, expected):
    text = _letter("Dear Rebecca,", body)
    assert rules_in(deps, "northgate", "Rebecca Holt", text, kind) == expected
