"""A job title's misread words chosen among the known title words by what the recogniser saw
along its line (adapters/cards/title_weighing.py)."""

from __future__ import annotations

import numpy as np

from followup.adapters.cards.frames import Frames
from followup.adapters.cards.lines import Line
from followup.adapters.cards.title_weighing import UNSURE, _known, _near, weighed_title

CHARACTERS = ["", *"abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ ,"]


def _frames(steps: list[dict[str, float]]) -> Frames:
    """Frames that see, at each step, the characters given at the likelihoods given, with a
    blank step between two (the rest of each step's likelihood is the blank's)."""
    rows = []
    for step in steps:
        row = np.zeros(len(CHARACTERS), np.float32)
        for char, p in step.items():
            row[CHARACTERS.index(char)] = p
        row[0] = 1.0 - row.sum()
        rows.append(row)
        blank = np.zeros(len(CHARACTERS), np.float32)
        blank[0] = 1.0
        rows.append(blank)
    return Frames(np.array(rows), CHARACTERS)


def _seen(text: str, doubts: dict[int, dict[str, float]] | None = None) -> Frames:
    """Frames that see `text` surely, but at the steps in `doubts` (by character index)."""
    doubts = doubts or {}
    return _frames([doubts.get(at, {char: 0.98}) for at, char in enumerate(text)])


def _line(text: str, frames: Frames, score: float = 0.85) -> Line:
    return Line(text=text, score=score, frames=lambda: frames)


def test_a_misread_letter_of_an_unsure_title_is_put_right_by_what_the_recogniser_saw():
    # `Sunior`: the recogniser saw a `u` there, and an `e` nearly as likely; nothing like a `J`.
    seen = _seen("Sunior Consultant", {1: {"u": 0.5, "e": 0.45}})
    assert weighed_title("Sunior Consultant", _line("Sunior Consultant", seen)) == (
        "Senior Consultant"
    )


def test_the_known_word_the_recogniser_saw_wins_over_another_as_near_by_its_letters():
    # `Sunior` is one letter off Senior and Junior alike: here the first letter was a J.
    seen = _seen("Sunior Consultant", {0: {"S": 0.5, "J": 0.45}, 1: {"u": 0.98}})
    assert weighed_title("Sunior Consultant", _line("Sunior Consultant", seen)) == (
        "Junior Consultant"
    )


def test_a_word_no_list_knows_read_clearly_is_left_as_read():
    # `Recrutement` (French): three known words are a letter or two off it, none was seen.
    seen = _seen("Responsable Recrutement")
    line = _line("Responsable Recrutement", seen)
    assert weighed_title("Responsable Recrutement", line) == "Responsable Recrutement"


def test_a_title_read_surely_is_not_weighed():
    seen = _seen("Sunior Consultant", {1: {"u": 0.5, "e": 0.45}})
    line = _line("Sunior Consultant", seen, score=UNSURE)
    assert weighed_title("Sunior Consultant", line) == "Sunior Consultant"


def test_two_known_words_the_recogniser_cannot_tell_apart_leave_the_word_as_read():
    seen = _seen("Sunior Consultant", {0: {"S": 0.49, "J": 0.49}, 1: {"u": 0.5, "e": 0.48}})
    assert weighed_title("Sunior Consultant", _line("Sunior Consultant", seen)) == (
        "Sunior Consultant"
    )


def test_a_known_word_three_letters_longer_or_shorter_than_the_word_read_is_not_weighed():
    near = [word for _, word in _near("recrutenwent", _known())]
    assert "recruitment" in near  # a letter shorter
    assert "recruteur" not in near  # three letters shorter: another word
    assert [word for _, word in _near("ofcer", _known())][:1] == ["officer"]
