"""The lines of text read from a card, and the pieces of one printed line joined again."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from followup.adapters.cards.contacts import fold, words

if TYPE_CHECKING:
    from followup.adapters.cards.frames import Frames


MIN_SCORE = 0.5  # recognitions less sure than this are noise (a logo, a texture)…
# …or an email printed too small to read (`Emolng.pds` for tyrone.nguyen@fjord.com): lines down
# to this sureness are kept, as faint, for weighing the addresses the card allows on them.
FAINT_SCORE = 0.3


@dataclass(frozen=True)
class Line:
    """One line of text read from the card. Positions are in card heights from the top-left
    corner, so they compare across photo sizes."""

    text: str
    score: float = 1.0
    left: float = 0.0
    top: float = 0.0
    right: float = 1.0
    bottom: float = 0.1
    height: float = 0.1
    # What the recogniser saw along the line, asked for only where the email it may hold is in
    # doubt (it costs a recognition): kept for a line that may hold the email.
    frames: Callable[[], Frames | None] | None = field(default=None, compare=False, repr=False)

    @property
    def middle(self) -> float:
        return (self.top + self.bottom) / 2


def lines_from_text(texts: list[str | tuple[str, float]]) -> list[Line]:
    """Lines as OCR would give them, one under the other; a number beside a text is its height
    relative to the others (2.0 for a name printed twice as large)."""
    lines, top = [], 0.05
    for item in texts:
        text, scale = (item, 1.0) if isinstance(item, str) else item
        height = 0.06 * scale
        lines.append(
            Line(text, 0.99, 0.05, top, 0.05 + len(text) * height * 0.5, top + height, height)
        )
        top += height * 1.5
    return lines


# --- rows ----------------------------------------------------------------------------------------


def merge_rows(lines: list[Line]) -> list[Line]:
    """Pieces of one printed line, split by the OCR where words stand apart, joined again; a
    label alone (`T`, `Fax:`) joins the value beside it however far away it is."""
    pieces = sorted((line for line in lines if line.text.strip()), key=lambda ln: ln.middle)
    rows: list[list[Line]] = []
    for piece in pieces:
        for row in rows:
            anchor = row[0]
            if (
                abs(piece.middle - anchor.middle) < 0.5 * min(piece.height, anchor.height)
                and 0.6 < piece.height / max(anchor.height, 1e-6) < 1.6
            ):
                row.append(piece)
                break
        else:
            rows.append([piece])
    merged: list[Line] = []
    for row in rows:
        row.sort(key=lambda ln: ln.left)
        current = row[0]
        for piece in row[1:]:
            gap = piece.left - current.right
            # Near, and set in the same size: words of one line, a word's space apart (a
            # third of the box's height; a band's long word that ends a letter's height from
            # the title beside it, `Versicherungen` | `Chief Technology Officer`, is not part
            # of the title).
            near = gap < 0.9 * max(current.height, piece.height)
            alike = 0.8 < piece.height / max(current.height, 1e-6) < 1.25
            if (near and alike) or _is_label(current.text):
                current = join(current, piece)
            else:
                merged.append(current)
                current = piece
        merged.append(current)
    merged.sort(key=lambda ln: (ln.middle, ln.left))
    return merged


def _is_label(text: str) -> bool:
    bare = fold(text).strip(" .:|/-")
    vocabulary = words()
    return any(
        bare in vocabulary[key]
        for key in ("fax_labels", "mobile_labels", "phone_labels", "email_labels", "web_labels")
    )


def join(a: Line, b: Line) -> Line:
    weight_a, weight_b = len(a.text), len(b.text)
    score = (a.score * weight_a + b.score * weight_b) / max(weight_a + weight_b, 1)
    return Line(
        f"{a.text} {b.text}",
        score,
        min(a.left, b.left),
        min(a.top, b.top),
        max(a.right, b.right),
        max(a.bottom, b.bottom),
        max(a.height, b.height),
    )


# --- the fields ----------------------------------------------------------------------------------
