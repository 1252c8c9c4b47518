"""The spell checker: pyspellchecker's English word list, plus sales vocabulary shipped with
Followup and the user's own words (`<config>/check/words.txt`, one a line)."""

from __future__ import annotations

from functools import cached_property
from importlib import resources
from pathlib import Path

# British spellings are not mistakes: 'organising' is as right as 'organizing'.
_BRITISH = (
    ("isation", "ization"),
    ("ising", "izing"),
    ("ised", "ized"),
    ("ise", "ize"),
    ("our", "or"),
    ("ours", "ors"),
    ("tre", "ter"),
    ("lled", "led"),
    ("lling", "ling"),
)


class SpellingDictionary:
    def __init__(self, user_words: Path | None = None) -> None:
        self._user_words = user_words

    @cached_property
    def _checker(self):  # type: ignore[no-untyped-def]
        from spellchecker import SpellChecker

        checker = SpellChecker(language="en", distance=1)
        extra = (resources.files("followup.checks") / "words.txt").read_text(encoding="utf-8")
        words = [w.strip().lower() for w in extra.splitlines() if w.strip() and w[0] != "#"]
        if self._user_words and self._user_words.is_file():
            words += [
                w.strip().lower()
                for w in self._user_words.read_text(encoding="utf-8").splitlines()
                if w.strip()
            ]
        checker.word_frequency.load_words(words)
        return checker

    @cached_property
    def words(self) -> frozenset[str]:
        """Every word the dictionary knows, lowercased."""
        return frozenset(self._checker.word_frequency.dictionary)

    def known(self, word: str) -> bool:
        w = word.lower()
        if w in self.words:
            return True
        for british, american in _BRITISH:
            if w.endswith(british) and w[: -len(british)] + american in self.words:
                return True
        # 'favourite', 'neighbourhood': the British 'our' inside a word
        return "our" in w and w.replace("our", "or") in self.words

    def suggest(self, word: str) -> str | None:
        found = self._checker.correction(word)
        return str(found) if found else None
