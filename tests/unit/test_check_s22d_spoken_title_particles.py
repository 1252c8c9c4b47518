"""wrong-name: a title of respect spoken to the reader mid-letter before a family name that
opens with lowercase particles ("Thank you, Mr van der Merwe, for…" to Johanna van der
Merwe) is a title like any other: of the other sex than the reader's, a letter meant for
someone else (article 001). Before this, the particles hid the title from the name."""

from __future__ import annotations

import pytest

from followup.adapters.check_rules import build_checker
from followup.domain.letters.context import Directory, LetterContext

CHECKER = build_checker(None)
PEOPLE = ["Johanna van der Merwe", "Pieter de Villiers", "Anna de Graaf", "Sipho Ndlovu"]
DIRECTORY = Directory.build([("karoo", "Karoo Freight", PEOPLE)])


def _wrong_names(to: str, body: str) -> list[str]:
    ctx = LetterContext(
        kind="check_in",
        recipient=to,
        company="Karoo Freight",
        opportunity="karoo",
        people=tuple(PEOPLE),
        candidate_name="Andile Khumalo",
        directory=DIRECTORY,
    )
    first = to.split()[0]
    text = f"Dear {first},\n\nThe border hours changed again. {body}\n\nAndile"
    return [text[f.start : f.end] for f in CHECKER.check(text, ctx) if f.rule == "wrong-name"]


@pytest.mark.parametrize(
    ("to", "body"),
    [
        ("Johanna van der Merwe", "Thank you, Mr van der Merwe, for explaining the routes."),
        ("Pieter de Villiers", "Thanks again, Ms de Villiers, for your time."),
        ("Anna de Graaf", "Thank you, Mr. de Graaf, for the tour of the depot."),
    ],
)
def test_a_title_of_the_other_sex_before_particles_is_a_wrong_name(to, body):
    assert _wrong_names(to, body)


@pytest.mark.parametrize(
    ("to", "body"),
    [
        ("Johanna van der Merwe", "Thank you, Ms van der Merwe, for explaining the routes."),
        ("Pieter de Villiers", "Thanks again, Mr de Villiers, for your time."),
        ("Anna de Graaf", "Thank you, Mrs. de Graaf, for the tour of the depot."),
        ("Sipho Ndlovu", "I met Mrs van der Merwe there, who sends her regards."),
    ],
)
def test_a_title_of_their_own_sex_or_another_persons_own_title_is_no_wrong_name(to, body):
    assert _wrong_names(to, body) == []
