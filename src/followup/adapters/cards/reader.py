"""Reading one business card from a photo: the steps, in order."""

from __future__ import annotations

from dataclasses import replace

import cv2
import numpy as np

from followup.adapters.cards.fields import card_from_contact, find_fields
from followup.adapters.cards.image import WORK_SIDE, NotAnImage, load_photo
from followup.adapters.cards.ocr import read_lines_and_crops, recognise
from followup.adapters.cards.qr import read_qr
from followup.adapters.cards.second_look import voted_phone
from followup.adapters.cards.straighten import (
    MIN_AREA,
    MIN_SIDE,
    find_card,
    on_edge,
    squared,
    straighten,
)
from followup.domain.cards import CARD_FIELDS, BusinessCard


class NotACard(NotAnImage):
    """A readable photo on which no card was found."""


def read_card(photo: bytes, region: str | None = None, field: str = "PHOTO") -> BusinessCard:
    """What the card in the photo says; `region` is the country of numbers written without
    `+` (the candidate's). Raises BadInput for a file that is no photo or a photo of no card."""
    rgb = load_photo(photo, field)
    contact = read_qr(cv2.cvtColor(rgb, cv2.COLOR_RGB2GRAY))
    from_qr = None
    if contact is not None:
        from_qr = card_from_contact(
            contact.name, contact.title, contact.company, contact.email, contact.phones, region
        )
        if all(getattr(from_qr, key) for key in CARD_FIELDS):
            return from_qr
    read = _read(photo, rgb, region, field)
    if from_qr is not None:
        return _completed(from_qr, read)
    if not (read.name or read.email or read.phone):
        raise NotACard(
            f"{field}: expected a photo of a business card; no name, email or phone number "
            "could be read on it"
        )
    return read


def _read(photo: bytes, rgb: np.ndarray, region: str | None, field: str) -> BusinessCard:
    """The fields printed on the card in the photo: on the card found and straightened, or on
    the whole photo where no card's outline was found; and on a card that fills a small part of
    the photo (`_small_card`) where the first look found no card, or did not read its contact
    block (it may have taken a larger shape of the table for the card)."""
    card, alone = straighten(rgb)
    if not alone:
        # Reading the whole photo costs three to four times a card's reading: a small card in
        # it is read first, and the whole photo only where that card's contacts are not read.
        closer = _small_card(photo, rgb, field)
        if closer is not None:
            small = _fields(closer, True, region)
            if _whole_card(small):
                return small
            whole = _fields(card, alone, region)
            return small if _contacts(small) > _contacts(whole) else whole
        return _fields(card, alone, region)
    read = _fields(card, alone, region)
    if read.email and read.phone:
        return read
    closer = _small_card(photo, rgb, field)
    if closer is None:
        closer = _framed_card(rgb)
    if closer is None:
        return read
    again = _fields(closer, True, region)
    return again if _contacts(again) > _contacts(read) else read


def _framed_card(rgb: np.ndarray) -> np.ndarray | None:
    """The card straightened from a shape all inside the photo, where the shape taken first for
    the card touched its edge: a dark card on a dark table, the table's lit part (the photo less
    a shadowed corner) is as bright a shape, and the larger. None where the first shape was
    inside the photo too, or no other shape is."""
    first = find_card(rgb)
    if first is None or not on_edge(first, rgb.shape):
        return None
    quad = find_card(rgb, inside=True)
    return None if quad is None else squared(rgb, quad)


def _fields(image: np.ndarray, alone: bool, region: str | None) -> BusinessCard:
    """The fields read on `image` (see `ocr.read_lines`), the phone number's line read twice
    more where it was read unsurely (`second_look`)."""
    found = read_lines_and_crops(image, alone)
    read = find_fields([line for line, _ in found], region)
    if read.phone is None:
        return read
    voted = voted_phone(read.phone, found, recognise)
    if voted is None:
        return read
    confidence = dict(read.confidence, phone=min(read.confidence.get("phone", 0.0), 0.8))
    return replace(read, phone=voted, confidence=confidence)


def _completed(from_qr: BusinessCard, read: BusinessCard) -> BusinessCard:
    """The QR code's fields, and the printed text's where the code says nothing."""
    filled = {key: getattr(read, key) for key in CARD_FIELDS if not getattr(from_qr, key)}
    confidence = dict(from_qr.confidence)
    confidence.update({key: read.confidence.get(key, 0.0) for key in filled})
    return replace(from_qr, **filled, confidence=confidence)


# A card may fill as little as this of a photo taken from further off (on a desk among other
# things): too little to be taken for the card in the first look, which would then take a larger
# shape of the table for it, or none.
SMALL_AREA = 0.015
MAX_SIDE = 4096  # the long side a photo is loaded at for a small card in it (12 MP whole)


def _small_card(photo: bytes, rgb: np.ndarray, field: str) -> np.ndarray | None:
    """The card straightened from a photo in which it is small (`SMALL_AREA` to `MIN_AREA` of
    it), cut from the photo loaded at the size that gives the card `MIN_SIDE` pixels along its
    long side where the photo has them: loaded at `WORK_SIDE`, the small print of a card a
    twentieth of a 12 MP photo is 7 pixels high, and the recogniser reads nothing of it. None
    where no such card is seen."""
    quad = find_card(rgb, SMALL_AREA, MIN_AREA)
    if quad is None:
        return None
    long_side = max(float(np.linalg.norm(quad[i] - quad[(i + 1) % 4])) for i in range(4))
    side = round(max(rgb.shape[:2]) * MIN_SIDE / max(long_side, 1.0))
    side = min(max(side, WORK_SIDE), MAX_SIDE)
    shrunk = max(rgb.shape[:2]) >= WORK_SIDE  # a photo larger than this was loaded smaller
    whole = load_photo(photo, field, side) if shrunk and side > WORK_SIDE else rgb
    scale = np.array(
        [whole.shape[1] / rgb.shape[1], whole.shape[0] / rgb.shape[0]], dtype=np.float32
    )
    return squared(whole, quad * scale)


def _whole_card(card: BusinessCard) -> bool:
    """A reading that is a whole card's: its name, email and phone and at least one of its
    title and company. A shape inside a scanned card (a framed block of its contacts, its logo)
    looks like a small card too, and reading it gives the email and phone alone."""
    return bool(card.name and card.email and card.phone and (card.title or card.company))


def _contacts(card: BusinessCard) -> tuple[int, int]:
    """How much of a card was read: its email and phone first, then every field."""
    return (bool(card.email) + bool(card.phone), len(card.found))
