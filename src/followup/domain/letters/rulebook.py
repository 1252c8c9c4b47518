"""The check's rules, compiled from data (`checks/rules.json` and the user's additions).

A pattern is compiled the first time a letter needs it (most are never needed in a run that
checks one letter); what tells whether a letter may need it, its probe, is plain data that the
adapter keeps between runs (`Rulebook(data, index)`), so that the check starts in milliseconds.
"""

from __future__ import annotations

import re
import sys
from bisect import bisect_left
from collections.abc import Callable, Iterator

from followup.domain.errors import InvalidField
from followup.domain.letters.addressing import Addressing
from followup.domain.letters.asking import Asking
from followup.domain.letters.atoms import Needs, needs_of
from followup.domain.letters.loosen import loosened
from followup.domain.letters.probes import NO_PROBE, Probe, required_literals
from followup.domain.letters.triggers import Entry, Selection, Triggers, has_strings
from followup.domain.tuples import NamedTuple

TYPE_CHECKING = False  # typing is not loaded by the check's start-up
if TYPE_CHECKING:
    from typing import Any

# What compiles a pattern (its text, its flags): re.compile, or the same from kept code.
Maker = Callable[[str, int], "re.Pattern[str]"]
# What makes a screen from what each of the rulebook's patterns needs (see atoms.py; () for a
# pattern whose needs are not known) and from their looser forms (see loosen.py; None for a
# pattern that has none): an adapter's engines. The screen's `matching(text, data)` gives the
# numbers of the patterns whose needs a letter's screen text (`screen_text`) meets (less some
# whose looser form does not match the letter's bytes at all), or None when it cannot tell;
# `confirms(number, data)` whether a pattern's looser form matches the letter's
# bytes (`as_bytes`), `confirms_in(number, data, spans)` whether it matches inside one of
# the spans (places in the letter, each searched alone), and `form_matches(form, data)` whether
# any looser form given matches the bytes (True when it cannot tell); its `refused` holds the
# numbers of the patterns it could not take. The maker gives None when no engine can be had.
ScreenMaker = Callable[[list[Needs], list[bytes | None]], "Any"]
# What a screen is made from: each pattern's needs and looser form (both read from its parse
# tree: about a third of a second for the shipped rules).
ScreenInputs = tuple[list[Needs], list[bytes | None]]
# What gives them to the screen: the adapter that keeps the rules between runs keeps these too
# (it calls the function given, which works them out, only when it has none kept).
InputKeeper = Callable[[Callable[[], ScreenInputs]], ScreenInputs]

RULE_IDS = (
    "placeholder",
    "wrong-company",
    "wrong-name",
    "flattery",
    "needy",
    "asks-decision",
    "too-long",
    "missing-thanks",
    "missing-contact",
    "missing-recap",
    "new-topic",
    "spelling",
)


