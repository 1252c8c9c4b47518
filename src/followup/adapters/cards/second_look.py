"""A second look at the telephone number's line, where the recogniser read it unsurely.

A digit misread as another digit leaves a number just as valid in its country's plan
(`+420 212 693 608` for 593 608, on a blurred card): no check of the number can tell. But the
recogniser's mistakes on a soft line depend on how the line is cut and how sharp it is, and the
right reading does not: so the line is read again, from its crop seen two other ways, with a
margin of the card's paper around it (the recogniser reads a crop cut tight to the ink less
surely, a digit at its edge most of all) and sharpened (an unsharp mask as wide as a stroke's
blur). Where both new readings agree on one valid number, other than the first reading's, that
number is taken: two readings against one. Only a line read less surely than `SURE` is read
again (two recognitions of one line): a line read surely is not misread in practice.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

import cv2
import numpy as np
import phonenumbers

from followup.adapters.cards.contacts import find_phones
from followup.adapters.cards.lines import Line

# How a crop is seen again: a margin of paper around it, in line heights (above and below, and
# at each end); and the unsharp mask's width (in line heights) and strength.
MARGIN_ACROSS, MARGIN_ALONG = 0.25, 0.5
SHARPEN_WIDTH, SHARPEN_AMOUNT = 1 / 8, 2.5
SURE = 0.96  # a phone's line read at least this surely is not read again


def with_margin(crop: np.ndarray) -> np.ndarray:
    height = crop.shape[0]
    across, along = round(height * MARGIN_ACROSS), round(height * MARGIN_ALONG)
    return cv2.copyMakeBorder(crop, across, across, along, along, cv2.BORDER_REPLICATE)


def sharpened(crop: np.ndarray) -> np.ndarray:
    blurred = cv2.GaussianBlur(crop, (0, 0), max(0.5, crop.shape[0] * SHARPEN_WIDTH))
    return cv2.addWeighted(crop, 1 + SHARPEN_AMOUNT, blurred, -SHARPEN_AMOUNT, 0)


VIEWS: tuple[Callable[[np.ndarray], np.ndarray], ...] = (with_margin, sharpened)


def _e164(number: phonenumbers.PhoneNumber) -> str:
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)


def _first_voice(text: str, region: str | None) -> phonenumbers.PhoneNumber | None:
    """The first number on the line valid in its country's plan that is not a fax."""
    return next((p.number for p in find_phones(text, region) if p.valid and p.kind != "fax"), None)


def voted_phone(
    phone: str,
    found: Sequence[tuple[Line, np.ndarray]],
    recognise: Callable[[np.ndarray], tuple[str, float]],
) -> str | None:
    """The number the phone's line says read twice more (see the module's docstring), where
    both new readings agree on one other than `phone` (as the card gives it, international);
    else None."""
    try:
        parsed = phonenumbers.parse(phone)
    except phonenumbers.NumberParseException:
        return None
    region = phonenumbers.region_code_for_number(parsed)
    wanted = _e164(parsed)
    for line, crop in found:
        first = _first_voice(line.text, region)
        if first is None or _e164(first) != wanted:
            continue
        if line.score >= SURE:
            return None
        again = [_first_voice(recognise(view(crop))[0], region) for view in VIEWS]
        agreed = {_e164(number) if number is not None else None for number in again}
        if len(agreed) != 1 or again[0] is None or _e164(again[0]) == wanted:
            return None
        return phonenumbers.format_number(again[0], phonenumbers.PhoneNumberFormat.INTERNATIONAL)
    return None
