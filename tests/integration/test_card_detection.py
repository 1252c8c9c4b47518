"""Where the detector finds a card's lines (`ocr._detect`): on a card found and straightened it
works on a smaller copy, and the boxes it gives are in the card's own pixels, where the lines are
cut out and read."""

from __future__ import annotations

import numpy as np
import pytest
from PIL import Image, ImageDraw, ImageFont

from followup.adapters.cards import ocr

pytestmark = pytest.mark.slow

FONT = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"

# (text, left, top, size in pixels) on a card 1,400 by 800, as `straighten` gives it.
LINES = [
    ("Henrietta Vasquez-Oduya", 90, 120, 64),
    ("Principal Field Engineer", 90, 230, 40),
    ("h.vasquez-oduya@tidewater.example", 90, 560, 30),
    ("+44 20 7946 0321", 90, 640, 30),
]


def _card() -> tuple[np.ndarray, list[tuple[int, int, int, int]]]:
    image = Image.new("RGB", (1400, 800), "white")
    draw = ImageDraw.Draw(image)
    where = []
    for text, left, top, size in LINES:
        font = ImageFont.truetype(FONT, size)
        draw.text((left, top), text, font=font, fill="black")
        where.append(tuple(int(v) for v in draw.textbbox((left, top), text, font=font)))
    return np.ascontiguousarray(np.asarray(image)[:, :, ::-1]), where


def test_the_lines_of_a_card_larger_than_the_detectors_copy_are_found_where_they_are_printed():
    bgr, printed = _card()
    assert min(bgr.shape[:2]) > ocr.DETECT_SIDE  # detected on a smaller copy
    boxes = ocr._detect(ocr.engine(), bgr, ocr.DETECT_SIDE)
    assert len(boxes) == len(printed)
    found = sorted(
        (
            (int(b[:, 0].min()), int(b[:, 1].min()), int(b[:, 0].max()), int(b[:, 1].max()))
            for b in boxes
        ),
        key=lambda r: r[1],
    )
    for (x0, y0, x1, y1), (a0, b0, a1, b1) in zip(found, printed, strict=True):
        # Each box holds its line, with at most the detector's margin of a few pixels around it.
        assert x0 <= a0 + 4 and y0 <= b0 + 4 and x1 >= a1 - 4 and y1 >= b1 - 4
        assert a0 - x0 < 30 and b0 - y0 < 30 and x1 - a1 < 30 and y1 - b1 < 30


def test_the_networks_run_with_worker_threads_that_sleep_when_idle():
    engine = ocr.engine()
    for model in (engine.text_det, engine.text_rec):
        options = model.session.session.get_session_options()
        assert options.get_session_config_entry("session.intra_op.allow_spinning") == "0"
