"""A learned second reader of the letter check: one small linear model per rule whose language
varies most, over the words of the letter as read in its context, asked beside the rules.

What the model sees of a letter (`features`): its folded words and each pair of neighbouring
words, where a word of a name or a topic of the context stands for its role ("<to>" for the
recipient's names, "<met>" for another person met for this opportunity, "<other-person>" for a
person of another opportunity, "<other-co>" for another opportunity's company, "<own>" for this
one's, "<topic>" for a word of the recipient's topics, "<note>" for a word of the other notes),
and the letter's kind. Trained offline by `bench/letters/train.py` (logistic regression per rule,
on letter-level labels); its weights ship in `learned.json`.

How it combines with the rules (`second_reading`, `LearnedReader.decide`): where the rules
fired a rule and the model is very sure the letter is clean of it (probability at most the rule's
`withdraw`), the rule's findings are withdrawn; where the rules did not fire a rule and the model
is very sure of it (at least the rule's `add`), a finding is added on the sentence that speaks
most for it. Adopted because, measured by time travel (the rules of an earlier commit on writer
sets they had never seen, the model trained on what existed then), the rules with it made fewer
errors and no rule's precision was lower: see docs/letters_learned.md. The shipped weights
withdraw only (`add` is empty): additions put a wrong finding on a clean near miss. They withdraw
only the rules that read a word in its context (new-topic, wrong-name, wrong-company), never one
the user extended.
"""

from __future__ import annotations

import binascii
import json
import math
import os
import re
import sys
from array import array
from functools import lru_cache
from itertools import pairwise

from followup.domain.letters.context import Directory, LetterContext, fold_accents

TYPE_CHECKING = False  # typing is not loaded by the check's start-up
if TYPE_CHECKING:  # a Protocol class costs the start a millisecond or two
    from collections.abc import Callable, Sequence
    from typing import Any, Protocol, TypeVar

    from followup.domain.letters.rulebook import Rule, Rulebook

    class _Found(Protocol):
        @property
        def rule(self) -> str: ...


_TOKEN = r"[^\W_]+(?:['’][^\W_]+)?"  # "don't" is one word (compiled when first needed)
# the same in an ASCII text, mostly without the regular expression engine: all but letters,
# digits and apostrophes become spaces
_ASCII_SPACES = {c: " " for c in range(128) if not chr(c).isalnum() and chr(c) != "'"}
_SENTENCE = r"[^.!?\n]+[.!?]*"  # compiled when first needed
_GENERIC = frozenset(
    {"the", "and", "of", "a", "an", "group", "company", "inc", "ltd", "gmbh", "ag", "sa", "bv"}
)


def _folded(word: str) -> str:
    return fold_accents(word.lower()).replace("’", "'")


class _Folded(dict[str, str]):
    """Words folded, each once (a letter's words are then looked up at C speed)."""

    def __missing__(self, word: str) -> str:
        if len(self) > 100_000:
            self.clear()
        low = self[word] = _folded(word)
        return low


_LOW = _Folded()


@lru_cache(maxsize=512)  # the letters of a run share their people, notes and companies
def _parts(texts: tuple[str, ...], least: int = 1) -> frozenset[str]:
    """The folded words of the texts, of at least `least` letters, without generic ones."""
    return frozenset(
        w for t in texts for w in map(_folded, _words(t)) if len(w) >= least and w not in _GENERIC
    )


class Roles:
    """The words of a letter's context by the role they stand for (all folded). People and
    companies of other opportunities are looked up in the directory word by word, as the rules
    do: a letter takes as long with many opportunities as with a few. (A plain class: a
    dataclass costs `followup check` its start.)"""

    __slots__ = ("directory", "kind", "known", "me", "met", "near", "note", "own", "to", "topic")

    def __init__(
        self,
        to: frozenset[str],
        me: frozenset[str],
        met: frozenset[str],
        own: frozenset[str],  # this opportunity's company
        topic: frozenset[str],
        note: frozenset[str],
        kind: str,
        directory: Directory,
        near: dict[str, str],
        known: dict[str, str],
    ) -> None:
        self.to, self.me, self.met, self.own = to, me, met, own
        self.topic, self.note, self.kind, self.directory = topic, note, kind, directory
        # the roles of the context's own words, first those that come before a directory's
        # (`near`: the recipient, the candidate, the people met), then all of them (`known`)
        self.near, self.known = near, known

    @classmethod
    def of(cls, ctx: LetterContext) -> Roles:
        to = _parts((ctx.recipient,))
        me = _parts((ctx.candidate_name,)) - to
        met = _parts(ctx.people) - to - me
        topic = _parts(ctx.topics, 4)
        note = _parts(ctx.notes, 4) - topic
        own = _parts((ctx.company,))
        near = {w: "<met>" for w in met} | {w: "<me>" for w in me} | {w: "<to>" for w in to}
        far = {w: "<note>" for w in note} | {w: "<topic>" for w in topic}
        far |= {w: "<own>" for w in own}
        return cls(to, me, met, own, topic, note, ctx.kind, ctx.directory, near, far | near)

    def role(self, word: str) -> str:
        """What the model sees of a word (`features` reads the context's own words first)."""
        low = _folded(word)
        if low in self.to:
            return "<to>"
        if low in self.me:
            return "<me>"
        if low in self.met:
            return "<met>"
        if word[:1].isupper() and low in self.directory.person_words:
            return "<other-person>"
        if low in self.own:
            return "<own>"
        if (
            len(low) >= 3
            and low in self.directory.words  # a word of a name that is no person's: a company's
            and low not in self.directory.person_words
            and low not in _GENERIC
        ):
            return "<other-co>"
        if low in self.topic:
            return "<topic>"
        if low in self.note:
            return "<note>"
        return low


