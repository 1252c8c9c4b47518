"""Reading one business card from a photo: the steps, in order."""

from __future__ import annotations

from dataclasses import replace

import cv2

from followup.adapters.cards.fields import card_from_contact, find_fields
from followup.adapters.cards.image import NotAnImage, load_photo
from followup.adapters.cards.ocr import read_lines
from followup.adapters.cards.qr import read_qr
from followup.adapters.cards.straighten import straighten
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
    card, alone = straighten(rgb)
    read = find_fields(read_lines(card, alone), region)
    if from_qr is not None:
        return _completed(from_qr, read)
    if not (read.name or read.email or read.phone):
        raise NotACard(
            f"{field}: expected a photo of a business card; no name, email or phone number "
            "could be read on it"
        )
    return read


def _completed(from_qr: BusinessCard, read: BusinessCard) -> BusinessCard:
    """The QR code's fields, and the printed text's where the code says nothing."""
    filled = {key: getattr(read, key) for key in CARD_FIELDS if not getattr(from_qr, key)}
    confidence = dict(from_qr.confidence)
    confidence.update({key: read.confidence.get(key, 0.0) for key in filled})
    return replace(from_qr, **filled, confidence=confidence)
