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
