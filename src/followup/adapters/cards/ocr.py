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
        detected = ocr(bgr, use_det=True, use_cls=False, use_rec=False)
        boxes = getattr(detected, "boxes", None)
        if boxes is None or len(boxes) == 0:
            return []
        boxes = np.asarray(boxes, dtype=np.float32)
        sideways = _sideways(boxes)
        crops = [_crop(bgr, box, sideways) for box in boxes]
        flipped = _upside_down(ocr, crops)
        if flipped:
            crops = [np.ascontiguousarray(np.rot90(crop, 2)) for crop in crops]
        read = [_recognise(ocr, crop) for crop in crops]
    # np.rot90 turns counter-clockwise: a card on its side is turned once, then twice more if
    # its text was found upside down.
    turns = (1 if sideways else 0) + (2 if flipped else 0)
    height, width = bgr.shape[:2]
    upright_height = width if turns % 2 else height
    lines = []
    for box, crop, (text, score) in zip(boxes, crops, read, strict=True):
        if score < MIN_SCORE or not text.strip():
            continue
        points = _turned(box, turns, width, height)
        left, top = points.min(axis=0)
        right, bottom = points.max(axis=0)
        lines.append(
            Line(
                text=text,
                score=score,
                left=float(left) / upright_height,
                top=float(top) / upright_height,
                right=float(right) / upright_height,
                bottom=float(bottom) / upright_height,
                height=float(crop.shape[0]) / upright_height,
            )
        )
    return lines


def _sideways(boxes: np.ndarray) -> bool:
    """Lines are long and thin: on a card lying on its side, their boxes stand up."""
    across = np.linalg.norm(boxes[:, 1] - boxes[:, 0], axis=1)
    down = np.linalg.norm(boxes[:, 3] - boxes[:, 0], axis=1)
    return float(np.sum(down[down > across])) > float(np.sum(across[across >= down]))


def _crop(bgr: np.ndarray, box: np.ndarray, sideways: bool) -> np.ndarray:
    """The line in `box`, cut out square on; turned a quarter counter-clockwise when the card is
    on its side, so that it reads left to right (or right to left, upside down)."""
    width = int(max(np.linalg.norm(box[0] - box[1]), np.linalg.norm(box[2] - box[3])))
    height = int(max(np.linalg.norm(box[0] - box[3]), np.linalg.norm(box[1] - box[2])))
    width, height = max(width, 1), max(height, 1)
    target = np.array([[0, 0], [width, 0], [width, height], [0, height]], dtype=np.float32)
    matrix = cv2.getPerspectiveTransform(box.astype(np.float32), target)
    crop = cv2.warpPerspective(
        bgr, matrix, (width, height), borderMode=cv2.BORDER_REPLICATE, flags=cv2.INTER_CUBIC
    )
    return np.ascontiguousarray(np.rot90(crop)) if sideways else crop


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


def _turned(points: np.ndarray, turns: int, width: int, height: int) -> np.ndarray:
    """Points of a `width`×`height` image, where they are once it is turned `turns` quarters
    counter-clockwise (as np.rot90 turns it)."""
    x, y = points[:, 0], points[:, 1]
    turns %= 4
    if turns == 1:
        return np.stack([y, (width - 1) - x], axis=1)
    if turns == 2:
        return np.stack([(width - 1) - x, (height - 1) - y], axis=1)
    if turns == 3:
        return np.stack([(height - 1) - y, x], axis=1)
    return points
