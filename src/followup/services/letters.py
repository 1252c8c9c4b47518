"""Letter use cases: draft a letter from the interview notes, and check any letter in context."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from followup.domain.errors import InvalidField, NotFound
from followup.domain.letters.check import Finding
from followup.domain.letters.context import LETTER_KINDS, Directory, LetterContext
from followup.domain.model import Candidate, Contact, Opportunity, same_name
from followup.domain.planner import primary_contact
from followup.services.dependencies import Dependencies
from followup.services.planning import require_opportunity
from followup.services.storage import UnitOfWork

MAX_LETTER_BYTES = 1_000_000


@dataclass(frozen=True, slots=True)
class Draft:
    kind: str
    subject: str
    body: str
    sender: Candidate
    recipient: Contact
    company: str
    context: LetterContext

    @property
    def text(self) -> str:
        return self.body


def check_letter(
    deps: Dependencies, text: str, opportunity_id: str, to: str, kind: str | None = None
) -> tuple[LetterContext, list[Finding]]:
    """Check a letter for one person of one opportunity; the kind defaults to that person's
    next planned letter (a thank-you when nothing is planned)."""
    with deps.store.unit_of_work(readonly=True) as uow:
        ctx, _ = letter_context(uow, opportunity_id, to, kind, deps)
    return ctx, deps.checker().check(text, ctx)


def draft_letter(
    deps: Dependencies, opportunity_id: str, to: str, kind: str | None = None
) -> Draft:
    """A letter for that person, from the templates and the interview notes."""
    with deps.store.unit_of_work(readonly=True) as uow:
        ctx, recipient = letter_context(uow, opportunity_id, to, kind, deps)
        opportunity = require_opportunity(uow, opportunity_id, "opportunity")
        candidate = uow.get_candidate() or Candidate()
    variables = letter_variables(candidate, opportunity, recipient, ctx, deps.today(candidate))
    text = deps.renderer().render(ctx.kind, variables)
    subject, body = split_subject(text)
    return Draft(ctx.kind, subject, body, candidate, recipient, opportunity.company, ctx)


def letter_context(
    uow: UnitOfWork,
    opportunity_id: str,
    to: str,
    kind: str | None,
    deps: Dependencies | None = None,
) -> tuple[LetterContext, Contact]:
    opportunity = require_opportunity(uow, opportunity_id, "opportunity")
    recipient = opportunity.find_contact(to)
    if recipient is None:
        raise NotFound("to", "person", to, opportunity.contact_names())
    if kind is not None and kind not in LETTER_KINDS:
        raise InvalidField("kind", f"one of {', '.join(LETTER_KINDS)}", kind)
    chosen = kind or _next_letter_kind(uow, opportunity_id, recipient.name)
    candidate = uow.get_candidate() or Candidate()
    people = tuple(opportunity.contact_names())
    topics = _topics_with(opportunity, recipient.name)
    notes = tuple(t for iv in opportunity.interviews for c in iv.contacts for t in c.topics)
    vocabulary = _vocabulary(candidate, opportunity)
    ctx = LetterContext(
        kind=chosen,
        recipient=recipient.name,
        company=opportunity.company,
        role=opportunity.role,
        decision_maker=is_decision_maker(opportunity, recipient.name),
        topics=topics,
        notes=notes,
        opportunity=opportunity_id,
        directory=_directory(uow, deps),
        people=people,
        candidate_name=candidate.name,
        candidate_email=candidate.email,
        candidate_phone=candidate.phone,
        vocabulary=vocabulary,
    )
    return ctx, recipient


def is_decision_maker(opportunity: Opportunity, name: str) -> bool:
    """Marked so at any interview; with nobody marked, the primary contact decides."""
    marked = [c for iv in opportunity.interviews for c in iv.contacts if c.decision_maker]
    if marked:
        return any(same_name(c.name, name) for c in marked)
    primary = primary_contact(opportunity.first_interview())
    return primary is not None and same_name(primary.name, name)


def letter_variables(
    candidate: Candidate,
    opportunity: Opportunity,
    recipient: Contact,
    ctx: LetterContext,
    today: date,
) -> dict[str, Any]:
    """Everything a template may use. Missing optional facts are empty, never invented."""
    met = [
        iv
        for iv in opportunity.interviews
        if any(same_name(c.name, recipient.name) for c in iv.contacts)
    ]
    first = min(met, key=lambda iv: iv.date) if met else opportunity.first_interview()
    latest = max(met, key=lambda iv: iv.date) if met else first
    parts = recipient.name.split()
    return {
        "kind": ctx.kind,
        "today": _long_date(today),
        "company": opportunity.company,
        "role": opportunity.role,
        "position": f"the {opportunity.role} position" if opportunity.role else "the position",
        "candidate": {
            "name": candidate.name,
            "first_name": candidate.name.split()[0] if candidate.name else "",
            "email": candidate.email,
            "phone": candidate.phone,
            "strengths": list(candidate.strengths),
            "courses": list(candidate.courses),
            "other_interviews": candidate.other_interviews,
        },
        "recipient": {
            "name": recipient.name,
            "first_name": parts[0],
            "last_name": parts[-1],
            "title": recipient.title,
            "email": recipient.email,
            "decision_maker": ctx.decision_maker,
            "topics": list(ctx.topics),
        },
        "first_interview": _interview_vars(first),
        "interview": _interview_vars(latest),
        "strength": candidate.strengths[0] if candidate.strengths else "",
    }


def split_subject(text: str) -> tuple[str, str]:
    first, _, rest = text.partition("\n")
    if first.lower().startswith("subject:"):
        return first[len("subject:") :].strip(), rest.lstrip("\n")
    return "", text


def read_letter(raw: bytes, source: str) -> str:
    """A letter file's text: UTF-8, not empty, not binary, not enormous."""
    from followup.domain.errors import BadInput

    if len(raw) > MAX_LETTER_BYTES:
        raise BadInput(
            f"{source}: expected a letter of at most 1 MB, the file is "
            f"{len(raw) / 1_000_000:.1f} MB"
        )
    if b"\x00" in raw:
        raise BadInput(f"{source}: expected a text file, this one is binary")
    from followup.domain.parsing import decode_text

    return decode_text(raw, source, "UTF-8 text", "a letter").replace("\r\n", "\n")