def _words(text: str) -> list[str]:
    """The words of a text as _TOKEN finds them."""
    if not text.isascii():
        return re.findall(_TOKEN, text)
    runs = text.translate(_ASCII_SPACES).split()
    if "'" not in text:
        return runs
    words: list[str] = []
    for run in runs:  # a run with an apostrophe: "don't", "'quoted'", "rock'n'roll"
        if "'" in run:
            words += re.findall(_TOKEN, run)
        else:
            words.append(run)
    return words


def features(text: str, roles: Roles) -> set[str]:
    """What the model sees of a text: its words by role, each pair of neighbouring words, and
    the letter's kind."""
    words = _words(text)
    lows = list(map(_LOW.__getitem__, words))
    tokens = list(map(roles.known.get, lows, lows))  # the context's own words, else the word
    # a word of a name (in the directory) may stand for another person or company: only then
    # is the word itself read, and only a person's name by its capital
    odd = roles.directory.words.intersection(lows).difference(roles.near)
    if odd:
        people = odd.intersection(roles.directory.person_words)
        fixes = {low: roles.role(low) for low in odd - people}
        if fixes:
            tokens = list(map(fixes.get, lows, tokens))
        if people:
            for i, low in enumerate(lows):
                if low in people:
                    tokens[i] = roles.role(words[i])
    found = set(tokens)
    found.update(map(" ".join, pairwise(tokens)))
    found.add(f"<kind:{roles.kind}>")
    return found


class LearnedReader:
    __slots__ = ("_flat", "add", "bias", "rules", "size", "weights", "withdraw")

    def __init__(
        self,
        rules: tuple[str, ...],
        bias: tuple[float, ...],
        weights: dict[str, int],  # feature -> where its row (a weight for each rule) starts
        add: dict[str, float],  # rule -> the probability from which the model adds it
        withdraw: dict[str, float],  # rule -> the probability up to which it withdraws it
        flat: Sequence[float] = (),  # the rows one after another
    ) -> None:
        self.rules, self.bias, self.weights = rules, bias, weights
        self.add, self.withdraw = add, withdraw
        self.size, self._flat = len(rules), flat

    @classmethod
    def from_data(cls, data: dict[str, Any]) -> LearnedReader:
        # the weights come as one flat run of numbers, a row of len(rules) per feature, in the
        # order of the features' lines: as float64, little-endian, in base64 (what the trainer
        # writes: read in a tenth of a millisecond, where a JSON list of 13,000 numbers takes
        # three) or as a JSON list; a row is sliced when a letter has its feature
        size, given = len(data["rules"]), data["weights"]
        flat: Sequence[float]
        if isinstance(given, dict):
            flat = array("d", binascii.a2b_base64(given["float64le"]))
            if sys.byteorder == "big":
                flat.byteswap()
        else:
            flat = [float(v) for v in given]
        features = data["features"].split("\n") if data["features"] else []
        if len(flat) != size * len(features):
            raise ValueError(f"weights: {len(flat)} numbers for {len(features)} features")
        return cls(
            rules=tuple(str(r) for r in data["rules"]),
            bias=tuple(float(b) for b in data["bias"]),
            weights=dict(zip(features, range(0, len(flat), size), strict=True)),
            add={str(k): float(v) for k, v in data.get("add", {}).items()},
            withdraw={str(k): float(v) for k, v in data.get("withdraw", {}).items()},
            flat=flat,
        )

    def row(self, feature: str) -> Sequence[float] | None:
        """The feature's weight for each rule (None for a feature the model does not know)."""
        at = self.weights.get(feature)
        return None if at is None else self._flat[at : at + self.size]

    def scores(self, found: set[str]) -> list[float]:
        rows = [r for r in map(self.row, found) if r is not None]
        if not rows:
            return list(self.bias)
        columns = zip(*rows, strict=True)  # each rule's weights of the features found
        return [b + sum(column) for b, column in zip(self.bias, columns, strict=True)]

    def probabilities(self, text: str, ctx: LetterContext) -> dict[str, float]:
        total = self.scores(features(text, Roles.of(ctx)))
        return {r: 1.0 / (1.0 + math.exp(-s)) for r, s in zip(self.rules, total, strict=True)}

    def may_decide(self, fired: set[str]) -> bool:
        """Could `decide` add or withdraw anything for a letter whose rules fired `fired`,
        whatever the probabilities? Only a rule not fired with a threshold to add it, or a rule
        fired with one to withdraw it: the shipped weights only withdraw, three rules, so most
        letters need not be read at all (a fifth of the check's time on clean letters)."""
        return any((r in self.withdraw) if r in fired else (r in self.add) for r in self.rules)

    def decide(
        self, probabilities: dict[str, float], fired: set[str]
    ) -> tuple[list[str], set[str]]:
        """The rules the model adds (not fired, very sure of them) and withdraws (fired, very
        sure the letter is clean of them)."""
        added = [
            r for r in self.rules if r not in fired and probabilities[r] >= self.add.get(r, 2.0)
        ]
        withdrawn = {
            r for r in self.rules if r in fired and probabilities[r] <= self.withdraw.get(r, -1.0)
        }
        return added, withdrawn

    def evidence(self, text: str, roles: Roles, rule: str) -> tuple[int, int]:
        """The span of the sentence that speaks most for `rule`."""
        i = self.rules.index(rule)
        best, span = -math.inf, (0, len(text.rstrip()))
        for m in re.finditer(_SENTENCE, text):
            if not m.group().strip():
                continue
            score = self.scores(features(m.group(), roles))[i] - self.bias[i]
            if score > best:
                start = m.start() + len(m.group()) - len(m.group().lstrip())
                best, span = score, (start, m.start() + len(m.group().rstrip()))
        return span


