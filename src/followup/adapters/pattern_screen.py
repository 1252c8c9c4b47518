"""Which of the check's patterns can match a letter at all, told by the literal strings it holds.

Every match of a pattern holds one string of each of its clauses (see domain/letters/atoms.py).
The strings of all the patterns' clauses go into one Aho-Corasick automaton (pyahocorasick, in
C): one pass over a letter's screen text finds every one of them it holds. A pattern is a
candidate when each of its clauses has a string found; the others cannot match and do not run.
Each pattern is indexed by one of its clauses (the one whose strings are longest), so that a
letter visits only the patterns one of whose strings it holds.

The strings tell nothing of their order or of what stands between them: of some twenty
patterns a letter of 300 words is left with, most cannot match it. Each of these is then asked
with its looser form (see domain/letters/loosen.py), compiled alone by RE2 (google-re2): one
pattern's automaton is small and, kept from letter to letter, soon stops growing, so a pass over
a letter takes a few microseconds; about five patterns are left, and only those run. A pattern
with no clause (nothing known) is asked with its looser form on every letter; one that has no
looser form, or whose form RE2 refuses, stays a candidate.

The automaton is made when a run of many letters first needs it, from strings worked out once
and kept with the rules (see adapters/check_rules.py); each RE2 form when first asked; where
pyahocorasick is not installed, the check reads every letter the plain way, and where google-re2
is not, the strings alone decide.
"""

from __future__ import annotations

from itertools import chain
from operator import itemgetter
from typing import Any

from followup.domain.letters.atoms import Needs, best_clause

MEMORY = 8 << 20  # bytes of automaton one pattern's RE2 form may keep (RE2's default)
# The patterns whose strings nearly every letter holds ("your", "art", or none known) are asked
# their looser forms on nearly every letter, one search each. After the first LEARN letters of
# a run, those that passed the strings in at least half of them (COMMON at most, the most
# frequent first) go into RE2 sets of SET_SIZE forms each, which read each later letter once
# and tell which of them can match it at all: the others are dropped before their places are
# worked out. (A set's automaton grows with its forms, and on letters it has not seen, keeps
# growing: one set of 48 forms read such a letter in 30 microseconds, one of 92 in 450, where
# asking them one by one took 380. Sets of 20 saved the bench's check some 5 % of its time.)
LEARN = 16
COMMON = 160
SET_SIZE = 20
SET_MEMORY = 16 << 20  # bytes of automaton each set may keep
_REFUSED = object()  # a form RE2 would not compile: the pattern stays a candidate
_SECOND = itemgetter(1)  # an automaton's (place, number) pair: its number


