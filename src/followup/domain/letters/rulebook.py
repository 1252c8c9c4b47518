"""The check's rules, compiled from data (`checks/rules.json` and the user's additions)."""

from __future__ import annotations

import importlib
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from followup.domain.errors import InvalidField

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


# What a letter must contain for a pattern to match, all of it: strings (each a substring of
# the lowercased letter), word sets (one of each a word of the letter), groups (one of each a
# substring) and searches (compiled alternations over many strings, each must find one).
Probe = tuple[
    tuple[str, ...],
    tuple[frozenset[str], ...],
    tuple[tuple[str, ...], ...],
    tuple[Callable[[str], object], ...],
]
NO_PROBE: Probe = ((), (), (), ())


@dataclass(frozen=True, slots=True)
class Condition:
    """What else a match of one pattern needs, read from the rule's data: the class of language
    it belongs to (for the message), and regular expressions over the sentence that holds the
    match: `unless` (the sentence must not match it), `unless_before` (the sentence up to the
    match must not match it, e.g. 'I am' before 'the best person') and `requires` (the sentence
    must match it)."""

    label: str = ""
    unless: re.Pattern[str] | None = None
    unless_before: re.Pattern[str] | None = None
    requires: re.Pattern[str] | None = None

    @property
    def plain(self) -> bool:
        return self.unless is None and self.unless_before is None and self.requires is None


PLAIN = Condition()


@dataclass(frozen=True, slots=True)
class Rule:
    id: str
    source: str
    message: str
    data: dict[str, Any]
    patterns: tuple[re.Pattern[str], ...] = ()
    questions: tuple[re.Pattern[str], ...] = ()
    requests: tuple[re.Pattern[str], ...] = ()
    # For each pattern, lowercase strings of which any match must contain one (None: unknown).
    # A letter containing none of them cannot match, so the pattern need not run at all.
    pattern_triggers: tuple[Probe, ...] = ()
    question_triggers: tuple[Probe, ...] = ()
    request_triggers: tuple[Probe, ...] = ()
    conditions: dict[re.Pattern[str], Condition] = field(default_factory=dict)

    def words(self, key: str) -> frozenset[str]:
        """A word list of the rule's data, lowercased (built once)."""
        cache: dict[str, frozenset[str]] = self.data.setdefault("_word_sets", {})
        found = cache.get(key)
        if found is None:
            found = frozenset(str(w).lower() for w in self.data.get(key, []))
            cache[key] = found
        return found

    def condition(self, pattern: re.Pattern[str]) -> Condition:
        return self.conditions.get(pattern, PLAIN)


class Rulebook:
    def __init__(self, data: dict[str, Any]) -> None:
        self.rules: dict[str, Rule] = {}
        for rule_id in RULE_IDS:
            spec = data.get(rule_id)
            if not isinstance(spec, dict):
                raise InvalidField(f"rules.{rule_id}", "an object describing the rule")
            self.rules[rule_id] = _compile(rule_id, spec)

    def __getitem__(self, rule_id: str) -> Rule:
        return self.rules[rule_id]


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


def _compile(rule_id: str, spec: dict[str, Any]) -> Rule:
    flags = 0 if spec.get("case_sensitive") else re.IGNORECASE
    lists = {k: v for k, v in dict(spec.get("words", {})).items() if isinstance(v, list)}
    conditions: dict[re.Pattern[str], Condition] = {}

    def regex(text: str, where: str) -> re.Pattern[str]:
        for name, values in lists.items():
            # longest first, so "corner office" wins over "office"
            alternatives = sorted((str(v) for v in values), key=len, reverse=True)
            text = text.replace(
                "{" + name + "}",
                "|".join(
                    v if "\\" in v else re.escape(v).replace(r"\ ", r"\s+") for v in alternatives
                ),
            )
        try:
            return re.compile(text, flags)
        except re.error as error:
            raise InvalidField(where, "a regular expression", f"{text[:80]} ({error})") from None

    def build(key: str) -> tuple[re.Pattern[str], ...]:
        """A list of patterns, or an object of lists keyed by the class of language each list
        finds; a pattern is a string, or an object with its `pattern` and conditions."""
        given = spec.get(key, [])
        groups = given.items() if isinstance(given, dict) else [("", given)]
        compiled: list[re.Pattern[str]] = []
        for label, items in groups:
            if not isinstance(items, list):
                raise InvalidField(f"rules.{rule_id}.{key}.{label}", "a list of patterns")
            for i, item in enumerate(items):
                where = f"rules.{rule_id}.{key}{'.' + label if label else ''}[{i}]"
                if isinstance(item, dict):
                    pattern = regex(str(item.get("pattern", "")), where)
                    extra = {
                        k: regex(str(item[k]), f"{where}.{k}")
                        for k in ("unless", "unless_before", "requires")
                        if item.get(k)
                    }
                    conditions[pattern] = Condition(str(label), **extra)
                else:
                    pattern = regex(str(item), where)
                    if label:
                        conditions[pattern] = Condition(str(label))
                compiled.append(pattern)
        return tuple(compiled)

    patterns, questions, requests = (
        build("patterns"),
        build("question_patterns"),
        build("request_patterns"),
    )
    return Rule(
        id=rule_id,
        source=str(spec.get("source", "")),
        message=str(spec.get("message", rule_id)),
        data=spec,
        patterns=patterns,
        questions=questions,
        requests=requests,
        pattern_triggers=tuple(required_literals(p) for p in patterns),
        question_triggers=tuple(required_literals(p) for p in questions),
        request_triggers=tuple(required_literals(p) for p in requests),
        conditions=conditions,
    )


def active(
    patterns: tuple[re.Pattern[str], ...], probes: tuple[Probe, ...], lowered: str, words: set[str]
) -> list[re.Pattern[str]]:
    """The patterns that could match a text (given in lowercase, with its set of words): those
    whose every need is met. A tight loop: it runs for every pattern of every letter."""
    chosen = []
    for pattern, (strings, word_sets, groups, searches) in zip(patterns, probes, strict=True):
        # plain loops: generator expressions here cost more than the tests themselves
        for string in strings:
            if string not in lowered:
                break
        else:
            for word_set in word_sets:
                if word_set.isdisjoint(words):
                    break
            else:
                for group in groups:
                    for string in group:
                        if string in lowered:
                            break
                    else:
                        break
                else:
                    for search in searches:
                        if search(lowered) is None:
                            break
                    else:
                        chosen.append(pattern)
    return chosen


def required_literals(pattern: re.Pattern[str]) -> Probe:
    """What a text must contain for the pattern to match: for each required part of the
    pattern, the strings of which the part always contains one, read from the pattern's parse
    tree. Empty when nothing can be told (the pattern then always runs)."""
    try:
        _parser = importlib.import_module("re._parser")  # the standard library's regex parser
        tree = _parser.parse(pattern.pattern, pattern.flags)
        parts = _parts(list(tree), _parser)
    except Exception:
        return NO_PROBE
    strings: list[str] = []
    word_sets: list[frozenset[str]] = []
    groups: list[tuple[str, ...]] = []
    searches: list[Callable[[str], object]] = []
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
        else:
            searches.append(re.compile("|".join(re.escape(w) for w in alternatives)).search)
    return (tuple(strings), tuple(word_sets), tuple(groups), tuple(searches))


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


@dataclass(frozen=True, slots=True)
class _Part:
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
