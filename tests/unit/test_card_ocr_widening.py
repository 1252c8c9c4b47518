"""Which lines the recogniser reads again drawn wider (`ocr._crowded`, `ocr._widened`)."""

from __future__ import annotations

import numpy as np
import pytest

from followup.adapters.cards.ocr import WIDER, _crowded, _widened


@pytest.mark.parametrize(
    "height, width, text, crowded",
    [
        # 80 px high, 313 wide: the recogniser sees it 48 high, 188 wide, in 23 steps of 8 px,
        # too few for the 22 characters read (`Email miceeverdant.com`).
        (80, 313, "Email miceeverdant.com", True),
        # The same line in a box as high as its letters: 63 steps, room for every character.
        (30, 313, "Email michael@verdant.com", False),
        (80, 313, "Verdant", False),  # a short word, set large
        (80, 313, "  Verdant Energy  ", False),  # the spaces the recogniser adds count for none
        (40, 320, "a" * 29, True),  # 48 steps: 0.6 of them is 28.8 characters
        (40, 320, "a" * 28, False),
    ],
)
def test_a_line_is_read_again_where_it_has_more_characters_than_the_recogniser_can_tell_apart(
    height, width, text, crowded
):
    assert _crowded(text, np.zeros((height, width, 3), np.uint8)) is crowded


def test_a_line_read_again_is_drawn_wider_and_as_high():
    crop = np.zeros((80, 313, 3), np.uint8)
    crop[:, 100:200] = 255
    wide = _widened(crop)
    assert wide.shape == (80, round(313 * WIDER), 3)
    assert wide[40, round(150 * WIDER)].tolist() == [255, 255, 255]
    assert wide[40, round(50 * WIDER)].tolist() == [0, 0, 0]
