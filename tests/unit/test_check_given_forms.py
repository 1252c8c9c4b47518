"""wrong-name and wrong-company on the classes session 16's second round read (tests/data/
letters_voices, v16d-…, say them in letters): the recipient called by a title and a short form
of the given name (its first letters, or its base name's short forms where it is a Spanish
diminutive), and another opportunity's company called by its first word and a collective noun.
Each letter gets exactly the findings listed, read by the rules alone (the learned reader left
out) and by the check as shipped."""

from __future__ import annotations

import pytest

from .voices import found_in

LETTERS = [
    # a title and the given name's first letters, before or after it
    ("dalisay", "Alfonso Navarro", "Sir Al, the promoter quiz is attached.\n\nInes", []),
    ("dalisay", "Alfonso Navarro", "Good day Al Sir,\n\nThe promoter quiz is attached.", []),
    ("dalisay", "Alfonso Navarro", "Kuya Alf,\n\nThe promoter quiz is attached.\n\nInes", []),
    # …and without a title, where the first letters are a short form English names have (Al,
    # as Albert and Alfred are called: session 18, "Dear Ed," to Edgardo)
    ("dalisay", "Alfonso Navarro", "Al,\n\nThe promoter quiz is attached.\n\nInes", []),
    # …but the same short form to someone whose given name it does not begin is another's
    (
        "dalisay",
        "Rosita Dimaculangan",
        "Al,\n\nMy dealer list is attached.\n\nInes",
        [("wrong-name", "Al")],
    ),
    # …nor are letters that begin another's name, or a name of someone in the user's data
    (
        "dalisay",
        "Alfonso Navarro",
        "Sir Rob,\n\nThe promoter quiz is attached.",
        [("wrong-name", "Sir Rob")],
    ),
    (
        "dalisay",
        "Alfonso Navarro",
        "Sir Manuelito,\n\nThe promoter quiz is attached.",
        [("wrong-name", "Sir Manuelito")],
    ),
    # a Spanish diminutive's base name and its short forms
    ("dalisay", "Rosita Dimaculangan", "Madam Rose,\n\nMy dealer list is attached.", []),
    ("dalisay", "Rosita Dimaculangan", "Hello Tita Rosa,\n\nMy dealer list is attached.", []),
    ("dalisay", "Manuelito Ocampo", "Dear Sir Manny,\n\nMy ageing report is attached.", []),
    (
        "dalisay",
        "Rosita Dimaculangan",
        "Madam Tessa,\n\nMy dealer list is attached.",
        [("wrong-name", "Madam Tessa")],
    ),
    # a surname written with its accents in the dossier, spelt in ASCII with other vowels: another
    # name, not a transliteration (session 18); the same name without its accents is theirs
    (
        "mazur",
        "Paweł Zieliński",
        "Dear Mr. Zielenski,\n\nThe export course is done.\n\nInes",
        [("wrong-name", "Mr. Zielenski")],
    ),
    ("mazur", "Paweł Zieliński", "Dear Mr. Zielinski,\n\nThe export course is done.\n\nInes", []),
    # another company by its first word and a collective noun; the place itself stays a place
    (
        "northgate",
        "Rebecca Holt",
        "Hi Rebecca,\n\nThe Fernhill lot offered me a trial day, but your churn work comes first.",
        [("wrong-company", "Fernhill")],
    ),
    (
        "northgate",
        "Rebecca Holt",
        "Hi Rebecca,\n\nThe lads at Otterbrook rang again; my churn notes are attached.",
        [("wrong-company", "Otterbrook")],
    ),
    (
        "northgate",
        "Rebecca Holt",
        "Hi Rebecca,\n\nI drove past the Kumasi market crowd on holiday; my notes are attached.",
        [],
    ),
]


@pytest.mark.parametrize(("opportunity", "to", "text", "expected"), LETTERS)
def test_given_forms_and_collective_names(voices, voices_reading, opportunity, to, text, expected):
    assert found_in(voices, opportunity, to, text) == expected