def _interview_vars(interview: Any) -> dict[str, Any]:
    if interview is None:
        return {"date": "", "day": "", "round": 1, "id": ""}
    return {
        "date": interview.date.isoformat(),
        "day": _long_date(interview.date),
        "round": interview.round,
        "id": interview.id,
    }


def _long_date(d: date) -> str:
    return f"{d:%B} {d.day}"


def _topics_with(opportunity: Opportunity, name: str) -> tuple[str, ...]:
    seen: dict[str, None] = {}
    for iv in opportunity.interviews:
        for c in iv.contacts:
            if same_name(c.name, name):
                for t in c.topics:
                    seen.setdefault(t, None)
    return tuple(seen)


def _next_letter_kind(uow: UnitOfWork, opportunity_id: str, name: str) -> str:
    for row in uow.plan(opportunity_id):
        t = row.touch
        if t.status == "planned" and same_name(t.contact, name):
            return t.step
    return "thank_you"


def _directory(uow: UnitOfWork, deps: Dependencies | None) -> Directory:
    """Every opportunity's company and people, rebuilt only when the store's revision moves."""
    revision = uow.revision()
    if deps is not None:
        cached = deps.cache.get("directory")
        if cached is not None and cached[0] == revision:
            found: Directory = cached[1]
            return found
    directory = Directory.build(uow.directory())
    if deps is not None:
        deps.cache["directory"] = (revision, directory)
    return directory


def _vocabulary(candidate: Candidate, opportunity: Opportunity) -> frozenset[str]:
    """Words the spell checker should take from the user's own data for this letter."""
    from followup.domain.letters.text import words

    texts = [
        candidate.name,
        candidate.email,
        opportunity.company,
        opportunity.role,
        *candidate.strengths,
        *candidate.courses,
    ]
    for iv in opportunity.interviews:
        for c in iv.contacts:
            texts.extend((c.name, c.title, *c.topics))
    return frozenset(w.group(0).lower().replace("’", "'") for t in texts for w in words(t))