class LazyPattern:
    """A regular expression compiled on first use; otherwise what `re.Pattern` offers. It is
    compiled by `maker` (`re.compile`, unless the adapter that keeps the rules between runs keeps
    their compiled code too); pickled, it keeps its text and its maker, not what it compiled."""

    __slots__ = ("_compiled", "_fast", "flags", "maker", "pattern")

    def __init__(self, pattern: str, flags: int, maker: Maker = re.compile) -> None:
        self.pattern = pattern
        self.flags = flags
        self.maker = maker
        self._compiled: re.Pattern[str] | None = None
        self._fast: re.Pattern[str] | None = None

    def __getstate__(self) -> tuple[str, int, Maker]:
        return self.pattern, self.flags, self.maker

    def __setstate__(self, state: tuple[str, int, Maker]) -> None:
        self.pattern, self.flags, self.maker = state
        self._compiled = self._fast = None

    @property
    def compiled(self) -> re.Pattern[str]:
        found = self._compiled
        if found is None:
            found = self._compiled = self.maker(self.pattern, self.flags)
        return found

    @property
    def fast(self) -> re.Pattern[str]:
        """A looser form of the pattern for the letter in lowercase: its letters lowercased,
        matched without IGNORECASE and without its opening word boundary. Both stop the regular
        expression engine from skipping ahead to where the pattern's first letters stand, so the
        looser form runs several times faster; it matches wherever the pattern does (and a few
        places more), so each place it finds is then confirmed by the pattern itself."""
        found = self._fast
        if found is None:
            source = _lowercase(self.pattern)
            if source.startswith(r"\b"):
                source = source[2:]
            try:
                found = self.maker(source, 0)
            except re.error:  # a pattern lowercasing breaks: the pattern itself, in any case
                found = self.maker(self.pattern, self.flags | re.IGNORECASE)
            self._fast = found
        return found

    def search(self, text: str, pos: int = 0, endpos: int = sys.maxsize) -> re.Match[str] | None:
        return self.compiled.search(text, pos, endpos)

    def find_from(
        self, text: str, first: Callable[[int, int], int], pos: int, endpos: int
    ) -> Iterator[re.Match[str]]:
        """What `finditer(text, pos, endpos)` yields, the pattern tried only where `first`
        tells a match of its looser form starts (`first(pos, endpos)`: the leftmost such place
        at or after pos, -1 for none). Every match of the pattern is a match of its looser form
        at the same place, so no place where the pattern matches is skipped; the engine of the
        looser form skips ahead where Python's would read every place (a pattern that opens
        with a long alternation has no literal prefix to skip to)."""
        return find_from(self.compiled, text, first, pos, endpos)

    def find_in(self, text: str, lowered: str, pos: int, endpos: int) -> Iterator[re.Match[str]]:
        """What `finditer(text, pos, endpos)` yields, found through the looser form in
        `lowered` (the text in lowercase, of the same length): `find_from`, told where the
        looser form's leftmost match starts."""
        fast = self.fast.search

        def first(pos: int, endpos: int) -> int:
            found = fast(lowered, pos, endpos)
            return -1 if found is None else found.start()

        return find_from(self.compiled, text, first, pos, endpos)

    def finditer(
        self, text: str, pos: int = 0, endpos: int = sys.maxsize
    ) -> Iterator[re.Match[str]]:
        return self.compiled.finditer(text, pos, endpos)

    def __repr__(self) -> str:
        return f"LazyPattern({self.pattern[:60]!r})"


def find_from(
    pattern: re.Pattern[str], text: str, first: Callable[[int, int], int], pos: int, endpos: int
) -> Iterator[re.Match[str]]:
    """What `pattern.finditer(text, pos, endpos)` yields (a pattern that matches no empty
    text), the pattern tried only where `first(pos, endpos)` tells the leftmost match of its
    looser form starts (-1: none)."""
    exact = pattern.match
    while pos <= endpos:
        at = first(pos, endpos)
        if at < 0:
            return
        m = exact(text, at, endpos)
        if m is None:
            pos = at + 1
            continue
        yield m
        pos = m.end() if m.end() > at else at + 1


def _lowercase(pattern: str) -> str:
    """The pattern with its literal letters in lowercase; escapes (\\b, \\S, \\W) kept."""
    out: list[str] = []
    i, size = 0, len(pattern)
    while i < size:
        c = pattern[i]
        if c == "\\" and i + 1 < size:
            out.append(pattern[i : i + 2])
            i += 2
            continue
        out.append(c.lower())
        i += 1
    return "".join(out)


class Condition(NamedTuple):
    """What else a match of one pattern needs, read from the rule's data: the class of language
    it belongs to (for the message), and regular expressions over the sentence that holds the
    match: `unless` (the sentence must not match it), `unless_before` (the sentence up to the
    match must not match it, e.g. 'I am' before 'the best person'), `requires` (the sentence
    must match it), `unless_next` (the sentence after it must not match it: an apology for
    a second message, then the figure it puts right) and `requires_lead` (the sentence, or
    the one just before it, must match it: "a group of us hikes every Friday. You would be
    most welcome to join us" is an invitation by what the sentence before it offers) and
    `unless_lead` (the sentence just before it must not match it: "I saw you're selling the
    Defender. Is it still available?" asks after the car, not the role)."""

    label: str = ""
    unless: LazyPattern | None = None
    unless_before: LazyPattern | None = None
    requires: LazyPattern | None = None
    unless_next: LazyPattern | None = None
    requires_lead: LazyPattern | None = None
    unless_lead: LazyPattern | None = None

    @property
    def plain(self) -> bool:
        return (
            self.unless is None
            and self.unless_before is None
            and self.requires is None
            and self.unless_next is None
            and self.requires_lead is None
            and self.unless_lead is None
        )


