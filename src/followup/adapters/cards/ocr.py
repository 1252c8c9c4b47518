"""Reading the card's text offline: RapidOCR's networks (PP-OCRv6 detection and recognition),
which ship inside the `rapidocr` wheel and run on the CPU with onnxruntime. Nothing is downloaded.

The card from `straighten` lies square but may be on its side or upside down. Text is detected;
the boxes' shape says whether the card is on its side (lines stand up: it is then turned a quarter
and detected again, as the detector misses small lines that run down), and the longest lines, read
both ways, say whether it is upside down. Each line is then cut out, turned upright and
recognised, and its box is carried into the upright card's frame so that the lines come in
reading order.
"""

from __future__ import annotations

import functools
import threading
from collections.abc import Callable
from dataclasses import replace
from typing import Any

import cv2
import numpy as np

from followup.adapters.cards.frames import Frames
from followup.adapters.cards.lines import FAINT_SCORE, Line

_engine: Any = None
_building = threading.Lock()
_reading = threading.Lock()  # one reading at a time: onnxruntime already uses every core


def engine() -> Any:
    """The OCR engine, built once per process (loading its networks takes about half a second)."""
    global _engine
    with _building:
        if _engine is None:
            from rapidocr import RapidOCR

            built: Any = RapidOCR(
                # RapidOCR enlarges what it detects on to this short side (736 by default): the
                # smaller copy `_detect` makes of a straightened card is not to be enlarged again.
                params={"Global.log_level": "error", "Det.limit_side_len": DETECT_SIDE}
            )
            _quieted(built._load_det_model())
            _quieted(built._load_rec_model())
            _engine = built
        return _engine


def _quieted(model: Any) -> None:
    """The network's onnxruntime session made again with its worker threads sleeping when idle.
    By default they spin between operators, waiting for the next one: on a machine of two cores
    that others share, that spinning is CPU taken from everything else (a fifth of the
    detector's CPU time, for no gain in speed). A session that cannot be made again is kept."""
    import onnxruntime

    holder = getattr(model, "session", None)
    session = getattr(holder, "session", None)
    path = getattr(session, "_model_path", None)
    if holder is None or session is None or not isinstance(path, str):
        return
    options = onnxruntime.SessionOptions()
    options.log_severity_level = 4
    options.enable_cpu_mem_arena = False
    options.graph_optimization_level = onnxruntime.GraphOptimizationLevel.ORT_ENABLE_ALL
    options.add_session_config_entry("session.intra_op.allow_spinning", "0")
    options.add_session_config_entry("session.inter_op.allow_spinning", "0")
    holder.session = onnxruntime.InferenceSession(
        path, sess_options=options, providers=["CPUExecutionProvider"]
    )


def read_lines(rgb: np.ndarray, alone: bool = False) -> list[Line]:
    """The card's lines of text, upright, in reading order; those read less surely than
    `MIN_SCORE` (down to `FAINT_SCORE`) are among them, and are only noise for anything but an
    email that no line read surely holds (see `fields.find_fields`). `alone`: the photo is the
    card alone, straightened (its lines are then found on a smaller copy, `DETECT_SIDE`)."""
    return [line for line, _ in read_lines_and_crops(rgb, alone)]


