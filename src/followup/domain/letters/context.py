"""What the check knows about a letter: who it is for, from whom, about which opportunity."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cached_property

from followup.domain.letters.text import words
from followup.domain.vocabulary import STEPS

LETTER_KINDS = STEPS  # every step has its letter (a call, its script)


@dataclass(frozen=True)
class Directory:
    """Every opportunity's company and people, indexed by the first word of each name (in
    lowercase): a letter is checked against them by looking up its own words, so the check
    takes as long with 100,000 opportunities as with ten."""

    companies: dict[str, tuple[tuple[str, str], ...]] = field(default_factory=dict)
    people: dict[str, tuple[tuple[str, str], ...]] = field(default_factory=dict)
    words: frozenset[str] = frozenset()  # every word of every name, lowercased (spelling)

    @classmethod
    def build(cls, entries: Iterable[tuple[str, str, list[str]]]) -> Directory:
        """From (opportunity id, company, names of everyone met) for each opportunity."""
        companies: dict[str, list[tuple[str, str]]] = defaultdict(list)
        people: dict[str, list[tuple[str, str]]] = defaultdict(list)
        vocabulary: set[str] = set()
        for opportunity, company, names in entries:
            if company.split():
                companies[company.split()[0].lower()].append((company, opportunity))
            vocabulary.update(w.group(0).lower() for w in words(company))
            for name in names:
                if name.split():
                    people[name.split()[0].lower()].append((name, opportunity))
                vocabulary.update(w.group(0).lower() for w in words(name))
        return cls(
            {k: tuple(v) for k, v in companies.items()},
            {k: tuple(v) for k, v in people.items()},
            frozenset(vocabulary),
        )


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
    opportunity: str = ""  # its id: the directory's entries for it are not "other"
    directory: Directory = field(default_factory=Directory)  # every opportunity
    people: tuple[str, ...] = ()  # everyone met for this opportunity
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
