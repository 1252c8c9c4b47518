"""Reading what a person types or a file holds: dates, times, countries, people, text.

One place for the CLI's arguments, the web's forms and the dossier reader, so a date or a person
means the same wherever it is typed, and a mistake reads the same: the field, what was expected,
what was given (domain/errors.py).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from datetime import date, time

from followup.domain.errors import BadInput, InvalidField
from followup.domain.model import Contact
from followup.domain.validation import MAX_MINUTES, MAX_ROUND, check_date

TYPE_CHECKING = False  # typing is not loaded by the check's start-up
if TYPE_CHECKING:
    from typing import Any

DATE_EXPECTED = "a date that exists, as YYYY-MM-DD"
TIME_EXPECTED = "a time of day as HH:MM (24-hour)"
MINUTES_EXPECTED = f"whole minutes, 0 to {MAX_MINUTES}"
ROUND_EXPECTED = f"a round number, 1 to {MAX_ROUND}"
_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
_TIME = re.compile(r"([01][0-9]|2[0-3]):([0-5][0-9])(:[0-5][0-9])?")
_DECISION_MAKER = {"decision-maker", "decision_maker", "dm"}
_PERSON_PARTS = ("title", "email", "phone", "minutes", "topics")


def parse_date(value: Any, field: str) -> date:
    """`YYYY-MM-DD` and nothing else (no week dates, ordinals or times, no other digits), a
    day that exists, from 2000 to 2099 (domain/validation.py). Every date a person gives —
    dossier, argument, form — comes through here."""
    if isinstance(value, str) and _DATE.fullmatch(value):
        try:
            day = date.fromisoformat(value)
        except ValueError:
            pass
        else:
            return check_date(day, field)
    raise InvalidField(field, DATE_EXPECTED, value)


def parse_time(value: Any, field: str) -> time | None:
    """`HH:MM` (24-hour, local: no UTC offset); nothing given is no time. Seconds are accepted
    and dropped: a minute is what Followup keeps, so `16:30:59` and `16:30` are the same moment
    on every import."""
    if value is None or value == "":
        return None
    if isinstance(value, str):
        found = _TIME.fullmatch(value)
        if found:
            return time(int(found.group(1)), int(found.group(2)))
    raise InvalidField(field, TIME_EXPECTED, value)


def parse_region(value: str | None) -> str | None:
    """A country or subdivision code as the holidays package spells it (`us` -> `US`); blank is
    none. Whether it exists is the calendar's to say (adapters/holidays.py)."""
    return (value or "").strip().upper() or None


def parse_round(text: str, field: str = "round") -> int:
    text = text.strip() or "1"
    if not (text.isascii() and text.isdigit() and len(text) <= 4 and 1 <= int(text) <= MAX_ROUND):
        raise InvalidField(field, ROUND_EXPECTED, text)
    return int(text)


def parse_minutes(text: str, field: str) -> int:
    text = text.strip() or "0"
    if not (text.isascii() and text.isdigit() and len(text) <= 5 and int(text) <= MAX_MINUTES):
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
        if key in values:  # "minutes=45; … minutes=50": which one was meant is not ours to guess
            raise InvalidField(f"{field} {key}", "it once, but it is given again", value.strip())
        values[key] = value.strip()
    minutes = parse_minutes(values["minutes"], f"{field} minutes") if "minutes" in values else 0
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
    # the BOM taken off here, as the utf-8-sig codec would (a module of its own to load)
    data = raw[3:] if raw.startswith(b"\xef\xbb\xbf") else raw
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        raise BadInput(
            f"{source}: expected {encoded}, found a byte that is not UTF-8 at offset {error.start}"
        ) from None
    if not text.strip():
        raise BadInput(f"{source}: expected {content}, the file is empty")
    return text
