"""Lines of small print taken for the wrong field (session 23): an email line with an `@` that
did not parse taken for the company, a speck read as a quotation mark in a company's name."""

from __future__ import annotations

import pytest

from followup.adapters.cards.fields import _is_text, find_fields, lines_from_text
from followup.adapters.cards.mend import mend_company

# --- a line with an `@` inside a word ------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "is_text"),
    [
        ("E mai, moans_aksson@ljordcystemos Se", False),
        ("jana.novak@orion cz", False),
        # Near misses: an `@` standing apart, as a name may write it; no `@`.
        ("Café @ Home", True),
        ("Fjord Systems AB", True),
    ],
)
def test_a_line_with_an_at_sign_inside_a_word_is_no_name_title_or_company(text, is_text):
    assert _is_text(text) is is_text


def test_an_email_line_that_did_not_parse_is_not_taken_for_the_company():
    lines = lines_from_text(
        [
            ("Fjord Systems AB", 1.3),
            ("Måns Åkesson", 1.8),
            "Operations Director",
            "Tel + 46 8 17 11 50",
            "E mai, maans_aakesson@fjordsystems Se",
        ]
    )
    card = find_fields(lines, "SE")
    assert (card.name, card.title, card.company) == (
        "Måns Åkesson",
        "Operations Director",
        "Fjord Systems AB",
    )
    assert card.email == "maans_aakesson@fjordsystems.se"
    assert card.phone == "+46 8 17 11 50"


# --- a speck read as a quotation mark in a company's name ---------------------------------------


@pytest.mark.parametrize(
    ("read", "company"),
    [
        ("Northwind 'Traders S.r.l.", "Northwind Traders S.r.l."),
        ("Blue ‘Harbor Logistics SA", "Blue Harbor Logistics SA"),
        ("Castellan `Ingeniería Ltd", "Castellan Ingeniería Ltd"),
        # Near misses: a quoted word closes its quote; an elided letter before its apostrophe;
        # a quotation mark before the first word; before a word in small letters.
        ('Café "Rosa" GmbH', 'Café "Rosa" GmbH'),
        ("Maison d'Or SA", "Maison d'Or SA"),
        ("'Northwind Traders", "'Northwind Traders"),
        ("Atelier 'de Vries", "Atelier 'de Vries"),
    ],
)
def test_a_quotation_mark_opened_before_a_company_word_and_never_closed_is_a_speck(read, company):
    assert mend_company(read) == company
