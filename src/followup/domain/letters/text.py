"""Text helpers for letters: words with their spans, sentences, crude stems."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from functools import lru_cache


def _latin_class(keep: Callable[[str], bool]) -> str:
    """The body of a character class: the Latin letters (Basic Latin, Latin-1, Latin Extended-A
    and -B, Latin Extended Additional) for which `keep` holds, as ranges. Names and words are
    written in all of them: Çağrı, Işıl, Łukasz, Nguyễn, Ștefan."""
    points = [
        c
        for block in ((0x41, 0x7A), (0xC0, 0x24F), (0x1E00, 0x1EFF))
        for c in range(block[0], block[1] + 1)
        if keep(chr(c))
    ]
    ranges: list[str] = []
    start = prev = points[0]
    for c in [*points[1:], -1]:
        if c != prev + 1:
            ranges.append(chr(start) if start == prev else f"{chr(start)}-{chr(prev)}")
            start = c
        prev = c
    return "".join(ranges)


UPPER = _latin_class(str.isupper)
LOWER = _latin_class(str.islower)
_LETTER = _latin_class(lambda ch: ch.isupper() or ch.islower())
WORD = re.compile(rf"[{_LETTER}](?:[{_LETTER}'’-]*[{_LETTER}])?")
# A sentence ends at . ! ? followed by space, or at a line break (salutations, sign-offs).
# (The stop is matched and left out by its group, as letter.py's clauses do: a look-behind at
# every place of the text costs the search a third more. What separates two sentences is the
# group, or the line breaks. The pattern opens with one class of the characters that can start
# it, so that the engine skips ahead to the next of them: written `[.!?]…|\n+`, the same
# pattern read every place of the text, three times slower; the look-behinds read the one
# character just matched.)
_SENTENCE_END = re.compile(r"[.!?\n](?:(?<=[.!?])([\"'”’)\]]*\s+)|(?<=\n)\n*)")


def words(text: str) -> Iterator[re.Match[str]]:
    return WORD.finditer(text)


def word_count(text: str) -> int:
    return sum(1 for _ in WORD.finditer(text))


def sentences(text: str) -> list[tuple[int, int]]:
    """(start, end) of each sentence, without surrounding spaces."""
    spans = []
    start = 0
    for match in _SENTENCE_END.finditer(text):
        end = match.start(1) if match.group(1) is not None else match.start()
        if end > start:
            spans.append((start, end))
        start = match.end()
    if start < len(text):
        spans.append((start, len(text.rstrip())))
    return [(s, e) for s, e in spans if text[s:e].strip()]


@lru_cache(maxsize=65536)
def stem(word: str) -> str:
    """A crude English stem, enough to match 'coaching new SDRs' with 'SDR coaching'."""
    w = word.lower().replace("’", "'")
    if w.endswith("'s"):
        w = w[:-2]
    for suffix, keep in (("ies", "y"), ("ing", ""), ("ed", ""), ("es", ""), ("s", "")):
        if w.endswith(suffix) and len(w) - len(suffix) >= 3:
            if suffix == "s" and w.endswith("ss"):
                break
            if suffix == "es" and not w[:-2].endswith(("s", "x", "ch", "sh", "z")):
                continue
            return w[: len(w) - len(suffix)] + keep
    return w


def fold(text: str) -> str:
    return " ".join(text.split()).casefold()