PLAIN = Condition()
# the keys of a pattern's object that are conditions (Condition's fields but the label)
_CONDITIONS = (
    "unless",
    "unless_before",
    "requires",
    "unless_next",
    "requires_lead",
    "unless_lead",
)


class Rule(NamedTuple):  # NamedTuples, not dataclasses: they cost the start nothing
    id: str
    source: str
    message: str
    data: dict[str, Any]
    patterns: tuple[LazyPattern, ...]
    questions: tuple[LazyPattern, ...]
    requests: tuple[LazyPattern, ...]
    # For each pattern, what a letter must contain for it to match (see probes.py): a letter
    # without it cannot match, so the pattern need not run at all. (Read as the rules are,
    # into the rulebook's selections; a kept rulebook does not keep them, see `_kept`.)
    pattern_triggers: tuple[Probe, ...]
    question_triggers: tuple[Probe, ...]
    request_triggers: tuple[Probe, ...]
    conditions: dict[LazyPattern, Condition]
    # Each pattern's probe: the words (one of each set) every match holds, by which the
    # letter's clauses that may hold a match are found (kept: the exclusions' alone).
    probes: dict[LazyPattern, Probe]
    # Frames that undo a match (missing-thanks: "thanks to the snow" thanks no one).
    exclusions: tuple[LazyPattern, ...]

    def words(self, key: str) -> frozenset[str]:
        """A word list of the rule's data, lowercased (built once)."""
        cache: dict[str, frozenset[str]] = self.data.setdefault("_word_sets", {})
        found = cache.get(key)
        if found is None:
            found = frozenset(str(w).lower() for w in self.data.get(key, []))
            cache[key] = found
        return found

    def condition(self, pattern: LazyPattern) -> Condition:
        return self.conditions.get(pattern, PLAIN)


def _kept(rule: Rule) -> Rule:
    """The rule as a kept rulebook holds it: without the probes of its patterns, questions and
    requests, which the rulebook's telling word sets and selections are made from as the rules
    are read (what a letter needs of them is there), and which would be a fifth of what every
    check reads back (1.2 ms). The probes of its exclusions are kept: a rule reads them."""
    return rule._replace(
        pattern_triggers=(),
        question_triggers=(),
        request_triggers=(),
        probes={pattern: rule.probes[pattern] for pattern in rule.exclusions},
    )


# Probes already worked out, by (pattern, flags): what the adapter keeps between runs.
Index = dict[tuple[str, int], Probe]


KINDS = ("patterns", "questions", "requests")


