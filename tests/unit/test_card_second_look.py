"""The phone number's line read twice more where it was read unsurely (adapters/cards/
second_look.py), and a `+` number whose calling code lost a digit read with the code of another
number on the same card (fields.py `_recoded_by_card`)."""

from __future__ import annotations

from dataclasses import replace

import numpy as np
import pytest

from followup.adapters.cards import second_look
from followup.adapters.cards.fields import find_fields, lines_from_text
from followup.adapters.cards.lines import Line
from followup.adapters.cards.second_look import SURE, voted_phone


def _line(text: str, score: float) -> tuple[Line, np.ndarray]:
    return replace(lines_from_text([text])[0], score=score), np.full((30, 300, 3), 255, np.uint8)


class Recogniser:
    """Gives each view of a crop its reading, in the order the views are tried; counts calls."""

    def __init__(self, *readings: str) -> None:
        self.readings = list(readings)
        self.calls = 0

    def __call__(self, crop: np.ndarray) -> tuple[str, float]:
        self.calls += 1
        return self.readings.pop(0), 0.9


@pytest.fixture
def found() -> list[tuple[Line, np.ndarray]]:
    return [
        _line("Marta Novotná", 0.99),
        _line("Tel. +420 241 693 117  Fax +420 241 693 100", 0.91),
        _line("marta@vltava-dily.cz", 0.97),
    ]


def test_two_new_readings_agreeing_on_another_valid_number_outvote_the_first(found):
    read = Recogniser("Tel +420 241 593 117 Fax +420 241 693 100", "Tel. +420 241 593 117")
    assert voted_phone("+420 241 693 117", found, read) == "+420 241 593 117"
    assert read.calls == len(second_look.VIEWS)


@pytest.mark.parametrize(
    "first, second",
    [
        ("Tel. +420 241 593 117", "Tel. +420 241 598 117"),  # they disagree with each other
        ("Tel. +420 241 693 117", "Tel. +420 241 593 117"),  # one agrees with the first reading
        ("Tel. +420 241 593 117", "Tel. +420 241 5"),  # one reads no valid number
        ("Fax +420 241 593 117", "Fax +420 241 593 117"),  # a fax is no phone
    ],
)
def test_the_first_reading_stays_without_two_readings_against_it(found, first, second):
    assert voted_phone("+420 241 693 117", found, Recogniser(first, second)) is None


def test_a_line_read_surely_is_not_read_again(found):
    found[1] = (replace(found[1][0], score=SURE), found[1][1])
    read = Recogniser()
    assert voted_phone("+420 241 693 117", found, read) is None
    assert read.calls == 0


def test_a_number_on_no_line_read_is_left_alone(found):
    assert voted_phone("+420 603 111 222", found, Recogniser()) is None


def test_the_views_keep_the_line_and_add_paper_around_it():
    crop = np.zeros((20, 100, 3), np.uint8)
    assert second_look.with_margin(crop).shape == (30, 120, 3)
    assert second_look.sharpened(crop).shape == crop.shape


@pytest.mark.parametrize(
    "lines, phone",
    [
        # The office's number's code misread (+16 for +46) and the fax's label too (`Fux`):
        # the fax was taken for the phone.
        (
            [
                "Ingrid Holm",
                "Sales Lead",
                "Norrvik AB",
                "Kontor: +16 8 24 51 73",
                "Fux: +46 8 24 51 90",
                "ingrid.holm@norrvik.se",
            ],
            "+46 8 24 51 73",
        ),
        # A mobile with its code misread (+34 as +84 is Vietnam's: valid nowhere as written)
        # above a landline of the same country.
        (
            [
                "Lucía Ferrer",
                "Jefa de Compras",
                "Ferrer Hnos. S.L.",
                "Móvil +84 612 40 71 93",
                "Tel. +34 915 30 22 10",
                "lucia@ferrerhnos.es",
            ],
            "+34 612 40 71 93",
        ),
    ],
)
def test_a_calling_code_misread_is_read_with_the_code_of_another_number_on_the_card(lines, phone):
    assert find_fields(lines_from_text(lines), "DE").phone == phone


def test_numbers_valid_as_read_are_not_recoded():
    # Two countries on one card, each number valid as written: +41 stays +41, though +49 is
    # one digit away.
    lines = [
        "Anna Keller",
        "Einkauf",
        "Alpwerk AG",
        "Tel +41 44 668 18 00",
        "Berlin +49 30 901820",
        "anna@alpwerk.ch",
    ]
    card = find_fields(lines_from_text(lines), "DE")
    assert card.phone == "+41 44 668 18 00"
    assert card.confidence["phone"] > 0.7
