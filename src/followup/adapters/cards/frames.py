"""What the recogniser saw along a line, kept to weigh other spellings of it afterwards.

The recogniser (a CTC network) does not read letters one by one: it says, for each narrow step
along the line, how likely each character is there (or none, a "blank"). The text it returns is
the likeliest character at each step, repeats and blanks dropped. An email printed small is often
misread by one character at one step (`@` taken for `g`, a dot lost, `l` for `i`): the right
address, which the name and the company on the card spell, was then likely too, only less so.

`Frames` keeps those steps for a line and gives the likelihood of any text being what is printed
on it (the CTC forward algorithm: the sum over every way the text can be laid along the steps).
Two spellings of the same line are then compared by what the recogniser saw, not by how far apart
their letters are.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

_FLOOR = 1e-6  # the least a character may be at a step: no spelling is impossible, only unlikely


class Frames:
    """The recogniser's probabilities along one line: `probs[t, k]` is how likely character
    `characters[k]` is at step t (index 0 is the blank)."""

    def __init__(self, probs: np.ndarray, characters: Sequence[str]) -> None:
        probs = np.asarray(probs, dtype=np.float32)
        # Only the characters an address or its label may hold, and those the recogniser saw
        # anywhere on the line: the rest of its thousands are never asked about (floored).
        seen = probs.max(axis=0) >= 0.01
        kept = [0] + [
            k
            for k, c in enumerate(characters)
            if k and (seen[k] or (c.isascii() and c.isprintable()))
        ]
        self.probs = probs[:, kept]
        self._index = {characters[k]: at for at, k in enumerate(kept) if at}

    @property
    def steps(self) -> int:
        return int(self.probs.shape[0])

    def _column(self, char: str) -> np.ndarray:
        """How likely `char` is at each step, its capital and small letter as one (an address
        is the same in either case, and its letters are printed either way)."""
        column = np.zeros(self.steps, dtype=np.float32)
        for form in {char, char.lower(), char.upper()}:
            k = self._index.get(form)
            if k is not None:
                column += self.probs[:, k]
        return np.maximum(column, _FLOOR)

    def log_likelihoods(self, texts: Sequence[str]) -> list[float]:
        """The log-likelihood of each text being what the line says (all at once: each step of
        the forward algorithm is done for every text together)."""
        if not texts:
            return []
        steps = self.steps
        longest = max(len(t) for t in texts)
        states = 2 * longest + 1  # blank, char, blank, char, …, blank
        count = len(texts)
        emit = np.full((count, steps, states), _FLOOR, dtype=np.float64)
        blank = np.maximum(self.probs[:, 0], _FLOOR).astype(np.float64)
        emit[:, :, 0::2] = blank[None, :, None]
        # A state may be skipped (from two back) into a character unlike the one before it.
        skip = np.zeros((count, states), dtype=bool)
        last = np.empty(count, dtype=np.int64)
        columns: dict[str, np.ndarray] = {}
        for n, text in enumerate(texts):
            for i, char in enumerate(text):
                if char not in columns:
                    columns[char] = self._column(char)
                emit[n, :, 2 * i + 1] = columns[char]
                skip[n, 2 * i + 1] = i > 0 and char.lower() != text[i - 1].lower()
            last[n] = 2 * len(text)
        valid = np.arange(states)[None, :] <= last[:, None]
        alpha = np.zeros((count, states), dtype=np.float64)
        alpha[:, 0] = emit[:, 0, 0]
        if states > 1:
            alpha[:, 1] = emit[:, 0, 1] * (last >= 1)
        log_scale = np.zeros(count, dtype=np.float64)
        alpha, log_scale = _rescaled(alpha, log_scale)
        for t in range(1, steps):
            moved = alpha.copy()
            moved[:, 1:] += alpha[:, :-1]
            moved[:, 2:] += np.where(skip[:, 2:], alpha[:, :-2], 0.0)
            alpha = moved * emit[:, t, :] * valid
            alpha, log_scale = _rescaled(alpha, log_scale)
        rows = np.arange(count)
        end = alpha[rows, last] + np.where(last >= 1, alpha[rows, np.maximum(last - 1, 0)], 0.0)
        with np.errstate(divide="ignore"):
            return [float(v) for v in np.log(end) + log_scale]


def _rescaled(alpha: np.ndarray, log_scale: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    total = alpha.sum(axis=1)
    total = np.where(total > 0, total, 1.0)
    return alpha / total[:, None], log_scale + np.log(total)
