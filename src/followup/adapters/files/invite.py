"""Interview invitations: an iCalendar file (RFC 5545) or an email message carrying one, read
into `Invitation`s with `icalendar` and the standard library's `email`.

What the calendars write, and what is done with it:
- Google Calendar: a message with the invitation inline (`text/calendar; method=REQUEST` in a
  multipart/alternative) and again as an `invite.ics` attachment, times in UTC; both copies are
  the same event, read once.
- Outlook and Exchange: times in Windows time-zone names ("Pacific Standard Time") with a
  VTIMEZONE block, or older display names ("(UTC-08:00) Pacific Time (US & Canada)"); meeting
  rooms listed as attendees (CUTYPE=ROOM or RESOURCE); the calendar part often base64-encoded;
  the Teams link in X-MICROSOFT-SKYPETEAMSMEETINGURL when there is no LOCATION.
- Apple Calendar: IANA zone names, and attendees whose address is a `urn:uuid:` with the mail
  address in an EMAIL parameter.
Windows names are mapped to IANA zones with the Unicode CLDR windowsZones table that `icalendar`
ships (`icalendar.timezone.windows_to_olson`); a name neither IANA nor Windows is read with the
file's own VTIMEZONE definition.
"""

from __future__ import annotations

import base64
import contextlib
import email
import email.policy
import hashlib
import json
import quopri
import re
import warnings
from datetime import UTC, date, datetime, timedelta
from functools import cache
from importlib import resources
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from followup.domain.errors import BadInput
from followup.domain.folding import fold
from followup.domain.invitation import Attendee, Invitation, mail_domain
from followup.domain.records import Found, Skip
from followup.services.ports import ImportOptions, ImportSource, Progress

from .text_lines import bom_encoding, text_encoding

CALENDAR_TYPES = ("text/calendar", "application/ics", "text/x-vcalendar", "application/x-ics")
NOT_PEOPLE = ("ROOM", "RESOURCE", "GROUP")  # CUTYPE values that are no one to thank
# Attendees who will not be met (RFC 5545 3.2.12, 3.2.16): declined, or sent someone else in
# their place; and those copied for information only.
NOT_COMING = ("DECLINED", "DELEGATED")
NOT_TAKING_PART = ("NON-PARTICIPANT",)
_USED = {"DTSTART", "DTEND", "DURATION", "UID", "SEQUENCE", "ORGANIZER", "ATTENDEE", "STATUS"}
# Read where they are used, with white space around the value forgiven (PHP iCalendar and other
# exporters write "DURATION:PT10M "), and a message of their own otherwise.
_READ_APART = {"DTSTART", "DTEND", "DURATION", "SEQUENCE"}
# SEQUENCE as stored (a 32-bit integer); Google Calendar has written timestamps in milliseconds.
MAX_SEQUENCE = 2**31 - 1


# A calendar's own components (RFC 5545 3.6), found at the top of a file without the VCALENDAR
# around them: read as an invitation that is not whole, not as some other kind of file.
_LONE_COMPONENT = re.compile(rb"BEGIN:V(EVENT|TODO|JOURNAL|FREEBUSY|TIMEZONE|ALARM|AVAILABILITY)\b")


_WIDE = ("utf-16-le", "utf-16-be", "utf-32-le", "utf-32-be")


def narrowed(raw: bytes) -> bytes:
    """UTF-8 bytes of a calendar or message written in UTF-16 or UTF-32 (Windows Calendar saves
    its .ics files in UTF-16 with a byte-order mark; some Windows tools leave the mark out);
    other bytes as they are. A character cut at the end of the bytes (a file's first bytes, read
    to tell its kind) is dropped."""
    wide = text_encoding(raw)
    if wide not in _WIDE:
        return raw
    mark = 4 if "32" in wide else 2
    body = raw[mark:] if bom_encoding(raw) else raw
    return body.decode(wide, errors="ignore").lstrip("\ufeff").encode("utf-8")


