"""The decision asked for read as structure (domain/letters/asking.py): a request (a question, or
a frame that asks to be told) whose object is the hiring outcome, beside the near misses that
share its words: a timeline stated, an offer to help them decide, a choice of something else, the
candidate's own choice, a thanks for being told. Letters written for this test, in other words
than the voices set's v3200-v3279."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from followup.domain.letters.asking import Asking
from followup.domain.letters.text import sentences

RULES = Path(__file__).parents[2] / "src" / "followup" / "checks" / "rules.json"


@pytest.fixture(scope="module")
def asking() -> Asking:
    return Asking(json.loads(RULES.read_text())["asks-decision"]["structure"])


def _asked(asking: Asking, text: str) -> list[str]:
    return [text[s:e] for s, e in asking.spans(text, text.lower(), text.lower(), sentences(text))]


@pytest.mark.parametrize(
    ("text", "asked"),
    [
        (
            "We'd be thankful to hear once you have appointed someone.",
            " once you have appointed someone.",
        ),
        ("Is the Field Sales post still vacant?", "Is the Field Sales post still vacant?"),
        (
            "Do tell me whether my candidature is still under consideration.",
            " me whether my candidature is still under consideration.",
        ),
        (
            "Curious if the panel has narrowed it down yet.",
            " if the panel has narrowed it down yet.",
        ),
        (
            "Could you indicate when the result will be out?",
            "Could you indicate when the result will be out?",
        ),
        (
            "May I ask where things stand with the Field Sales vacancy?",
            "May I ask where things stand with the Field Sales vacancy?",
        ),
    ],
)
def test_a_request_whose_object_is_the_hiring_outcome_is_found(
    asking: Asking, text: str, asked: str
) -> None:
    assert _asked(asking, text) == [asked]


@pytest.mark.parametrize(
    "text",
    [
        "You said the panel will choose by the 20th, which suits me.",
        "Let me know if anything else would help you decide.",
        "I'm curious which courier you picked for the Peak District run.",
        "Keen to know whether I chose the right example for the pricing question.",
        "Thank you for calling to tell me the outcome yourself.",
        "Could you tell me where the new depot will be?",
        "I wonder whether the council has settled on a shortlist of contractors.",
        "When will the new price list be decided?",
        "Where do things stand with the warehouse lease?",
    ],
)
def test_a_near_miss_asks_nothing_of_the_hire(asking: Asking, text: str) -> None:
    assert _asked(asking, text) == []
