"""Finding the card in the photo and looking at it square on.

The card is the largest four-sided shape of about a card's proportions: found from its edges
(Canny) and, where the table is busy, from its brightness against the table (Otsu). Its corners are
then mapped onto a rectangle (a perspective transform), which undoes both the turn of the card on
the table and the tilt of the phone. A photo that is all card (a scan, a tight crop) has no such
shape and is read as it is.
"""

from __future__ import annotations

import cv2
import numpy as np

FIND_SIDE = 640  # the card's outline is found on a small copy: edges need no detail
OUT_SIDE = 1800  # the straightened card's long side, at most
MIN_SIDE = 1400  # and at least: small text is read better enlarged smoothly than left small
# A card's width over its height: 1.75 (US), 1.59 (ISO, EU), 1.65 (Japan); square and folded
# cards exist, so the bounds are wide.
MIN_ASPECT, MAX_ASPECT = 1.15, 2.3
MIN_AREA, MAX_AREA = 0.08, 0.985  # of the photo
# A shape of unusual proportions may be only part of the card (its white half, beside a dark band
# as dark as the table): the photo is then cut around it with a wide margin, not squared to it.
USUAL_ASPECT = (1.4, 2.0)


def straighten(rgb: np.ndarray) -> tuple[np.ndarray, bool]:
    """The card alone, square on (its long side horizontal or vertical, not yet turned upright),
    and whether a card's outline was found."""
    quad = find_card(rgb)
    if quad is None:
        return _enlarged(rgb), False
    if not USUAL_ASPECT[0] <= _aspect(quad) <= USUAL_ASPECT[1]:
        return _enlarged(_around(rgb, quad)), False
    return squared(rgb, quad), True


def squared(rgb: np.ndarray, quad: np.ndarray) -> np.ndarray:
    """The card whose corners are `quad` (top-left, top-right, bottom-right, bottom-left in
    `rgb`), mapped onto a rectangle of `MIN_SIDE` to `OUT_SIDE` pixels along its long side."""
    tl, tr, br, bl = quad
    width = float(max(np.linalg.norm(tr - tl), np.linalg.norm(br - bl)))
    height = float(max(np.linalg.norm(bl - tl), np.linalg.norm(br - tr)))
    scale = min(1.0, OUT_SIDE / max(width, height))
    scale = max(scale, MIN_SIDE / max(width, height))
    w, h = max(1, round(width * scale)), max(1, round(height * scale))
    target = np.array([[0, 0], [w - 1, 0], [w - 1, h - 1], [0, h - 1]], dtype=np.float32)
    matrix = cv2.getPerspectiveTransform(quad.astype(np.float32), target)
    flags = cv2.INTER_AREA if scale <= 1 else cv2.INTER_CUBIC
    return cv2.warpPerspective(rgb, matrix, (w, h), flags=flags)


def _around(rgb: np.ndarray, quad: np.ndarray) -> np.ndarray:
    """The photo cut to the shape found and a wide margin around it: where the rest of the card
    is, when the shape was only part of it."""
    height, width = rgb.shape[:2]
    left, top = quad.min(axis=0)
    right, bottom = quad.max(axis=0)
    margin = 0.45 * max(right - left, bottom - top)
    x0, y0 = max(0, int(left - margin)), max(0, int(top - margin))
    x1, y1 = min(width, int(right + margin)), min(height, int(bottom + margin))
    return np.ascontiguousarray(rgb[y0:y1, x0:x1])


def _enlarged(rgb: np.ndarray) -> np.ndarray:
    height, width = rgb.shape[:2]
    if max(height, width) >= MIN_SIDE:
        return rgb
    factor = MIN_SIDE / max(height, width)
    size = (round(width * factor), round(height * factor))
    return cv2.resize(rgb, size, interpolation=cv2.INTER_CUBIC)