class Rulebook:
    def __init__(self, data: dict[str, Any], index: Index | None = None) -> None:
        """The rules of `data`; `index` holds probes worked out before (the patterns they belong
        to were read and found valid then), and gains those worked out now."""
        self.index: Index = index if index is not None else {}
        self.rules: dict[str, Rule] = {}
        for rule_id in RULE_IDS:
            spec = data.get(rule_id)
            if not isinstance(spec, dict):
                raise InvalidField(f"rules.{rule_id}", "an object describing the rule")
            self.rules[rule_id] = _compile(rule_id, spec, self.index)
        probes = [
            probe
            for rule in self.rules.values()
            for kind in KINDS
            for probe in getattr(rule, kind[:-1] + "_triggers")  # pattern_triggers, …
        ]
        self.triggers = Triggers(probes)
        self._selections: dict[tuple[str, str], Selection] = {
            (rule.id, kind): self.triggers.entries(getattr(rule, kind[:-1] + "_triggers"))
            for rule in self.rules.values()
            for kind in KINDS
        }
        # Whom a letter addresses, read with the wrong-name rule's words and patterns.
        self.addressing = Addressing(self.rules["wrong-name"].data)
        # The decision asked for, read as structure (asking.py), its patterns lazy like the rest.
        structure = self.rules["asks-decision"].data.get("structure")
        self.asking = Asking(structure, LazyPattern) if structure else None
        # The patterns a screen tells about, numbered in this order: each rule's patterns,
        # questions and requests; where each rule's of each kind begin.
        self._bases: dict[tuple[str, str], int] = {}
        count = 0
        for rule in self.rules.values():
            for kind in KINDS:
                self._bases[(rule.id, kind)] = count
                count += len(getattr(rule, kind))
        # What compiles the patterns a rule's code makes from its data (see `pattern`).
        self.maker: Maker = re.compile
        self._unscreened()

    def _unscreened(self) -> None:
        self.screening: ScreenMaker | None = None  # set by the adapter that has an engine
        self.keeping: InputKeeper | None = None  # set by the adapter that keeps the rules
        self._screen: Any = None  # made when a run of many letters first needs it
        self._always: list[int] = []  # patterns the screen cannot tell about
        self._made: dict[tuple[str, int], re.Pattern[str]] = {}  # see `pattern`

    def __getstate__(self) -> dict[str, Any]:
        """What a kept rulebook holds: not the probes worked out by pattern text (`index`,
        only read while the rules are), which would cost the start two milliseconds, nor the
        screen (an engine's, made again when needed), nor the rules' probes but those of
        their exclusions (see `_kept`)."""
        skip = {"index", "screening", "keeping", "_screen", "_always", "_made"}
        state = {k: v for k, v in self.__dict__.items() if k not in skip}
        state["rules"] = {rule_id: _kept(rule) for rule_id, rule in self.rules.items()}
        return state

    def __setstate__(self, state: dict[str, Any]) -> None:
        self.__dict__.update(state)
        self.index = {}
        self._unscreened()

    def screened(self) -> list[LazyPattern]:
        """The patterns a screen tells about, in the order it numbers them."""
        return [p for rule in self.rules.values() for kind in KINDS for p in getattr(rule, kind)]

    def hits(self, letter: Any) -> list[int] | None:
        """The numbers (in `screened()` order, ascending) of the patterns that could match the
        letter at all, as the screen's first pass tells (the strings they need; see `candidates`
        for the second): those it cannot tell about included. None when there is no screen:
        every pattern could."""
        screen = self._screen
        if screen is None:
            screen = self._screen = self._make_screen()
        if screen is False:
            return None
        found = screen.matching(letter.spaced, letter.data)
        if found is None:
            return None
        if self._always:
            return sorted({*found, *self._always})
        found.sort()
        return found  # type: ignore[no-any-return]

    def _make_screen(self) -> Any:
        """The screen for the rulebook's patterns, or False when there is no engine."""
        if self.screening is None:
            return False
        # (the patterns themselves are compiled as letters first need them, as ever)
        keeping = self.keeping
        needs, forms = keeping(self.screen_inputs) if keeping else self.screen_inputs()
        screen = self.screening(needs, forms)
        if screen is None:
            return False
        self._always = sorted(screen.refused)
        return screen

    def loose_test(self, letter: Any) -> Callable[[bytes], bool] | None:
        """In a run of many letters with a screen: whether a looser form (see loosen.py) matches
        the letter, asked of the screen's engine (for the patterns a rule keeps outside the
        rulebook's lists, such as the wrong-name rule's credit frames). None otherwise."""
        if not letter.many or self.screening is None or letter.hits(self) is None:
            return None
        test, data = self._screen.form_matches, letter.data
        return lambda form: bool(test(form, data))

    def loose_span_test(self, letter: Any) -> Callable[[bytes, int, int], bool] | None:
        """What `loose_test` tells, of a span of the letter searched alone: whether a looser
        form matches inside letter.text[start:end]. None where `loose_test` is."""
        if not letter.many or self.screening is None or letter.hits(self) is None:
            return None
        test, data = self._screen.form_matches_in, letter.data
        return lambda form, start, end: bool(test(form, data, start, end))

    def loose_first(self, letter: Any) -> Callable[[bytes, int, int], int | None] | None:
        """Where in letter.text[start:end] the leftmost match of a looser form starts (-1:
        none there; None: it cannot be told), so that a pattern of a rule's own is tried only
        from there on (see LazyPattern.find_from). None where `loose_test` is."""
        if not letter.many or self.screening is None or letter.hits(self) is None:
            return None
        first, data = self._screen.form_first, letter.data
        return lambda form, start, end: first(form, data, start, end)

    def screen_inputs(self) -> ScreenInputs:
        """What each pattern a screen tells about needs (see atoms.py) and its looser form (see
        loosen.py), in `screened()` order."""
        patterns = self.screened()
        needs = [needs_of(p.pattern, p.flags) for p in patterns]
        return needs, [loosened(p.pattern, p.flags) for p in patterns]

    def patterns(self) -> list[LazyPattern]:
        """Every pattern of every rule, conditions and exclusions included."""
        found: list[LazyPattern] = []
        for rule in self.rules.values():
            found += (*rule.patterns, *rule.questions, *rule.requests, *rule.exclusions)
            for condition in rule.conditions.values():
                found += (c for c in condition[1:] if c is not None)
        if self.asking is not None:
            found += self.asking.made
        return found

    def compile_all(self) -> None:
        """Compile every pattern now, as a check of one letter uses it (to keep them compiled;
        the looser forms a run of many letters uses are compiled when first needed, which such
        a run can afford, and would double what is kept)."""
        for pattern in self.patterns():
            _ = pattern.compiled
        for source, flags in self.addressing.patterns():
            self.maker(source, flags)

    def pattern(self, source: str, flags: int = 0) -> re.Pattern[str]:
        """A pattern a rule's code makes from its data, outside the rule's lists (a frame, a
        phrase, several joined in one), compiled as the rulebook's own are: by its maker, which
        reads the pattern's kept code when the adapter that keeps the rules kept it (see
        LetterChecker.prepare), and once a rulebook."""
        key = (source, flags)
        found = self._made.get(key)
        if found is None:
            found = self._made[key] = self.maker(source, flags)
        return found

    def compile_with(self, maker: Maker) -> None:
        """Compile every pattern with `maker` from now on."""
        self.maker = maker
        self.addressing.maker = maker
        self._made = {}
        for pattern in self.patterns():
            pattern.maker = maker
            pattern._compiled = pattern._fast = None

    def __getitem__(self, rule_id: str) -> Rule:
        return self.rules[rule_id]

    def candidates(
        self, rule: Rule, letter: Any, kind: str = "patterns"
    ) -> list[tuple[LazyPattern, Entry]]:
        """The rule's patterns of that kind a letter could match, each with what tells where
        (the letter finds the clauses that hold a word of each of its telling sets)."""
        selection = self._selections[(rule.id, kind)]
        patterns = getattr(rule, kind)
        hits = letter.hits(self) if letter.many and self.screening is not None else None
        if hits is None:
            present = letter.present(self.triggers)
            entries = selection.candidates(present, letter.seen, letter.lowered, letter.word_text)
        else:  # only those the screen lets through, which the selection then reads as ever
            base = self._bases[(rule.id, kind)]
            high = bisect_left(hits, base + len(patterns))
            low = bisect_left(hits, base, 0, high)
            if low == high:
                return []
            triggers, holds = self.triggers, letter.holds_sets
            letter.read_sets(triggers)
            # What `Selection.among` tells (every telling word set held, every string), then
            # the screen's second pass on those left: each pattern's looser form (see
            # loosen.py), read only in the clauses the pattern would be searched in (`_matches`
            # searches nowhere else): a sentence or two rather than the whole letter. One loop
            # (some sixty patterns a letter come this far, most of them to be dropped here).
            everything = selection.entries
            seen, lowered, words = letter.seen, letter.lowered, letter.word_text
            confirms, data, windows = self._screen.confirms_in, letter.data, letter.windows
            chosen = []
            for number in hits[low:high]:
                entry = everything[number - base]
                if entry.sets and not holds(triggers, entry.sets):
                    continue
                if (entry.strings or entry.groups) and not has_strings(entry, seen, lowered, words):
                    continue
                if confirms(number, data, windows(entry)):
                    chosen.append((patterns[entry.place], entry))
                    letter.screened[id(entry)] = number
            if chosen and letter.first is None:
                first = self._screen.first
                letter.first = lambda number, start, end: first(number, data, start, end)
            return chosen
        return [(patterns[entry.place], entry) for entry in entries]


