"""asks-decision: a check made of whether the hire is decided ("just checking whether y'all
have made the call", "checking if you guys have picked someone") asks for the decision, the
reader's side named as a plural you of any region (003). A check that a file arrived stays clean.
new-topic: a move of the reader's colleague to another firm read of ("I saw that your CFO has
moved to Neoenergia", "I noticed on LinkedIn that your CTO joined Amorim") is gossip the
interview never touched (003); a colleague's talk at a conference read of stays clean.
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
        ("s26a-porto", "Mariana Costa", "Just checking whether y'all have chosen someone."),
        ("s26a-gdansk", "Agnieszka Wróbel", "I'm checking in to see if you folks have decided."),
        ("s26a-entebbe", "Nakato Kiggundu", "Checking whether you guys have filled the role yet."),
    ],
)
def test_checking_whether_the_hire_is_made_asks_for_the_decision(deps, opportunity, to, body):
    assert _rules(deps, opportunity, to, body) == ["asks-decision"]


@pytest.mark.parametrize(
    ("opportunity", "to", "body"),
    [
        ("s26a-porto", "Rui Teixeira", "I saw that your COO has moved to Corticeira Amorim."),
        ("s26a-gdansk", "Michał Dąbrowski", "I read in the press that your CFO joined DB Cargo."),
        ("s26a-entebbe", "Okello Ojok", "I spotted online that your old boss has jumped ship."),
    ],
)
def test_a_colleagues_move_read_of_is_a_new_topic(deps, opportunity, to, body):
    assert _rules(deps, opportunity, to, body) == ["new-topic"]


@pytest.mark.parametrize(
    ("opportunity", "to", "body"),
    [
        ("s26a-entebbe", "Okello Ojok", "Just checking whether the loading plan reached you."),
        (
            "s26a-gdansk",
            "Michał Dąbrowski",
            "I read that your CFO spoke at the Gdynia freight forum.",
        ),
        (
            "s26a-porto",
            "Rui Teixeira",
            "I saw that your CFO moved to the Lisbon office for the summer.",
        ),
    ],
)
def test_a_file_checked_and_a_talk_read_of_stay_clean(deps, opportunity, to, body):
    assert _rules(deps, opportunity, to, body) == []
