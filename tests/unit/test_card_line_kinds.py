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


# --- a legal form's dot read as a comma ----------------------------------------------------------


@pytest.mark.parametrize(
    ("read", "company"),
    [
        ("Meridian Partners Inc,", "Meridian Partners Inc."),
        ("Verdant Energy S,A.", "Verdant Energy S.A."),
        ("Northwind Traders S.r,l.", "Northwind Traders S.r.l."),
        # Near misses: a comma that is no legal form's; a comma before a legal form.
        ("Smith, Jones", "Smith, Jones"),
        ("Meridian Partners, Inc.", "Meridian Partners, Inc."),
    ],
)
def test_a_legal_form_whose_dot_was_read_as_a_comma_is_put_right(read, company):
    assert mend_company(read) == company


# --- a company in capitals, its last word run into the one before -------------------------------


@pytest.mark.parametrize(
    ("token", "parted"),
    [
        ("VERDANTENERGY", "VERDANT ENERGY"),
        ("ATLASLOGISTICS", "ATLAS LOGISTICS"),
        ("HELIOSSYSTEMS", "HELIOS SYSTEMS"),
        # Near misses: no company word at its end; too short a word before it; not capitals.
        ("SALESFORCE", "SALESFORCE"),
        ("ABENERGY", "ABENERGY"),
        ("Verdantenergy", "Verdantenergy"),
    ],
)
def test_a_word_of_capitals_ending_in_a_company_word_is_parted_before_it(token, parted):
    from followup.adapters.cards.roles import _capitals_parted

    assert _capitals_parted(token) == parted


# --- a title on two lines, one with descenders ------------------------------------------------


def _title_lines(second: str, height: float):
    from followup.adapters.cards.fields import Line

    first = Line("Principal", 1.0, left=0.0, top=0.29, right=0.18, bottom=0.349, height=0.059)
    under = Line(second, 1.0, left=0.01, top=0.34, right=0.26, bottom=0.34 + height, height=height)
    return first, under


@pytest.mark.parametrize(
    ("second", "height", "joined"),
    [
        # 0.80 and 0.76 as tall: no descender beside `Principal`'s p.
        ("Data Scientist", 0.047, True),
        ("Data Scientist", 0.045, True),
        # Near misses: a line with descenders as short (smaller type); shorter still.
        ("Data Analysis", 0.045, False),
        ("Data Scientist", 0.040, False),
    ],
)
def test_a_line_without_descenders_under_one_with_them_is_the_same_size(second, height, joined):
    from followup.adapters.cards.roles import Text, neighbours

    first, under = _title_lines(second, height)
    texts = [Text(first, 0), Text(under, 1)]
    _, below = neighbours(texts, first, {id(first)})
    assert (below is under) is joined