def merge_rules(base: dict[str, Any], extra: dict[str, Any]) -> dict[str, Any]:
    """The user's additions extend lists (words, patterns) and replace plain values."""
    merged = {k: (dict(v) if isinstance(v, dict) else v) for k, v in base.items()}
    for rule_id, spec in extra.items():
        if rule_id.startswith("_") or not isinstance(spec, dict):
            continue
        target = merged.setdefault(rule_id, {})
        for key, value in spec.items():
            old = target.get(key)
            if isinstance(old, list) and isinstance(value, list):
                target[key] = old + value
            elif isinstance(old, dict) and isinstance(value, list):
                target[key] = {**old, "yours": list(old.get("yours", [])) + value}
            elif isinstance(old, dict) and isinstance(value, dict):
                target[key] = {
                    k: (old.get(k, []) + v if isinstance(v, list) else v) for k, v in value.items()
                } | {k: v for k, v in old.items() if k not in value}
            else:
                target[key] = value
    return merged


def _compile(rule_id: str, spec: dict[str, Any], index: Index) -> Rule:
    flags = 0 if spec.get("case_sensitive") else re.IGNORECASE
    lists = {k: v for k, v in dict(spec.get("words", {})).items() if isinstance(v, list)}
    conditions: dict[LazyPattern, Condition] = {}
    probes: dict[LazyPattern, Probe] = {}

    def regex(text: str, where: str, condition: bool = False) -> LazyPattern:
        for name, values in lists.items():
            # longest first, so "corner office" wins over "office"
            alternatives = sorted((str(v) for v in values), key=len, reverse=True)
            text = text.replace(
                "{" + name + "}",
                "|".join(
                    v if "\\" in v else re.escape(v).replace(r"\ ", r"\s+") for v in alternatives
                ),
            )
        pattern = LazyPattern(text, flags)
        key = (text, flags)
        probe = index.get(key)
        if probe is None:  # not seen before: read it (which tells a bad one) and keep its probe
            try:
                if condition:
                    re.compile(text, flags)
                    probe = NO_PROBE
                else:
                    probe = required_literals(pattern)
            except re.error as error:
                raise InvalidField(
                    where, "a regular expression", f"{text[:80]} ({error})"
                ) from None
            index[key] = probe
        if not condition:
            probes[pattern] = probe
        return pattern

    def build(key: str) -> tuple[LazyPattern, ...]:
        """A list of patterns, or an object of lists keyed by the class of language each list
        finds; a pattern is a string, or an object with its `pattern` and conditions."""
        given = spec.get(key, [])
        groups = given.items() if isinstance(given, dict) else [("", given)]
        compiled: list[LazyPattern] = []
        for label, items in groups:
            if not isinstance(items, list):
                raise InvalidField(f"rules.{rule_id}.{key}.{label}", "a list of patterns")
            for i, item in enumerate(items):
                where = f"rules.{rule_id}.{key}{'.' + label if label else ''}[{i}]"
                if isinstance(item, dict):
                    pattern = regex(str(item.get("pattern", "")), where)
                    extra = {
                        k: regex(str(item[k]), f"{where}.{k}", condition=True)
                        for k in _CONDITIONS
                        if item.get(k)
                    }
                    conditions[pattern] = Condition(str(label), **extra)
                else:
                    pattern = regex(str(item), where)
                    if label:
                        conditions[pattern] = Condition(str(label))
                compiled.append(pattern)
        return tuple(compiled)

    patterns, questions, requests, exclusions = (
        build("patterns"),
        build("question_patterns"),
        build("request_patterns"),
        build("not_thanks"),
    )
    return Rule(
        id=rule_id,
        source=str(spec.get("source", "")),
        message=str(spec.get("message", rule_id)),
        data=spec,
        patterns=patterns,
        questions=questions,
        requests=requests,
        pattern_triggers=tuple(probes[p] for p in patterns),
        question_triggers=tuple(probes[p] for p in questions),
        request_triggers=tuple(probes[p] for p in requests),
        conditions=conditions,
        probes=probes,
        exclusions=exclusions,
    )


def active(
    patterns: tuple[LazyPattern, ...], probes: tuple[Probe, ...], lowered: str, words: set[str]
) -> list[LazyPattern]:
    """The patterns that could match a text (given in lowercase, with its set of words): those
    whose every need is met. A tight loop: it runs for every pattern of every letter."""
    chosen = []
    for pattern, (strings, word_sets, groups) in zip(patterns, probes, strict=True):
        # plain loops: generator expressions here cost more than the tests themselves
        for word_set in word_sets:
            if word_set.isdisjoint(words):
                break
        else:
            for string in strings:
                if string not in lowered:
                    break
            else:
                for group in groups:
                    for string in group:
                        if string in lowered:
                            break
                    else:
                        break
                else:
                    chosen.append(pattern)
    return chosen


__all__ = [
    "NO_PROBE",
    "Condition",
    "Index",
    "LazyPattern",
    "Probe",
    "Rule",
    "Rulebook",
    "active",
]
