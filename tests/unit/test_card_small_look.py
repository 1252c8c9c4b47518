"""Which reading wins when the reader looks a second time for a card small in the photo
(adapters/cards/reader.py `_read`): on a scan, where the card is the whole image, a framed block
inside it looks like a small card, and its reading (email and phone alone) must not replace the
whole card's."""

from __future__ import annotations

import numpy as np
import pytest

from followup.adapters.cards import reader
from followup.domain.cards import BusinessCard

WHOLE = BusinessCard(
    name="Ada Quist",
    title="Sales Director",
    company="Quist Freight Ltd.",
    email="ada@quist.example",
    phone="+15062417158",
)
BLOCK = BusinessCard(email="quist@quist.example", phone="+15062417158")
SMALL_CARD = BusinessCard(
    name="Ada Quist", company="Quist Freight Ltd.", email="ada@quist.example", phone="+15062417158"
)


@pytest.fixture
def looks(monkeypatch):
    """The photo has no card outline (a scan); the second look finds a small shape in it. Each
    reading is told apart by the image it is made from."""
    photo = np.zeros((8, 8, 3), np.uint8)
    shape = np.ones((4, 4, 3), np.uint8)
    monkeypatch.setattr(reader, "straighten", lambda rgb: (photo, False))  # no card found
    monkeypatch.setattr(reader, "_small_card", lambda *args: shape)
    readings: dict[int, BusinessCard] = {}
    monkeypatch.setattr(reader, "_fields", lambda image, alone, region: readings[int(image.max())])
    return photo, readings


def test_a_block_inside_a_scanned_card_does_not_replace_the_whole_card(looks):
    photo, readings = looks
    readings.update({0: WHOLE, 1: BLOCK})
    assert reader._read(b"", photo, None, "PHOTO") == WHOLE


def test_a_small_card_read_whole_is_taken_without_reading_the_photo(looks):
    photo, readings = looks
    readings.update({1: SMALL_CARD})  # the whole photo is not read: no reading for it
    assert reader._read(b"", photo, None, "PHOTO") == SMALL_CARD


def test_a_small_card_with_more_contacts_than_the_photo_wins(looks):
    photo, readings = looks
    readings.update({0: BusinessCard(company="Quist Freight Ltd."), 1: BLOCK})
    assert reader._read(b"", photo, None, "PHOTO") == BLOCK


# --- a dark card on a dark table --------------------------------------------------------------


def _table(card_ink: int, table: int, shadow: int) -> np.ndarray:
    """A photo 1500×2000 of a table lit `table` with a corner in shadow, and a card `card_ink`
    bright lying turned in the middle, five lines of light print on it."""
    import cv2

    height, width = 2000, 1500
    image = np.full((height, width, 3), table, np.uint8)
    corner = np.array([[width, int(height * 0.55)], [width, height], [int(width * 0.75), height]])
    cv2.fillPoly(image, [corner.astype(np.int32)], (shadow, shadow, shadow))
    card = np.array([[350, 780], [1120, 875], [1080, 1345], [310, 1235]], np.int32)
    cv2.fillPoly(image, [card], (card_ink, card_ink, card_ink + 10))
    for k in range(5):
        cv2.line(image, (400, 950 + 50 * k), (800, 1000 + 50 * k), (230, 230, 230), 6)
    return image


def test_on_a_dark_table_the_lit_part_of_the_table_is_not_taken_for_the_card():
    from followup.adapters.cards.straighten import find_card, on_edge

    photo = _table(card_ink=28, table=95, shadow=45)
    first = find_card(photo)
    assert first is not None and on_edge(first, photo.shape)  # the table less its shadow
    framed = find_card(photo, inside=True)
    assert framed is not None and not on_edge(framed, photo.shape)
    assert np.allclose(framed.mean(axis=0), [715, 1060], atol=25)  # the card's middle
    card = reader._framed_card(photo)
    assert card is not None and 1.4 < card.shape[1] / card.shape[0] < 1.9


def test_a_card_found_inside_the_photo_is_not_looked_for_again():
    photo = _table(card_ink=245, table=60, shadow=40)  # a white card: found first
    assert reader._framed_card(photo) is None


def test_a_framed_card_read_with_more_contacts_replaces_the_reading_of_the_table(monkeypatch):
    photo = np.zeros((8, 8, 3), np.uint8)
    shape = np.ones((4, 4, 3), np.uint8)
    monkeypatch.setattr(reader, "straighten", lambda rgb: (photo, True))  # a shape taken
    monkeypatch.setattr(reader, "_small_card", lambda *args: None)
    monkeypatch.setattr(reader, "_framed_card", lambda rgb: shape)
    readings = {0: BusinessCard(name="Ada Quist", company="Quist Freight Ltd."), 1: SMALL_CARD}
    monkeypatch.setattr(reader, "_fields", lambda image, alone, region: readings[int(image.max())])
    assert reader._read(b"", photo, None, "PHOTO") == SMALL_CARD
