"""The rules that read a reply, compiled from data (`rules.json`, and the user's additions).

Each rule names the kind it is evidence for, how strong that evidence is, what it looks for
(in words, for whoever reads or extends the file), and its patterns per language: Python regular
expressions matched on one folded sentence (lowercase, accents removed), where `{NAME}` stands
for the word list NAME. A rule does not fire on a sentence that one of its `unless` patterns
matches (a negation, a condition: "if your profile matches, we will invite you").
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from dataclasses import dataclass
from importlib import resources
from typing import Any

from followup.domain.errors import InvalidField
from followup.domain.replies.text import Markers, compile_markers, fold

KINDS = ("invitation", "rejection", "offer", "question", "automatic", "other")
# When two kinds have evidence of the same strength, the one earlier here wins: a decision
# outweighs a request, a request outweighs a notice. (An out-of-office answer is stronger evidence
# than any of them: its rules say so by their strength.)
PRECEDENCE = ("offer", "rejection", "invitation", "question", "automatic")
_PLACEHOLDER = re.compile(r"\{([A-Z][A-Z0-9_]*)\}")


@dataclass(frozen=True, slots=True)
class AnyOf:
    """A rule's patterns, searched one after the other. (Joined into one alternation they were
    searched about five times slower once a rule had a few dozen patterns: the regular
    expression engine tries every branch at every position.)"""

    patterns: tuple[re.Pattern[str], ...]

    def search(self, text: str) -> re.Match[str] | None:
        for pattern in self.patterns:
            found = pattern.search(text)
            if found is not None:
                return found
        return None


@dataclass(frozen=True, slots=True)
class Rule:
    id: str
    kind: str
    strength: int
    looks_for: str
    pattern: AnyOf  # its patterns, all languages
    unless: AnyOf | None = None
    where: str = "both"  # "text", "subject" or both

    def search(self, folded: str) -> bool:
        if self.pattern.search(folded) is None:
            return False
        return self.unless is None or self.unless.search(folded) is None


@dataclass(frozen=True, slots=True)
class Settled:
    """Words that say a decision was made and answered before this message (an offer already
    accepted, a rejection the candidate asked feedback on, a withdrawal acknowledged): evidence
    of those kinds in the new text is background then, and counts less: `by` says how much less
    for each kind (after an accepted offer an offer's words weigh a little less and a call is
    about the start, not the selection)."""

    id: str
    by: Mapping[str, int]  # kind → how much less its evidence counts
    looks_for: str
    pattern: AnyOf
    # Not when a sentence of the new text matches one of these: the decision is told now, not
    # before ("I know it's not the news you hoped for" beside feedback the candidate asked for).
    unless: AnyOf | None = None

    @property
    def kinds(self) -> tuple[str, ...]:
        return tuple(self.by)


@dataclass(frozen=True, slots=True)
class HeaderRule:
    header: str  # lowercased name
    value: re.Pattern[str]
    kind: str
    strength: int
    # Not when one of these matches the folded value (a calendar event that names a public event:
    # a webinar or a live panel is no step of a selection).
    unless: AnyOf | None = None

    def search(self, value: str) -> bool:
        if self.value.search(value) is None:
            return False
        return self.unless is None or self.unless.search(fold(value)) is None


@dataclass(frozen=True, slots=True)
class Rules:
    markers: Markers
    rules: tuple[Rule, ...]
    headers: tuple[HeaderRule, ...]
    reply_subject: re.Pattern[str]  # "Re:", "AW:", "Fwd:" … : a subject carried over
    subject_discount: int  # how much weaker a subject is than the same words in the text
    forward_subject: re.Pattern[str]  # "Fwd:", "WG:", "TR:" …: the message forwards one
    passed_on: tuple[str, ...]  # the kinds a forwarded message may pass on
    not_passed_on: re.Pattern[str]  # new text that holds what it forwards at a distance
    misdelivered: re.Pattern[str]  # new text saying a system's mail reached the sender by mistake
    settled: tuple[Settled, ...] = ()
    # a request that only asks whether what is forwarded arrived: it passes the message on
    receipt_asked: re.Pattern[str] = re.compile("(?!)")
    # new text saying nothing is asked of the candidate: a forward passes on no request
    asks_nothing: re.Pattern[str] = re.compile("(?!)")
    # a sentence reporting what an earlier message said: its decision is not this message's
    reported: re.Pattern[str] = re.compile("(?!)")


def shipped_rules() -> dict[str, Any]:
    """The rules that ship with Followup (a file of this package, read like a module)."""
    text = (resources.files(__package__) / "rules.json").read_text(encoding="utf-8")
    data: dict[str, Any] = json.loads(text)
    return data


def merge_rules(base: dict[str, Any], extra: dict[str, Any]) -> dict[str, Any]:
    """The user's additions: word lists and marker lists are extended, rules with a new id are
    added, and a rule with a known id gets the extra patterns (per language) and `unless`;
    `settled` rules are added, and `forwarded` patterns (`not_passed_on`, `misdelivered`,
    `receipt_asked`, `asks_nothing`) and `reported` patterns too."""
    merged: dict[str, Any] = json.loads(json.dumps(base))
    for name, words in (extra.get("words") or {}).items():
        merged.setdefault("words", {}).setdefault(name, []).extend(words)
    for key, values in (extra.get("new_text") or {}).items():
        if isinstance(values, list):
            merged.setdefault("new_text", {}).setdefault(key, []).extend(values)
    merged.setdefault("settled", []).extend(extra.get("settled") or [])
    additions = [
        ("forwarded", key, (extra.get("forwarded") or {}).get(key))
        for key in ("not_passed_on", "misdelivered", "receipt_asked", "asks_nothing")
    ]
    additions.append(("reported", "patterns", (extra.get("reported") or {}).get("patterns")))
    for section, key, added in additions:
        if added:
            target = merged.setdefault(section, {}).setdefault(key, {})
            for lang, found in _by_language(added).items():
                target.setdefault(lang, []).extend(found)
    by_id = {r["id"]: r for r in merged.get("rules", [])}
    for rule in extra.get("rules") or []:
        known = by_id.get(rule.get("id"))
        if known is None:
            merged.setdefault("rules", []).append(rule)
            continue
        for lang, found in _by_language(rule.get("patterns")).items():
            target = known.setdefault("patterns", {})
            if isinstance(target, list):
                target = known["patterns"] = {"any": target}
            target.setdefault(lang, []).extend(found)
        known.setdefault("unless", []).extend(rule.get("unless") or [])
    return merged


def compile_rules(data: dict[str, Any]) -> Rules:
    words = {
        name: "(?:" + "|".join(str(w) for w in values) + ")"
        for name, values in (data.get("words") or {}).items()
        if not name.startswith("_")
    }

    def expand(pattern: str, where: str) -> str:
        def word_list(match: re.Match[str]) -> str:
            name = match.group(1)
            if name not in words:
                raise InvalidField(where, f"a word list named {name} in `words`")
            return words[name]

        return _fold_pattern(_PLACEHOLDER.sub(word_list, pattern))

    def one_of(patterns: list[str], where: str) -> AnyOf:
        compiled = []
        for p in patterns:
            try:
                compiled.append(re.compile(p))
            except re.error as error:
                raise InvalidField(where, f"a regular expression ({error})", p) from None
        return AnyOf(tuple(compiled))

    rules = []
    for i, spec in enumerate(data.get("rules") or []):
        where = f"rules[{i}]"
        kind = spec.get("kind")
        if kind not in KINDS or kind == "other":
            raise InvalidField(f"{where}.kind", f"one of {', '.join(KINDS[:-1])}", kind)
        patterns = [
            expand(p, f"{where}.patterns")
            for found in _by_language(spec.get("patterns")).values()
            for p in found
        ]
        if not patterns:
            raise InvalidField(f"{where}.patterns", "at least one pattern")
        unless = [expand(p, f"{where}.unless") for p in spec.get("unless") or []]
        rules.append(
            Rule(
                id=str(spec.get("id") or where),
                kind=kind,
                strength=int(spec.get("strength", 2)),
                looks_for=str(spec.get("looks_for", "")),
                pattern=one_of(patterns, f"{where}.patterns"),
                unless=one_of(unless, f"{where}.unless") if unless else None,
                where=_where(spec.get("in", "both"), f"{where}.in"),
            )
        )
    headers = tuple(
        HeaderRule(
            str(h["header"]).lower(),
            re.compile(str(h.get("value", ".")), re.IGNORECASE),
            str(h["kind"]),
            int(h.get("strength", 1)),
            one_of([expand(p, f"headers[{i}].unless") for p in h["unless"]], f"headers[{i}].unless")
            if h.get("unless")
            else None,
        )
        for i, h in enumerate(data.get("headers") or [])
    )
    subject = data.get("subject") or {}

    def prefixed(prefixes: list[str]) -> re.Pattern[str]:
        return re.compile(
            r"^\s*(?:\[[^\]]*\]\s*)?(?:" + "|".join(re.escape(p) for p in prefixes) + r")\s*:",
            re.IGNORECASE,
        )

    passing = data.get("forwarded") or {}
    kinds = tuple(str(k) for k in passing.get("kinds") or ())
    for kind in kinds:
        if kind not in KINDS:
            raise InvalidField("forwarded.kinds", f"kinds among {', '.join(KINDS)}", kind)

    def joined(section: dict[str, Any], key: str, where: str) -> re.Pattern[str]:
        found = [
            expand(p, where)
            for patterns in _by_language(section.get(key)).values()
            for p in patterns
        ]
        try:
            return re.compile("|".join(f"(?:{p})" for p in found) if found else "(?!)")
        except re.error as error:
            raise InvalidField(where, f"regular expressions ({error})") from None

    def forwarded_patterns(key: str) -> re.Pattern[str]:
        return joined(passing, key, f"forwarded.{key}")

    settled = []
    for i, spec in enumerate(data.get("settled") or []):
        where = f"settled[{i}]"
        by = _settled_by(spec, where)
        patterns = [
            expand(p, f"{where}.patterns")
            for found in _by_language(spec.get("patterns")).values()
            for p in found
        ]
        if not patterns:
            raise InvalidField(f"{where}.patterns", "at least one pattern")
        unless = [
            expand(p, f"{where}.unless")
            for found in _by_language(spec.get("unless")).values()
            for p in found
        ]
        settled.append(
            Settled(
                id=str(spec.get("id") or where),
                by=by,
                looks_for=str(spec.get("looks_for", "")),
                pattern=one_of(patterns, f"{where}.patterns"),
                unless=one_of(unless, f"{where}.unless") if unless else None,
            )
        )
    return Rules(
        markers=compile_markers(data.get("new_text") or {}),
        rules=tuple(rules),
        headers=headers,
        reply_subject=prefixed(subject.get("reply_prefixes") or ["re", "fwd", "fw"]),
        subject_discount=int(subject.get("discount", 1)),
        forward_subject=prefixed(subject.get("forward_prefixes") or ["fwd", "fw"]),
        passed_on=kinds,
        not_passed_on=forwarded_patterns("not_passed_on"),
        misdelivered=forwarded_patterns("misdelivered"),
        settled=tuple(settled),
        receipt_asked=forwarded_patterns("receipt_asked"),
        asks_nothing=forwarded_patterns("asks_nothing"),
        reported=joined(data.get("reported") or {}, "patterns", "reported.patterns"),
    )


_ESCAPE = re.compile(r"(\\.)")


def _fold_pattern(pattern: str) -> str:
    r"""A pattern folded as the text is, its escapes (`\S`, `\W`, `\B`) left as they are."""
    return "".join(part if part.startswith("\\") else fold(part) for part in _ESCAPE.split(pattern))


def _settled_by(spec: dict[str, Any], where: str) -> dict[str, int]:
    """How much less each kind counts: `"by": {"offer": 1, "invitation": 2}`, or `"kinds"` with
    one number `"by"` for all of them (1 when not given). 0 leaves the rules' evidence of that
    kind as it is and only bars the learned fallback from answering it ("no need to send your
    diploma" asks nothing, though its words sound like a request to the model). `other` may be
    named with 0 only: the model may not call the message `other` then (a person's reminder of an
    interview already arranged is a notice, `automatic`, though it reads like a person's note)."""
    given = spec.get("by", 1)
    if isinstance(given, dict):
        by = {str(k): v for k, v in given.items()}
    else:
        by = {str(k): given for k in spec.get("kinds") or ()}
    if not by or any(k not in KINDS or (k == "other" and by[k] != 0) for k in by):
        raise InvalidField(
            f"{where}.kinds", f"kinds among {', '.join(KINDS[:-1])} (and other at 0)", list(by)
        )
    if any(isinstance(n, bool) or not isinstance(n, int) or n < 0 for n in by.values()):
        raise InvalidField(f"{where}.by", "a whole number of at least 0 per kind", given)
    return by


def _where(value: object, field: str) -> str:
    if value not in ("both", "text", "subject"):
        raise InvalidField(field, "one of both, text, subject", value)
    return str(value)


def _by_language(patterns: object) -> dict[str, list[str]]:
    if isinstance(patterns, dict):
        return {str(k): [str(p) for p in v] for k, v in patterns.items()}
    if isinstance(patterns, list):
        return {"any": [str(p) for p in patterns]}
    return {}
