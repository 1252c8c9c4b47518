"""A looser form of a pattern, for a multi-pattern engine that tells at once which of a letter's
patterns can match at all.

The looser form is written for a regular-expression engine without look-arounds, back-references
or Python's notion of a word: it reads the letter as bytes, each character of the letter one
byte (`as_bytes`: ASCII as itself, the four characters outside ASCII that fold to an ASCII letter
as that letter, every other character a byte from 0x80 to 0xFF), and it matches wherever the
pattern matches — in the whole letter or in any part of it searched alone, as the check searches
clauses — and in some places more:

- what asserts without matching (`\\b`, `^`, `$`, look-arounds) is left out;
- a back-reference, or a conditional group, matches any text (or either branch);
- atomic groups and possessive repeats backtrack again, and long repeats lose their upper bound;
- each character of the pattern reads exactly the ASCII characters it matches in Python (asked of
  Python's own engine, flags and case folding included), the ASCII letter of each folding
  character it matches, and every byte from 0x80 to 0xFF where it may match another character
  outside ASCII (a category, a negated class, a character outside ASCII: when unsure, it may).

So a letter in which the looser form does not match cannot hold a match of the pattern: the
pattern need not run. What cannot be read this way gives None (the pattern then always runs).
Pure standard library: the engine that runs the forms is an adapter's.
"""

from __future__ import annotations

import importlib
import re
from functools import lru_cache

TYPE_CHECKING = False  # typing is not loaded by the check's start-up
if TYPE_CHECKING:
    from typing import Any

_NON_ASCII = 0x80  # a character outside ASCII reads as a byte from here to 0xFF
_LONG_REPEAT = 32  # repeats bounded above this are read as unbounded
_IGNORECASE = int(re.IGNORECASE)
_ASCII_ONLY = int(re.ASCII)
_KEPT_FLAGS = (
    _IGNORECASE | _ASCII_ONLY | int(re.DOTALL)
)  # those that change what a character matches
# The only characters outside ASCII that match an ASCII character in Python's engine (when case
# is ignored): the Kelvin sign, the long s, the dotted and the dotless i. The letter's bytes
# give each the ASCII letter it folds to, so that a pattern's ASCII letters stay plain letters
# (which keeps the engine fast); a character of a pattern that matches one of them reads that
# letter too.
FOLDING = {"\u212a": "K", "\u017f": "s", "\u0130": "I", "\u0131": "i"}
_FOLDING_TABLE = str.maketrans(FOLDING)


class Unreadable(Exception):
    """A part of a pattern the looser form cannot stand for."""


class _CaseMatters(Exception):
    """A part of the pattern that does not ignore case: the form cannot be written caseless."""


def as_bytes(text: str) -> bytes:
    """The text as the looser forms read it: one byte per character, ASCII as itself, the four
    characters of FOLDING as the ASCII letters they fold to, every other character a byte from
    0x80 to 0xFF."""
    try:
        return text.encode("latin-1")
    except UnicodeEncodeError:
        # (re's own cache keeps the pattern: nothing compiled when the module is imported)
        return re.sub("[^\x00-\xff]", "\xff", text.translate(_FOLDING_TABLE)).encode("latin-1")


def loosened(pattern: str, flags: int, repeats: int = _LONG_REPEAT) -> bytes | None:
    """The looser form of a pattern (see the module's text), or None when the pattern cannot be
    read so, or when its looser form would match everywhere (it can match nothing). Repeats
    bounded above `repeats` are read as unbounded (a smaller number, a smaller automaton)."""
    sre = importlib.import_module("re._parser")  # the standard library's regex parser
    try:
        tree = sre.parse(pattern, int(flags))
        if _may_be_empty(list(tree), sre):
            return None
        try:  # every part ignores case (the usual): written once, in lowercase, shorter
            return ("(?i)" + _sequence(list(tree), tree.state.flags, sre, True, repeats)).encode(
                "latin-1"
            )
        except _CaseMatters:
            return _sequence(list(tree), tree.state.flags, sre, False, repeats).encode("latin-1")
    except (Unreadable, re.error, RecursionError):
        return None


