"""wrong-name: a title of respect of one sex before the surname of someone whose given name is
of the other is a letter meant for someone else (article 001). Scandinavian given names
(Sølvi, Ingrid, Bjørn, Håkon), Southern African ones in Zulu, Xhosa, Sotho and Tswana (Sipho,
Thabo, Nomvula, Lerato) and Afrikaans ones (Anel, Pieter) are not in the Census lists: before
this, "Dear Mr Åsheim" to Sølvi Åsheim and "Dear Ms Ndlovu" to Sipho Ndlovu passed."""

from __future__ import annotations

import pytest

from followup.adapters.check_rules import build_checker
from followup.domain.letters.context import Directory, LetterContext

CHECKER = build_checker(None)
PEOPLE = [
    "Sølvi Åsheim",
    "Bjørn Håkon Lie",
    "Ingrid Sæther",
    "Sipho Ndlovu",
    "Nomvula Dlamini",
    "Thabo Mokoena",
    "Lerato Molefe",
    "Anel Botha",
    "Pieter Steyn",
]
DIRECTORY = Directory.build([("bolge", "Bølge Energy", PEOPLE)])


def _wrong_names(to: str, salutation: str) -> list[str]:
    ctx = LetterContext(
        kind="check_in",
        recipient=to,
        company="Bølge Energy",
        opportunity="bolge",
        people=tuple(PEOPLE),
        candidate_name="Andile Khumalo",
        directory=DIRECTORY,
    )
    text = f"{salutation}\n\nThe grid operator published its new queue today.\n\nAndile"
    return [text[f.start : f.end] for f in CHECKER.check(text, ctx) if f.rule == "wrong-name"]


@pytest.mark.parametrize(
    ("to", "salutation"),
    [
        ("Sølvi Åsheim", "Dear Mr Åsheim,"),
        ("Ingrid Sæther", "Dear Mr. Sæther,"),
        ("Bjørn Håkon Lie", "Dear Ms Lie,"),
        ("Sipho Ndlovu", "Dear Ms Ndlovu,"),
        ("Thabo Mokoena", "Dear Mrs Mokoena,"),
        ("Nomvula Dlamini", "Dear Mr Dlamini,"),
        ("Lerato Molefe", "Dear Mr. Molefe,"),
        ("Anel Botha", "Dear Mr Botha,"),
        ("Pieter Steyn", "Dear Ms Steyn,"),
    ],
)
def test_a_title_of_the_other_sex_is_a_wrong_name(to, salutation):
    assert _wrong_names(to, salutation)


@pytest.mark.parametrize(
    ("to", "salutation"),
    [
        ("Sølvi Åsheim", "Dear Ms Åsheim,"),
        ("Ingrid Sæther", "Dear Mrs Sæther,"),
        ("Bjørn Håkon Lie", "Dear Mr Lie,"),
        ("Sipho Ndlovu", "Dear Mr Ndlovu,"),
        ("Nomvula Dlamini", "Dear Ms Dlamini,"),
        ("Lerato Molefe", "Dear Dr Molefe,"),
        ("Anel Botha", "Dear Ms Botha,"),
        ("Pieter Steyn", "Hi Pieter,"),
    ],
)
def test_a_title_of_their_own_sex_or_of_none_is_no_wrong_name(to, salutation):
    assert _wrong_names(to, salutation) == []
