"""needy: the silence complained of whoever kept it ("nobody even wrote me back", "not a single
person has answered my emails", "none of you had got back to me") and the writer's fear of
having failed the interview put to the reader ("did I mess it up?", "did I blow it?", "I worry I
said something wrong") are guilt and a plea for reassurance (000, 003). Nobody at a fair having
seen a product, a question whether the writer got the dates in a sheet wrong, stay clean.
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
        ("s26a-porto", "Mariana Costa", "Since June nobody has bothered to get back to me."),
        ("s26a-gdansk", "Agnieszka Wróbel", "No-one has ever replied to my application."),
        (
            "s26a-entebbe",
            "Nakato Kiggundu",
            "Two interviews, and not one person has called me back.",
        ),
        ("s26a-porto", "Rui Teixeira", "None of you has been in touch since the interview."),
    ],
)
def test_silence_complained_of_is_needy(deps, opportunity, to, body):
    assert _rules(deps, opportunity, to, body) == ["needy"]


@pytest.mark.parametrize(
    ("opportunity", "to", "body"),
    [
        ("s26a-gdansk", "Michał Dąbrowski", "Have I screwed things up with Agnieszka?"),
        ("s26a-entebbe", "Okello Ojok", "Did I really bomb the interview that badly?"),
        ("s26a-porto", "Rui Teixeira", "I'm scared that I did something wrong on Tuesday."),
        ("s26a-entebbe", "Nakato Kiggundu", "I might have botched it with my answer on flowers."),
    ],
)
def test_fear_of_having_failed_is_needy(deps, opportunity, to, body):
    assert _rules(deps, opportunity, to, body) == ["needy"]


@pytest.mark.parametrize(
    ("opportunity", "to", "body"),
    [
        ("s26a-porto", "Mariana Costa", "Nobody at the Vinexpo stand had seen the new closures."),
        (
            "s26a-gdansk",
            "Michał Dąbrowski",
            "Did I mess up the dates in the ferry sheet? Here it is again.",
        ),
        (
            "s26a-gdansk",
            "Agnieszka Wróbel",
            "No one on the rail desk came to me with the customs forms.",
        ),
        (
            "s26a-entebbe",
            "Okello Ojok",
            "If no one answers at the cold room, I'll call you instead.",
        ),
    ],
)
def test_the_same_words_about_the_work_stay_clean(deps, opportunity, to, body):
    assert _rules(deps, opportunity, to, body) == []
