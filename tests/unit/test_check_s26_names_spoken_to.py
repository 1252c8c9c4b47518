"""wrong-name: a name no list holds set off in a postscript before a clause for the reader
("P.S. Wanjiru, thank you again"), the recipient's given name in the other sex's form set off as
spoken to ("One question, Filipe:" to Filipa), and a name after a day or a month that ends a
sentence speaking to the reader ("See you on Thursday, Paweł!") address someone other than the
recipient (001). The recipient's own name there, a thanks in another language opening the letter
("Valeu, Thiago!"), a place after a day, and a person spoken of in a postscript, stay clean.
(Found by session 26's dev sets letters110 and letters111, measured before this round's change.)"""

from __future__ import annotations

import pytest

from followup.services.dependencies import Dependencies

from .voices import rules_in, voices_deps


@pytest.fixture(scope="module")
def deps() -> Dependencies:
    return voices_deps()


@pytest.mark.parametrize(
    ("opportunity", "to", "text"),
    [
        (
            "s26a-gdansk",
            "Michał Dąbrowski",
            "Hi Michał,\n\nNoted.\n\nInes\n\nP.S. Nalule, thanks for the map!",
        ),
        (
            "s26a-porto",
            "Rui Teixeira",
            "Rui,\n\nAll received.\n\nInes\n\nPS: Wairimu, I hope the trip home was easy.",
        ),
        (
            "s26a-porto",
            "Mariana Costa",
            "Dear Mariana,\n\nQuick question, Mariano: do you ship to Chile by sea?\n\nInes",
        ),
        (
            "s26a-gdansk",
            "Agnieszka Wróbel",
            "Dear Agnieszka,\n\nSee you in October, Grażyna!\n\nInes",
        ),
        ("s26a-entebbe", "Nakato Kiggundu", "Dear Nakato,\n\nEnjoy your Saturday, Nankya.\n\nInes"),
    ],
)
def test_names_spoken_to_are_another_persons(deps, opportunity, to, text):
    assert rules_in(deps, opportunity, to, text, "reply") == ["wrong-name"]


@pytest.mark.parametrize(
    ("opportunity", "to", "text"),
    [
        (
            "s26a-gdansk",
            "Agnieszka Wróbel",
            "Dear Agnieszka,\n\nSee you in October, Agnieszka!\n\nInes",
        ),
        ("s26a-porto", "Rui Teixeira", "Valeu, Rui! Got the TCA results.\n\nInes"),
        ("s26a-porto", "Mariana Costa", "Gracias, Mariana! The figures follow.\n\nInes"),
        (
            "s26a-gdansk",
            "Michał Dąbrowski",
            "Hi Michał,\n\nWe loaded it on Monday, Gdynia.\n\nInes",
        ),
        (
            "s26a-entebbe",
            "Nakato Kiggundu",
            "Dear Nakato,\n\nThe EU note is attached.\n\nInes\n\n"
            "P.S. Okello mentioned the cold room opens in August.",
        ),
    ],
)
def test_the_recipient_a_thanks_and_a_place_stay_clean(deps, opportunity, to, text):
    assert rules_in(deps, opportunity, to, text, "reply") == []
