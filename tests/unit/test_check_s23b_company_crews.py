"""wrong-company: another company's first word that is also a place's name (Kallang, a district
of Singapore; Souss, a Moroccan valley; Gippsland, a region of Victoria) names the company when
an informal word for its people follows it, as "team" and "lot" already did: "the Kallang crew",
"the Souss guys", "the Gippsland squad", "the Souss tribe". Before this, those letters were clean
(letters98, l98-029). The letter's own company's crew, and a crew of the place ("a fishing crew
out of Galle harbour", "yard crews around Kallang") name no company."""

from __future__ import annotations

import pytest

from followup.services.dependencies import Dependencies
from followup.services.letters import check_letter

from .voices import voices_deps


@pytest.fixture(scope="module")
def deps() -> Dependencies:
    return voices_deps()


def _companies(deps: Dependencies, body: str) -> list[str]:
    text = f"Hi Khoa,\n\n{body}\n\nInes\nines.carvalho@mail.example"
    _, found = check_letter(deps, text, "s23b-gippsland", "Khoa Tran", "thank_you")
    return [text[f.start : f.end] for f in found if f.rule == "wrong-company"]


@pytest.mark.parametrize(
    ("body", "named"),
    [
        ("Great meeting the Kallang crew yesterday. Thanks for the walk-through.", "Kallang"),
        ("Thanks for the walk-through. The Souss guys could learn from your desk.", "Souss"),
        ("Thanks for the walk-through. The Kallang squad asked me the same question.", "Kallang"),
        ("Thanks for the walk-through; you remind me of the Souss tribe.", "Souss"),
    ],
)
def test_an_informal_word_for_its_people_makes_a_place_word_the_company(deps, body, named):
    assert _companies(deps, body) == [named]


@pytest.mark.parametrize(
    "body",
    [
        "Great meeting the Gippsland crew yesterday. Thanks for the walk-through.",
        "Thanks for the walk-through. I once sold rope to a fishing crew out of Galle harbour.",
        "Thanks for the walk-through. The yard crews around Kallang and Batam taught me a lot.",
        "Thanks for the walk-through. A crew of us sailed from Kallang last year.",
    ],
)
def test_the_letters_own_crew_and_a_crew_of_the_place_name_no_company(deps, body):
    assert _companies(deps, body) == []
