"""The address book's use cases: remember a person, list and export everyone, offer known people
as a name is typed, fill in what is known about a person met, and import people from a file.

The rule that tells people apart (DESIGN) is applied here, once, for every way a person comes in:
an import, an interview, an invitation, a business card.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import replace

from followup.domain.errors import InvalidField
from followup.domain.model import Contact, Interview, Opportunity
from followup.domain.people import Person, company_key, key, merge, tidy
from followup.services.dependencies import Dependencies
from followup.services.importing import Found, Skip, Tally
from followup.services.ports import ImportReport
from followup.services.storage import PersonRow, UnitOfWork


def remember_person(deps: Dependencies, person: Person) -> Person:
    """Add someone to the address book, or complete the entry of the person they already are
    (one email is one person; without email, the same name at the same company). What the new
    record knows wins over what was stored. Returns the person as stored."""
    with deps.store.unit_of_work() as uow:
        _, person_id = remember(uow, person)
        stored = next(r.person for r in uow.people(key(person.name)) if r.id == person_id)
        uow.commit()
    return stored


def remember(uow: UnitOfWork, person: Person, overwrite: bool = True) -> tuple[str, int]:
    """Merge one person into the address book inside the caller's unit of work; returns the
    outcome ("added", "updated" or "unchanged") and their id. Without `overwrite` the record
    only fills blanks."""
    person = tidy(person)
    if not person.name:
        raise InvalidField("name", "the person's name")
    found = find(uow, person)
    # An address already belonging to someone else stays theirs.
    own = [
        e
        for e in person.emails
        if (owner := uow.person_by_email(e.casefold())) is None
        or (found is not None and owner.id == found.id)
    ]
    if len(own) != len(person.emails):
        person = replace(person, email=own[0] if own else "", other_emails=tuple(own[1:]))
    if found is None:
        person_id = uow.save_person(None, person)
        _absorb(uow, person_id, person)
        return "added", person_id
    merged = merge(found.person, person, overwrite)
    changed = _absorb(uow, found.id, merged)
    if changed is not None:
        merged = changed
    if merged == found.person:
        return "unchanged", found.id
    uow.save_person(found.id, merged)
    return "updated", found.id


def _absorb(uow: UnitOfWork, person_id: int, person: Person) -> Person | None:
    """A person with an address takes in the same-named person at the same company who had none
    (DESIGN: without an email, the same name at the same company is the same person): what the
    other knew fills blanks, and they are one from then on. The person as merged, or None when
    there was no one to take in."""
    if not person.emails:
        return None
    others = [
        row
        for row in uow.people_named(person.name_key, person.company_key, without_email=True)
        if row.id != person_id
    ]
    if not others:
        return None
    for row in others:
        person = merge(person, row.person, overwrite=False)
        uow.delete_person(row.id)
    uow.save_person(person_id, person)
    return person


def find(uow: UnitOfWork, person: Person) -> PersonRow | None:
    """The stored person this record is, by DESIGN's rule."""
    for address in person.email_keys:
        row = uow.person_by_email(address)
        if row is not None:
            return row
    # A record with an address is the same-named person at that company who has none yet; a
    # record without one is the first same-named person there.
    named = uow.people_named(
        person.name_key, person.company_key, without_email=bool(person.email_keys), limit=1
    )
    return named[0] if named else None


def remember_met(
    uow: UnitOfWork,
    opportunity: Opportunity,
    interviews: Iterable[Interview] | None = None,
    source: str = "interview",
) -> None:
    """Everyone met at the opportunity's interviews (or at these of them) enters the address
    book, at its company; what the address book already says is kept, the interview only fills
    blanks."""
    for interview in opportunity.interviews if interviews is None else interviews:
        for contact in interview.contacts:
            remember(
                uow,
                Person(
                    name=contact.name,
                    title=contact.title,
                    company=opportunity.company,
                    email=contact.email,
                    phone=contact.phone,
                    source=source,
                ),
                overwrite=False,
            )


def complete_contact(uow: UnitOfWork, contact: Contact, company: str) -> Contact:
    """A person met, with the title, email and phone the address book knows filled in where
    they were left blank (the CLI's `--person "NAME"` and the capture form)."""
    known = lookup(uow, contact.name, company, contact.email)
    if known is None:
        return contact
    return replace(
        contact,
        title=contact.title or known.title,
        email=contact.email or known.email,
        phone=contact.phone or known.phone,
    )


def lookup(uow: UnitOfWork, name: str, company: str = "", email: str = "") -> Person | None:
    """The one person that name (at that company, if several share it) or address means."""
    if email:
        row = uow.person_by_email(email.strip().casefold())
        if row is not None:
            return row.person
    wanted = key(name)
    if not wanted:
        return None
    same_name = [r.person for r in uow.people_named(wanted, None, limit=50)]
    at_company = [p for p in same_name if company and p.company_key == company_key(company)]
    if len(at_company) == 1:
        return at_company[0]
    return same_name[0] if len(same_name) == 1 else None


def find_person(deps: Dependencies, name: str, company: str = "") -> Person | None:
    """What the address book knows of someone by name (at a company, when several share it)."""
    with deps.store.unit_of_work(readonly=True) as uow:
        return lookup(uow, name, company)


def suggest_people(deps: Dependencies, typed: str, limit: int = 8) -> list[Person]:
    """Known people whose name contains what was typed, for the capture form."""
    wanted = key(typed)
    if len(wanted) < 2:
        return []
    with deps.store.unit_of_work(readonly=True) as uow:
        found = [row.person for row in uow.people(wanted, limit * 4)]
    # Names that start with the text first, then those where a later word does.
    found.sort(key=lambda p: (not p.name_key.startswith(wanted), p.name_key))
    return found[:limit]


def list_people(deps: Dependencies) -> Iterator[Person]:
    """Everyone in the address book, by name, read in one transaction row by row."""
    with deps.store.unit_of_work(readonly=True) as uow:
        for row in uow.people():
            yield row.person


def merge_people(
    deps: Dependencies, uow: UnitOfWork, records: Iterable[Found[Person] | Skip], kind: str
) -> ImportReport:
    """Merge people read from a file into the address book, inside the caller's unit of work
    (which commits all of them, or none when the file turns out bad half-way). The first record
    of a person in the file updates them; later records of the same person only fill blanks, so
    that the same file twice changes nothing."""
    report = Tally(kind)
    outcomes: dict[int, str] = {}  # person id → what this import did to them
    labels: dict[int, str] = {}
    for record in records:
        if isinstance(record, Skip):
            report.skip(record.where, record.reason)
            continue
        report.read += 1
        before = find(uow, tidy(record.value))
        first = before is None or before.id not in outcomes
        try:
            outcome, person_id = remember(uow, record.value, overwrite=first)
        except InvalidField as error:
            report.skip(record.where, error.message)
            continue
        if first:
            outcomes[person_id] = outcome
            if outcome != "unchanged" and len(labels) < 100:
                labels[person_id] = _label(record.value)
        elif outcome == "updated" and outcomes[person_id] == "unchanged":
            outcomes[person_id] = "updated"
            labels.setdefault(person_id, _label(record.value))
    for person_id, outcome in outcomes.items():
        report.count(outcome, labels.get(person_id, ""))
    return report.report()


def _label(person: Person) -> str:
    return person.name + (f" ({person.company})" if person.company else "")
