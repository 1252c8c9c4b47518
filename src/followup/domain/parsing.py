"""Reading what a person types or a file holds: dates, times, countries, people, text.

One place for the CLI's arguments, the web's forms and the dossier reader, so a date or a person
means the same wherever it is typed, and a mistake reads the same: the field, what was expected,
what was given (domain/errors.py).
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date, time
from typing import Any

from followup.domain.errors import BadInput, InvalidField
from followup.domain.model import Contact

DATE_EXPECTED = "a date that exists, as YYYY-MM-DD"
TIME_EXPECTED = "a time of day as HH:MM (24-hour)"
MINUTES_EXPECTED = "whole minutes, 0 or more"
ROUND_EXPECTED = "a round number, 1 or more"
_DECISION_MAKER = {"decision-maker", "decision_maker", "dm"}
_PERSON_PARTS = ("title", "email", "phone", "minutes", "topics")


def parse_date(value: Any, field: str) -> date:
    """`YYYY-MM-DD`, a day that exists."""
    if isinstance(value, str) and len(value) == 10:
        try:
            return date.fromisoformat(value)
        except ValueError:
            pass
    raise InvalidField(field, DATE_EXPECTED, value)


def parse_time(value: Any, field: str) -> time | None:
    """`HH:MM` (or `HH:MM:SS`); nothing given is no time."""
    if value is None or value == "":
        return None
    if isinstance(value, str) and len(value) in (5, 8):
        try:
            return time.fromisoformat(value)
        except ValueError:
            pass
    raise InvalidField(field, TIME_EXPECTED, value)


def parse_region(value: str | None) -> str | None:
    """A country or subdivision code as the holidays package spells it (`us` -> `US`); blank is
    none. Whether it exists is the calendar's to say (adapters/holidays.py)."""
    return (value or "").strip().upper() or None


def parse_round(text: str, field: str = "round") -> int:
    text = text.strip() or "1"
    if not text.isdigit() or int(text) < 1:
        raise InvalidField(field, ROUND_EXPECTED, text)
    return int(text)


def parse_minutes(text: str, field: str) -> int:
    text = text.strip() or "0"
    if not text.isdigit():
        raise InvalidField(field, MINUTES_EXPECTED, text)
    return int(text)


def parse_topics(text: str) -> tuple[str, ...]:
    """`first topic, second topic` -> the topics, each trimmed, blanks dropped."""
    return tuple(t.strip() for t in text.split(",") if t.strip())


def clean_name(text: str) -> str:
    """A person's name with its spaces tidied (names are matched that way, model.same_name)."""
    return " ".join(text.split())


def parse_person(spec: str, field: str) -> Contact:
    """`Name; title=…; email=…; phone=…; minutes=45; decision-maker; topics=a, b` -> a Contact
    (the command line's `--person`)."""
    parts = [p.strip() for p in spec.split(";")]
    if not parts or not parts[0] or "=" in parts[0]:
        raise InvalidField(field, 'the name first, like "Dana Reyes; minutes=45"', spec)
    values: dict[str, str] = {}
    decision_maker = False
    for part in parts[1:]:
        if not part:
            continue
        if part.lower() in _DECISION_MAKER:
            decision_maker = True
            continue
        key, sep, value = part.partition("=")
        key = key.strip().lower()
        if not sep or key not in _PERSON_PARTS:
            raise InvalidField(
                field,
                "parts like title=…, email=…, phone=…, minutes=…, topics=…, or decision-maker",
                part,
            )
        values[key] = value.strip()
    minutes = 0
    if "minutes" in values:
        if not values["minutes"].isdigit():
            raise InvalidField(f"{field} minutes", MINUTES_EXPECTED, values["minutes"])
        minutes = int(values["minutes"])
    return Contact(
        name=clean_name(parts[0]),
        title=values.get("title", ""),
        email=values.get("email", ""),
        phone=values.get("phone", ""),
        minutes=minutes,
        decision_maker=decision_maker,
        topics=parse_topics(values.get("topics", "")),
    )


def person_from_fields(fields: Mapping[str, str], field: str) -> Contact | None:
    """One person from separate fields (the web's capture rows: name, title, email, minutes,
    dm, topics); None for a row left blank. `field` prefixes each field's name in errors."""
    name = clean_name(fields.get("name", ""))
    if not name:
        if any(fields.get(k, "").strip() for k in ("title", "email", "topics")):
            raise InvalidField(f"{field}name", "the person's name")
        return None
    return Contact(
        name=name,
        title=fields.get("title", "").strip(),
        email=fields.get("email", "").strip(),
        minutes=parse_minutes(fields.get("minutes", ""), f"{field}minutes"),
        decision_maker=fields.get("dm") == "on",
        topics=parse_topics(fields.get("topics", "")),
    )


def decode_text(raw: bytes, source: str, encoded: str, content: str) -> str:
    """A user's file as text: UTF-8 (a BOM allowed), and not empty, or one clear line.
    `encoded` names the format expected ("UTF-8 text", "UTF-8 JSON"); `content` what an empty
    file should have held ("a letter", "a JSON dossier")."""
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise BadInput(
            f"{source}: expected {encoded}, found a byte that is not UTF-8 at offset {error.start}"
        ) from None
    if not text.strip():
        raise BadInput(f"{source}: expected {content}, the file is empty")
    return text
