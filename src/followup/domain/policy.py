"""Policies: named sets of follow-up steps with their offsets and stop conditions, read from data.

A policy file is JSON a user can copy and edit; `policy_from_dict` checks it and says which field
is wrong. The planner interprets the result; nothing about a policy is hard-coded there.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import time
from typing import Any, TypeGuard

from followup.domain.errors import InvalidField
from followup.domain.vocabulary import EVENT_KINDS, STEP, STEPS

CANCELLING_EVENTS = ("invited", "reply", "offer", "withdrawn", "rejected")
ALL = "all"


@dataclass(frozen=True, slots=True)
class StepRule:
    step: str
    channel: str
    sources: tuple[str, ...]
    params: dict[str, int]
    reply_cutoff: time = time(17, 0)  # 002 via DESIGN: a reply the same day if it came before 17:00

    def __getitem__(self, name: str) -> int:
        return self.params[name]


@dataclass(frozen=True, slots=True)
class Cancellation:
    event: str
    steps: frozenset[str]
    source: str


@dataclass(frozen=True, slots=True)
class Policy:
    name: str
    title: str
    description: str
    follows: tuple[str, ...]
    departs_from: tuple[tuple[str, str], ...]
    steps: dict[str, StepRule]
    cancels: dict[str, Cancellation]
    # What the guards allow, and the planner's numbers for a step the policy leaves out, each
    # (value, source article): from the policy file, else policies/defaults.json.
    guards: dict[str, tuple[int, str]] = field(default_factory=dict)
    fallbacks: dict[str, tuple[int, str]] = field(default_factory=dict)

    def has(self, step: str) -> bool:
        return step in self.steps

    def cancelled_by(self, event_kind: str) -> frozenset[str]:
        rule = self.cancels.get(event_kind)
        return rule.steps if rule else frozenset()

    def guard(self, name: str) -> tuple[int, str]:
        """A guard's limit and the article it comes from."""
        return self.guards[name]

    def timing(self, step: str, param: str) -> int:
        """The number `param` of `step`: the policy's own, or where the policy has no such step,
        its fallback (the planner still times what follows it, like the call after a thank-you
        letter the policy does not send)."""
        rule = self.steps.get(step)
        if rule is not None:
            return rule[param]
        return self.fallbacks[f"{step}.{param}"][0]


GUARDS = ("max_status_letters", "min_business_days_between_touches")
FALLBACKS = (
    "thank_you.business_days_after_interview",
    "stay_in_touch.business_days_after_rejection",
)


def policy_from_dict(data: Any, origin: str = "policy", defaults: Any = None) -> Policy:
    """Check a policy's data and build it; errors name the field within `origin`. `defaults`
    (policies/defaults.json) gives the guards and fallbacks the policy does not."""
    if not isinstance(data, dict):
        raise InvalidField(origin, "a JSON object")
    name = _text(data, "name", origin)
    steps_data = data.get("steps")
    if not isinstance(steps_data, dict) or not steps_data:
        raise InvalidField(f"{origin}.steps", "an object of steps, keyed by step name")
    steps = {key: _step(key, value, f"{origin}.steps.{key}") for key, value in steps_data.items()}
    cancels_data = data.get("cancels", {})
    if not isinstance(cancels_data, dict):
        raise InvalidField(f"{origin}.cancels", "an object keyed by event kind")
    cancels = {k: _cancel(k, v, f"{origin}.cancels.{k}") for k, v in cancels_data.items()}
    base = defaults if isinstance(defaults, dict) else {}
    guards = {
        **_sourced(base.get("guards", {}), f"{origin}.guards"),
        **_sourced(data.get("guards", {}), f"{origin}.guards"),
    }
    fallbacks = {
        **_sourced(base.get("fallbacks", {}), f"{origin}.fallbacks"),
        **_sourced(data.get("fallbacks", {}), f"{origin}.fallbacks"),
    }
    for section, found, names in (("guards", guards, GUARDS), ("fallbacks", fallbacks, FALLBACKS)):
        for key in names:
            if key not in found:
                raise InvalidField(
                    f"{origin}.{section}.{key}", 'a value like {"value": 2, "source": "003"}'
                )
    departs = []
    for i, item in enumerate(data.get("departs_from", [])):
        if not isinstance(item, dict):
            raise InvalidField(f"{origin}.departs_from[{i}]", 'an object {"source", "why"}', item)
        departs.append((str(item.get("source", "")), str(item.get("why", ""))))
    return Policy(
        name=name,
        title=str(data.get("title", name)),
        description=str(data.get("description", "")),
        follows=tuple(str(s) for s in data.get("follows", [])),
        departs_from=tuple(departs),
        steps=steps,
        cancels=cancels,
        guards=guards,
        fallbacks=fallbacks,
    )


