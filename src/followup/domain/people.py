"""The address book: everyone the candidate knows, met at an interview or imported.

DESIGN's rule for telling people apart: one email address (in any case) is one person; without
an email, the same name at the same company is, with case and accents folded ("José Muñoz" at
"Société Générale" is "jose munoz" at "societe generale", "Østergaard" is "ostergaard"; see
`domain/folding.py`).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, replace
from functools import lru_cache

from followup.domain.folding import fold

PERSON_FIELDS = ("name", "title", "company", "email", "phone", "url")
# Where a person came from: the import kinds, an interview, a business card, typed in.
SOURCES = ("interview", "invite", "vcard", "linkedin", "google", "card", "manual")


@dataclass(frozen=True, slots=True)
class Person:
    """Someone in the address book. `email` is their main address; `other_emails` the rest (a
    person is found by any of them)."""

    name: str
    title: str = ""
    company: str = ""
    email: str = ""
    phone: str = ""
    url: str = ""
    source: str = ""
    other_emails: tuple[str, ...] = ()

    @property
    def emails(self) -> tuple[str, ...]:
        return ((self.email,) if self.email else ()) + self.other_emails

    @property
    def email_keys(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(email_key(e) for e in self.emails if email_key(e)))

    @property
    def name_key(self) -> str:
        return key(self.name)

    @property
    def company_key(self) -> str:
        return company_key(self.company)


def key(text: str) -> str:
    """A name as compared: folded, punctuation dropped ("Jordan O'Neil" is "jordan o neil")."""
    return " ".join(re.sub(r"[\W_]+", " ", fold(text)).split())


# Legal forms that one source writes and another leaves out ("Acme Corp", "Acme"): dropped from
# the end of a company's name when people are compared.
LEGAL_FORMS = frozenset(
    {
        *("inc", "incorporated", "corp", "corporation", "co", "company", "llc", "llp", "lp"),
        *("ltd", "limited", "plc", "gmbh", "ag", "kg", "mbh", "sa", "sas", "sarl", "sl", "slu"),
        *("srl", "spa", "bv", "nv", "oy", "ab", "as", "asa", "aps", "pty", "pte", "kk"),
    }
)


@lru_cache(maxsize=4096)  # an import names the same companies again and again
def company_key(company: str) -> str:
    """A company as compared: "Iberia Ventas, S.L." and "Iberia Ventas SL" are one."""
    return company_words(key(company).split())


def company_words(words: list[str]) -> str:
    """A company's folded words without the legal form at their end."""
    while len(words) > 1 and words[-1] in LEGAL_FORMS:
        words.pop()
    if len(words) > 2 and "".join(words[-2:]) in LEGAL_FORMS:  # "S.L." is "s l" by now
        words = words[:-2]
    return " ".join(words)


def email_key(address: str) -> str:
    return address.strip().casefold()


def tidy(person: Person) -> Person:
    """Spaces trimmed and collapsed in every field, `mailto:` dropped, emails listed once each."""

    def clean(text: str) -> str:
        return " ".join(text.split())

    emails = []
    seen: set[str] = set()
    for address in person.emails:
        address = clean(address)
        if address.lower().startswith("mailto:"):
            address = address[7:]
        if not _ADDRESS.fullmatch(address):
            continue  # "N/A", "-", a name typed in the email column: no address at all
        if email_key(address) not in seen:
            seen.add(email_key(address))
            emails.append(address)
    return Person(
        name=clean(person.name),
        title=clean(person.title),
        company=clean(person.company),
        email=emails[0] if emails else "",
        phone=clean(person.phone),
        url=person.url.strip(),
        source=person.source,
        other_emails=tuple(emails[1:]),
    )


_ADDRESS = re.compile(r"[^@\s]+@[^@\s]+\.[^@\s]+")


def merge(stored: Person, incoming: Person, overwrite: bool = True) -> Person:
    """The stored person with what the incoming record knows. With `overwrite`, the incoming
    record's non-empty fields win (it is newer); without, it only fills blanks (a second record
    of the same person in one file must not undo the first). The first source is kept; emails
    are the union, the stored main address first."""
    changes: dict[str, str] = {}
    for name in ("name", "title", "company", "phone", "url"):
        new = getattr(incoming, name)
        if new and (overwrite or not getattr(stored, name)) and new != getattr(stored, name):
            changes[name] = new
    known = {email_key(e) for e in stored.emails}
    extra = tuple(e for e in incoming.emails if email_key(e) not in known)
    if not stored.email and extra:
        changes_email = {"email": extra[0], "other_emails": stored.other_emails + extra[1:]}
    else:
        changes_email = {"other_emails": stored.other_emails + extra} if extra else {}
    merged = replace(stored, **changes, **changes_email)  # type: ignore[arg-type]
    if not merged.source and incoming.source:
        merged = replace(merged, source=incoming.source)
    return merged


_WORD = re.compile(r"[A-Za-z]+")


def name_from_address(address: str) -> str:
    """A name guessed from an email address: `dana.reyes@acme.example` → `Dana Reyes`. Used where
    a file names nobody (DESIGN: "name from CN, else from the address")."""
    local = address.partition("@")[0]
    words = _WORD.findall(local)
    if not words:
        return local or address
    return " ".join(w.capitalize() for w in words)


# What a number is for, as the files say it (vCard's TEL TYPE, RFC 6350 6.4.1 and vCard 2.1's
# FAX and PAGER; Google CSV's "Phone N - Type": "Work Fax", "Pager"; roundcube's "homefax"): a
# fax is no phone to call, and a pager is one only when no other number is given.
_FAX = re.compile(r"fax", re.IGNORECASE)
_PAGER = re.compile(r"pager|beeper", re.IGNORECASE)


def phone_to_call(numbers: Iterable[tuple[Iterable[str], str]]) -> str:
    """The person's phone among (kinds, number) pairs given most preferred first: the first
    voice number, else the first pager, never a fax."""
    pager = ""
    for kinds, number in numbers:
        said = " ".join(kinds)
        if not number or _FAX.search(said):
            continue
        if not _PAGER.search(said):
            return number
        pager = pager or number
    return pager
