"""What a letter must contain for a pattern to match, read from the pattern's parse tree.

A pattern runs only on letters that contain a string every match of it needs (most letters are
clean, so most patterns never run), and then only in the clauses that hold one word of each of
its required word sets. The probes are plain data (strings and sets of words), so that they can
be kept between runs instead of being worked out again at every start.
"""

from __future__ import annotations

import importlib
import re

from followup.domain.tuples import NamedTuple

TYPE_CHECKING = False  # typing is not loaded by the check's start-up
if TYPE_CHECKING:
    from typing import Any

# What a letter must contain for a pattern to match, all of it: strings (each a substring of
# the lowercased letter), word sets (one of each a word of the letter) and groups (one of each
# a substring).
Probe = tuple[tuple[str, ...], tuple[frozenset[str], ...], tuple[tuple[str, ...], ...]]
NO_PROBE: Probe = ((), (), ())


def required_literals(pattern: re.Pattern[str] | Any) -> Probe:
    """What a text must contain for the pattern to match: for each required part of the
    pattern, the strings of which the part always contains one, read from the pattern's parse
    tree. Empty when nothing can be told (the pattern then always runs)."""
    _parser = importlib.import_module("re._parser")  # the standard library's regex parser
    tree = _parser.parse(pattern.pattern, pattern.flags)  # re.error: not a regular expression
    try:
        parts = _parts(list(tree), _parser)
    except Exception:
        return NO_PROBE
    strings: list[str] = []
    word_sets: list[frozenset[str]] = []
    groups: list[tuple[str, ...]] = []
    for part in parts:
        alternatives = sorted(part.strings, key=len, reverse=True)
        if part.words is not None:
            word_sets.append(part.words)  # one set intersection with the letter's words
            if part.words == part.strings:
                continue  # the exact strings would test nothing more
        if len(alternatives) == 1:
            strings.append(alternatives[0])
        elif len(alternatives) <= 12:
            groups.append(tuple(alternatives))
        # more alternatives than that, not bounded by words: testing for them costs as much as
        # running the pattern, so they are not tested
    return (tuple(strings), tuple(word_sets), tuple(groups))


_MAX_PRODUCT = 256


def _pure(items: list[Any], sre: Any, loose: bool = False) -> frozenset[str] | None:
    """The strings a sub-pattern made of literals and small alternations of them can match.
    `loose` reads a run of spaces as one space: the strings are then only good for their first
    word, not as exact substrings."""
    out = {""}
    for op, value in items:
        if loose and _bounding((op, value), sre) and op is not sre.AT:
            out = {s + " " for s in out}
        elif op is sre.LITERAL:
            out = {s + chr(value).lower() for s in out}
        elif op is sre.IN and all(o is sre.LITERAL for o, _ in value):
            out = {s + chr(v).lower() for s in out for _, v in value}  # [eé]
        elif op in (sre.MAX_REPEAT, sre.MIN_REPEAT) and value[1] == 1:
            found = _pure(list(value[2]), sre, loose)  # (?:ship)? -> "" or "ship"
            if found is None:
                return None
            maybe = set(found) | ({""} if value[0] == 0 else set())
            out = {s + o for s in out for o in maybe}
        elif op is sre.SUBPATTERN or op is sre.BRANCH:
            branches = [list(value[-1])] if op is sre.SUBPATTERN else [list(b) for b in value[1]]
            options: set[str] = set()
            for branch in branches:
                found = _pure(branch, sre, loose)
                if found is None:
                    return None
                options |= found
            out = {s + o for s in out for o in options}
        else:
            return None
        if len(out) > _MAX_PRODUCT:
            return None
    return frozenset(out)


def _required(items: list[Any], sre: Any) -> frozenset[str] | None:
    """The most selective required part of a sequence (None when none is known)."""
    useful = _candidates(items, sre)
    if not useful:
        return None
    return max(useful, key=lambda c: (min(len(w.strip()) for w in c), -len(c)))


class _Part(NamedTuple):
    """A required part of a pattern: one of `strings` occurs in every match; when the part is
    bounded by word boundaries or spaces, one of `words` is a whole word of the text."""

    strings: frozenset[str]
    words: frozenset[str] | None = None


_WORD_CHARS = re.compile(r"\w+")


def _bounding(item: Any, sre: Any) -> bool:
    """Does this item stand where a word must end or begin (\\b, a space, spaces)?"""
    op, value = item
    if op is sre.AT:
        return bool(value is sre.AT_BOUNDARY)
    if op is sre.IN:
        return all(
            (o is sre.CATEGORY and v is sre.CATEGORY_SPACE)
            or (o is sre.LITERAL and chr(v).isspace())
            for o, v in value
        )
    if op in (sre.MAX_REPEAT, sre.MIN_REPEAT) and value[0] >= 1 and len(value[2]) == 1:
        return _bounding(value[2][0], sre)
    if op is sre.BRANCH:  # every alternative begins with a non-word character
        return all(branch and _bounding(branch[0], sre) for branch in value[1])
    if op is sre.SUBPATTERN:
        body = list(value[-1])
        return bool(body) and _bounding(body[0], sre)
    # any character that cannot be part of a word: a space, an apostrophe, punctuation
    return op is sre.LITERAL and not _WORD_CHARS.match(chr(value))


