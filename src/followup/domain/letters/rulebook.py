"""The check's rules, compiled from data (`checks/rules.json` and the user's additions)."""

from __future__ import annotations

import re
from dataclasses import dataclass
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


@dataclass(frozen=True, slots=True)
class Rule:
    id: str
    source: str
    message: str
    data: dict[str, Any]
    patterns: tuple[re.Pattern[str], ...] = ()
    questions: tuple[re.Pattern[str], ...] = ()
    requests: tuple[re.Pattern[str], ...] = ()

    def words(self, key: str) -> frozenset[str]:
        return frozenset(str(w).lower() for w in self.data.get(key, []))


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

    def build(key: str) -> tuple[re.Pattern[str], ...]:
        compiled = []
        for i, pattern in enumerate(spec.get(key, [])):
            text = str(pattern)
            for name, values in lists.items():
                # longest first, so "corner office" wins over "office"
                alternatives = sorted((str(v) for v in values), key=len, reverse=True)
                text = text.replace(
                    "{" + name + "}",
                    "|".join(
                        v if "\\" in v else re.escape(v).replace(r"\ ", r"\s+")
                        for v in alternatives
                    ),
                )
            try:
                compiled.append(re.compile(text, flags))
            except re.error as error:
                raise InvalidField(
                    f"rules.{rule_id}.{key}[{i}]", "a regular expression", f"{pattern} ({error})"
                ) from None
        return tuple(compiled)

    return Rule(
        id=rule_id,
        source=str(spec.get("source", "")),
        message=str(spec.get("message", rule_id)),
        data=spec,
        patterns=build("patterns"),
        questions=build("question_patterns"),
        requests=build("request_patterns"),
    )
