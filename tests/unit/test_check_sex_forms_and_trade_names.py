"""wrong-name and wrong-company on the classes session 19 read (tests/data/letters_voices,
v19a-…, say them in letters): the recipient's given name in the other sex's form, a compound
given name with another second name, a family name after its particles that is another; another
opportunity's firm called by two names joined with "and" in another language, by a first word of
three letters, by the words after its trade word, or as where the writer would bring their skills.
Each letter gets exactly the findings listed (the words they point at), read by the rules alone
(the learned reader left out) and by the check as shipped."""

from __future__ import annotations

import pytest

from .voices import found_in

LETTERS = [
    # the other sex's form of the recipient's given name, and its short form or itself
    (
        "alvorada",
        "Adriana Prates",
        "Dear Adriano,\n\nThe plan is attached.",
        [("wrong-name", "Adriano")],
    ),
    (
        "valdecanto",
        "Daniela Mora",
        "Hi Daniele,\n\nThe plan is attached.",
        [("wrong-name", "Daniele")],
    ),
    (
        "szalai",
        "Francisco Rocha",
        "Dear Francisca,\n\nThe plan is attached.",
        [("wrong-name", "Francisca")],
    ),
    ("alvorada", "Adriana Prates", "Dear Adri,\n\nThe plan is attached.", []),
    ("szalai", "Francisco Rocha", "Estimado Francisco:\n\nThe plan is attached.", []),
    # a compound given name with another second name; the first alone, or the whole
    (
        "valdecanto",
        "Juan Pablo Ortega",
        "Estimado Juan Carlos:\n\nThe plan is attached.",
        [("wrong-name", "Juan Carlos")],
    ),
    ("valdecanto", "Juan Pablo Ortega", "Estimado Juan:\n\nThe plan is attached.", []),
    ("uxi", "María Fernanda Ruiz", "Querida María Fernanda,\n\nThe plan is attached.", []),
    # a family name after its particles: another, or theirs in either case
    (
        "vogthahn",
        "Anouk van der Linden",
        "Dear Ms van der Laan,\n\nThe plan is attached.",
        [("wrong-name", "Ms van der Laan")],
    ),
    ("vogthahn", "Anouk van der Linden", "Dear Ms van der Linden,\n\nThe plan is attached.", []),
    ("ferrigalli", "Chiara di Stefano", "Dear Ms Di Stefano,\n\nThe plan is attached.", []),
    # two names joined by "and" in another language
    (
        "ozu",
        "Emiko Hara",
        "Dear Emiko,\n\nI sold to Ferri e Galli for years.",
        [("wrong-company", "Ferri e Galli")],
    ),
    ("ozu", "Emiko Hara", "Dear Emiko,\n\nMarta Ferri and Paolo Galli send their regards.", []),
    # a first word of three letters: capitalised in a frame of a firm, or a whole word of a link
    (
        "alvorada",
        "Adriana Prates",
        "Dear Adriana,\n\nI look forward to joining the Ozu team.",
        [("wrong-company", "Ozu")],
    ),
    (
        "alvorada",
        "Adriana Prates",
        "Dear Adriana,\n\nPlease disregard ana@uxi.example.",
        [("wrong-company", "uxi")],
    ),
    ("alvorada", "Adriana Prates", "Dear Adriana,\n\nI watched an old Ozu film on the plane.", []),
    # the words after a trade word: in a frame of a firm, a file name, or of two capitalised
    # words anywhere; the trade word alone, and the words as a place, name no firm
    (
        "ozu",
        "Emiko Hara",
        "Dear Emiko,\n\nI would be proud to represent Valdecanto.",
        [("wrong-company", "Valdecanto")],
    ),
    (
        "ozu",
        "Emiko Hara",
        "Dear Emiko,\n\nMy plan: Carvalho_Valdecanto_v3.pdf",
        [("wrong-company", "Valdecanto")],
    ),
    (
        "ozu",
        "Emiko Hara",
        "Dear Emiko,\n\nI saw the line at Lobo Guará last week.",
        [("wrong-company", "Lobo Guará")],
    ),
    ("ozu", "Emiko Hara", "Dear Emiko,\n\nThe bodegas of Rioja were busy last week.", []),
    ("loboguara", "Renan Batista", "Dear Renan,\n\nI drove near Alvorada on Sunday.", []),
    # what the writer would bring to another firm, not to a place or a meeting
    (
        "morgan",
        "Aisha Rahman",
        "Dear Aisha,\n\nI'd love to bring that rigour to Kilnworth.",
        [("wrong-company", "Kilnworth")],
    ),
    (
        "morgan",
        "Aisha Rahman",
        "Dear Aisha,\n\nI'll bring the checklist to Thursday's meeting.",
        [],
    ),
]


@pytest.mark.parametrize(("opportunity", "to", "text", "expected"), LETTERS)
def test_sex_forms_particles_and_trade_names(
    voices, voices_reading, opportunity, to, text, expected
):
    assert found_in(voices, opportunity, to, text) == expected
