"""The literal "atoms" a pattern's every match holds, for a screen that finds them all in one pass.

As RE2's prefilter and Google Code Search read a regular expression: from the standard library's
parse tree, each part of a pattern is known either exactly (the few strings it can match: a
literal, a small alternation of literals, an optional one) or by what it requires. A
concatenation joins the exact strings of neighbouring parts ("most" and a space and one of the
praise words: "most fascinating", …) and requires each run it joined; an alternation requires
one of its branches' requirements; what may repeat zero times, a back-reference, a category, a
character outside ASCII require nothing. What a pattern needs is then a conjunction of clauses,
each a set of strings one of which stands in every match (`Needs`; empty when nothing is known:
the pattern is then always a candidate).

The strings are those of the letter as `screen_text` gives it: its four characters that fold to
an ASCII letter (see loosen.FOLDING) made that letter, in lowercase, and each run of white space
one space. So a letter whose screen text lacks every string of one of a pattern's clauses cannot
hold a match of the pattern: the pattern need not run. Each character of a string is one that
every character it matches becomes in the screen text: an ASCII character (in lowercase), a space
(for any white space), or one of a few typographic marks that have no case.

Pure standard library: the engine that finds the strings is an adapter's.
"""

from __future__ import annotations

import importlib
import re

from followup.domain.letters.loosen import FOLDING

TYPE_CHECKING = False  # typing is not loaded by the check's start-up
if TYPE_CHECKING:
    from typing import Any

# What a pattern needs: every clause holds a string that stands in the screen text.
Needs = tuple[frozenset[str], ...]

_LIMIT = 16  # strings one part may stand for, exactly, before only what it requires is kept
# (16: the shipped patterns need 7,500 strings, whose automaton builds in 8 ms; 4096 made 186,000,
# 0.7 s to build and 100 MB more; 64 (22 ms) measured no faster on bench/check_bench.py)
_SHORTEST = 3  # a clause with a string shorter than this (spaces aside) tells nearly nothing
# Characters outside ASCII that match only themselves, ignoring case or not, and that stay
# themselves in lowercase: a pattern's apostrophes, quotes and dashes.
_CASELESS = frozenset("’‘“”–—…")
_FOLD_TABLE = str.maketrans(FOLDING)
# Characters letters rarely hold, each worth looking for alone (a placeholder's brackets)
_RARE_MARKS = frozenset("[]{}<>%$_#|~^\\")
# Words in nearly every letter: a string made of them alone tells no letter from another (and
# found many times in each, costs the pass the most)
_COMMON_WORDS = (
    "the a an and or but of to in on at for with from by as is are was were be been have has "
    "had do did does will would can could should may might must shall i me my we our us you "
    "your he him his she her they them their it its this that these those there here what "
    "when where which who how not no so if than then very all any some more most much just "
    "also about"
)
_COMMON = frozenset(_COMMON_WORDS.split())


def screen_text(text: str) -> str:
    """The text as the atoms are looked for in it (see the module's text): white space as
    `str.split` reads it, which is what `\\s` matches."""
    # (translating with a table is slow on text outside ASCII, some sixty microseconds a
    # letter: done only where one of the four characters stands, four looks at C speed)
    if not text.isascii() and any(c in text for c in FOLDING):
        text = text.translate(_FOLD_TABLE)
    lowered = text.lower()
    squeezed = " ".join(lowered.split())
    if lowered[:1].isspace():
        squeezed = " " + squeezed
    if lowered[-1:].isspace():
        squeezed += " "
    return squeezed


class _Info:
    """What one part of a pattern matches: `exact`, every string it can match (None when not
    known or too many); `needs`, clauses it requires when `exact` is None."""

    __slots__ = ("exact", "needs")  # (a plain class: a NamedTuple costs the start a millisecond)

    def __init__(
        self, exact: frozenset[str] | None, needs: tuple[frozenset[str], ...] = ()
    ) -> None:
        self.exact = exact
        self.needs = needs


_ANYTHING = _Info(None)
_EMPTY = _Info(frozenset({""}))


def needs_of(pattern: str, flags: int) -> Needs:
    """The clauses every match of the pattern satisfies (see the module's text); () when nothing
    is known, or the pattern cannot be read."""
    sre = importlib.import_module("re._parser")  # the standard library's regex parser
    try:
        tree = sre.parse(pattern, int(flags))
        info = _sequence(list(tree), sre)
    except (re.error, RecursionError):
        return ()
    clauses = _clauses(info)
    return tuple(c for c in dict.fromkeys(clauses) if _telling(c))


def _clauses(info: _Info) -> tuple[frozenset[str], ...]:
    if info.exact is not None:
        return (info.exact,) if _telling(info.exact) else ()
    return info.needs


def _telling(clause: frozenset[str]) -> bool:
    return bool(clause) and all(_rare(s) for s in clause)


def _rare(string: str) -> bool:
    """Worth looking for: three characters or more, and not one or two words found in nearly
    every letter ("the", "your", "i have"; "where we are on" is rare); or two characters that
    are not letters ("[[", "${"), or one that letters rarely hold ("{", "%")."""
    core = string.replace(" ", "")
    if len(core) <= 2:
        return not core.isalnum() and (len(core) == 2 or core in _RARE_MARKS)
    if len(core) < _SHORTEST:
        return False
    words = string.split()
    return len(words) >= 3 or not _COMMON.issuperset(words)


