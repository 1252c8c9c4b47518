"""A letter's text with what the rules need of it, each part worked out once and only if asked.

Rules run their patterns only where a letter could match them: in the clauses (sentences, not
cut at a line break a letter wraps at) that hold a word of each set of words the pattern needs
(see triggers.py). On a letter of 300 words that is a sentence or two instead of the whole text.
The clauses are read once: their words tell both which patterns could match and where.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable
from functools import cached_property

from followup.domain.letters.atoms import screen_text
from followup.domain.letters.loosen import as_bytes
from followup.domain.letters.text import sentences, stem
from followup.domain.letters.triggers import Entry, Triggers

TYPE_CHECKING = False  # typing is not loaded by the check's start-up
if TYPE_CHECKING:
    from typing import Any

_WORD_CHARS = re.compile(r"\w+")
# What `\w+` reads in ASCII text, at a third of its cost: every character that is not a letter,
# a digit or "_" made a space (str.translate is fast from ASCII to ASCII), then split.
_ASCII_SPACES = str.maketrans(
    {chr(i): chr(i) if chr(i).isalnum() or chr(i) == "_" else " " for i in range(128)}
)
# A clause ends at . ! ? followed by space, or at a blank line; a single line break (a wrapped
# line) does not end one.
# (The stop itself is matched and left out by its group: a look-behind at every place of the
# letter costs the search a fifth more.)
# (Written to open with one class of the characters that can start it, as text.py's sentences
# are: the engine then skips ahead to the next of them.)
_CLAUSE_END = re.compile(r"[.!?\n](?:(?<=[.!?])([\"'”’)\]]*\s+)|(?<=\n)[ \t]*\n\s*)")


class Letter:
    def __init__(self, text: str) -> None:
        self.text = text
        self.lowered = text.lower()
        # A few characters change length in lowercase ('İ'): places then differ, so patterns
        # run on the whole text.
        self.aligned = len(self.lowered) == len(text)
        self._triggers: Triggers | None = None
        self._present: set[int] | None = None  # (worked out only when asked for as a whole)
        self._holding: dict[int, bool] = {}  # each telling word set asked of: held or not
        self._held: list[frozenset[str]] = []  # each clause's words of the telling sets
        self._set_masks: dict[int, int] = {}
        self._word_masks: dict[str, int] | None = None  # each telling word: its clauses, as bits
        self._windows: dict[int, list[tuple[int, int]]] = {}  # by id() of a rulebook's Entry
        self.many = True  # one of many letters checked: worth the looser search's compiling
        self.seen: dict[str, bool] = {}  # strings looked for in `lowered`, and whether found
        self._hits: tuple[Any, list[int] | None] | None = None  # (rulebook, what its screen told)
        # In a run with a screen: the screen's number of each pattern it let through (by id()
        # of the rulebook's Entry), and where the leftmost match of a pattern's looser form
        # starts in a span of the letter (`first(number, start, end)`: -1 for none, None when
        # the screen cannot tell), set by the rulebook (see Rulebook.candidates)
        self.screened: dict[int, int] = {}
        self.first: Callable[[int, int, int], int | None] | None = None

    # -- clauses and their words --------------------------------------------------------------
    @cached_property
    def clauses(self) -> list[tuple[int, int]]:
        spans = []
        start = 0
        for m in _CLAUSE_END.finditer(self.text):
            end = m.start(1) if m.group(1) is not None else m.start()
            if end > start:
                spans.append((start, end))
            start = m.end()
        if start < len(self.text):
            spans.append((start, len(self.text)))
        return spans

    @cached_property
    def _clause_words(self) -> list[list[str]]:
        if not self.aligned:  # the clauses are places in the text, not in its lowercase
            text = self.text
            return [_WORD_CHARS.findall(text[s:e].lower()) for s, e in self.clauses]
        lowered = self.lowered
        if lowered.isascii():  # most letters: the words are what a table's spaces leave
            spaced = lowered.translate(_ASCII_SPACES)
            return [spaced[s:e].split() for s, e in self.clauses]
        return [_WORD_CHARS.findall(lowered, s, e) for s, e in self.clauses]

    @cached_property
    def spaced(self) -> str:
        """The text as literal strings are looked for in it (see atoms.screen_text)."""
        return screen_text(self.text)

    @cached_property
    def data(self) -> bytes:
        """The text as the patterns' looser forms read it (see loosen.as_bytes)."""
        return as_bytes(self.text)

    @cached_property
    def word_set(self) -> set[str]:
        return set().union(*self._clause_words)

    @cached_property
    def word_text(self) -> str:
        """The distinct words, one space between: a string of letters and digits stands in the
        letter (in lowercase) where it stands in one of its words, so it is looked for here."""
        if not self.aligned:  # the words are read from the text, not from its lowercase
            return self.lowered
        return " ".join(self.word_set)

    @cached_property
    def word_count(self) -> int:
        """Words as `\\w+` reads them: at least as many as the letter's words (it also counts
        numbers, and the halves of "don't" and "follow-up")."""
        return sum(len(words) for words in self._clause_words)

    @cached_property
    def stems(self) -> set[str]:
        return {stem(t) for t in self.word_set}

    def present(self, triggers: Triggers) -> set[int]:
        """The numbers of the rulebook's telling word sets this letter holds a word of (see
        `read_sets`)."""
        self.read_sets(triggers)
        present = self._present
        if present is None:
            by_word = triggers.by_word
            present = set().union(*map(by_word.__getitem__, set().union(*self._held)))
            self._present = present
        return present

    def read_sets(self, triggers: Triggers) -> None:
        """Notes which words of the rulebook's telling word sets each clause holds (where a
        set's words stand is worked out from these when a pattern asks, see `_set_mask`: most
        sets never are)."""
        if self._triggers is triggers:
            return
        keys = triggers.words
        self._held = [keys.intersection(words) for words in self._clause_words]
        self._triggers, self._present, self._holding = triggers, None, {}
        self._set_masks = {}
        self._word_masks = None
        self._windows = {}

    def holds_sets(self, triggers: Triggers, numbers: tuple[int, ...]) -> bool:
        """Does the letter hold a word of each of these telling word sets? What `present`
        tells, asked of a few sets: a run with a screen asks it of the twenty or so patterns the
        screen lets through, where `present` unites the sets of every telling word the letter
        holds (some three hundred sets, read from as many places in memory)."""
        self.read_sets(triggers)
        present = self._present
        if present is not None:
            return present.issuperset(numbers)
        holding, sets, words = self._holding, triggers.sets, self.word_set
        for number in numbers:
            held = holding.get(number)
            if held is None:
                held = holding[number] = not sets[number].isdisjoint(words)
            if not held:
                return False
        return True

    def hits(self, rulebook: Any) -> list[int] | None:
        """The patterns of the rulebook this letter could match at all, as its screen tells
        (see Rulebook.hits), asked once."""
        kept = self._hits
        if kept is None or kept[0] is not rulebook:
            kept = self._hits = (rulebook, rulebook.hits(self))
        return kept[1]

    # -- windows --------------------------------------------------------------------------------
    def windows(self, entry: Entry) -> list[tuple[int, int]]:
        """Where a pattern could match: the clauses that hold a word of each of its telling
        word sets, else those around the rarest string it needs, neighbours merged; the whole
        letter when nothing tells (or when the letter changes length in lowercase). Worked out
        once a pattern (the screen asks before the rule searches)."""
        key = id(entry)  # (the rulebook's entries live as long as it does)
        found = self._windows.get(key)
        if found is None:
            found = self._windows[key] = self._windows_of(entry)
        return found

    def _windows_of(self, entry: Entry) -> list[tuple[int, int]]:
        if not self.aligned:
            return [(0, len(self.text))]
        chosen = -1
        for number in entry.sets:
            chosen &= self._set_mask(number)
            if not chosen:
                return []
        if chosen == -1:
            if not entry.around:
                return [(0, len(self.text))]
            chosen = 0
            for string in entry.around:
                chosen |= self._string_mask(string)
            if not chosen:
                return []
        spans: list[tuple[int, int]] = []
        clauses = self.clauses
        previous = -2
        while chosen:
            lowest = chosen & -chosen
            i = lowest.bit_length() - 1
            chosen ^= lowest
            s, e = clauses[i]
            if i == previous + 1:
                spans[-1] = (spans[-1][0], e)
            else:
                spans.append((s, e))
            previous = i
        return spans

    def _set_mask(self, number: int) -> int:
        """The clauses (as bits) holding a word of the telling word set of that number."""
        found = self._set_masks.get(number)
        if found is None:
            assert self._triggers is not None, "present() tells the letter the rulebook's sets"
            masks = self._word_masks
            if masks is None:  # once a letter: where each of its telling words stands
                masks = self._word_masks = {}
                for i, held in enumerate(self._held):
                    bit = 1 << i
                    for word in held:
                        masks[word] = masks.get(word, 0) | bit
                self._held_words = frozenset(masks)
            found = 0
            # (the set's words the letter holds, read in C from the smaller side)
            for word in self._triggers.sets[number] & self._held_words:
                found |= masks[word]
            self._set_masks[number] = found
        return found

    def _string_mask(self, string: str) -> int:
        """The clauses (as bits) in which a string stands (anywhere, part of a word or not)."""
        found = 0
        lowered = self.lowered
        starts = self._clause_starts
        at = lowered.find(string)
        while at >= 0:
            found |= 1 << (bisect_right(starts, at) - 1)
            at = lowered.find(string, at + 1)
        return found

    def clause_of(self, index: int) -> tuple[int, int]:
        return self.clauses[max(bisect_right(self._clause_starts, index) - 1, 0)]

    @cached_property
    def _clause_starts(self) -> list[int]:
        return [s for s, _ in self.clauses]

    # -- sentences (a line break ends one: salutations, sign-offs, lists) ----------------------
    @cached_property
    def sentences(self) -> list[tuple[int, int]]:
        return sentences(self.text)

    @cached_property
    def sentence_starts(self) -> list[int]:
        return [start for start, _ in self.sentences]

    def sentence_of(self, start: int, end: int) -> tuple[int, int]:
        """The sentence holding text[start:end] (to its end, or further when the match runs on)."""
        i = bisect_right(self.sentence_starts, start) - 1
        if i < 0:
            return start, end
        s, e = self.sentences[i]
        return s, max(e, min(end, len(self.text)))

    @cached_property
    def lowercase_voice(self) -> bool:
        """Written without capitals ("hi renée, thanks for…"): case then tells nothing."""
        initials = [self.text[s] for s in self.sentence_starts if self.text[s].isalpha()]
        lower = sum(1 for c in initials if c.islower())
        return len(initials) >= 2 and lower * 2 > len(initials)

    # -- words at their places ----------------------------------------------------------------
    def positions(self, word: str) -> list[int]:
        """Where a word (lowercase) stands as a whole word."""
        found = []
        lowered = self.lowered
        size = len(word)
        at = lowered.find(word)
        while at >= 0:
            before = lowered[at - 1] if at else " "
            after = lowered[at + size] if at + size < len(lowered) else " "
            if not (before.isalnum() or before == "_") and not (after.isalnum() or after == "_"):
                found.append(at)
            at = lowered.find(word, at + size)
        return found
