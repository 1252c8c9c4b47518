"""Another opportunity's company named in a letter (the wrong-company rule's reading, in
domain/letters/companies.py), against a word the company's name shares with a place, a product,
another organisation or the opportunity's own notes: those name no company."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from followup.domain.letters.companies import Places, other_companies
from followup.domain.letters.context import Directory, LetterContext

RULE = json.loads(
    (Path(__file__).parents[2] / "src" / "followup" / "checks" / "rules.json").read_text()
)["wrong-company"]
SUFFIXES = frozenset(RULE["legal_suffixes"])
PLACES = Places.of(RULE)
DIRECTORY = Directory.build(
    [
        ("cape", "Cape Marlow Shipping", ["Ana Ruiz"]),
        ("wren", "Wrenfield Cocoa Traders", ["Li Wei"]),
        ("own", "Harbourline Foods", ["Sara Okafor"]),
    ]
)
CONTEXT = LetterContext(
    kind="check_in",
    recipient="Sara Okafor",
    company="Harbourline Foods",
    opportunity="own",
    directory=DIRECTORY,
    notes=("chilled lanes between Wrenfield and the coast", "the Cape Marlow depot lease"),
)


def _named(text: str) -> list[str]:
    candidates = [
        entry
        for word in {w.lower() for w in re.findall(r"\w+", text)}
        for entry in DIRECTORY.companies.get(word, ())
        if entry[1] != "own"
    ]
    found = other_companies(text, CONTEXT, candidates, SUFFIXES, None, lambda: False, PLACES)
    return [text[start:end] for start, end, _ in sorted(found)]  # in the order of the text


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a place named "X of Y", a place word of another language, a list of places
        ("We sailed round the Cape of Good Hope twice last year.", []),
        ("Our agent on Pulau Wrenfield ships twice a week.", []),
        ("I sold to grocers in Tarlow, Wrenfield and Hale.", []),
        # another organisation sharing the word, a product named for a place
        ("I spent four years at Wrenfield Motors selling vans.", []),
        ("The vans load at the Wrenfield Motors depot on Thursdays.", []),
        ("The shops asked for more Wrenfield honey before Easter.", []),
        # the notes' place, said beside another word of the same note
        ("The Wrenfield lanes run half empty on Mondays.", []),
        ("I counted six empty trailers on the Wrenfield run down to the coast.", []),
        # …but the company, named in full, shortened, possessive, or by its own words
        ("Cape Marlow Shipping offered me the role.", ["Cape Marlow Shipping"]),
        ("The Cape Marlow team called again.", ["Cape Marlow"]),
        ("Wrenfield's buyers want an answer by Friday.", ["Wrenfield"]),
        ("The Wrenfield Traders desk rang me today.", ["Wrenfield"]),
        ("I met the Wrenfield people on Monday.", ["Wrenfield"]),
        ("Wrenfield offered me the role between two other interviews.", ["Wrenfield"]),
        # two companies beside a slash are both named
        ("My Wrenfield/Cape Marlow folders are attached.", ["Wrenfield", "Cape Marlow"]),
    ],
)
def test_a_word_shared_with_a_place_product_or_the_notes_names_no_company(text, expected):
    assert _named(text) == expected
