"""Invariants of an opportunity, checked before anything is stored, and the bounds every value
that enters must keep: dates in 2000–2099, small whole numbers, text without control characters
or lone surrogates, ids of a URL-safe alphabet.

The bounds are here, once, so that the dossier reader, the command line, the web forms and the
mail readers all refuse the same things with the same words. Field names are relative to the
opportunity (`interviews[0].date`); callers prefix them.
"""

from __future__ import annotations

import re
import unicodedata
from datetime import date

from followup.domain.errors import InvalidField
from followup.domain.model import Event, Opportunity
from followup.domain.vocabulary import EVENT_KINDS, STEPS

# A follow-up assistant has no business with dates outside this century; beyond them the
# calendar arithmetic (a check-in 450 days on) would overflow, and 9999 is always a typo.
EARLIEST = date(2000, 1, 1)
LATEST = date(2099, 12, 31)
MAX_MINUTES = 24 * 60
MAX_ROUND = 99
MAX_COUNT = 999
ID_LENGTH = 64
# Ids travel in web addresses, calendar UIDs and file names: letters, digits, '.', '_', '-'.
_ID = re.compile(rf"[A-Za-z0-9][A-Za-z0-9._-]{{0,{ID_LENGTH - 1}}}")
ID_EXPECTED = (
    f"an id of letters, digits, '.', '_' and '-' (starting with a letter or digit, "
    f"at most {ID_LENGTH})"
)


def check_date(day: date, field: str) -> date:
    if not EARLIEST <= day <= LATEST:
        raise InvalidField(
            field,
            f"a date from {EARLIEST.isoformat()} to {LATEST.isoformat()}",
            day.isoformat(),
        )
    return day


def check_whole(value: object, field: str, low: int, high: int, expected: str) -> int:
    """A whole number (never a bool or a float) from `low` to `high`."""
    if not isinstance(value, int) or isinstance(value, bool) or not low <= value <= high:
        raise InvalidField(field, f"{expected}, {low} to {high}", value)
    return value


def check_id(value: str, field: str) -> str:
    """A new id: checked where it is first given. Ids stored before this rule stay usable."""
    if not _ID.fullmatch(value):
        raise InvalidField(field, ID_EXPECTED, value)
    return value


EMAIL_EXPECTED = "an email address like name@example.com"
_EMAIL_SHAPE = re.compile(r"[^@\s<>(),;:\"\[\]\\]+@[^@\s<>(),;:\"\[\]\\]+\.[^@\s<>(),;:\"\[\]\\.]+")


def check_email_shape(value: str, field: str) -> None:
    """One bare address, nothing a mail header could be split or widened by (a second address,
    a display name, a line break). The services' port checks it fully (email-validator)."""
    if not _EMAIL_SHAPE.fullmatch(value) or text_problem(value):
        raise InvalidField(field, EMAIL_EXPECTED, value)


def text_problem(value: str, multiline: bool = False) -> str | None:
    """What is wrong with a piece of text, or None: a lone surrogate (an undecodable byte or a
    broken JSON escape) cannot be stored; a control character in a one-line field (a name, an
    address) could split a mail header or a calendar line."""
    allowed = "\n\t" if multiline else ""
    for ch in value:
        if "\ud800" <= ch <= "\udfff":
            return "lone surrogates"
        if ch not in allowed and unicodedata.category(ch) == "Cc":
            return "control characters"
    return None


def check_text(value: str, field: str, multiline: bool = False) -> str:
    if text_problem(value, multiline):
        raise InvalidField(field, "text without control characters or lone surrogates", value)
    return value