def read_lines_and_crops(rgb: np.ndarray, alone: bool = False) -> list[tuple[Line, np.ndarray]]:
    """The card's lines of text, upright, in reading order, each with its crop (BGR, upright)."""
    bgr = _stretched(np.ascontiguousarray(rgb[:, :, ::-1]))
    side = DETECT_SIDE if alone else None
    ocr = engine()
    with _reading:
        boxes = _detect(ocr, bgr, side)
        if len(boxes) == 0:
            return []
        along, down = _directions(boxes)
        if abs(along[1]) > abs(along[0]):
            # On its side: the detector, trained on lines that run across, misses small lines
            # that run down (a long email, the contact block). Turned a quarter and detected
            # again, they are found; the classifier below still tells which way up it is.
            bgr = np.ascontiguousarray(np.rot90(bgr))
            turned = _detect(ocr, bgr, side)
            if len(turned) >= len(boxes):
                boxes = turned
                along, down = _directions(boxes)
            else:  # not better: keep the first detection, in the first frame
                bgr = np.ascontiguousarray(np.rot90(bgr, -1))
        extents = [_extent(box, along, down) for box in boxes]
        crops = [_crop(bgr, extent, along, down) for extent in extents]
        flipped, known = _upside_down(ocr, crops)
        if flipped:
            crops = [np.ascontiguousarray(np.rot90(crop, 2)) for crop in crops]
        read = [known.get(i) or _recognise(ocr, crop) for i, crop in enumerate(crops)]
        for i, (text, score) in enumerate(read):
            if _crowded(text, crops[i]):
                wide = _widened(crops[i])
                again = _recognise(ocr, wide)
                if again[1] > score:
                    read[i], crops[i] = again, wide
    height, width = bgr.shape[:2]
    corners = np.array([[0, 0], [width, 0], [width, height], [0, height]], dtype=np.float32)
    card_height = float(np.ptp(corners @ down)) or 1.0
    found = []
    for (a0, a1, b0, b1), (text, score), crop in zip(extents, read, crops, strict=True):
        if score < FAINT_SCORE or not text.strip():
            continue
        if flipped:  # seen the other way up: what was last comes first
            a0, a1, b0, b1 = -a1, -a0, -b1, -b0
        line = Line(
            text=text,
            score=score,
            left=a0 / card_height,
            top=b0 / card_height,
            right=a1 / card_height,
            bottom=b1 / card_height,
            height=(b1 - b0) / card_height,
        )
        found.append((line, crop))
    # What the recogniser saw along each line, worked out if asked: other spellings of a
    # doubtful email are weighed on its line afterwards (`weighing.py`).
    found = [(replace(line, frames=_later(crop)), crop) for line, crop in found]
    if found:  # from the top-left of the text, as a card's coordinates are
        left0 = min(line.left for line, _ in found)
        top0 = min(line.top for line, _ in found)
        found = [
            (
                replace(
                    line,
                    left=line.left - left0,
                    top=line.top - top0,
                    right=line.right - left0,
                    bottom=line.bottom - top0,
                ),
                crop,
            )
            for line, crop in found
        ]
    return found


def _stretched(bgr: np.ndarray) -> np.ndarray:
    """The card with its darkest ink black and its paper white: a grey, dim or washed-out photo
    (a light card under a lamp, blurred small print) has lines the detector otherwise misses."""
    gray = cv2.cvtColor(bgr[::4, ::4], cv2.COLOR_BGR2GRAY)
    low, high = (float(v) for v in np.percentile(gray, (1, 99)))
    if high - low < 24 or (low < 8 and high > 247):
        return bgr  # already full range, or nothing to stretch
    table = np.clip((np.arange(256) - low) * 255 / (high - low), 0, 255).astype(np.uint8)
    return cv2.LUT(bgr, table)


def _sharpened(bgr: np.ndarray, sigma: float = 3.0) -> np.ndarray:
    """The card with its edges made steep again (an unsharp mask). On a blurred photo the small
    lines of a contact block run into one another: the detector then finds one box for two
    lines, half a line (a long email cut short), or none at all. Only the detector sees this
    copy: it finds lines, and the recogniser reads them from the card as photographed."""
    blurred = cv2.GaussianBlur(bgr, (0, 0), sigma)
    return cv2.addWeighted(bgr, 3.0, blurred, -2.0, 0)


# A card found and straightened has its lines found on a copy whose short side is this long: it
# is 1,400 to 1,800 pixels by 800 to 1,030, and detecting at that size cost 1.7 times the CPU time
# for the same lines (on 20 cards, every box found at full size was found at 640 pixels, one was
# lost at 544). The lines are still cut out of, and read from, the card at full size. A photo in
# which no card's outline was found is detected at full size: the card is only part of it, and its
# small print, made smaller still, is lost (the contact block of a card across a third of a phone's
# photo).
DETECT_SIDE = 640


def _detect(ocr: Any, bgr: np.ndarray, side: int | None = None) -> np.ndarray:
    """The boxes (4 corners each) of the lines of text the detector finds, in `bgr`'s pixels;
    found on a copy whose short side is `side` where that is smaller."""
    height, width = bgr.shape[:2]
    scale = min(1.0, side / max(1, min(height, width))) if side else 1.0
    small = bgr
    if scale < 1.0:
        size = (max(1, round(width * scale)), max(1, round(height * scale)))
        small = cv2.resize(bgr, size, interpolation=cv2.INTER_AREA)
    detected = ocr(_sharpened(small, 3.0 * scale), use_det=True, use_cls=False, use_rec=False)
    boxes = getattr(detected, "boxes", None)
    if boxes is None or len(boxes) == 0:
        return np.zeros((0, 4, 2), dtype=np.float32)
    found = np.asarray(boxes, dtype=np.float32)
    found[:, :, 0] *= width / small.shape[1]
    found[:, :, 1] *= height / small.shape[0]
    return found


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