def _ends_a_word(items: list[Any], index: int, sre: Any) -> bool:
    """Does a word end just before the item at `index`? Optional groups there that begin with
    a non-word character (like ('s)?) do not change the answer."""
    j = index
    while j < len(items):
        op, value = items[j]
        optional = op in (sre.MAX_REPEAT, sre.MIN_REPEAT) and value[0] == 0 and value[2]
        if optional and _bounding(value[2][0], sre):
            j += 1
            continue
        return _bounding(items[j], sre)
    return False


def _starts_a_word(items: list[Any], index: int, sre: Any) -> bool:
    """Does the item at `index` begin where a word begins? Optional groups just before it that
    end in a space do not change the answer (present, they end with a space; absent, what
    stands before them decides)."""
    j = index - 1
    while j >= 0:
        op, value = items[j]
        optional = op in (sre.MAX_REPEAT, sre.MIN_REPEAT) and value[0] == 0 and value[2]
        if optional and _bounding(value[2][-1], sre):
            j -= 1
            continue
        return _bounding(items[j], sre)
    return True


def _whole_words(strings: set[str], starts: bool, ends: bool) -> frozenset[str] | None:
    if not starts:
        return None
    words = set()
    for s in strings:
        found = _WORD_CHARS.match(s)
        if not found:
            return None
        if found.end() == len(s) and not ends:
            return None  # the word may go on past the part
        words.add(found.group(0))
    return frozenset(words)


def _candidates(items: list[Any], sre: Any) -> list[frozenset[str]]:
    """Every required part of a sequence worth testing for (strings only)."""
    return [part.strings for part in _parts_of(items, sre)]


def _parts_of(items: list[Any], sre: Any) -> list[_Part]:
    parts: list[_Part] = []
    run: set[str] = set()
    state = {"starts": False}

    def flush(ends: bool) -> None:
        if run:
            parts.append(_Part(frozenset(run), _whole_words(run, state["starts"], ends)))
            run.clear()

    def extend(options: frozenset[str], index: int) -> None:
        if not run:
            state["starts"] = _starts_a_word(items, index, sre)
        product = {s + o for s in run for o in options} if run else set(options)
        if len(product) > _MAX_PRODUCT:
            flush(False)
            state["starts"] = False
            product = set(options)
        run.clear()
        run.update(product)

    for index, (op, value) in enumerate(items):
        if op is sre.LITERAL:
            extend(frozenset({chr(value).lower()}), index)
            continue
        if op is sre.SUBPATTERN or op is sre.BRANCH:
            pure = _pure([(op, value)], sre)
            if pure is not None and "" not in pure:
                extend(pure, index)
                continue
            loose = _pure([(op, value)], sre, loose=True)
            if loose is not None and "" not in loose:
                # 'super\s+bowl': the first word of each alternative is still required
                flush(_bounding((op, value), sre))
                firsts = set()
                for alternative in loose:
                    word = _WORD_CHARS.match(alternative)
                    if not word:
                        break
                    firsts.add(word.group(0))
                else:
                    ends = all(
                        len(a) > len(_WORD_CHARS.match(a).group(0))  # type: ignore[union-attr]
                        for a in loose
                    ) or _ends_a_word(items, index + 1, sre)
                    bounded = _starts_a_word(items, index, sre) and ends
                    parts.append(_Part(frozenset(firsts), frozenset(firsts) if bounded else None))
                    continue
        if op in (sre.MAX_REPEAT, sre.MIN_REPEAT) and value[0] >= 1:
            pure = _pure(list(value[2]), sre)
            if pure is not None and "" not in pure:
                extend(pure, index)  # at least one repetition: the run goes on once, then ends
                flush(False)
                continue
        flush(_ends_a_word(items, index, sre))
        found: frozenset[str] | None = None
        if op is sre.SUBPATTERN:
            found = _required(list(value[-1]), sre)
        elif op is sre.BRANCH:
            options = [_required(list(branch), sre) for branch in value[1]]
            if options and all(options):
                found = frozenset().union(*(o for o in options if o))
        elif op in (sre.MAX_REPEAT, sre.MIN_REPEAT) and value[0] >= 1:
            found = _required(list(value[2]), sre)
        if found:
            parts.append(_Part(found))
    flush(False)
    return [p for p in parts if all(_selective(w) for w in p.strings)]


def _parts(items: list[Any], sre: Any) -> list[_Part]:
    """Every required part of a whole pattern."""
    return _parts_of(items, sre)


def _selective(word: str) -> bool:
    """Worth testing for: two letters or more, or a bracket-like character letters rarely use."""
    return len(word.strip()) >= 2 or (len(word) == 1 and word in "[]{}<>()_")
