"""Which readings a card costs (`ocr._upside_down`): the longest lines are read turned over only
where they do not all read surely as they lie."""

from __future__ import annotations

from types import SimpleNamespace

import numpy as np

from followup.adapters.cards.ocr import SURELY_UPRIGHT, _upside_down


class _Recogniser:
    """Reads a crop by its first pixel: upright crops are marked 1 in their top-left corner,
    so a crop turned over has its mark in the bottom-right and reads as the other way."""

    def __init__(self, upright: list[float], turned: list[float]) -> None:
        self.upright, self.turned = upright, turned
        self.calls: list[tuple[int, bool]] = []

    def __call__(self, crop: np.ndarray, **_: object) -> SimpleNamespace:
        index = int(crop.max())
        as_laid = bool(crop[0, 0, 0])
        self.calls.append((index, as_laid))
        score = self.upright[index - 1] if as_laid else self.turned[index - 1]
        return SimpleNamespace(txts=(f"line {index}",), scores=(score,))


def _crops(count: int) -> list[np.ndarray]:
    crops = []
    for index in range(1, count + 1):
        crop = np.zeros((20, 100 + 10 * index, 3), np.uint8)
        crop[0, 0] = index  # the mark, and which line it is
        crops.append(crop)
    return crops


def test_lines_that_all_read_surely_as_they_lie_are_not_read_turned_over():
    ocr = _Recogniser(upright=[0.99, 0.97, SURELY_UPRIGHT, 0.99], turned=[0.3, 0.3, 0.3, 0.3])
    flipped, known = _upside_down(ocr, _crops(4))
    assert flipped is False
    assert sorted(ocr.calls) == [(2, True), (3, True), (4, True)]  # the three longest, once
    assert known == {1: ("line 2", 0.97), 2: ("line 3", SURELY_UPRIGHT), 3: ("line 4", 0.99)}


def test_one_line_read_unsurely_has_the_longest_read_both_ways():
    ocr = _Recogniser(upright=[0.99, 0.99, 0.99, 0.9], turned=[0.3, 0.3, 0.3, 0.3])
    flipped, known = _upside_down(ocr, _crops(4))
    assert flipped is False
    assert sorted(ocr.calls) == [(i, way) for i in (2, 3, 4) for way in (False, True)]
    assert known[3] == ("line 4", 0.9)


def test_a_card_upside_down_reads_surely_only_turned_over():
    ocr = _Recogniser(upright=[0.5, 0.6, 0.55], turned=[0.99, 0.98, 0.99])
    flipped, known = _upside_down(ocr, _crops(3))
    assert flipped is True
    assert known == {0: ("line 1", 0.99), 1: ("line 2", 0.98), 2: ("line 3", 0.99)}
