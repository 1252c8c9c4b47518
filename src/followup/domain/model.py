"""Entities: the candidate, their opportunities, the interviews and people met, events, touches.

Pure data: no I/O and no clock. Dates are local dates in the candidate's time zone.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import date, time

from followup.domain.vocabulary import EVENT_KINDS as EVENT_KINDS
from followup.domain.vocabulary import STEPS as STEPS

STATUSES = ("planned", "done", "skipped", "cancelled")
WEEKDAYS = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
DEFAULT_WEEKMASK = "1111100"


@dataclass(frozen=True, slots=True)
class Candidate:
    """The person following up; their country and subdivision choose the public holidays."""

    name: str = ""
    email: str = ""
    phone: str = ""
    timezone: str = "UTC"
    country: str | None = None
    subdivision: str | None = None
    weekmask: str = DEFAULT_WEEKMASK
    default_policy: str = "persistent"
    # For letters: what the candidate brings (003: recap your strengths) and what changed on
    # their resume since (001: sales courses taken, other interviews).
    strengths: tuple[str, ...] = ()
    courses: tuple[str, ...] = ()
    other_interviews: int = 0

    @property
    def calendar_key(self) -> tuple[str | None, str | None, str]:
        """What the business-day calendar depends on; a change means every plan is redone."""
        return (self.country, self.subdivision, self.weekmask)


# The candidate's details a user sets directly (the CLI's `profile` and the web's Settings).
PROFILE_FIELDS = (
    "name",
    "email",
    "phone",
    "timezone",
    "country",
    "subdivision",
    "weekmask",
    "default_policy",
)


@dataclass(frozen=True, slots=True)
class Topic:
    """A topic discussed with someone, with the candidate's few words on it: what the
    interviewer said about it, what the candidate brings to it, what the candidate promised to
    send (DESIGN, "Notes that make a letter personal"; 001: notes on what you spoke about)."""

    name: str
    said: str = ""
    bring: str = ""
    promised: str = ""

    NOTES = ("said", "bring", "promised")

    @property
    def noted(self) -> bool:
        return bool(self.said or self.bring or self.promised)


@dataclass(frozen=True, slots=True)
class Contact:
    """Someone the candidate met at one interview, with what they talked about and for how long."""

    name: str
    title: str = ""
    email: str = ""
    phone: str = ""
    minutes: int = 0
    decision_maker: bool = False
    topics: tuple[str, ...] = ()
    timezone: str = ""  # IANA name; empty: the candidate's
    # The notes on some of `topics` (by name); topics without notes need none here. The topics
    # stay plain names for everything that only lists them.
    notes: tuple[Topic, ...] = ()

    def noted_topics(self) -> tuple[Topic, ...]:
        """Every topic, in order, with its notes when it has any."""
        by_name = {_fold(n.name): n for n in self.notes}
        return tuple(
            replace(by_name[_fold(t)], name=t) if _fold(t) in by_name else Topic(t)
            for t in self.topics
        )

    def with_topic(self, topic: Topic) -> Contact:
        """This contact with that topic added, or its notes replaced."""
        names = list(self.topics)
        if not any(_fold(t) == _fold(topic.name) for t in names):
            names.append(topic.name)
        notes = [n for n in self.notes if _fold(n.name) != _fold(topic.name)]
        if topic.noted:
            notes.append(topic)
        return replace(self, topics=tuple(names), notes=tuple(notes))


@dataclass(frozen=True, slots=True)
class Interview:
    """One round of interviews: its day, the people met, and when and where it took place."""

    id: str
    date: date
    round: int = 1
    contacts: tuple[Contact, ...] = ()
    # When and where, as an invitation says (local time in the candidate's time zone).
    time: time | None = None
    location: str = ""


@dataclass(frozen=True, slots=True)
class Timeline:
    """The hiring process's deadlines, as the company told them at the interview (article 001)."""

    preliminary_deadline: date | None = None
    second_round_deadline: date | None = None


@dataclass(frozen=True, slots=True)
class Event:
    """Something that happened: a touch made, a message from the employer, a decision."""

    date: date
    kind: str
    contact: str | None = None
    step: str | None = None
    time: time | None = None
    note: str = ""

    @property
    def identity(self) -> tuple[object, ...]:
        """Two events with the same identity are the same happening (import is idempotent)."""
        return (self.date, self.time, self.kind, self.step, self.contact)


@dataclass(slots=True)
class Opportunity:
    """One job the candidate is pursuing at one company."""

    id: str
    company: str
    role: str = ""
    policy: str = "persistent"
    timeline: Timeline = field(default_factory=Timeline)
    interviews: list[Interview] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    # What the candidate brings to this job in particular (003: recap your strengths); the
    # candidate's own strengths serve every opportunity.
    strengths: tuple[str, ...] = ()
    # What a job board or another tracker knew before any interview: when the candidate applied,
    # the posting, their notes, and the stage it had there (saved, applied, interviewing).
    applied: date | None = None
    url: str = ""
    notes: str = ""
    tracked_stage: str = ""

    def first_interview(self) -> Interview | None:
        """The earliest interview (lowest date, then round, then as listed)."""
        if not self.interviews:
            return None
        ranked = sorted(enumerate(self.interviews), key=lambda p: (p[1].date, p[1].round, p[0]))
        return ranked[0][1]

    def contact_names(self) -> list[str]:
        """Everyone met in any interview, each once, in the order first met."""
        seen: dict[str, None] = {}
        for interview in self.interviews:
            for contact in interview.contacts:
                seen.setdefault(contact.name, None)
        return list(seen)

    def find_contact(self, name: str) -> Contact | None:
        """The latest details recorded for the contact of that name (names match within one
        opportunity, ignoring case and surrounding spaces)."""
        wanted = _fold(name)
        found = None
        for interview in self.interviews:
            for contact in interview.contacts:
                if _fold(contact.name) == wanted:
                    found = contact
        return found


@dataclass(slots=True)
class Touch:
    """One planned contact with one person: a letter, a call, an answer."""

    opportunity: str
    contact: str
    step: str
    channel: str
    due: date
    status: str = "planned"
    reason: str | None = None
    done_on: date | None = None
    interview: str | None = None
    seq: int = 0
    # Snoozed by the user: the agenda shows it from this day on, with the reason.
    snoozed_until: date | None = None
    snooze_reason: str | None = None

    @property
    def shows_on(self) -> date:
        return max(self.due, self.snoozed_until) if self.snoozed_until else self.due

    @property
    def pending(self) -> bool:
        return self.status == "planned"

    @property
    def effective(self) -> date:
        """When the touch happens: the day it was done, else its due date."""
        return self.done_on or self.due


def _fold(name: str) -> str:
    return " ".join(name.split()).casefold()


def same_name(a: str, b: str) -> bool:
    return _fold(a) == _fold(b)


def primary_contact(interview: Interview | None) -> Contact | None:
    """The decision maker with the most minutes at the first interview (ties: earliest listed);
    with no decision maker marked, the contact with the most minutes."""
    if interview is None or not interview.contacts:
        return None
    pool = [c for c in interview.contacts if c.decision_maker] or list(interview.contacts)
    best = pool[0]
    for contact in pool[1:]:
        if contact.minutes > best.minutes:
            best = contact
    return best