def read_invitations(raw: bytes, source: str) -> list[Found[Invitation] | Skip]:
    """The events of an .ics file, or of the calendar parts of an .eml message."""
    raw = narrowed(raw)
    head = raw.lstrip(b"\xef\xbb\xbf \t\r\n")[:64].upper()
    if head.startswith(b"BEGIN:VCALENDAR"):
        calendars = [(source, raw)]
    elif _LONE_COMPONENT.match(head):  # a VEVENT or VTIMEZONE cut out of a calendar
        component = head.split(b"\n", 1)[0].strip().decode("ascii", "replace")
        raise BadInput(
            f"{source}: expected an iCalendar file starting with BEGIN:VCALENDAR, this one "
            f"starts with {component} (a part of a calendar, not a whole one)"
        )
    else:
        calendars = calendars_in_message(raw, source)
    found: dict[str, Found[Invitation] | Skip] = {}
    order: list[Found[Invitation] | Skip] = []
    answers: list[_AnswersOnly] = []
    for where, data in calendars:
        try:
            records = read_calendar(data, where)
        except _AnswersOnly as answer:  # left out if an invitation comes with it
            answers.append(answer)
            order.append(Skip(where, answer.reason))
            continue
        for record in records:
            if isinstance(record, Skip):
                order.append(record)
                continue
            # The same event inline and attached (Google) is one invitation: the newest wins.
            key = record.value.uid
            earlier = found.get(key)
            if isinstance(earlier, Found) and _newer_or_same(earlier.value, record.value):
                continue
            if earlier is not None:
                order.remove(earlier)
            found[key] = record
            order.append(record)
    if answers and not found:
        raise answers[0]
    return order


def _newer_or_same(earlier: Invitation, later: Invitation) -> bool:
    """Whether the invitation read first stays: a higher SEQUENCE, else a DTSTAMP not older
    (RFC 5546, 2.1.5); without both stamps, the first read."""
    if earlier.sequence != later.sequence:
        return earlier.sequence > later.sequence
    if earlier.stamp is None or later.stamp is None:
        return True
    return earlier.stamp >= later.stamp


class _AnswersOnly(BadInput):
    """A calendar of answers to an invitation (METHOD:REPLY, COUNTER…) and nothing else: no
    invitation, unless another calendar of the file or message is one."""

    def __init__(self, where: str, method: str) -> None:
        super().__init__(
            f"{where}: METHOD: expected an invitation (REQUEST, PUBLISH) or a cancellation "
            f"(CANCEL), got {method} (an answer to an invitation, not one)"
        )
        self.reason = (
            f"METHOD:{method}: an answer to an invitation (someone accepting or declining), not one"
        )


def calendars_in_message(raw: bytes, source: str) -> list[tuple[str, bytes]]:
    """Each calendar a message carries (a `text/calendar` part or an .ics attachment, in any
    transfer encoding, in forwarded messages too), decoded."""
    # A saved message may start with blank lines (copied out of a mail program's "show
    # original", or out of an mbox): the headers begin after them.
    raw = raw.lstrip(b"\xef\xbb\xbf").lstrip(b" \t\r\n")
    message = email.message_from_bytes(raw, policy=email.policy.default)
    if not message.keys():
        raise BadInput(
            f"{source}: expected an iCalendar file (BEGIN:VCALENDAR) or an email message "
            "carrying an invitation"
        )
    found: list[tuple[str, bytes]] = []
    tnef = False
    for part in message.walk():
        if part.is_multipart():
            continue
        kind = part.get_content_type()
        name = part.get_filename() or ""
        if kind == "application/ms-tnef" or name.lower() == "winmail.dat":
            tnef = True
        if kind in CALENDAR_TYPES or name.lower().endswith((".ics", ".vcs", ".ical")):
            data = part.get_payload(decode=True)
            if not isinstance(data, bytes) or not data.strip():
                continue
            charset = part.get_content_charset() or "utf-8"
            # Left as it came when the charset is wrong: read_calendar says what is wrong with it.
            with contextlib.suppress(LookupError, UnicodeDecodeError):
                data = data.decode(charset).encode("utf-8")
            found.append((f"{source} ({name or kind})", data))
    if not found:
        hint = (
            " (it has only a winmail.dat, Outlook's own format: ask for the invitation as .ics, "
            "or save it from Outlook as an iCalendar file)"
            if tnef
            else ""
        )
        raise BadInput(
            f"{source}: expected a message carrying an invitation (a text/calendar part or an "
            f".ics attachment), this one has none{hint}"
        )
    return found


