"""Text helpers for letters: words with their spans, sentences, crude stems."""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache

_LETTER = "A-Za-zÀ-ÖØ-öø-ÿ"
WORD = re.compile(rf"[{_LETTER}](?:[{_LETTER}'’-]*[{_LETTER}])?")
# A sentence ends at . ! ? followed by space, or at a line break (salutations, sign-offs).
# (The stop is matched and left out by its group, as letter.py's clauses do: a look-behind at
# every place of the text costs the search a third more. What separates two sentences is the
# group, or the line breaks.)
_SENTENCE_END = re.compile(r"[.!?]([\"'”’)\]]*\s+)|\n+")


def words(text: str) -> Iterator[re.Match[str]]:
    return WORD.finditer(text)


@lru_cache(maxsize=16)
def _words_before(n: int) -> re.Pattern[str]:
    """n words (as WORD reads them, each whole: atomic) and what follows up to the next word."""
    return re.compile(rf"(?:[^{_LETTER}]*+(?>{WORD.pattern})){{{n}}}[^{_LETTER}]*+(?=[{_LETTER}])")


def nth_word_start(text: str, n: int) -> int | None:
    """Where the word after the first n starts (`WORD.finditer(text)`'s n-th match, counting
    from 0), found by the regular expression engine in one call; None when there is none."""
    found = _words_before(n).match(text) if n > 0 else WORD.search(text)
    return found.end() if n > 0 and found else (found.start() if found else None)


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