def _sourced(data: Any, where: str) -> dict[str, tuple[int, str]]:
    """`{"name": {"value": 2, "source": "003"}}` -> {name: (2, "003")}; the source is required,
    so every number traces to its article."""
    if not isinstance(data, dict):
        raise InvalidField(where, "an object keyed by name")
    found = {}
    for key, value in data.items():
        if (
            not isinstance(value, dict)
            or not _is_count(value.get("value"))
            or not isinstance(value.get("source"), str)
            or not value["source"]
        ):
            raise InvalidField(
                f"{where}.{key}", 'an object like {"value": 2, "source": "003"}', value
            )
        found[key] = (value["value"], value["source"])
    return found


def _step(key: str, value: Any, where: str) -> StepRule:
    if key not in STEPS:
        raise InvalidField(where, f"a step among {', '.join(STEPS)}", key)
    if not isinstance(value, dict):
        raise InvalidField(where, "an object with the step's channel, source and offsets")
    params: dict[str, int] = {}
    for param in STEP[key].params:
        number = value.get(param)
        least = 0 if param == "days_after_second_round_deadline" else 1
        if not _is_count(number) or number < least:
            raise InvalidField(f"{where}.{param}", f"a whole number, {least} or more", number)
        params[param] = number
    cutoff = time(17, 0)  # 002 via DESIGN's rules table, unless the policy says `same_day_before`
    if key == "reply" and "same_day_before" in value:
        try:
            cutoff = time.fromisoformat(str(value["same_day_before"]))
        except ValueError:
            raise InvalidField(
                f"{where}.same_day_before", "a time as HH:MM", value["same_day_before"]
            ) from None
    sources = value.get("source", [])
    return StepRule(
        step=key,
        channel=str(value.get("channel", STEP[key].channel)),
        sources=tuple(sources) if isinstance(sources, list) else (str(sources),),
        params=params,
        reply_cutoff=cutoff,
    )


def _cancel(kind: str, value: Any, where: str) -> Cancellation:
    if kind not in EVENT_KINDS or kind not in CANCELLING_EVENTS:
        raise InvalidField(where, f"an event kind among {', '.join(CANCELLING_EVENTS)}", kind)
    if not isinstance(value, dict):
        raise InvalidField(where, 'an object like {"steps": ["secondary"], "source": "001"}')
    steps = value.get("steps")
    if steps == ALL:
        chosen = frozenset(STEPS)
    elif isinstance(steps, list) and all(s in STEPS for s in steps):
        chosen = frozenset(steps)
    else:
        raise InvalidField(
            f"{where}.steps", f'"all" or a list of steps among {", ".join(STEPS)}', steps
        )
    return Cancellation(event=kind, steps=chosen, source=str(value.get("source", "")))


def _text(data: dict[str, Any], key: str, origin: str) -> str:
    value = data.get(key)
    if not isinstance(value, str) or not value.strip():
        raise InvalidField(f"{origin}.{key}", "a non-empty string", value)
    return value.strip()


def _is_count(value: Any) -> TypeGuard[int]:
    return isinstance(value, int) and not isinstance(value, bool) and value >= 0