def read_calendar(raw: bytes, where: str) -> list[Found[Invitation] | Skip]:
    # icalendar warns on stderr where it guesses (a vendor-prefixed TZID such as
    # "/softwarestudio.org/Olson_20011030_5/America/Chicago"): the guess is the one wanted, and
    # the command's output stays the one line it promises.
    with warnings.catch_warnings():
        warnings.filterwarnings("ignore", module=r"icalendar(\.|$)")
        return _read_calendar(raw, where)


def _read_calendar(raw: bytes, where: str) -> list[Found[Invitation] | Skip]:
    import icalendar

    text = _named_zones(_decoded_values(_text(raw, where)))
    _check_structure(text, where)
    try:
        # Several calendars one after the other are read each (ownCloud's calendar exported
        # every event in a VCALENDAR of its own).
        calendars = icalendar.Calendar.from_ical(text, multiple=True)
    except ValueError as error:
        raise BadInput(f"{where}: expected an iCalendar file, {_first_line(error)}") from None
    events: list[tuple[Any, str]] = []
    answers: list[tuple[int, _AnswersOnly]] = []
    for number, calendar in enumerate(calendars, start=1):
        method = str(calendar.get("METHOD", "PUBLISH")).strip().upper()
        if method in ("REPLY", "COUNTER", "DECLINECOUNTER", "REFRESH"):
            # an answer: left out beside invitations (an iTIP inbox, a forward with the
            # acceptance attached), refused alone
            answers.append((number, _AnswersOnly(where, method)))
            continue
        if method not in ("REQUEST", "PUBLISH", "CANCEL"):
            raise BadInput(
                f"{where}: METHOD: expected an invitation (REQUEST, PUBLISH) or a cancellation "
                f"(CANCEL), got {method}"
            )
        events += [(event, method) for event in calendar.walk("VEVENT")]
    if not events and answers:
        raise answers[0][1]
    if not events:
        held = [
            what for component, what in _NOT_EVENTS if any(c.walk(component) for c in calendars)
        ]
        found = f"found only {' and '.join(held)}" if held else "found none"
        raise BadInput(f"{where}: expected an event (VEVENT) in the calendar, {found}")
    masters = {str(e.get("UID", "")) for e, _ in events if e.get("RECURRENCE-ID") is None}
    records: list[Found[Invitation] | Skip] = [
        Skip(f"{where} calendar {n}", answer.reason) for n, answer in answers
    ]
    for n, (event, method) in enumerate(events, start=1):
        here = f"{where} event {n}" if len(events) > 1 else where
        _check_errors(event, here)
        if event.get("RECURRENCE-ID") is not None and str(event.get("UID", "")) in masters:
            records.append(
                Skip(
                    here,
                    "a change to one occurrence of a repeating event: the interview "
                    "follows the series",
                )
            )
            continue
        records.append(Found(here, _invitation(event, method, here)))
    return records


def _invitation(event: Any, method: str, where: str) -> Invitation:
    cancelled = method == "CANCEL" or str(event.get("STATUS", "")).upper() == "CANCELLED"
    start_prop = event.get("DTSTART")
    if start_prop is None:
        if not cancelled:
            raise BadInput(f"{where}: DTSTART: expected the interview's start, the event has none")
        start: datetime | date = date(1970, 1, 1)
    else:
        start = _when(start_prop, where, "DTSTART")
    minutes = _minutes(event, start, where)
    organizer = _person(event.get("ORGANIZER"))
    attendees = tuple(
        person
        for prop in _many(event.get("ATTENDEE"))
        if _taking_part(prop) and (person := _person(prop)) is not None
    )
    uid = str(event.get("UID", "")).strip() or _made_uid(event)
    said = str(event.get("SEQUENCE", 0)).strip()
    try:
        # Ten digits and more are past the range anyway, and past 4,300 int() refuses them.
        long = said.isascii() and said.isdigit() and len(said) > 10
        sequence = MAX_SEQUENCE if long else min(max(int(said or 0), 0), MAX_SEQUENCE)
    except ValueError:
        shown = said if len(said) <= 40 else said[:40] + "…"
        raise BadInput(f"{where}: SEQUENCE: expected a whole number, got {shown!r}") from None
    people = [p for p in (organizer, *attendees) if p is not None]
    if organizer is not None and _role_account(organizer.email):
        organizer = None
    attendees = tuple(a for a in attendees if not _role_account(a.email))
    return Invitation(
        uid=uid,
        sequence=sequence,
        start=start,
        minutes=minutes,
        summary=" ".join(str(event.get("SUMMARY", "")).split()),
        location=_location(event),
        organizer=organizer,
        attendees=attendees,
        cancelled=cancelled,
        stamp=_stamp(event.get("DTSTAMP")),
        domains=tuple(
            dict.fromkeys(d for p in people if (d := mail_domain(p.email)) and not _free_domain(d))
        ),
    )


