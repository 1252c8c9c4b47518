"""What the check knows about a letter: who it is for, from whom, about which opportunity."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property

LETTER_KINDS = ("thank_you", "secondary", "final", "call", "reply", "stay_in_touch", "check_in")


@dataclass(frozen=True)
class LetterContext:
    kind: str
    recipient: str
    company: str
    role: str = ""
    decision_maker: bool = False
    # Topics discussed with the recipient (for the recap), and every topic of the opportunity's
    # interview notes (what may be mentioned without being a new topic).
    topics: tuple[str, ...] = ()
    notes: tuple[str, ...] = ()
    # (company, opportunity id) of the candidate's other opportunities.
    other_companies: tuple[tuple[str, str], ...] = ()
    people: tuple[str, ...] = ()  # everyone met for this opportunity
    other_people: tuple[str, ...] = ()  # people met for other opportunities
    candidate_name: str = ""
    candidate_email: str = ""
    candidate_phone: str = ""
    vocabulary: frozenset[str] = field(default_factory=frozenset)  # known words from user data

    # What the check derives from the context, once per context rather than once per letter.
    @cached_property
    def recipient_parts(self) -> frozenset[str]:
        return frozenset(p.lower() for p in self.recipient.split())

    @cached_property
    def people_parts(self) -> frozenset[str]:
        """Every part of the name of everyone met for this opportunity, lowercased."""
        return frozenset(p.lower() for name in self.people for p in name.split())

    @cached_property
    def company_words(self) -> frozenset[str]:
        return frozenset(w.lower() for w in self.company.split())