# A line read upside down is read at 0.6 or so, one the right way up at 0.99: where the longest
# lines all read at least this surely as they lie, the card is upright and they are not read again
# turned (three readings of the twelve or so a card costs).
SURELY_UPRIGHT = 0.95


def _upside_down(
    ocr: Any, crops: list[np.ndarray], sample: int = 3
) -> tuple[bool, dict[int, tuple[str, float]]]:
    """Whether the card is upside down, and the longest lines as read the right way up (by their
    index). Each of the longest lines is read both ways, unless all read surely as they lie: the
    right way reads far more surely (0.99 against 0.6). RapidOCR's direction classifier is not
    asked: on a photo whose lines are short or tilted it says "upside down" of an upright card
    often enough to lose whole cards."""
    longest = sorted(range(len(crops)), key=lambda i: -crops[i].shape[1])[:sample]
    upright = {i: _recognise(ocr, crops[i]) for i in longest}
    if all(score >= SURELY_UPRIGHT for _, score in upright.values()):
        return False, upright  # every one read surely: not worth reading them upside down
    turned: dict[int, tuple[str, float]] = {}
    votes = 0.0
    for i in longest:
        turned[i] = _recognise(ocr, np.ascontiguousarray(np.rot90(crops[i], 2)))
        votes += (turned[i][1] - upright[i][1]) * crops[i].shape[1]
    return (True, turned) if votes > 0 else (False, upright)


# The recogniser sees a line 48 pixels high and says what it sees at every 8 pixels along it:
# a line set narrow for its height (small print in a box as tall as it, a condensed font) gives
# it fewer steps than it needs to tell each character, and it runs letters together or drops
# marks (`miceeverdant.com` for michael@verdant.com, a hyphen or a dot lost). Such a line is read
# again drawn wider, and the reading more sure of itself kept.
_REC_HEIGHT, _REC_STEP = 48, 8
CROWDED = 0.6  # characters read per step above which a line is read again, widened
WIDER = 1.3  # how much wider (more lets a font's letters lose their shape)


def _crowded(text: str, crop: np.ndarray) -> bool:
    height, width = (int(side) for side in crop.shape[:2])
    steps = _REC_HEIGHT * width / max(height, 1) / _REC_STEP
    return len(text.strip()) > CROWDED * steps


def _widened(crop: np.ndarray) -> np.ndarray:
    height, width = crop.shape[:2]
    return cv2.resize(crop, (round(width * WIDER), height), interpolation=cv2.INTER_CUBIC)


def recognise(crop: np.ndarray) -> tuple[str, float]:
    """One line's crop (BGR, upright) read by the recogniser alone: its text and sureness."""
    ocr = engine()
    with _reading:
        return _recognise(ocr, crop)


def _recognise(ocr: Any, crop: np.ndarray) -> tuple[str, float]:
    result = ocr(crop, use_det=False, use_cls=False, use_rec=True)
    texts = getattr(result, "txts", None) or ("",)
    scores = getattr(result, "scores", None) or (0.0,)
    return str(texts[0]), float(scores[0])


def _later(crop: np.ndarray) -> Callable[[], Frames | None]:
    """The line's frames, worked out the first time they are asked for."""
    return functools.cache(lambda: frames(crop))


def frames(crop: np.ndarray) -> Frames | None:
    """What the recogniser sees along a line (see `frames.py`), for weighing other spellings of
    it; None where this version of RapidOCR does not let it be asked."""
    load = getattr(engine(), "_load_rec_model", None)  # RapidOCR's own recogniser
    if load is None:
        return None
    recogniser: Any = load()
    try:
        _, img_height, img_width = recogniser.rec_image_shape
        characters = recogniser.postprocess_op.character
        height, width = crop.shape[:2]
        ratio = max(img_width / img_height, width / max(height, 1))
        batch = recogniser.resize_norm_img(crop, ratio)[np.newaxis].astype(np.float32)
        with _reading:
            probs = recogniser.session(batch)[0]
    except (AttributeError, TypeError, ValueError):
        return None
    return Frames(probs, characters)