def _stamp(prop: Any) -> datetime | None:
    """DTSTAMP in UTC, or None when it is missing, several or no date-time (a broken DTSTAMP
    is no reason to refuse the invitation)."""
    try:
        value = getattr(prop, "dt", None)
    except Exception:  # icalendar's BrokenCalendarProperty, on a value it could not read
        return None
    if not isinstance(value, datetime):
        return None
    return value.astimezone(UTC) if value.tzinfo else value.replace(tzinfo=UTC)


def _when(prop: Any, where: str, name: str) -> datetime | date:
    if isinstance(prop, list):
        raise BadInput(f"{where}: {name}: expected one, the event has {len(prop)}")
    try:
        value = _value(prop)
    except Exception as error:  # icalendar raises its own kinds for a broken value
        raise BadInput(f"{where}: {name}: expected a date or date-time, {error}") from None
    if isinstance(value, datetime):
        tzid = prop.params.get("TZID")
        if tzid:
            zone = zone_named(str(tzid))
            if zone is not None:
                return value.replace(tzinfo=zone)
        return value
    if isinstance(value, date):
        return value
    raise BadInput(f"{where}: {name}: expected a date or date-time, got {value!r}")


def zone_named(tzid: str) -> ZoneInfo | None:
    """An IANA zone for a TZID: an IANA name, a Windows name (CLDR's table, as `icalendar`
    ships it), or a vendor-prefixed name (`/mozilla.org/20050126_1/America/New_York`)."""
    from icalendar.timezone.windows_to_olson import WINDOWS_TO_OLSON

    name = tzid.strip().strip('"')
    tries = [name, WINDOWS_TO_OLSON.get(name, "")]
    if name.startswith("/"):
        parts = name.strip("/").split("/")
        tries += ["/".join(parts[i:]) for i in range(1, len(parts))]
    for candidate in tries:
        if not candidate or candidate.startswith(".") or ".." in candidate:
            continue
        try:
            return ZoneInfo(candidate)
        except (ZoneInfoNotFoundError, ValueError, OSError):
            continue
    return None


def _minutes(event: Any, start: datetime | date, where: str) -> int:
    end: datetime | date | None = None
    if event.get("DTEND") is not None:
        end = _when(event.get("DTEND"), where, "DTEND")
    elif event.get("DURATION") is not None:
        try:
            end = start + _value(event.get("DURATION"), duration=True)
        except Exception:
            raise BadInput(f"{where}: DURATION: expected a duration like PT45M") from None
    if not isinstance(start, datetime) or not isinstance(end, datetime):
        return 0
    if (start.tzinfo is None) != (end.tzinfo is None):
        end = end.replace(tzinfo=start.tzinfo)
    length = end - start
    return max(0, int(length / timedelta(minutes=1)))


def _taking_part(prop: Any) -> bool:
    """An attendee who will be met: a person (not a room), coming, and taking part."""
    params = prop.params
    return (
        str(params.get("CUTYPE", "INDIVIDUAL")).upper() not in NOT_PEOPLE
        and str(params.get("PARTSTAT", "NEEDS-ACTION")).upper() not in NOT_COMING
        and str(params.get("ROLE", "REQ-PARTICIPANT")).upper() not in NOT_TAKING_PART
    )


