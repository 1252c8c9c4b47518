"""The spell checker: pyspellchecker's English word list, plus sales vocabulary shipped with
Followup and the user's own words (`<config>/check/words.txt`, one a line).

Loading pyspellchecker's list takes a sixth of a second. The words alone are kept in the cache
folder as one sorted file (under a name made from pyspellchecker's list and both word files)
and looked up where they lie, by bisection, without reading them in: checking one letter then
costs a few milliseconds. After a few thousand lookups (many letters in one process) the words
are read into a set. pyspellchecker itself is loaded only to suggest a spelling.
"""

from __future__ import annotations

import mmap
import os
import sys
from functools import cached_property

from followup.adapters.sorted_lines import holds_line

TYPE_CHECKING = False
if TYPE_CHECKING:
    Folder = str | os.PathLike[str]

# Read as a path (importlib.resources costs the start 5 ms): Followup is installed as files;
# paths as strings (pathlib is 2 ms of the check's start-up).
_SHIPPED_WORDS = os.path.join(os.path.dirname(os.path.dirname(__file__)), "checks", "words.txt")

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
    ("ller", "ler"),
    ("llers", "lers"),
    ("llor", "lor"),
    ("llors", "lors"),
    ("tres", "ters"),
    ("amme", "am"),
    ("ammes", "ams"),
    ("ogue", "og"),
    ("ogues", "ogs"),
    ("ence", "ense"),
    ("yse", "yze"),
    ("ysed", "yzed"),
    ("ysing", "yzing"),
    ("ise", "ice"),
)
_LOOKUPS_BEFORE_LOADING = 4000  # bisection is cheaper than loading for a letter or ten


class SpellingDictionary:
    def __init__(self, user_words: Folder | None = None, cache: Folder | None = None) -> None:
        self._user_words = user_words
        self._cache = cache
        self._lookups = 0
        self._loaded: frozenset[str] | None = None

    # -- what it knows ----------------------------------------------------------------------
    def known(self, word: str) -> bool:
        w = word.lower()
        if self._has(w):
            return True
        for british, american in _BRITISH:
            if w.endswith(british) and self._has(w[: -len(british)] + american):
                return True
        # 'favourite', 'neighbourhood': the British 'our' inside a word
        return "our" in w and self._has(w.replace("our", "or"))

    def unknown(self, words: set[str]) -> set[str]:
        """Those of the words (lowercase) the list lacks, British forms aside."""
        if self._loaded is None and self._lookups + len(words) < _LOOKUPS_BEFORE_LOADING:
            return {w for w in words if not self._has(w)}
        return words - self.words

    @property
    def words(self) -> frozenset[str]:
        """Every word the dictionary knows, lowercased (read in on first use)."""
        if self._loaded is None:
            self._loaded = self._read()
        return self._loaded

    def suggest(self, word: str) -> str | None:
        """The likeliest spelling, as pyspellchecker's correction() chooses it, except that a tie
        between equally frequent words goes to the first in alphabetical order: correction()
        takes the first of a set, whose order changes with the hash seed, so the same letter
        could be given "cordial's" in one process and "cordials" in the next."""
        checker = self._checker
        found = checker.candidates(word)
        if not found:
            return None
        # words that differ only by their accents first, as correction() does
        bare = checker._remove_diacritics(word)
        accents = sorted(c for c in found if checker._remove_diacritics(c) == bare)
        return str(max(accents or sorted(found), key=checker.__getitem__))

    # -- how -------------------------------------------------------------------------------
    def _has(self, word: str) -> bool:
        if self._loaded is not None:
            return word in self._loaded
        self._lookups += 1
        if self._lookups > _LOOKUPS_BEFORE_LOADING:
            return word in self.words
        table = self._table
        if table is None:
            return word in self.words
        return holds_line(table, word.encode("utf-8"))

    @cached_property
    def _table(self) -> mmap.mmap | None:
        """The cached sorted word file, mapped: made the first time."""
        path = self._cache_file()
        if path is None:
            return None
        if not os.path.isfile(path):
            from followup.adapters.check_rules import write_atomically

            words = sorted(w for w in self.words if "\n" not in w)
            write_atomically(path, ("\n" + "\n".join(words) + "\n").encode("utf-8"))
        try:
            with open(path, "rb") as handle:
                return mmap.mmap(handle.fileno(), 0, access=mmap.ACCESS_READ)
        except (OSError, ValueError):
            return None

    def _read(self) -> frozenset[str]:
        path = self._cache_file()
        if path is not None and os.path.isfile(path):
            try:
                return frozenset(w for w in _text(path).split("\n") if w)
            except OSError:
                pass
        return frozenset(self._checker.word_frequency.dictionary)

    @cached_property
    def _extra(self) -> list[str]:
        """The shipped sales words and the user's own."""
        extra = _text(_SHIPPED_WORDS)
        words = [w.strip().lower() for w in extra.splitlines() if w.strip() and w[0] != "#"]
        if self._user_words and os.path.isfile(self._user_words):
            words += [w.strip().lower() for w in _text(self._user_words).splitlines() if w.strip()]
        return words

    @cached_property
    def _checker(self):  # type: ignore[no-untyped-def]
        from spellchecker import SpellChecker

        checker = SpellChecker(language="en", distance=1)
        checker.word_frequency.load_words(self._extra)
        return checker

    def _cache_file(self) -> str | None:
        """Named after pyspellchecker's English list (where it lies, its size and time) and
        both word files, so that a new list or a new word makes a new file."""
        if self._cache is None:
            return None
        from followup.adapters.check_rules import content_key

        source = b"?"
        english = _english_list()
        if english is not None:
            try:
                stat = os.stat(english)
                source = f"{english}:{stat.st_size}:{stat.st_mtime_ns}".encode()
            except OSError:
                pass
        key = content_key([source, "\n".join(self._extra).encode("utf-8")])
        return os.path.join(self._cache, f"words-{key}.txt")


def _text(path: Folder) -> str:
    with open(path, encoding="utf-8") as file:
        return file.read()


def _english_list() -> str | None:
    """Where pyspellchecker's English list lies, found without importing it (it takes a sixth
    of a second) nor importlib.util (a few milliseconds): the first `spellchecker` package on
    the import path, as the import system would find it."""
    for folder in sys.path:
        package = os.path.join(folder, "spellchecker") if folder else "spellchecker"
        if os.path.isfile(os.path.join(package, "__init__.py")):
            return os.path.join(package, "resources", "en.json.gz")
    return None
