"""flattery: the reader more of any quality than anyone of their kind ("you are far more
approachable than any director I have met", "you were more patient than anyone") and meeting
the reader the best part of the writer's trip or week ("meeting you was the best part of my
whole trip") fawn over the reader and the occasion (003). The reader more familiar than most
with a subject, the best part of a visit a tour of the site, stay clean.
(Found by session 26's dev sets letters110 and letters111, measured before this round's change.)"""

from __future__ import annotations

import pytest

from followup.services.dependencies import Dependencies

from .voices import rules_in, voices_deps


@pytest.fixture(scope="module")
def deps() -> Dependencies:
    return voices_deps()


def _rules(deps: Dependencies, opportunity: str, to: str, body: str) -> list[str]:
    text = f"Dear {to.split()[0]},\n\n{body}\n\nInes"
    return rules_in(deps, opportunity, to, text, "check_in")


@pytest.mark.parametrize(
    ("opportunity", "to", "body"),
    [
        (
            "s26a-porto",
            "Mariana Costa",
            "You are much more down-to-earth than any director I know.",
        ),
        (
            "s26a-gdansk",
            "Agnieszka Wróbel",
            "You're genuinely more generous than anybody in freight.",
        ),
        (
            "s26a-entebbe",
            "Okello Ojok",
            "You were so much more welcoming than all the other officers.",
        ),
        ("s26a-porto", "Rui Teixeira", "Sitting down with you was the happiest part of my stay."),
        ("s26a-entebbe", "Nakato Kiggundu", "Hearing from you was the best moment of my month."),
    ],
)
def test_the_reader_above_all_others_and_the_best_of_the_trip_are_flattery(
    deps, opportunity, to, body
):
    assert _rules(deps, opportunity, to, body) == ["flattery"]


@pytest.mark.parametrize(
    ("opportunity", "to", "body"),
    [
        (
            "s26a-gdansk",
            "Agnieszka Wróbel",
            "You're more familiar than most buyers with customs brokerage.",
        ),
        (
            "s26a-porto",
            "Mariana Costa",
            "You are more likely than most managers to see the Chile risk.",
        ),
        ("s26a-porto", "Rui Teixeira", "The best part of my visit was the TCA lab."),
        (
            "s26a-entebbe",
            "Okello Ojok",
            "The best part of the trip was seeing the cold rooms full.",
        ),
    ],
)
def test_comparisons_and_the_best_of_a_visit_about_the_work_stay_clean(deps, opportunity, to, body):
    assert _rules(deps, opportunity, to, body) == []