def _person(prop: Any) -> Attendee | None:
    if prop is None:
        return None
    value = str(prop).strip()
    # RFC 7986's EMAIL parameter is the person's mail address; Apple's iCloud gives it beside a
    # relay (mailto:2_…@imip.me.com) or a urn:uuid: address.
    address = str(prop.params.get("EMAIL", "")).strip()
    address = address or (value[7:] if value.lower().startswith("mailto:") else "")
    if not address and "@" in value and ":" not in value:
        address = value
    name = str(prop.params.get("CN", "")).strip()
    if _placeholder_name(name):
        name = ""
    if not address and not name:
        return None
    # No address holds white space: where one does, a line was folded with one space too many
    # (as in calendars copied from RFC 5545's indented examples).
    address = "".join(address.split())
    if address and not _mail_address(address):
        if address.upper().startswith("/O=") and name:
            # Exchange names a colleague of its own organisation by the directory's X.500
            # name (/O=EXCHANGELABS/OU=…/CN=RECIPIENTS/CN=…): met, known by the CN alone
            return Attendee(name=name, email="", directory=True)
        return None  # no one to write to (Google's birthdays calendar: `…@virtual`)
    return Attendee(name=name, email=address)


def _mail_address(address: str) -> bool:
    from followup.adapters.email_address import check_email
    from followup.domain.errors import InvalidField

    try:
        check_email(address, "email")
    except InvalidField:
        return False
    return True


def _location(event: Any) -> str:
    for key in (
        "LOCATION",
        "X-MICROSOFT-LOCATIONDISPLAYNAME",
        "X-GOOGLE-CONFERENCE",
        "X-MICROSOFT-SKYPETEAMSMEETINGURL",
        "X-MICROSOFT-ONLINEMEETINGCONFLINK",
        "CONFERENCE",  # RFC 7986: the call's links, a video one first
    ):
        props = _many(event.get(key))
        if key == "CONFERENCE":
            props.sort(key=lambda p: "VIDEO" not in str(p.params.get("FEATURE", "")).upper())
        for prop in props:
            lines = [" ".join(line.split()) for line in str(prop).splitlines()]
            value = ", ".join(line for line in lines if line)
            if value:
                return value  # an address on several lines is one line here
    return ""


def _many(value: Any) -> list[Any]:
    if value is None:
        return []
    return list(value) if isinstance(value, list) else [value]


def _made_uid(event: Any) -> str:
    """An event without a UID (against RFC 5545) gets one from what it says, so that the same
    file imported again is the same invitation."""
    said = "|".join(str(event.get(k, "")) for k in ("DTSTART", "SUMMARY", "ORGANIZER"))
    return "followup-" + hashlib.sha256(said.encode()).hexdigest()[:24]


def _text(raw: bytes, where: str) -> str:
    raw = narrowed(raw)  # a message's calendar part in UTF-16
    for encoding in ("utf-8-sig", "cp1252"):
        try:
            return raw.decode(encoding)
        except UnicodeDecodeError:
            continue
    return raw.decode("latin-1")


# vCalendar 1.0's habits in iCalendar files (Drupal's iCal export, old phones' calendars): values
# in quoted-printable, with soft line breaks ("=" at a line's end) and a CHARSET, or text in
# base64. icalendar knows neither; each such value is decoded and written as iCalendar text.
_ENCODED = re.compile(r";ENCODING=(QUOTED-PRINTABLE|BASE64|B)\b", re.IGNORECASE)
_PROPERTY_HEAD = re.compile(r'^[A-Za-z0-9-]+(?:;(?:[^:;"]|"[^"]*")*)*:')
_ENCODING_PARAM = re.compile(r';(?:ENCODING|CHARSET)=(?:"[^"]*"|[^;:]*)', re.IGNORECASE)
_CHARSET_PARAM = re.compile(r';CHARSET="?([^;:"]*)', re.IGNORECASE)
_UNESCAPED = re.compile(r"(?<!\\)([,;])")


def _decoded_values(text: str) -> str:
    if not _ENCODED.search(text):
        return text
    lines = re.sub(r"\r?\n[ \t]", "", text).splitlines()
    out: list[str] = []
    index = 0
    while index < len(lines):
        line = lines[index]
        index += 1
        head = _PROPERTY_HEAD.match(line)
        encoding = _ENCODED.search(head.group(0)) if head else None
        if head is None or encoding is None:
            out.append(line)
            continue
        params, value = head.group(0)[:-1], line[head.end() :]
        if encoding.group(1).upper() == "QUOTED-PRINTABLE":
            while value.endswith("=") and index < len(lines):  # a soft line break
                value = value[:-1] + lines[index]
                index += 1
            data = quopri.decodestring(value.encode("utf-8"))
        elif "VALUE=BINARY" in params.upper() or params.upper().startswith("ATTACH"):
            out.append(line)  # a file attached, base64 as RFC 5545 has it
            continue
        else:
            try:
                data = base64.b64decode(value.strip(), validate=True)
            except ValueError:
                out.append(line)
                continue
        charset = _CHARSET_PARAM.search(params)
        decoded = _decode_bytes(data, charset.group(1) if charset else "utf-8")
        decoded = _UNESCAPED.sub(r"\\\1", decoded.replace("\r\n", "\n"))
        out.append(_ENCODING_PARAM.sub("", params) + ":" + decoded.replace("\n", "\\n"))
    return "\r\n".join(out) + "\r\n"