class AtomScreen:
    def __init__(self, needs: list[Needs], forms: list[bytes | None]) -> None:
        import importlib

        try:
            # (its stubs lack the options' encodings)
            self._re2: Any = importlib.import_module("re2")
        except ImportError:
            self._re2 = None
        else:
            options = self._re2.Options()
            options.encoding = self._re2.Options.Encoding.LATIN1  # one byte a character
            options.max_mem = MEMORY
            options.log_errors = False
            self._options = options
            self._unanchored = self._re2._re2.RE2.Anchor.UNANCHORED
        self.forms = forms
        # each form compiled when a letter first asks it (most are never asked in a short run)
        self._compiled: dict[int, Any] = {}
        self._searches: dict[int, Any] = {}  # each asked form's bound search (False: refused)
        self._others: dict[bytes, Any] = {}  # forms of patterns outside the screen's own
        self.refused: set[int] = set()
        self._index(needs)
        # the sets of the common patterns' forms, each with its members by their number in it
        # and as a set (None: still learning), and how often each pattern passed while learning
        self._common: list[tuple[Any, list[int], frozenset[int]]] | None = None
        self._passed = [0] * len(needs)
        self._learnt = 0
        self._needs: list[Needs] | None = needs  # (until the common patterns are known)
        self._strings_of: dict[int, Needs] = {}  # the common patterns' needs, out of the index

    def _index(self, needs: list[Needs]) -> None:
        """The automaton of the strings of the patterns' needs, and by which of them each
        pattern is found (a pattern with no need is a candidate on every letter)."""
        import importlib

        ahocorasick: Any = importlib.import_module("ahocorasick")  # (it ships no type stubs)
        # the patterns nothing is known of: candidates on every letter, unless their form says
        self.unindexed = [i for i, clauses in enumerate(needs) if not clauses]
        numbers: dict[str, int] = {}
        automaton = ahocorasick.Automaton(ahocorasick.STORE_INTS)
        by_atom: dict[int, list[int]] = {}
        self.rest: dict[int, tuple[frozenset[int], ...]] = {}
        for pattern, clauses in enumerate(needs):
            if not clauses:
                continue  # nothing known: the rulebook runs it on every letter
            ids = []
            for clause in clauses:
                found = set()
                for atom in _shortest(clause):
                    number = numbers.get(atom)
                    if number is None:
                        number = numbers[atom] = len(numbers)
                        automaton.add_word(atom, number)
                    found.add(number)
                ids.append(frozenset(found))
            key = clauses.index(best_clause(clauses))
            for number in ids[key]:
                by_atom.setdefault(number, []).append(pattern)
            rest = tuple(c for i, c in enumerate(ids) if i != key)
            if rest:
                self.rest[pattern] = rest
        automaton.make_automaton()
        self.automaton = automaton if numbers else None  # (one with no string cannot search)
        self.by_atom = {number: tuple(found) for number, found in by_atom.items()}
        # the same as a list by the string's number (nothing for a string that keys no
        # pattern), and the patterns their key clause alone decides: read in C, not a loop
        self._keyed = [self.by_atom.get(number, ()) for number in range(len(numbers))]
        self._plain = frozenset(p for p, c in enumerate(needs) if c and p not in self.rest)

    def matching(self, text: str, data: bytes | None = None) -> list[int]:
        """The numbers of the patterns whose every clause has a string in `text` (a letter's
        screen text), and of those nothing is known of; unordered. Each is then to be asked
        `confirms` (after the cheaper tests of the rulebook's own). With the letter's bytes
        (`data`), the common patterns (see LEARN) whose looser form matches nowhere in the
        letter are left out: no part of the letter can then hold a match of them."""
        chosen = self._matching(text)
        if data is None or self._re2 is None:
            strings = self._strings_of
            if strings:  # the common patterns, out of the automaton: asked by their strings
                chosen = [p for p in chosen if p not in strings or _holds(strings[p], text)]
            return chosen
        common = self._common
        if common is None:
            self._learn(chosen)
            return chosen
        absent: set[int] = set()
        for made, members, member_set in common:
            matched = made.Match(data)
            if 0 in matched:  # (else the set's automaton ran out of memory: it tells nothing)
                absent |= member_set.difference([members[i] for i in matched])
        return [p for p in chosen if p not in absent] if absent else chosen

    def _learn(self, chosen: list[int]) -> None:
        passed = self._passed
        for pattern in chosen:
            passed[pattern] += 1
        self._learnt += 1
        if self._learnt < LEARN:
            return
        common = sorted(
            (p for p, n in enumerate(passed) if 2 * n >= LEARN and self.forms[p] is not None),
            key=lambda p: -passed[p],
        )[:COMMON]
        sets = [self._make_set(common[i : i + SET_SIZE]) for i in range(0, len(common), SET_SIZE)]
        self._common = [made for made in sets if made is not None]
        needs, self._needs = self._needs, None
        members = frozenset().union(*(member_set for _, _, member_set in self._common))
        if needs is not None and members:
            # The sets decide the common patterns on every letter, so their strings, which
            # nearly every letter holds, are left out of the automaton: it then reports some
            # thirty places a letter fewer, each a step of Python, and visits fewer of its
            # nodes, each a read from memory the rest of the check has pushed out of the cache.
            # (Where a set cannot finish a letter, its patterns stay candidates, which the
            # rulebook's own tests and `confirms_in` then read as any other.)
            self._strings_of = {p: needs[p] for p in members if needs[p]}
            self._index([() if p in members else clauses for p, clauses in enumerate(needs)])

    def _make_set(self, patterns: list[int]) -> tuple[Any, list[int], frozenset[int]] | None:
        """One RE2 set of the patterns' looser forms, its members by their number in it, and
        as a set (None when RE2 will not make it). Its first member matches every text: a
        search whose answer lacks it failed (RE2's set then answers nothing)."""
        options = self._re2.Options()
        options.encoding = self._re2.Options.Encoding.LATIN1
        options.max_mem = SET_MEMORY
        options.log_errors = False
        made = self._re2._re2.Set(self._unanchored, options)
        members = [-1]
        if made.Add(b"") != 0:
            return None
        for pattern in patterns:
            form = self.forms[pattern]
            if form is not None and made.Add(form) == len(members):
                members.append(pattern)
        if len(members) == 1 or not made.Compile():
            return None
        return made, members, frozenset(members[1:])

    def _matching(self, text: str) -> list[int]:
        automaton = self.automaton
        # (the numbers taken from the pairs in C: a set comprehension costs a third more)
        found = set(map(_SECOND, automaton.iter(text))) if automaton is not None else set()
        candidates = set(chain.from_iterable(map(self._keyed.__getitem__, found)))
        chosen = list(candidates.intersection(self._plain))
        rest = self.rest
        for pattern in candidates.difference(self._plain):
            for clause in rest[pattern]:
                if found.isdisjoint(clause):
                    break
            else:
                chosen.append(pattern)
        chosen += self.unindexed
        return chosen

    def _form(self, pattern: int) -> Any:
        """The pattern's looser form compiled by RE2 (compiled on first use), or _REFUSED."""
        form = self._compiled.get(pattern)
        if form is None:
            form = self._compiled[pattern] = self._compile(pattern)
        return form

    def confirms(self, pattern: int, data: bytes) -> bool:
        """Could the pattern match the letter whose bytes (`as_bytes`) are `data`, as its looser
        form tells? True when that cannot be told (no RE2, no form, a form RE2 refused)."""
        if self._re2 is None:
            return True
        form = self._form(pattern)
        return form is _REFUSED or form.Match(self._unanchored, data, 0, len(data))[0][0] >= 0

    def confirms_in(self, pattern: int, data: bytes, spans: list[tuple[int, int]]) -> bool:
        """Could the pattern match inside one of the spans of the letter's bytes, each searched
        alone (as the check searches a pattern only in the clauses that could hold it)? The
        looser form asserts nothing of what stands around it, so a match of the pattern inside
        a span is a match of the form inside it. No span: no match."""
        if not spans:
            return False
        # (some forty patterns a letter are asked: the form's search is looked up in one dict,
        # not through a method and the form)
        match: Any = self._searches.get(pattern)
        if match is None:
            if self._re2 is None:
                return True
            form = self._form(pattern)
            match = self._searches[pattern] = False if form is _REFUSED else form.Match
        if match is False:
            return True
        unanchored = self._unanchored
        for start, end in spans:  # noqa: SIM110 (a generator costs more than the span it reads)
            if match(unanchored, data, start, end)[0][0] >= 0:
                return True
        return False

    def first(self, pattern: int, data: bytes, start: int, end: int) -> int | None:
        """Where the leftmost match of the pattern's looser form inside data[start:end] starts
        (-1: none there), or None when that cannot be told (no RE2, no form, a form RE2
        refused). The looser form matches the very text each match of the pattern matches, so
        no match of the pattern starts before it."""
        if self._re2 is None:
            return None
        form = self._form(pattern)
        if form is _REFUSED:
            return None
        return int(form.Match(self._unanchored, data, start, end)[0][0])

    def form_matches(self, form: bytes, data: bytes) -> bool:
        """Does a looser form (see loosen.py) that is none of the screen's own match the
        letter's bytes? True when that cannot be told (no RE2, a form RE2 refuses)."""
        return self.form_matches_in(form, data, 0, len(data))

    def form_matches_in(self, form: bytes, data: bytes, start: int, end: int) -> bool:
        """Does the looser form match inside data[start:end] (searched alone: the form asserts
        nothing of what stands around it)? True when that cannot be told."""
        first = self.form_first(form, data, start, end)
        return first is None or first >= 0

    def form_first(self, form: bytes, data: bytes, start: int, end: int) -> int | None:
        """Where the leftmost match of a looser form that is none of the screen's own starts
        inside data[start:end] (-1: none there), or None when that cannot be told."""
        if self._re2 is None:
            return None
        compiled = self._others.get(form)
        if compiled is None:
            compiled = self._others[form] = self._compile_form(form)
        if compiled is _REFUSED:
            return None
        return int(compiled.Match(self._unanchored, data, start, end)[0][0])

    def _compile(self, pattern: int) -> Any:
        form = self.forms[pattern]
        return _REFUSED if form is None else self._compile_form(form)

    def _compile_form(self, form: bytes) -> Any:
        try:
            compiled = self._re2._re2.RE2(form, self._options)
        except self._re2.error:
            return _REFUSED
        return compiled if compiled.ok() else _REFUSED


def _holds(needs: Needs, text: str) -> bool:
    """Does the text hold a string of each clause?"""
    return all(any(atom in text for atom in clause) for clause in needs)


def _shortest(clause: frozenset[str]) -> list[str]:
    """The strings of a clause that hold none of its other strings: where "team " stands,
    "team" stands too, so the clause is met exactly when one of these is found, and the
    automaton, smaller, reports fewer places (a sixth of the shipped strings go). Shortest
    first: a string that holds a string dropped holds the one that string held, kept."""
    kept: list[str] = []
    for atom in sorted(clause, key=len):
        for other in kept:
            if other in atom:
                break
        else:
            kept.append(atom)
    return kept


def make_screen(needs: list[Needs], forms: list[bytes | None]) -> AtomScreen | None:
    """A screen for these patterns' needs and looser forms, or None where pyahocorasick is not
    installed (the check then reads every letter the plain way)."""
    try:
        return AtomScreen(needs, forms)
    except ImportError:
        return None