def validate_opportunity(opp: Opportunity) -> None:
    """Raise InvalidField for the first thing about `opp` that cannot be planned."""
    if not opp.id.strip():
        raise InvalidField("id", "a non-empty id")
    if not opp.company.strip():
        raise InvalidField("company", "the company's name")
    for name in ("id", "company", "role", "policy"):
        check_text(getattr(opp, name), name)
    seen_ids: set[str] = set()
    for i, interview in enumerate(opp.interviews):
        where = f"interviews[{i}]"
        if interview.id in seen_ids:
            raise InvalidField(f"{where}.id", "an id used by one interview only", interview.id)
        seen_ids.add(interview.id)
        check_text(interview.id, f"{where}.id")
        check_date(interview.date, f"{where}.date")
        check_whole(interview.round, f"{where}.round", 1, MAX_ROUND, "a round number")
        if not interview.contacts:
            raise InvalidField(f"{where}.contacts", "at least one person met")
        names: set[str] = set()
        for j, contact in enumerate(interview.contacts):
            key = " ".join(contact.name.split()).casefold()
            if not key:
                raise InvalidField(f"{where}.contacts[{j}].name", "the person's name")
            if key in names:
                raise InvalidField(
                    f"{where}.contacts[{j}].name",
                    "each person listed once per interview",
                    contact.name,
                )
            names.add(key)
            check_whole(
                contact.minutes,
                f"{where}.contacts[{j}].minutes",
                0,
                MAX_MINUTES,
                "minutes spent",
            )
            if contact.email:
                check_email_shape(contact.email, f"{where}.contacts[{j}].email")
            for name in ("name", "title", "email", "phone", "timezone"):
                check_text(getattr(contact, name), f"{where}.contacts[{j}].{name}")
            for k, topic in enumerate(contact.noted_topics()):
                field = f"{where}.contacts[{j}].topics[{k}]"
                check_text(topic.name, field)
                for note in topic.NOTES:
                    check_text(getattr(topic, note), f"{field}.{note}", multiline=True)
    first = opp.first_interview()
    for name in ("preliminary_deadline", "second_round_deadline"):
        deadline = getattr(opp.timeline, name)
        if deadline is not None:
            check_date(deadline, f"timeline.{name}")
        if first and deadline and deadline < first.date:
            raise InvalidField(
                f"timeline.{name}",
                f"a date on or after the first interview ({first.date.isoformat()})",
                deadline.isoformat(),
            )
    for i, event in enumerate(opp.events):
        check_event(opp, event, f"events[{i}]")


def check_event(opp: Opportunity, event: Event, where: str) -> None:
    """One event of `opp`: a known kind, step and person, dated in bounds and not before the
    first interview (nothing can follow up an interview that has not happened)."""
    check_date(event.date, f"{where}.date")
    first = opp.first_interview()
    if first and event.date < first.date:
        raise InvalidField(
            f"{where}.date",
            f"a date on or after the first interview ({first.date.isoformat()})",
            event.date.isoformat(),
        )
    if event.time is not None and (event.time.tzinfo is not None or event.time.second):
        raise InvalidField(f"{where}.time", "a local time of day as HH:MM", str(event.time))
    check_text(event.note, f"{where}.note", multiline=True)
    validate_event(opp, event.kind, event.step, event.contact, where)


def validate_event(
    opp: Opportunity, kind: str, step: str | None, contact: str | None, where: str
) -> None:
    if kind not in EVENT_KINDS:
        raise InvalidField(f"{where}.kind", f"one of {', '.join(EVENT_KINDS)}", kind)
    if kind == "done":
        if step not in STEPS:
            raise InvalidField(f"{where}.step", f"the step done, one of {', '.join(STEPS)}", step)
        if not contact:
            raise InvalidField(f"{where}.contact", "the name of the person the touch was for")
    if kind == "reply" and not contact:
        raise InvalidField(f"{where}.contact", "the name of the person who wrote")
    if contact and opp.find_contact(contact) is None:
        known = opp.contact_names()
        expected = (
            f"a person met at an interview of {opp.id} ({', '.join(known)})"
            if known
            else f"a person met at an interview of {opp.id} (none is recorded yet)"
        )
        raise InvalidField(f"{where}.contact", expected, contact)