def best_clause(clauses: tuple[frozenset[str], ...]) -> frozenset[str] | None:
    """The clause most likely to tell letters apart: its shortest string longest, then fewest."""
    telling = [c for c in clauses if _telling(c)]
    if not telling:
        return None
    return max(telling, key=lambda c: (min(len(s.replace(" ", "")) for s in c), -len(c)))


def _join(a: frozenset[str], b: frozenset[str]) -> frozenset[str] | None:
    if len(a) * len(b) > _LIMIT:
        return None
    return frozenset(_squeeze(x + y) for x in a for y in b)


def _squeeze(s: str) -> str:
    """A run of spaces is one space in the screen text."""
    while "  " in s:
        s = s.replace("  ", " ")
    return s


def _sequence(items: list[Any], sre: Any) -> _Info:
    """A concatenation: neighbouring exact parts joined, each run required."""
    needs: list[frozenset[str]] = []
    run = frozenset({""})  # the strings of the current run of adjacent exact parts
    exact = True  # the whole sequence so far is known exactly: `run` holds it
    for op, value in items:
        info = _item(op, value, sre)
        if info.exact is not None:
            joined = _join(run, info.exact)
            if joined is not None:
                run = joined
                continue
            needs.extend(_clauses(_Info(run)))  # too many to join: each run is required
            run = info.exact
        else:
            needs.extend(_clauses(_Info(run)))
            needs.extend(info.needs)
            run = frozenset({""})  # what follows is not adjacent to a known string
        exact = False
    if exact:
        return _Info(run)
    needs.extend(_clauses(_Info(run)))
    return _Info(None, tuple(needs))


def _item(op: Any, value: Any, sre: Any) -> _Info:
    if op is sre.LITERAL:
        return _one(_char(value))
    if op is sre.IN:
        return _one(_class(value, sre))
    if op in (sre.AT, sre.ASSERT, sre.ASSERT_NOT):
        return _EMPTY  # asserts without matching: the text either side is adjacent
    if op is sre.SUBPATTERN:
        return _sequence(list(value[-1]), sre)
    if op is sre.ATOMIC_GROUP:
        return _sequence(list(value), sre)
    if op is sre.BRANCH:
        return _branches([list(b) for b in value[1]], sre)
    if op is sre.GROUPREF_EXISTS:
        _, yes, no = value
        return _branches([list(yes), list(no) if no is not None else []], sre)
    if op in (sre.MAX_REPEAT, sre.MIN_REPEAT, sre.POSSESSIVE_REPEAT):
        low, high, body = value
        inner = _sequence(list(body), sre)
        if inner.exact is not None and inner.exact <= {"", " "}:
            # white space repeated: one space in the screen text, or none
            return _Info(frozenset({" "} if low >= 1 and "" not in inner.exact else {"", " "}))
        if low == 0:
            if high == 1 and inner.exact is not None:
                return _Info(inner.exact | {""})  # (?:ship)? : "" or "ship"
            return _EMPTY if high == 0 else _Info(None)
        if low == 1 and high == 1:
            return inner
        return _Info(None, _clauses(inner))  # once at least: what one time needs
    return _ANYTHING  # ANY, NOT_LITERAL, a back-reference: any text


def _branches(branches: list[list[Any]], sre: Any) -> _Info:
    infos = [_sequence(b, sre) for b in branches]
    if all(i.exact is not None for i in infos):
        union = frozenset().union(*(i.exact for i in infos if i.exact is not None))
        if len(union) <= _LIMIT:
            return _Info(union)
    chosen: set[str] = set()
    for info in infos:
        best = best_clause(_clauses(info))
        if best is None:
            return _ANYTHING  # a branch that needs nothing: the alternation needs nothing
        chosen |= best
    return _Info(None, (frozenset(chosen),))


def _one(chars: frozenset[str] | None) -> _Info:
    return _ANYTHING if chars is None else _Info(chars)


def _char(code: int) -> frozenset[str] | None:
    """What a literal character becomes in the screen text, or None when not known."""
    char = chr(code)
    if char.isspace():
        return frozenset({" "})
    if code < 0x80:
        return frozenset({char.lower()})
    return frozenset({char}) if char in _CASELESS else None


def _class(value: Any, sre: Any) -> frozenset[str] | None:
    """A character class: a few literal characters, or white space only; else None."""
    found: set[str] = set()
    for kind, item in value:
        if kind is sre.LITERAL:
            chars = _char(item)
            if chars is None:
                return None
            found |= chars
        elif kind is sre.RANGE and item[1] - item[0] < 4:
            for code in range(item[0], item[1] + 1):
                chars = _char(code)
                if chars is None:
                    return None
                found |= chars
        elif kind is sre.CATEGORY and item is sre.CATEGORY_SPACE:
            found.add(" ")
        else:  # a negation, a category, a wide range
            return None
    if " " in found and found != {" "}:
        return None  # white space or a letter: the run of spaces it may join is unknown
    return frozenset(found) if len(found) <= 8 else None
