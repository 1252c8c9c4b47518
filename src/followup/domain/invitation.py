"""An interview invitation, as a calendar sends it, and what it says about the interview: who
will be met, for how long, and which company and role it is for (DESIGN, "invite")."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, datetime

from followup.domain.folding import fold
from followup.domain.model import Contact
from followup.domain.people import email_key, name_from_address

METHODS = ("REQUEST", "PUBLISH", "CANCEL")


@dataclass(frozen=True, slots=True)
class Attendee:
    name: str  # the CN, may be empty
    email: str
    # Known to the organizer's directory by name, without a mail address (Exchange's X.500
    # names): met all the same, by the name.
    directory: bool = False


@dataclass(frozen=True, slots=True)
class Invitation:
    """One event of an invitation. `start` is an aware datetime, a naive one (a floating time,
    read in the candidate's time zone), or a date (an all-day event)."""

    uid: str
    sequence: int
    start: datetime | date
    minutes: int = 0
    summary: str = ""
    location: str = ""
    organizer: Attendee | None = None
    attendees: tuple[Attendee, ...] = ()
    cancelled: bool = False  # METHOD:CANCEL, or STATUS:CANCELLED
    # Mail domains of the people on it that can name the employer (the organizer's first;
    # personal mailboxes and scheduling services left out).
    domains: tuple[str, ...] = ()
    # When the organizer's calendar wrote it (DTSTAMP, UTC): of two of one UID and one SEQUENCE,
    # the later is the newer (RFC 5546, 2.1.5). Not part of what the invitation says.
    stamp: datetime | None = field(default=None, compare=False)

    @property
    def people(self) -> tuple[Attendee, ...]:
        """The organizer and the attendees, each address once."""
        seen: dict[str, Attendee] = {}
        for person in (self.organizer, *self.attendees):
            if person is None or not (person.email or (person.directory and person.name)):
                continue
            key = email_key(person.email) if person.email else "name:" + fold(person.name)
            if key not in seen or (not seen[key].name and person.name):
                seen[key] = person
        return tuple(seen.values())


def people_met(invitation: Invitation, candidate_email: str) -> tuple[Contact, ...]:
    """Everyone on the invitation but the candidate: name from the CN, else from the address;
    minutes = the event's length until the user says otherwise; no topics yet."""
    mine = email_key(candidate_email)
    contacts: list[Contact] = []
    names: set[str] = set()
    for person in invitation.people:
        if mine and email_key(person.email) == mine:
            continue
        name = _clean_name(person.name, person.email) or name_from_address(person.email)
        if fold(name) in names:  # two people of one name: their addresses tell them apart
            name = f"{name} ({person.email})"
        names.add(fold(name))
        contacts.append(Contact(name=name, email=person.email, minutes=invitation.minutes))
    return tuple(contacts)


def _clean_name(name: str, address: str) -> str:
    """A CN as calendars write it: quotes dropped, "Reyes, Dana" turned round, and a CN that is
    only the address again ignored."""
    name = " ".join(name.strip().strip("\"'").split())
    if not name or email_key(name) == email_key(address) or "@" in name:
        return ""
    last, comma, first = name.partition(",")
    if comma and first.strip() and " " not in last.strip():
        name = f"{first.strip()} {last.strip()}"
    return name


def mail_domain(address: str) -> str:
    return address.rpartition("@")[2].strip().lower().rstrip(".")


# Second-level labels under a country code that are not the company: acme.co.uk, acme.com.au.
_SECOND_LEVEL = {"co", "com", "net", "org", "ac", "gov", "edu", "ltd", "plc", "gob", "gouv", "ne"}


# Domains under which each company has its own name: Microsoft 365 gives every organisation
# `name.onmicrosoft.com` (Exchange Online invitations come from it until a domain is added).
_TENANT_SUFFIXES = ("onmicrosoft.com",)


def company_label(domain: str) -> str:
    """The part of a mail domain that names the company: `mail.acme-corp.co.uk` → `acme-corp`,
    `acme.onmicrosoft.com` → `acme`."""
    labels = [label for label in domain.lower().split(".") if label]
    for suffix in _TENANT_SUFFIXES:
        if ".".join(labels).endswith("." + suffix):
            labels = labels[: -len(suffix.split("."))]
            return labels[-1]
    if len(labels) < 2:
        return labels[0] if labels else ""
    if len(labels) >= 3 and len(labels[-1]) == 2 and labels[-2] in _SECOND_LEVEL:
        return labels[-3]
    return labels[-2]


def company_from_domain(domain: str) -> str:
    """A company name from its mail domain: `acme-corp.com` → `Acme Corp`."""
    label = company_label(domain)
    return " ".join(part.capitalize() for part in re.split(r"[-_]+", label) if part)


def company_matches(company: str, domain: str) -> bool:
    """Whether a company's name fits a mail domain: "Acme Corp" fits acme.example and
    acmecorp.com; "Globex" does not fit acme.example."""
    label = re.sub(r"[^a-z0-9]", "", company_label(domain))
    words = [w for w in re.split(r"[^a-z0-9]+", fold(company)) if w]
    if not label or not words:
        return False
    joined = "".join(words)
    return label in (joined, words[0]) or (joined.startswith(label) and len(label) > 3)


# Words of an invitation's summary that say what kind of meeting it is, not the role.
_MEETING_WORDS = re.compile(
    r"\b(?:(?:first|second|third|final|next|1st|2nd|3rd)\s+)?(?:round\s+)?"
    r"(?:phone\s+|video\s+|onsite\s+|on-site\s+|virtual\s+|technical\s+|panel\s+|hr\s+|"
    r"hiring\s+manager\s+)?(?:interview|screen|screening|call|chat|meeting|conversation|"
    r"entretien|vorstellungsgespräch|gespräch|entrevista|colloquio)s?\b(?:\s+round)?"
    r"|\b(?:first|second|third|final|next|1st|2nd|3rd|last)\s+round\b|\bround\s+\d+\b"
    r"|\binvitation\b|\bupdated\b|\binvite\b|\bcanceled\b|\bcancelled\b"
    r"|\b(?:with|for|at|re|fw|fwd)\s*:",
    re.IGNORECASE,
)
# Words left over once the meeting words are gone that say nothing about the role.
_FILLER = frozenset(
    {
        *("a", "an", "the", "day", "days", "session", "sessions", "slot", "your", "our", "my"),
        *("and", "of", "on", "via", "zoom", "teams", "meet", "google", "microsoft", "video"),
        *("phone", "call", "virtual", "onsite", "on-site"),
    }
)
_SEPARATORS = re.compile(
    r"(\s+(?:[-–—|/]|<>|<->|x)\s+|\s*[:|]\s+|\s*[()\[\]]\s*|\s+@\s*|"
    r"\s+(?:with|for|at|avec|chez|bei|mit|con)\s+)",
    re.I,
)
_BEFORE_COMPANY = re.compile(r"^\s*(?:@|at|chez|bei)\s*$", re.I)


def role_and_company(
    summary: str, domain_company: str, names: tuple[str, ...] = ()
) -> tuple[str, str]:
    """The role and the company an invitation's summary names, as far as it does:
    "Interview: Account Executive — Acme Corp" → ("Account Executive", "Acme Corp"). The piece
    that fits the organizer's company (else the one after "at" or "@", else the last of several)
    is the company; people's names (`names`: the candidate's, the attendees') and the words for
    the meeting are dropped; what is left is the role."""
    parts = _SEPARATORS.split(summary)
    folded_names = {fold(n) for n in names if n}
    pieces: list[tuple[str, bool]] = []  # (text, follows "at"/"@")
    after_at = False
    for i, part in enumerate(parts):
        if i % 2:
            after_at = bool(_BEFORE_COMPANY.match(part))
            continue
        text = " ".join(_MEETING_WORDS.sub(" ", part).split()).strip(" ,.-–—()[]:")
        if all(word in _FILLER for word in fold(text).split()):
            text = ""  # "Onsite interview day": nothing of the role is left
        if text and fold(text) not in folded_names:
            pieces.append((text, after_at))
        after_at = False
    company = ""
    for index, (text, _) in enumerate(pieces):
        if domain_company and _names_company(text, domain_company):
            company = pieces.pop(index)[0]
            break
    if not company:
        marked = [i for i, (_, at) in enumerate(pieces) if at]
        if marked:
            company = pieces.pop(marked[0])[0]
        elif len(pieces) >= 2 and not domain_company:
            company = pieces.pop()[0]
    return " – ".join(text for text, _ in pieces), company


def _names_company(piece: str, company: str) -> bool:
    """Whether a piece of a summary names the company ("Umbrella" and "Umbrella GmbH" do;
    "Umbrella Sales Manager" names it too, as its first words)."""
    words = [w for w in re.split(r"[^a-z0-9]+", fold(piece)) if w]
    key = [w for w in re.split(r"[^a-z0-9]+", fold(company)) if w]
    if not words or not key:
        return False
    if words[: len(key)] == key:
        return True
    short, long = sorted(("".join(words), "".join(key)), key=len)
    return len(short) >= 4 and long.startswith(short) and len(words) <= len(key)
