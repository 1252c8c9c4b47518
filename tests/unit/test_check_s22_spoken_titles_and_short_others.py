"""wrong-name: a title of respect spoken to mid-letter, set off by commas ("Thank you, Sir,
for…"), of the other sex than the reader's name, is addressed to someone else, as in a
salutation (article 001); the reader's own is no finding. And someone met for another
opportunity, spoken of by the short form of their given name ("Venkat mentioned…" of
Venkataraman, "As Gosia suggested" of Małgorzata), is a person of another letter, as their
full given name is; the short form of someone met for this one, or a word that is no name
there ("the Asia desk"), is not."""

from __future__ import annotations

import pytest

from followup.adapters.check_rules import build_checker
from followup.domain.letters.context import Directory, LetterContext

CHECKER = build_checker(None)
DIRECTORY = Directory.build(
    [
        ("saffron", "Saffron Logistics", ["Meenakshi Iyer", "Arjun Malhotra"]),
        ("deccan", "Deccan Agro Exports", ["Venkataraman Subramanian", "Priya Raghunathan"]),
        ("wisla", "Wisła Software", ["Krzysztof Wójcik", "Małgorzata Zielińska-Nowak"]),
        ("campinas", "Campinas Logística", ["Maria José Figueiredo", "João Pedro Santos"]),
    ]
)


def _wrong_names(opportunity: str, to: str, body: str) -> list[str]:
    people = tuple(n for names in DIRECTORY.people.values() for n, o in names if o == opportunity)
    ctx = LetterContext(
        kind="check_in",
        recipient=to,
        company="Saffron Logistics",
        opportunity=opportunity,
        people=tuple(dict.fromkeys(people)),
        candidate_name="Ines Carvalho",
        directory=DIRECTORY,
    )
    text = f"Dear {to.split()[0]},\n\n{body}\n\nInes"
    return [text[f.start : f.end] for f in CHECKER.check(text, ctx) if f.rule == "wrong-name"]


@pytest.mark.parametrize(
    ("opportunity", "to", "body", "expected"),
    [
        ("campinas", "Maria José Figueiredo", "Thank you, Sir, for the route maps.", ["Sir"]),
        ("saffron", "Arjun Malhotra", "The comparison is attached, Madam.", ["Madam"]),
        ("saffron", "Arjun Malhotra", "Thank you, Madam, for the comparison.", ["Madam"]),
        ("campinas", "João Pedro Santos", "Yes, Sir, the checklist is attached.", []),
        ("campinas", "Maria José Figueiredo", "Thank you, Madam, for the maps.", []),
    ],
)
def test_a_title_spoken_to_mid_letter_must_be_of_the_readers_sex(opportunity, to, body, expected):
    assert _wrong_names(opportunity, to, body) == expected


@pytest.mark.parametrize(
    ("opportunity", "to", "body", "expected"),
    [
        ("saffron", "Meenakshi Iyer", "Venkat mentioned you'd want the figures early.", ["Venkat"]),
        ("campinas", "João Pedro Santos", "As Gosia suggested, I've booked the exam.", ["Gosia"]),
        ("wisla", "Krzysztof Wójcik", "As Gosia suggested, I've booked the exam.", []),
        ("deccan", "Priya Raghunathan", "Venkat mentioned you'd want the figures early.", []),
        ("campinas", "João Pedro Santos", "The Asia desk has the figures.", []),
        ("saffron", "Meenakshi Iyer", "I read the Venkat Rao report on vans.", []),
    ],
)
def test_a_short_form_of_someone_of_another_opportunity_spoken_of(opportunity, to, body, expected):
    assert _wrong_names(opportunity, to, body) == expected
