"""Reading the card's text offline: RapidOCR's detection and recognition networks (PP-OCRv6, ONNX),
which ship inside the `rapidocr` wheel, run by onnxruntime on the CPU. Nothing is downloaded.

The card from `straighten` lies square but may be upside down or on its side. The text detector
finds the lines whichever way they run, so the boxes' shape says whether the card is on its side,
and reading the longest lines both ways up says whether it is upside down. The card is then turned
upright and read once, so that lines come in reading order, top to bottom.
"""

from __future__ import annotations

import threading
from typing import Any

import numpy as np

from followup.adapters.cards.fields import Line

_engine: Any = None
_building = threading.Lock()
_reading = threading.Lock()  # one reading at a time: onnxruntime already uses every core


def engine() -> Any:
    """The OCR engine, built once per process (loading its networks takes about half a second)."""
    global _engine
    with _building:
        if _engine is None:
            from rapidocr import RapidOCR

            _engine = RapidOCR(
                params={
                    "Global.log_level": "error",
                    "Global.use_cls": False,  # the card is turned upright as a whole instead
                    "Global.max_side_len": 2000,
                }
            )
        return _engine


def read_lines(rgb: np.ndarray) -> list[Line]:
    """The card's lines of text, upright, in reading order."""
    bgr = np.ascontiguousarray(rgb[:, :, ::-1])
    ocr = engine()
    with _reading:
        upright = _upright(ocr, bgr)
        result = ocr(upright, use_det=True, use_cls=False, use_rec=True)
    if result.boxes is None or result.txts is None:
        return []
    height = float(upright.shape[0])
    lines = []
    for box, text, score in zip(result.boxes, result.txts, result.scores, strict=True):
        points = np.asarray(box, dtype=np.float32)
        left, top = points.min(axis=0)
        right, bottom = points.max(axis=0)
        tall = (np.linalg.norm(points[3] - points[0]) + np.linalg.norm(points[2] - points[1])) / 2
        lines.append(
            Line(
                text=str(text),
                score=float(score),
                left=float(left) / height,
                top=float(top) / height,
                right=float(right) / height,
                bottom=float(bottom) / height,
                height=float(tall) / height,
            )
        )
    return lines


def _upright(ocr: Any, bgr: np.ndarray) -> np.ndarray:
    detected = ocr(bgr, use_det=True, use_cls=False, use_rec=False)
    boxes = getattr(detected, "boxes", None)
    if boxes is None or len(boxes) == 0:
        return bgr
    boxes = np.asarray(boxes, dtype=np.float32)
    along = np.linalg.norm(boxes[:, 1] - boxes[:, 0], axis=1)
    across = np.linalg.norm(boxes[:, 3] - boxes[:, 0], axis=1)
    # Lines are long and thin: on a card lying on its side, their boxes stand up.
    if float(np.sum(across[across > along])) > float(np.sum(along[along >= across])):
        bgr = np.ascontiguousarray(np.rot90(bgr, -1))
        detected = ocr(bgr, use_det=True, use_cls=False, use_rec=False)
        boxes = getattr(detected, "boxes", None)
        if boxes is None or len(boxes) == 0:
            return bgr
        boxes = np.asarray(boxes, dtype=np.float32)
    if _upside_down(ocr, bgr, boxes):
        bgr = np.ascontiguousarray(np.rot90(bgr, 2))
    return bgr


def _upside_down(ocr: Any, bgr: np.ndarray, boxes: np.ndarray, sample: int = 4) -> bool:
    """Read the longest lines as they are and turned over; the likelier reading wins."""
    widths = boxes[:, :, 0].max(axis=1) - boxes[:, :, 0].min(axis=1)
    upright = flipped = 0.0
    for index in np.argsort(-widths)[:sample]:
        left, top = boxes[index].min(axis=0).astype(int)
        right, bottom = boxes[index].max(axis=0).astype(int)
        crop = bgr[max(top, 0) : bottom + 1, max(left, 0) : right + 1]
        if crop.size == 0 or crop.shape[0] < 4:
            continue
        upright += _likelihood(ocr(crop, use_det=False, use_cls=False, use_rec=True))
        turned = np.ascontiguousarray(np.rot90(crop, 2))
        flipped += _likelihood(ocr(turned, use_det=False, use_cls=False, use_rec=True))
    return flipped > upright * 1.1


def _likelihood(result: Any) -> float:
    texts = getattr(result, "txts", None) or ()
    scores = getattr(result, "scores", None) or ()
    return float(sum(s * len(t.strip()) for t, s in zip(texts, scores, strict=False)))
