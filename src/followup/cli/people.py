"""Parsing people and times typed on the command line."""

from __future__ import annotations

from followup.domain.errors import InvalidField
from followup.domain.model import Contact

_FLAGS = {"decision-maker", "decision_maker", "dm"}


def parse_person(spec: str, field: str) -> Contact:
    """`Name; title=…; email=…; phone=…; minutes=45; decision-maker; topics=a, b` → Contact."""
    parts = [p.strip() for p in spec.split(";")]
    if not parts or not parts[0] or "=" in parts[0]:
        raise InvalidField(field, 'the name first, like "Dana Reyes; minutes=45"', spec)
    values: dict[str, str] = {}
    decision_maker = False
    for part in parts[1:]:
        if not part:
            continue
        if part.lower() in _FLAGS:
            decision_maker = True
            continue
        key, sep, value = part.partition("=")
        key = key.strip().lower()
        if not sep or key not in ("title", "email", "phone", "minutes", "topics"):
            raise InvalidField(
                field,
                "parts like title=…, email=…, phone=…, minutes=…, topics=…, or decision-maker",
                part,
            )
        values[key] = value.strip()
    minutes = 0
    if "minutes" in values:
        if not values["minutes"].isdigit():
            raise InvalidField(f"{field} minutes", "whole minutes, 0 or more", values["minutes"])
        minutes = int(values["minutes"])
    topics = tuple(t.strip() for t in values.get("topics", "").split(",") if t.strip())
    return Contact(
        name=" ".join(parts[0].split()),
        title=values.get("title", ""),
        email=values.get("email", ""),
        phone=values.get("phone", ""),
        minutes=minutes,
        decision_maker=decision_maker,
        topics=topics,
    )


def parse_time_arg(text: str | None):  # type: ignore[no-untyped-def]
    from followup.adapters.files.dossier import parse_time

    return parse_time(text, "--time")