def _decode_bytes(data: bytes, charset: str) -> str:
    for encoding in (charset.strip() or "utf-8", "utf-8", "cp1252"):
        try:
            return data.decode(encoding)
        except (UnicodeDecodeError, LookupError):
            continue
    return data.decode("latin-1")


# Exchange 2010 has written a VTIMEZONE named by nothing ("TZID:") and times in it as
# "DTSTART;TZID=:…"; icalendar refuses a zone with no name, so it is given one, and the times are
# read by the offsets that VTIMEZONE defines.
_BLANK_TZID = re.compile(r"^TZID:[ \t]*(?=\r?$)", re.IGNORECASE | re.MULTILINE)
_BLANK_TZID_PARAM = re.compile(r';TZID=(?:"")?(?=[:;])', re.IGNORECASE)
UNNAMED_ZONE = "Unnamed zone"


def _named_zones(text: str) -> str:
    if not _BLANK_TZID.search(text):
        return text
    text = _BLANK_TZID.sub(f"TZID:{UNNAMED_ZONE}", text)
    return _BLANK_TZID_PARAM.sub(f";TZID={UNNAMED_ZONE}", text)


_LINE = re.compile(r"^(BEGIN|END):([A-Za-z0-9-]+)\s*$", re.IGNORECASE)


def _check_structure(text: str, where: str) -> None:
    """Every BEGIN has its END, in order: a truncated file says where it stops making sense."""
    stack: list[tuple[str, int]] = []
    for number, line in enumerate(text.splitlines(), start=1):
        found = _LINE.match(line)
        if not found:
            continue
        word, name = found.group(1).upper(), found.group(2).upper()
        if word == "BEGIN":
            stack.append((name, number))
        elif not stack or stack[-1][0] != name:
            raise BadInput(
                f"{where}: line {number}: END:{name} without its BEGIN: the file is damaged"
            )
        else:
            stack.pop()
    if stack:
        name, number = stack[-1]
        raise BadInput(
            f"{where}: expected END:{name} for the BEGIN:{name} of line {number}: the file is "
            "cut short (truncated)"
        )
    if "BEGIN:VCALENDAR" not in text[:4096].upper():
        raise BadInput(f"{where}: expected an iCalendar file starting with BEGIN:VCALENDAR")


def _value(prop: Any, duration: bool = False) -> Any:
    """A date, date-time or duration property's value; one icalendar could not read for the
    white space around it is read without."""
    from icalendar.prop import vBroken, vDDDTypes, vDuration

    if not isinstance(prop, vBroken):
        return prop.dt
    text = str(prop).strip()
    if duration:
        return vDuration.from_ical(text)  # type: ignore[no-untyped-call]
    return vDDDTypes.from_ical(text)  # type: ignore[no-untyped-call]


def _check_errors(event: Any, where: str) -> None:
    for prop, message in getattr(event, "errors", []):
        if str(prop).upper() in _READ_APART:
            continue
        if prop is None or str(prop).upper() in _USED:
            label = f"{prop}: " if prop else ""
            raise BadInput(f"{where}: {label}{_first_line(message)}")


def _first_line(error: object) -> str:
    return str(error).splitlines()[0][:200] if str(error) else type(error).__name__


@cache
def _mail_data() -> Any:
    return json.loads(
        (resources.files("followup.imports") / "mail_domains.json").read_text("utf-8")
    )


@cache
def _free_domains() -> frozenset[str]:
    """Domains that say nothing about the employer (imports/mail_domains.json)."""
    return frozenset(d.lower() for d in _mail_data()["domains"])


