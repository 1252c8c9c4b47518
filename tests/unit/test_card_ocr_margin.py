"""Which lines the recogniser reads again with a margin above and below (`ocr._may_be_address`,
`ocr._margined`): an underscore under the letters of small print may fall outside the box the
detector drew around them."""

from __future__ import annotations

import numpy as np
import pytest

from followup.adapters.cards.ocr import MARGIN, _margined, _may_be_address


@pytest.mark.parametrize(
    ("text", "address"),
    [
        ("E-mail: ingrid.solberg@fjellvik.no", True),
        ("Courriel aurelienmassonGbrisant.fr", True),  # `@` read as a letter: the ending says
        ("pietro_ambrosini@vela.it ", True),
        ("www.fjellvik.no", True),  # a website is read again too, and its reading kept if surer
        ("Tel. +47 22 41 90 17", False),
        ("Ingrid Solberg", False),
        ("Seniorrådgiver", False),
        ("fjellvik.no/jobb", False),  # a website's page: no address ends so
    ],
)
def test_a_line_is_read_again_with_a_margin_where_it_may_hold_an_address(text, address):
    assert _may_be_address(text) is address


def test_a_line_read_again_has_a_margin_of_its_edge_above_and_below_and_none_beside():
    crop = np.full((40, 300, 3), 200, np.uint8)
    crop[0, :] = 10  # the top row, repeated into the margin above
    crop[-1, :] = 250  # the bottom row, repeated into the margin below
    roomy = _margined(crop)
    margin = round(40 * MARGIN)
    assert roomy.shape == (40 + 2 * margin, 300, 3)
    assert roomy[0, 0].tolist() == [10, 10, 10]
    assert roomy[-1, -1].tolist() == [250, 250, 250]
    assert roomy[margin + 20, 150].tolist() == [200, 200, 200]