def find_card(
    rgb: np.ndarray, smallest: float = MIN_AREA, largest: float = MAX_AREA, inside: bool = False
) -> np.ndarray | None:
    """The card's corners (top-left, top-right, bottom-right, bottom-left) in `rgb`, or None;
    a card that fills from `smallest` to `largest` of the photo; with `inside`, only a shape
    none of whose corners is on the photo's edge (see `framed`)."""
    height, width = rgb.shape[:2]
    factor = FIND_SIDE / max(height, width)
    size = (round(width * factor), round(height * factor))
    small = cv2.resize(rgb, size, interpolation=cv2.INTER_AREA)
    gray = cv2.cvtColor(small, cv2.COLOR_RGB2GRAY)
    blurred = cv2.GaussianBlur(gray, (5, 5), 0)
    area = float(small.shape[0] * small.shape[1])
    best: tuple[float, np.ndarray] | None = None
    for mask in _masks(blurred):
        contours, _ = cv2.findContours(mask, cv2.RETR_EXTERNAL, cv2.CHAIN_APPROX_SIMPLE)
        for contour in sorted(contours, key=cv2.contourArea, reverse=True)[:3]:
            quad = _quadrilateral(contour)
            if quad is None:
                continue
            score = _plausibility(quad, contour, area, smallest, largest)
            if inside and on_edge(quad, small.shape[:2]):
                continue
            if score > 0 and (best is None or score > best[0]):
                best = (score, quad)
    if best is None:
        return None
    return _ordered(best[1] / factor)


EDGE = 0.01  # of the photo's side: a corner this near its edge is on it


def on_edge(quad: np.ndarray, shape: tuple[int, ...]) -> bool:
    """Whether a corner of `quad` lies on the edge of a photo of `shape` (height, width): the
    shape is cut by the frame, a part of the table lit brighter than the rest (a dark card on a
    dark table) or a card not all in the photo, not a card's outline."""
    height, width = shape[:2]
    margin = EDGE * max(height, width)
    xs, ys = quad[:, 0], quad[:, 1]
    return bool(
        (xs <= margin).any()
        or (ys <= margin).any()
        or (xs >= width - 1 - margin).any()
        or (ys >= height - 1 - margin).any()
    )


def _masks(blurred: np.ndarray) -> list[np.ndarray]:
    """Binary images whose outer shapes may be the card: its edges, and its brightness."""
    kernel = np.ones((3, 3), np.uint8)
    masks = []
    median = float(np.median(blurred))
    edges = cv2.Canny(blurred, max(10, 0.5 * median), min(255, 1.2 * median + 20))
    masks.append(cv2.dilate(edges, kernel, iterations=2))
    _, bright = cv2.threshold(blurred, 0, 255, cv2.THRESH_BINARY + cv2.THRESH_OTSU)
    closed = cv2.morphologyEx(bright, cv2.MORPH_CLOSE, np.ones((9, 9), np.uint8))
    masks.append(cv2.morphologyEx(closed, cv2.MORPH_OPEN, np.ones((5, 5), np.uint8)))
    masks.append(cv2.bitwise_not(masks[-1]))
    return masks


def _quadrilateral(contour: np.ndarray) -> np.ndarray | None:
    hull = cv2.convexHull(contour)
    perimeter = cv2.arcLength(hull, True)
    for epsilon in (0.02, 0.03, 0.045, 0.06):
        approx = cv2.approxPolyDP(hull, epsilon * perimeter, True)
        if len(approx) == 4:
            return np.asarray(approx.reshape(4, 2), dtype=np.float32)
        if len(approx) < 4:
            break
    return None


def _plausibility(
    quad: np.ndarray, contour: np.ndarray, area: float, smallest: float, largest: float
) -> float:
    """How much this shape looks like a card: large, filled, of a card's proportions."""
    quad_area = float(cv2.contourArea(quad))
    share = quad_area / area
    if not smallest <= share <= largest:
        return 0.0
    if not MIN_ASPECT <= _aspect(_ordered(quad)) <= MAX_ASPECT:
        return 0.0
    filled = min(1.0, float(cv2.contourArea(contour)) / max(quad_area, 1.0))
    if filled < 0.8:
        return 0.0
    return share * filled


def _aspect(corners: np.ndarray) -> float:
    tl, tr, br, bl = corners
    across = float(np.linalg.norm(tr - tl) + np.linalg.norm(br - bl))
    down = float(np.linalg.norm(bl - tl) + np.linalg.norm(br - tr))
    return max(across, down) / max(min(across, down), 1.0)


def _ordered(points: np.ndarray) -> np.ndarray:
    """Corners as top-left, top-right, bottom-right, bottom-left."""
    import numpy as np

    points = np.asarray(points, dtype=np.float32)
    total = points.sum(axis=1)
    diff = np.diff(points, axis=1).ravel()
    return np.array(
        [
            points[np.argmin(total)],
            points[np.argmin(diff)],
            points[np.argmax(total)],
            points[np.argmax(diff)],
        ],
        dtype=np.float32,
    )
