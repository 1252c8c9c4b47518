"""Which patterns a letter could match, and in which of its clauses, without trying them all.

Every set of words that some pattern needs (one word of each of its sets stands in every match,
see probes.py) is numbered once for the whole rulebook: the patterns of all rules share many of
them (praise adjectives, offices and families, the words of a decision). A letter looks its own
words up once and learns which sets it holds; each rule then keeps only the patterns whose sets
it holds, and searches each in the clauses that hold one word of every one of its sets.

Only the sets without a word found in nearly every clause ("you", "the", "a") tell letters and
clauses apart: the others are left to the pattern itself. A pattern with no such set is searched
around the rarest string it needs, or in the whole letter.
"""

from __future__ import annotations

from collections.abc import Iterable

from followup.domain.letters.probes import Probe
from followup.domain.tuples import NamedTuple

# Words in nearly every clause of every letter: a set holding one tells nothing of where a match
# could be.
COMMON = frozenset(
    {"the", "and", "for", "that", "this", "with", "are", "was", "have", "has", "had", "not"}
    | {"but", "all", "can", "will", "would", "were", "our", "very", "a", "i", "s", "t", "m"}
    | {"d", "ll", "ve", "re", "an", "to", "of", "in", "on", "at", "is", "it", "be", "by", "or"}
    | {"as", "so", "if", "we", "me", "my", "do", "no", "us", "up", "he"}
)


def telling(word_set: frozenset[str]) -> bool:
    return COMMON.isdisjoint(word_set)


class Entry(NamedTuple):
    """A pattern as the selection sees it: its place among its rule's patterns of one kind,
    the numbers of the telling word sets it needs, the strings it needs, and the strings to
    search around when it needs no telling word set."""

    place: int
    sets: tuple[int, ...]
    strings: tuple[str, ...]
    groups: tuple[tuple[str, ...], ...]
    around: tuple[str, ...] = ()


class Triggers:
    """The rulebook's telling word sets, numbered, with an index from each word to the sets it
    is in."""

    def __init__(self, probes: Iterable[Probe]) -> None:
        numbers: dict[frozenset[str], int] = {}
        for _, word_sets, _ in probes:
            for word_set in word_sets:
                if telling(word_set):
                    numbers.setdefault(word_set, len(numbers))
        self.number = numbers
        self.sets = sorted(numbers, key=numbers.__getitem__)
        by_word: dict[str, list[int]] = {}
        for word_set, number in numbers.items():
            for word in word_set:
                by_word.setdefault(word, []).append(number)
        self.by_word = {word: tuple(found) for word, found in by_word.items()}
        self.words = frozenset(by_word)

    def entries(self, probes: Iterable[Probe]) -> Selection:
        """How one rule's patterns of one kind are selected."""
        entries = []
        for i, (strings, word_sets, groups) in enumerate(probes):
            sets = sorted(
                (self.number[ws] for ws in word_sets if ws in self.number),
                key=lambda n: len(self.sets[n]),  # the fewest words first: it keys the index
            )
            entries.append(
                Entry(i, tuple(sets), strings, groups, () if sets else _around(strings, groups))
            )
        return Selection(entries)


def _around(strings: tuple[str, ...], groups: tuple[tuple[str, ...], ...]) -> tuple[str, ...]:
    """The rarest-looking strings a pattern needs: the longest single one, else the group whose
    shortest string is longest (when it is long enough to be rare)."""
    options: list[tuple[int, tuple[str, ...]]] = [(len(s.strip()), (s,)) for s in strings]
    options += [(min(len(s.strip()) for s in group), group) for group in groups]
    if not options:
        return ()
    size, chosen = max(options, key=lambda o: o[0])
    return chosen if size >= 4 else ()


class Selection:
    """One rule's patterns of one kind, indexed by the telling word set of each that holds the
    fewest words (the one least often present), so that a letter visits only the patterns it
    could match at all."""

    def __init__(self, entries: list[Entry]) -> None:
        self.entries = entries
        self.always = [e for e in entries if not e.sets]
        by_set: dict[int, list[Entry]] = {}
        for entry in entries:
            if entry.sets:
                by_set.setdefault(entry.sets[0], []).append(entry)
        self.by_set = by_set

    def candidates(
        self, present: set[int], seen: dict[str, bool], lowered: str, words: str
    ) -> list[Entry]:
        """The patterns whose every telling word set the letter holds, and every string.
        `seen` keeps, for the one letter, whether it holds each string already looked for
        (patterns share strings: each is looked for once)."""
        visit = list(self.always)
        for number in present.intersection(self.by_set):
            visit += self.by_set[number]
        chosen = _possible(visit, present, seen, lowered, words)
        chosen.sort(key=lambda e: e.place)
        return chosen

    def among(
        self, places: list[int], present: set[int], seen: dict[str, bool], lowered: str, words: str
    ) -> list[Entry]:
        """What `candidates` gives, of the patterns at these places only (ascending): those
        that the letter could match, as a screen tells (see Rulebook.hits)."""
        return _possible([self.entries[p] for p in places], present, seen, lowered, words)


def _possible(
    entries: list[Entry], present: set[int], seen: dict[str, bool], lowered: str, words: str
) -> list[Entry]:
    """Those of the entries whose every telling word set the letter holds, and every string."""
    chosen = []
    for entry in entries:
        for number in entry.sets:
            if number not in present:
                break
        else:
            if has_strings(entry, seen, lowered, words):
                chosen.append(entry)
    return chosen


def has_strings(entry: Entry, seen: dict[str, bool], lowered: str, words: str) -> bool:
    """Does the letter hold every string the pattern needs (and one of each group)? A string of
    letters and digits only can stand only inside one of the letter's words: it is looked for in
    `words` (the distinct words, a third less to read than the letter); others in `lowered`."""
    for string in entry.strings:
        found = seen.get(string)
        if found is None:
            found = seen[string] = string in (words if string.isalnum() else lowered)
        if not found:
            return False
    for group in entry.groups:
        for string in group:
            found = seen.get(string)
            if found is None:
                found = seen[string] = string in (words if string.isalnum() else lowered)
            if found:
                break
        else:
            return False
    return True
