"""Contact lines whose small print lost a mark (a `+`, a dot, the space after a label): read
again by class, and a misread line kept out of the company's and the email's way."""

from __future__ import annotations

import pytest

from followup.adapters.cards.contacts import find_phones
from followup.adapters.cards.fields import find_fields, lines_from_text


def read(texts, region="US"):
    return find_fields(lines_from_text(texts), region)


def numbers(text, region):
    return [(p.international, p.kind, p.valid, p.labelled) for p in find_phones(text, region)]


@pytest.mark.parametrize(
    ("text", "region", "expected"),
    [
        # The `+` read as a letter or a long dash, before the country code.
        ("Mob: r44 7911 123456", "US", [("+44 7911 123456", "mobile", True, True)]),
        ("tel t353 1 234 5678", "US", [("+353 1 234 5678", "phone", True, True)]),
        ("Tel. –33 1 42 68 53 00", "US", [("+33 1 42 68 53 00", "phone", True, True)]),
        # A colon read for the space between groups of digits.
        ("Tfn 031-70:4512", "SE", [("+46 31 70 45 12", "phone", True, True)]),
        # A one-letter label run into its number.
        ("T020 7946 0958", "GB", [("+44 20 7946 0958", "phone", True, True)]),
        ("M0612345678", "NL", [("+31 6 12345678", "mobile", True, True)]),
        ("F030 901820", "DE", [("+49 30 901820", "fax", True, True)]),
    ],
)
def test_a_number_whose_small_print_lost_a_mark_is_read_again(text, region, expected):
    assert numbers(text, region) == expected


@pytest.mark.parametrize(
    ("text", "region"),
    [
        ("Open 9:30-17:00", "SE"),  # hours: two digits after the colon
        ("Room t12", "US"),  # a room, no country code and no number after it
        ("Gate M4 5AB", "GB"),  # a postcode, though M is a label's letter
        ("ref r12-7", "US"),
    ],
)
def test_what_is_no_number_stays_no_number(text, region):
    assert numbers(text, region) == []


def test_a_number_read_right_is_not_read_again():
    # Valid as read: the `t` glued before it is not taken for a lost `+`.
    assert numbers("P: 0612345678 t2", "NL") == [("+31 6 12345678", "phone", True, True)]


def test_a_lost_plus_on_a_mobile_makes_it_the_phone_before_the_office_fax():
    card = read(
        [
            ("Halvorsen & Lie AS", 1.3),
            ("Ingeborg Lie", 1.8),
            "Daglig leder",
            "Fax 22 33 44 55",
            "Mobil: r47 412 34 567",
            "ingeborg@halvorsenlie.no",
        ],
        "NO",
    )
    assert card.phone == "+47 41 23 45 67"
