"""flattery in a call script: its "she" and "he" are the person called (DESIGN; article 003)."""

from __future__ import annotations

import pytest

from followup.adapters.check_rules import build_checker
from followup.domain.letters.context import LetterContext
from followup.domain.letters.spoken import second_person

CHECKER = build_checker(None)


def _flattery(text: str, kind: str = "call", people: tuple[str, ...] = ()) -> list[str]:
    ctx = LetterContext(
        kind=kind,
        recipient="Graham Fenwick",
        company="Larkspur Energy",
        people=("Graham Fenwick", *people),
        candidate_name="Ines Carvalho",
    )
    return [text[f.start : f.end] for f in CHECKER.check(text, ctx) if f.rule == "flattery"]


def test_the_recipients_pronouns_are_read_as_said_to_them_with_the_verb_agreeing() -> None:
    spoken, _, _ = second_person(
        "- Tell him he is sharp, that she runs the best team and his office is grand.\n"
        "- Thank her. Compliment her on her desk; she's kind, she teaches well.",
        "Graham",
        frozenset(),
    )
    assert spoken == (
        "- Tell you you are sharp, that you run the best team and your office is grand.\n"
        "- Thank you. Compliment you on your desk; you're kind, you teach well."
    )


def test_the_recipients_first_name_as_subject_or_owner_is_read_as_you() -> None:
    spoken, _, _ = second_person(
        "Graham is a genius. Graham's office is lovely; Graham's the best. Call Graham Fenwick.",
        "Graham",
        frozenset(),
    )
    assert spoken == (
        "you are a genius. your office is lovely; you're the best. Call Graham Fenwick."
    )


def test_a_line_naming_someone_else_met_is_left_as_it_is() -> None:
    text = "- Ask Priscilla whether he is free.\n- Say he is free."
    spoken, _, _ = second_person(text, "Graham", frozenset({"priscilla", "wong"}))
    assert spoken == "- Ask Priscilla whether he is free.\n- Say you are free."


def test_each_place_of_the_spoken_script_maps_back_to_the_words_it_stands_for() -> None:
    text = "Say he is the best."
    spoken, starts, ends = second_person(text, "Graham", frozenset())
    assert len(starts) == len(ends) == len(spoken)
    at = spoken.index("you are")
    assert text[starts[at] : ends[at + len("you are") - 1]] == "he is"
    best = spoken.index("best")
    assert text[starts[best] : ends[best + 3]] == "best"


@pytest.mark.parametrize(
    ("script", "praise"),
    [
        (
            "Call Graham\n- Open by telling him he is the shrewdest sales director in the whole"
            " of the North East.\n- Offer the churn model.",
            "the shrewdest sales director in the whole of the North East",
        ),
        (
            "Call Graham\n- Say his office is the grandest I have set foot in.",
            "office is the grandest",
        ),
        ("Call Graham\n- Tell him he is a genius.\n- Offer the tracker.", "a genius"),
    ],
)
def test_praise_of_the_recipient_in_the_third_person_is_flattery_on_the_scripts_own_words(
    script: str, praise: str
) -> None:
    found = _flattery(script)
    assert found and any(praise in f or f in praise for f in found)
    assert all(f in script for f in found)


@pytest.mark.parametrize(
    "script",
    [
        "Call Graham\n- Tell him the churn model is the most detailed one I have built.",
        "Call Graham\n- Ask whether the Leeds depot is the biggest in the North.",
        "Call Graham\n- Mention that Priscilla is a genius with the CRM; she runs the best team.",
    ],
)
def test_a_script_that_praises_a_thing_made_or_another_person_met_is_no_flattery(
    script: str,
) -> None:
    assert _flattery(script, people=("Priscilla Wong",)) == []


def test_a_letter_that_speaks_of_someone_in_the_third_person_is_not_read_as_to_them() -> None:
    text = "Dear Graham,\n\nI told my old manager he is a genius.\n\nInes"
    assert _flattery(text, kind="check_in") == []