def either(forms: list[bytes], count: int) -> bytes | None:
    """One looser form that matches wherever one of the forms does (their alternation), or None
    when fewer than `count` are given (a pattern without a form could match anywhere)."""
    if not forms or len(forms) < count:
        return None
    caseless = b"(?i)"
    return b"|".join(
        b"(?i:" + f[len(caseless) :] + b")" if f.startswith(caseless) else b"(?:" + f + b")"
        for f in forms
    )


def _sequence(items: list[Any], flags: int, sre: Any, caseless: bool, repeats: int) -> str:
    return "".join(_item(op, value, flags, sre, caseless, repeats) for op, value in items)


def _item(op: Any, value: Any, flags: int, sre: Any, caseless: bool, repeats: int) -> str:
    if op in (sre.LITERAL, sre.NOT_LITERAL, sre.ANY, sre.IN):
        key = tuple(value) if op is sre.IN else value
        return _one_character(op, key, flags & _KEPT_FLAGS, caseless, sre)
    if op is sre.AT or op is sre.ASSERT or op is sre.ASSERT_NOT:
        return ""  # asserts without matching: left out
    if op is sre.SUBPATTERN:
        _, add, remove, body = value
        return f"(?:{_sequence(list(body), (flags | add) & ~remove, sre, caseless, repeats)})"
    if op is sre.ATOMIC_GROUP:
        return f"(?:{_sequence(list(value), flags, sre, caseless, repeats)})"
    if op is sre.BRANCH:
        return (
            "(?:"
            + "|".join(_sequence(list(b), flags, sre, caseless, repeats) for b in value[1])
            + ")"
        )
    if op in (sre.MAX_REPEAT, sre.MIN_REPEAT, sre.POSSESSIVE_REPEAT):
        low, high, body = value
        inner = f"(?:{_sequence(list(body), flags, sre, caseless, repeats)})"
        low = min(low, repeats)
        if high is sre.MAXREPEAT or high > repeats:
            return f"{inner}{{{low},}}" if low else f"{inner}*"
        return f"{inner}{{{low},{high}}}"
    if op is sre.GROUPREF:
        return "[\\x00-\\xff]*"  # the same text as the group: any text
    if op is sre.GROUPREF_EXISTS:
        _, yes, no = value
        branches = [_sequence(list(yes), flags, sre, caseless, repeats)]
        branches.append(
            _sequence(list(no), flags, sre, caseless, repeats) if no is not None else ""
        )
        return "(?:" + "|".join(branches) + ")"
    raise Unreadable(str(op))


@lru_cache(maxsize=4096)
def _one_character(op: Any, value: Any, flags: int, caseless: bool, sre: Any) -> str:
    """The looser form of one character of the pattern: the bytes it may read, exactly the ASCII
    characters it matches in Python, and all of 0x80–0xFF when it may match a character outside
    ASCII; `caseless`, each ASCII letter once, in lowercase (the engine ignores case)."""
    compiled = re.compile(_python_class(op, value, sre), flags)
    codes = {code for code in range(_NON_ASCII) if compiled.fullmatch(chr(code))}
    codes.update(ord(ascii) for char, ascii in FOLDING.items() if compiled.fullmatch(char))
    if _outside(op, value, sre):
        codes.update(range(_NON_ASCII, 0x100))
    if not codes:
        raise Unreadable("a character class that matches nothing")
    if caseless:
        if not flags & _IGNORECASE:
            raise _CaseMatters
        codes = _lowercase(codes)
    return _class(codes)


