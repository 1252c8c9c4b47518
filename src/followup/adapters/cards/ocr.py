"""Reading the card's text offline: RapidOCR's networks (PP-OCRv6 detection and recognition, and a
small classifier that tells upright text from upside-down text), which ship inside the `rapidocr`
wheel and run on the CPU with onnxruntime. Nothing is downloaded.

The card from `straighten` lies square but may be on its side or upside down. Text is detected
once; the boxes' shape says whether the card is on its side (lines stand up), and the classifier,
asked about the longest lines, says whether it is upside down. Each line is then cut out, turned
upright and recognised, and its box is carried into the upright card's frame so that the lines
come in reading order.
"""

from __future__ import annotations

import threading
from typing import Any

import cv2
import numpy as np

from followup.adapters.cards.fields import Line

MIN_SCORE = 0.5  # recognitions less sure than this are noise (a logo, a texture)

_engine: Any = None
_building = threading.Lock()
_reading = threading.Lock()  # one reading at a time: onnxruntime already uses every core


def engine() -> Any:
    """The OCR engine, built once per process (loading its networks takes about half a second)."""
    global _engine
    with _building:
        if _engine is None:
            from rapidocr import RapidOCR

            _engine = RapidOCR(params={"Global.log_level": "error"})
        return _engine


def read_lines(rgb: np.ndarray) -> list[Line]:
    """The card's lines of text, upright, in reading order."""
    bgr = np.ascontiguousarray(rgb[:, :, ::-1])
    ocr = engine()
    with _reading:
        boxes = _detect(ocr, bgr)
        if len(boxes) == 0:
            return []
        along, down = _directions(boxes)
        if abs(along[1]) > abs(along[0]):
            # On its side: the detector, trained on lines that run across, misses small lines
            # that run down (a long email, the contact block). Turned a quarter and detected
            # again, they are found; the classifier below still tells which way up it is.
            bgr = np.ascontiguousarray(np.rot90(bgr))
            turned = _detect(ocr, bgr)
            if len(turned) >= len(boxes):
                boxes = turned
                along, down = _directions(boxes)
            else:  # not better: keep the first detection, in the first frame
                bgr = np.ascontiguousarray(np.rot90(bgr, -1))
        extents = [_extent(box, along, down) for box in boxes]
        crops = [_crop(bgr, extent, along, down) for extent in extents]
        flipped = _upside_down(ocr, crops)
        if flipped:
            crops = [np.ascontiguousarray(np.rot90(crop, 2)) for crop in crops]
        read = [_recognise(ocr, crop) for crop in crops]
    height, width = bgr.shape[:2]
    corners = np.array([[0, 0], [width, 0], [width, height], [0, height]], dtype=np.float32)
    card_height = float(np.ptp(corners @ down)) or 1.0
    lines = []
    for (a0, a1, b0, b1), (text, score) in zip(extents, read, strict=True):
        if score < MIN_SCORE or not text.strip():
            continue
        if flipped:  # seen the other way up: what was last comes first
            a0, a1, b0, b1 = -a1, -a0, -b1, -b0
        lines.append(
            Line(
                text=text,
                score=score,
                left=a0 / card_height,
                top=b0 / card_height,
                right=a1 / card_height,
                bottom=b1 / card_height,
                height=(b1 - b0) / card_height,
            )
        )
    if lines:  # from the top-left of the text, as a card's coordinates are
        left0, top0 = min(ln.left for ln in lines), min(ln.top for ln in lines)
        lines = [
            Line(
                ln.text,
                ln.score,
                ln.left - left0,
                ln.top - top0,
                ln.right - left0,
                ln.bottom - top0,
                ln.height,
            )
            for ln in lines
        ]
    return lines


def _detect(ocr: Any, bgr: np.ndarray) -> np.ndarray:
    """The boxes (4 corners each) of the lines of text the detector finds."""
    detected = ocr(bgr, use_det=True, use_cls=False, use_rec=False)
    boxes = getattr(detected, "boxes", None)
    if boxes is None or len(boxes) == 0:
        return np.zeros((0, 4, 2), dtype=np.float32)
    return np.asarray(boxes, dtype=np.float32)


def _directions(boxes: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """The way the card's lines run (a unit vector) and the way down across them. Lines are long
    and thin: their long sides, averaged (by angle doubled, as a line has no head or tail) and
    weighed by length, give the direction, whether the card lies square, tilted or on its side."""
    first = boxes[:, 1] - boxes[:, 0]
    second = boxes[:, 3] - boxes[:, 0]
    longer = np.where(
        (np.linalg.norm(first, axis=1) >= np.linalg.norm(second, axis=1))[:, None], first, second
    )
    length = np.linalg.norm(longer, axis=1)
    angle = np.arctan2(longer[:, 1], longer[:, 0])
    doubled = np.arctan2(np.sum(length * np.sin(2 * angle)), np.sum(length * np.cos(2 * angle)))
    theta = doubled / 2  # in (-90°, 90°]: left to right, or top to bottom
    along = np.array([np.cos(theta), np.sin(theta)], dtype=np.float32)
    down = np.array([-np.sin(theta), np.cos(theta)], dtype=np.float32)
    return along, down


def _extent(
    box: np.ndarray, along: np.ndarray, down: np.ndarray
) -> tuple[float, float, float, float]:
    """Where a line's box starts and ends along the lines and across them."""
    a = box @ along
    b = box @ down
    return float(a.min()), float(a.max()), float(b.min()), float(b.max())


def _crop(
    bgr: np.ndarray, extent: tuple[float, float, float, float], along: np.ndarray, down: np.ndarray
) -> np.ndarray:
    """The line cut out so that it reads left to right (or, on a card upside down, right to left
    and upside down, which the caller turns)."""
    a0, a1, b0, b1 = extent
    width, height = max(1, round(a1 - a0)), max(1, round(b1 - b0))
    source = np.array(
        [a0 * along + b0 * down, a1 * along + b0 * down, a1 * along + b1 * down],
        dtype=np.float32,
    )
    target = np.array([[0, 0], [width, 0], [width, height]], dtype=np.float32)
    matrix = cv2.getAffineTransform(source, target)
    return cv2.warpAffine(
        bgr, matrix, (width, height), borderMode=cv2.BORDER_REPLICATE, flags=cv2.INTER_CUBIC
    )


def _upside_down(ocr: Any, crops: list[np.ndarray], sample: int = 5) -> bool:
    """The classifier's verdict on the longest lines, each weighed by its length and certainty."""
    votes = 0.0
    for crop in sorted(crops, key=lambda c: -c.shape[1])[:sample]:
        result = ocr(crop, use_det=False, use_cls=True, use_rec=False)
        for label, score in getattr(result, "cls_res", None) or ():
            votes += (1 if str(label) == "180" else -1) * float(score) * crop.shape[1]
    return votes > 0


def _recognise(ocr: Any, crop: np.ndarray) -> tuple[str, float]:
    result = ocr(crop, use_det=False, use_cls=False, use_rec=True)
    texts = getattr(result, "txts", None) or ("",)
    scores = getattr(result, "scores", None) or (0.0,)
    return str(texts[0]), float(scores[0])