def _free_domain(domain: str) -> bool:
    """A personal mailbox's domain or one under it (Apple's relay imip.me.com is me.com's)."""
    labels = domain.split(".")
    return any(".".join(labels[i:]) in _free_domains() for i in range(len(labels) - 1))


@cache
def _placeholders() -> frozenset[str]:
    data = json.loads(
        (resources.files("followup.imports") / "placeholder_names.json").read_text("utf-8")
    )
    return frozenset(data["placeholders"])


def _placeholder_name(name: str) -> bool:
    """A CN that only says there is no name ("Unknown", "No Name", "Unknown attendee 3"):
    imports/placeholder_names.json."""
    folded = " ".join(re.sub(r"[^a-z]+", " ", fold(name)).split())
    return bool(folded) and folded in _placeholders()


@cache
def _role_accounts() -> frozenset[str]:
    return frozenset(a.lower() for a in _mail_data()["role_accounts"])


def _role_account(address: str) -> bool:
    """A team's or a machine's mailbox (talent@, no-reply@), or a calendar's address (a team's
    shared calendar organizing, a room booked): no one to thank."""
    local, _, domain = address.lower().rpartition("@")
    if domain.rstrip(".") in _calendar_domains():
        return True
    return local.replace(".", "").replace("_", "-") in _role_accounts() or local in _role_accounts()


@cache
def _calendar_domains() -> frozenset[str]:
    return frozenset(d.lower() for d in _mail_data()["calendar_domains"])


# -- as a reader of `followup import` ------------------------------------------------------------
# What a calendar holds instead of an event, as the message names it (RFC 5545 3.6).
_NOT_EVENTS = (
    ("VTODO", "a to-do (VTODO)"),
    ("VJOURNAL", "a journal entry (VJOURNAL)"),
    ("VFREEBUSY", "free/busy time (VFREEBUSY)"),
    ("VAVAILABILITY", "office hours (VAVAILABILITY)"),  # RFC 7953: when one can be booked
)
MAX_BYTES = 50 * 1024 * 1024  # an invitation with its attachments; a mailbox is not one
_MAIL_HEADERS = re.compile(
    rb"^(from|to|cc|subject|date|mime-version|content-type|received|return-path|message-id|"
    rb"delivered-to|reply-to|sender|x-[a-z0-9-]+)[ \t]*:",
    re.IGNORECASE | re.MULTILINE,
)


def looks_like_mail(head: bytes) -> bool:
    """A message starts with header lines, among them mail's own (From, Subject, MIME-Version…)."""
    block = head.lstrip(b"\xef\xbb\xbf").lstrip(b" \t\r\n")
    block = block.split(b"\r\n\r\n", 1)[0].split(b"\n\n", 1)[0]
    if block.startswith(b"From "):  # an mbox "From " line before the headers
        block = block.split(b"\n", 1)[-1]
    first = block.split(b"\n", 1)[0]
    if not re.match(rb"^[A-Za-z][A-Za-z0-9-]*[ \t]*:", first) or first[:6].upper() == b"BEGIN:":
        return False  # not a header line; or a vCard's or a calendar's first line
    names = {m.group(1).lower() for m in _MAIL_HEADERS.finditer(block)}
    # Two of mail's own headers; X- lines alone do not make a message (vCards carry them too:
    # X-ABLabel, X-MS-OL-DEFAULT-POSTAL-ADDRESS).
    return len(names) >= 2 and any(not n.startswith(b"x-") for n in names)


class InviteReader:
    kind = "invite"

    def sniff(self, head: bytes, name: str) -> bool:
        head = narrowed(head)
        start = head.lstrip(b"\xef\xbb\xbf \t\r\n")[:32].upper()
        return (
            start.startswith(b"BEGIN:VCALENDAR")
            or bool(_LONE_COMPONENT.match(start))
            or looks_like_mail(head)
        )

    def read(
        self, source: ImportSource, progress: Progress, options: ImportOptions
    ) -> list[Found[Invitation] | Skip]:
        with source.open() as stream:
            raw = stream.read(MAX_BYTES + 1)
        if len(raw) > MAX_BYTES:
            raise BadInput(
                f"{source.name}: expected an invitation of at most {MAX_BYTES // 2**20} MB, "
                "this file is larger"
            )
        if not raw.strip():
            raise BadInput(f"{source.name}: expected an invitation, the file is empty")
        return read_invitations(raw, source.name)
