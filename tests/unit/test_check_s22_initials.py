"""wrong-name: a salutation may call its reader by initials ("Hi JP,", "Dear J.P.,", "Salut
JB,"): the initials of their own names (all of them, their given names, or their first and
last) are the recipient; the initials of someone else in the user's data are a letter meant
for them (article 001). Initials of no one ("Dear HR,") are left to other readings."""

from __future__ import annotations

import pytest

from followup.adapters.check_rules import build_checker
from followup.domain.letters.addressing import initials_of
from followup.domain.letters.context import Directory, LetterContext

CHECKER = build_checker(None)
DIRECTORY = Directory.build(
    [
        ("campinas", "Campinas Logística", ["Maria José Figueiredo", "João Pedro Santos"]),
        ("rivage", "Rivage Cosmétiques", ["Jean-Baptiste Martin", "Hélène Dubois-Lefèvre"]),
        ("saffron", "Saffron Logistics", ["Meenakshi Iyer", "Arjun Malhotra"]),
    ]
)


def _wrong_names(to: str, salutation: str, opportunity: str = "campinas") -> list[str]:
    people = tuple(n for names in DIRECTORY.people.values() for n, o in names if o == opportunity)
    ctx = LetterContext(
        kind="check_in",
        recipient=to,
        company="Campinas Logística",
        opportunity=opportunity,
        people=people,
        candidate_name="Thiago Nogueira",
        directory=DIRECTORY,
    )
    text = f"{salutation}\n\nThe go-live was announced this morning.\n\nThiago"
    return [text[f.start : f.end] for f in CHECKER.check(text, ctx) if f.rule == "wrong-name"]


def test_initials_of_all_names_given_names_and_first_and_last():
    assert initials_of("Maria José Figueiredo") == {"MJF", "MJ", "MF"}
    assert initials_of("Jean-Baptiste Martin") == {"JBM", "JB", "JM"}
    assert initials_of("Arjun Malhotra") == {"AM"}


@pytest.mark.parametrize(
    ("to", "salutation"),
    [
        ("Maria José Figueiredo", "Hi JP,"),
        ("Maria José Figueiredo", "Dear J.P.,"),
        ("João Pedro Santos", "Hello MJ!"),
        ("João Pedro Santos", "Hi JB,"),
        ("Maria José Figueiredo", "Hi AM —"),
    ],
)
def test_another_persons_initials_are_a_wrong_name(to, salutation):
    assert _wrong_names(to, salutation)


@pytest.mark.parametrize(
    ("to", "salutation"),
    [
        ("Maria José Figueiredo", "Hi MJ,"),
        ("Maria José Figueiredo", "Dear M.J.,"),
        ("João Pedro Santos", "Hi JP,"),
        ("João Pedro Santos", "Hi J.P.,"),
        ("João Pedro Santos", "Oi JPS,"),
        ("João Pedro Santos", "Dear HR,"),
    ],
)
def test_the_recipients_own_initials_or_no_ones_are_no_wrong_name(to, salutation):
    assert _wrong_names(to, salutation) == []