def _python_class(op: Any, value: Any, sre: Any) -> str:
    """The one-character Python pattern the parse-tree item stands for."""
    if op is sre.LITERAL:
        return _escape(value)
    if op is sre.NOT_LITERAL:
        return f"[^{_escape(value)}]"
    if op is sre.ANY:
        return "."
    parts: list[str] = []
    for kind, item in value:
        if kind is sre.NEGATE:
            parts.insert(0, "^")
        elif kind is sre.LITERAL:
            parts.append(_escape(item))
        elif kind is sre.RANGE:
            parts.append(f"{_escape(item[0])}-{_escape(item[1])}")
        elif kind is sre.CATEGORY:
            parts.append(_CATEGORIES[str(item)])
        else:
            raise Unreadable(str(kind))
    return "[" + "".join(parts) + "]"


_CATEGORIES = {
    "CATEGORY_DIGIT": r"\d",
    "CATEGORY_NOT_DIGIT": r"\D",
    "CATEGORY_SPACE": r"\s",
    "CATEGORY_NOT_SPACE": r"\S",
    "CATEGORY_WORD": r"\w",
    "CATEGORY_NOT_WORD": r"\W",
}


def _escape(code: int) -> str:
    return f"\\U{code:08x}"


def _outside(op: Any, value: Any, sre: Any) -> bool:
    """May this character of the pattern match a character outside ASCII other than those of
    FOLDING (which an ASCII literal or range may match, ignoring case)? When unsure: yes."""
    if op is sre.LITERAL:
        return bool(value >= _NON_ASCII)
    if op is sre.IN:
        for kind, item in value:
            if kind is sre.LITERAL:
                if item >= _NON_ASCII:
                    return True
            elif kind is sre.RANGE:
                if item[1] >= _NON_ASCII:
                    return True
            else:  # a category, a negation: they may
                return True
        return False
    return True  # ANY, NOT_LITERAL


def _lowercase(codes: set[int]) -> set[int]:
    """The set as a caseless engine reads it: each ASCII letter once, in lowercase (the set
    must hold both cases of each of its ASCII letters, as ignoring case in Python makes it)."""
    lowered = set()
    for code in codes:
        char = chr(code)
        if code < _NON_ASCII and char.isalpha():
            if ord(char.swapcase()) not in codes:
                raise _CaseMatters
            lowered.add(ord(char.lower()))
        else:
            lowered.add(code)
    return lowered


def _char(code: int) -> str:
    char = chr(code)
    return char if code < _NON_ASCII and char.isalnum() else f"\\x{code:02x}"


def _class(codes: set[int]) -> str:
    if len(codes) == 1:
        return _char(next(iter(codes)))
    ranges: list[tuple[int, int]] = []
    for code in sorted(codes):
        if ranges and ranges[-1][1] == code - 1:
            ranges[-1] = (ranges[-1][0], code)
        else:
            ranges.append((code, code))
    return "[" + "".join(_char(a) if a == b else f"{_char(a)}-{_char(b)}" for a, b in ranges) + "]"


def _may_be_empty(items: list[Any], sre: Any) -> bool:
    """Can the looser form of this sequence match the empty text? (Then it tells nothing.)"""
    return all(_item_may_be_empty(op, value, sre) for op, value in items)


def _item_may_be_empty(op: Any, value: Any, sre: Any) -> bool:
    if op in (sre.LITERAL, sre.NOT_LITERAL, sre.ANY, sre.IN):
        return False
    if op is sre.SUBPATTERN:
        return _may_be_empty(list(value[-1]), sre)
    if op is sre.ATOMIC_GROUP:
        return _may_be_empty(list(value), sre)
    if op is sre.BRANCH:
        return any(_may_be_empty(list(b), sre) for b in value[1])
    if op in (sre.MAX_REPEAT, sre.MIN_REPEAT, sre.POSSESSIVE_REPEAT):
        return value[0] == 0 or _may_be_empty(list(value[2]), sre)
    if op is sre.GROUPREF_EXISTS:
        return value[2] is None or any(_may_be_empty(list(b), sre) for b in value[1:] if b)
    return True  # assertions, back-references