def shipped_reader() -> LearnedReader:
    # os.path, not importlib.resources or pathlib: `followup check` starts in milliseconds
    with open(os.path.join(os.path.dirname(__file__), "learned.json"), encoding="utf-8") as f:
        return LearnedReader.from_data(json.load(f))


if TYPE_CHECKING:
    F = TypeVar("F", bound="_Found")  # a finding of the check
_WHOLE = frozenset({"missing-recap"})
_READER: list[LearnedReader] = []  # loaded once, when the first letter is checked


def second_reading(
    rules: Rulebook,
    text: str,
    ctx: LetterContext,
    found: list[F],
    make: Callable[..., F],
    reader: LearnedReader | None = None,
) -> list[F]:
    """The rules' findings as the learned reader reviews them: a rule it is very sure of added
    with the sentence that speaks most for it (`make(rule, start, end, **values)` makes the
    finding, its message as the rule's other findings), a rule it is very sure the letter is
    clean of withdrawn. The shipped reader unless another is given."""
    if reader is None:
        if not _READER:
            _READER.append(shipped_reader())
        reader = _READER[0]
    fired = {f.rule for f in found}
    if not reader.may_decide(fired):
        return found  # (what `decide` would tell, without reading the letter)
    roles = _roles_of(ctx)
    total = reader.scores(features(text, roles))
    chances = {r: 1.0 / (1.0 + math.exp(-s)) for r, s in zip(reader.rules, total, strict=True)}
    added, withdrawn = reader.decide(chances, fired)
    # a rule the user extended (their rules.json) finds what they asked for: the model, which
    # never saw their patterns, does not withdraw it
    withdrawn = {r for r in withdrawn if not rules[r].data.get("user")}
    if not added and not withdrawn:
        return found
    kept = [f for f in found if f.rule not in withdrawn]
    for rule_id in added:
        # a recap is missing from the whole letter, as the rule's own finding says; any other
        # rule is found in the sentence that speaks most for it
        whole = (0, len(text.rstrip()))
        start, end = whole if rule_id in _WHOLE else reader.evidence(text, roles, rule_id)
        rule = rules[rule_id]
        kept.append(make(rule, start, end, **_values(rule, text[start:end], roles, ctx)))
    return kept


_ROLES: dict[tuple[object, ...], tuple[Directory, Roles]] = {}


def _roles_of(ctx: LetterContext) -> Roles:
    """The roles of a context, kept for the next letters checked in a context like it (a run of
    letters to the same people): each word's role is then worked out once."""
    key: tuple[object, ...] = (ctx.kind, ctx.recipient, ctx.candidate_name, ctx.company)
    key += (ctx.opportunity,)
    key += (ctx.people, ctx.topics, ctx.notes, id(ctx.directory))
    kept = _ROLES.get(key)
    if kept is not None and kept[0] is ctx.directory:
        return kept[1]
    if len(_ROLES) >= 64:
        _ROLES.clear()
    roles = Roles.of(ctx)
    _ROLES[key] = (ctx.directory, roles)
    return roles


def _values(rule: Rule, said: str, roles: Roles, ctx: LetterContext) -> dict[str, object]:
    """What the rule's message names, for a finding of the learned reader: the sentence, or for
    a wrong name or company the first word of the sentence that stands for one."""
    wanted = {"wrong-name": ("<met>", "<other-person>"), "wrong-company": ("<other-co>",)}
    match, opportunities = said, ["another opportunity"]
    for word in _words(said):
        if roles.role(word) in wanted.get(rule.id, ()):
            match = word
            entries = ctx.directory.companies.get(_folded(word), ())
            opportunities = [o for _, o in entries if o != ctx.opportunity] or opportunities
            break
    return {
        "match": match,
        "class": "as a learned reading of the letter finds it",
        "recipient": ctx.recipient,
        "topics": "; ".join(ctx.topics),
        "opportunity": ", ".join(opportunities),
    }
