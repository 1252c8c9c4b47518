"""Letter use cases: draft a letter from the interview notes, and check any letter in context."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from followup.domain.errors import InvalidField, NotFound
from followup.domain.letters.context import LETTER_KINDS, Directory, LetterContext
from followup.domain.model import (
    Candidate,
    Contact,
    Opportunity,
    Topic,
    Touch,
    primary_contact,
    same_name,
)
from followup.services.dependencies import Dependencies
from followup.services.storage import UnitOfWork

TYPE_CHECKING = False  # nor is typing loaded by the check's start-up
if TYPE_CHECKING:  # `followup check` starts in milliseconds: drafting is loaded to draft
    from typing import Any

    from followup.domain.letters import drafting
    from followup.domain.letters.check import Finding
    from followup.domain.replies.model import Reply

MAX_LETTER_BYTES = 1_000_000


@dataclass(frozen=True, slots=True)
class Draft:
    """A drafted letter: its subject and body, who sends it to whom, and its warnings."""

    kind: str
    subject: str
    body: str
    sender: Candidate
    recipient: Contact
    company: str
    context: LetterContext
    # Why this letter may not be the one to send: a kind that is not in the person's plan.
    warnings: tuple[str, ...] = ()

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
    """A letter for that person, from the templates and the interview notes. Where a note the
    letter needs is missing, the draft says so with a [[...]] marker the check flags; a kind
    that is not in the person's plan comes with a warning."""
    with deps.store.unit_of_work(readonly=True) as uow:
        ctx, recipient = letter_context(uow, opportunity_id, to, kind, deps)
        opportunity = require_opportunity(uow, opportunity_id, "opportunity")
        candidate = uow.get_candidate() or Candidate()
        touches = [r.touch for r in uow.plan(opportunity_id) if same_name(r.touch.contact, to)]
        message = _answered(uow, opportunity_id, recipient.name) if ctx.kind == "reply" else None
    variables = letter_variables(
        candidate,
        opportunity,
        recipient,
        ctx,
        deps.today(candidate),
        series=_series_number(touches, ctx.kind),
        message=message,
        zone=candidate.timezone,
    )
    text = deps.renderer().render(ctx.kind, variables)
    subject, body = split_subject(text)
    warnings = _plan_warnings(touches, ctx.kind, recipient.name, opportunity.policy)
    return Draft(ctx.kind, subject, body, candidate, recipient, opportunity.company, ctx, warnings)


def _series_number(touches: list[Touch], kind: str) -> int:
    """Which letter of its kind this one is for that person (the k-th check-in): the first one
    still planned, counted among all of them by due date; 1 when none is planned."""
    same = sorted((t for t in touches if t.step == kind), key=lambda t: (t.due, t.seq))
    for k, touch in enumerate(same, start=1):
        if touch.status == "planned":
            return k
    return 1


def _plan_warnings(touches: list[Touch], kind: str, name: str, policy: str) -> tuple[str, ...]:
    """A letter of a kind the plan does not hold for that person (003: more letters than the
    plan sends look desperate)."""
    label = kind.replace("_", "-")
    same = [t for t in touches if t.step == kind]
    if not same:
        return (
            f"no {label} is planned for {name} under the {policy} policy; make sure it is "
            "wanted before it goes out",
        )
    if all(t.status in ("skipped", "cancelled") for t in same):
        why = next((t.reason for t in same if t.reason), "")
        return (f"the {label} to {name} was {same[0].status}{': ' + why if why else ''}",)
    return ()


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
    notes = tuple(
        text
        for iv in opportunity.interviews
        for c in iv.contacts
        for t in c.noted_topics()
        for text in (t.name, t.said, t.bring, t.promised)
        if text
    )
    # what they said about a topic, and what the candidate promised them on it: a letter that
    # restates either ("the 90-day plan for Flanders") recaps the topic
    said = tuple(
        text
        for iv in opportunity.interviews
        for c in iv.contacts
        if same_name(c.name, recipient.name)
        for t in c.noted_topics()
        for text in (t.said, t.promised)
        if text
    )
    # everyone else's topics, each with its notes: a private one ("her son's cricket trials")
    # is theirs to bring up, not the candidate's in a letter to someone else (003)
    others_notes = tuple(
        tuple(text for text in (t.name, t.said, t.bring, t.promised) if text)
        for iv in opportunity.interviews
        for c in iv.contacts
        if not same_name(c.name, recipient.name)
        for t in c.noted_topics()
        if t.name not in topics
    )
    vocabulary = _vocabulary(candidate, opportunity)
    ctx = LetterContext(
        kind=chosen,
        recipient=recipient.name,
        company=opportunity.company,
        role=opportunity.role,
        decision_maker=is_decision_maker(opportunity, recipient.name),
        topics=topics,
        notes=notes,
        said=said,
        others_notes=others_notes,
        opportunity=opportunity_id,
        directory=_directory(uow, deps),
        people=people,
        recipient_title=recipient.title,
        titles=tuple(
            c.title
            for iv in opportunity.interviews
            for c in iv.contacts
            if c.title and not same_name(c.name, recipient.name)
        ),
        candidate_name=candidate.name,
        candidate_email=candidate.email,
        candidate_phone=candidate.phone,
        candidate_country=candidate.country or "",
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
    series: int = 1,
    message: Reply | None = None,
    zone: str = "UTC",
) -> dict[str, Any]:
    """Everything a template may use. Missing optional facts are empty, never invented; what a
    letter says of each topic comes from the notes (domain/letters/drafting.py)."""
    from followup.domain.letters import drafting, typed_notes

    met = [
        iv
        for iv in opportunity.interviews
        if any(same_name(c.name, recipient.name) for c in iv.contacts)
    ]
    first = min(met, key=lambda iv: iv.date) if met else opportunity.first_interview()
    latest = max(met, key=lambda iv: iv.date) if met else first
    parts = recipient.name.split()
    strengths = [*opportunity.strengths, *candidate.strengths]
    topics = drafting.noted_topics(_noted_with(opportunity, recipient.name), strengths)
    # the recap: topics with what they said or what the candidate brings, and those that carry
    # only a promise (the promise is what the letter says of them)
    noted = [t for t in topics if t.noted or t.promised]
    promises = [(t, drafting.promise_of(t.promised)) for t in topics if t.promised]
    # what the thank-you's closing paragraph still has to say: the promises a recap sentence
    # did not already carry (a topic with nothing else to say of it carries its own)
    told = {t.name for t in topics if t.promised and not t.noted} if ctx.decision_maker else set()
    rest = [p for t, p in promises if t.name not in told]
    point = drafting.the_point(topics)
    # news is what happened after the interview: a course over before it is background
    taken = drafting.courses_since(candidate.courses, first.date if first else None, today)
    news = drafting.news_items(taken, strengths)
    deadline = opportunity.timeline.preliminary_deadline
    courses = [typed_notes.course_of(c) for c in taken]
    return {
        "kind": ctx.kind,
        "today": _long_date(today),
        "company": opportunity.company,
        "role": opportunity.role,
        "position": f"the {opportunity.role} position" if opportunity.role else "the position",
        "candidate": {
            # as a letter signs it: a name typed all in lower case is capitalised
            "name": typed_notes.as_signed(candidate.name),
            "first_name": typed_notes.as_signed(candidate.name).split()[0]
            if candidate.name
            else "",
            "email": candidate.email,
            "phone": candidate.phone,
            "strengths": strengths,
            "courses": [drafting.tidy(c) for c in taken],
            # courses as frames take them: those typed without a time of their own, for a
            # frame that gives it ("since we met, I have completed ..."), and those with one,
            # which keep it ("I completed the Challenger workshop in October")
            "courses_undated": [c.what for c in courses if not c.when],
            "courses_dated": [c.done for c in courses if c.when],
            "other_interviews": candidate.other_interviews,
        },
        "recipient": {
            "name": recipient.name,
            # what the letter calls them: the first name, or a title and surname where the
            # name is written with a title ("Dr. Amira Haddad": "Dr. Haddad")
            "first_name": drafting.address_of(recipient.name),
            "last_name": parts[-1],
            "title": recipient.title,
            "email": recipient.email,
            "decision_maker": ctx.decision_maker,
            "topics": [_as_dict(t) for t in topics],
        },
        "first_interview": _interview_vars(first),
        "interview": _interview_vars(latest),
        # What the notes give the letter: the topics with something to say about them, those
        # without, what was promised, the one point, a strength no topic took.
        "recap": [_as_dict(t) for t in noted],
        "unnoted": [t.name for t in topics if not (t.noted or t.promised)],
        "promised": [t.promised for t in topics if t.promised],
        # each promise as a letter says it: a thing sent (`item`) or an act owed (`will`)
        "promises": [_promise_dict(p) for _, p in promises],
        "sent": [p.item for p in rest if not p.act],
        "owed": [p.will for p in rest if p.act],
        "point": _as_dict(point) if point else None,
        "strength": drafting.spare_strength(topics, strengths),
        "deadline": _long_date(deadline) if deadline else "",
        "series": {"k": series, "news": _news(news, series)},
        "message": _message_vars(message, zone),
        "variant": drafting.chooser(f"{recipient.name.casefold()}|{ctx.kind}", series),
        "marker": lambda text: f"[[{text}]]",
    }


def _noted_with(opportunity: Opportunity, name: str) -> list[Topic]:
    """The topics discussed with that person at any interview, each once, with their notes."""
    seen: dict[str, Topic] = {}
    for iv in opportunity.interviews:
        for c in iv.contacts:
            if same_name(c.name, name):
                for t in c.noted_topics():
                    key = t.name.casefold()
                    if key not in seen or t.noted:
                        seen[key] = t
    return list(seen.values())


def _as_dict(topic: drafting.NotedTopic) -> dict[str, Any]:
    from followup.domain.letters import drafting, topics

    return {
        "name": topic.name,
        # how letters after the thank-you name a long topic (by its head), and whether it is a
        # question ('why deals stall'), which a frame about how it is going cannot take
        "short": topics.short_topic(topic.name),
        "question": topic.name.split(" ", 1)[0].lower() in topics.QUESTION_WORDS,
        # a topic named by a word of the hiring side's decision ('the tender process'): asking
        # how it is going reads as asking for the decision (003)
        "decision_word": topics.names_the_decision(topics.short_topic(topic.name)),
        "said": topic.said,
        "bring": topic.bring,
        "promised": topic.promised,
        "promise": _promise_dict(drafting.promise_of(topic.promised)) if topic.promised else None,
        "strength": topic.strength,
    }


def _promise_dict(promise: drafting.Promise) -> dict[str, Any]:
    return {"item": promise.item, "act": promise.act, "will": promise.will}


def _news(items: list[tuple[str, str, str]], k: int) -> dict[str, str] | None:
    """The k-th piece of the candidate's news, for the k-th check-in (`when`: a course's own
    time, which the letter's frame then leaves to it)."""
    if k - 1 < len(items):
        kind, text, when = items[k - 1]
        return {"kind": kind, "text": text, "when": when}
    return None


def _answered(uow: UnitOfWork, opportunity_id: str, name: str) -> Reply | None:
    """The message a reply answers: the latest the inbox kept from that person (with its new
    text: what they wrote this time, quotes and signature left out)."""
    kept = [r for r in uow.replies(opportunity_id, contact=name) if r.kind != "automatic"]
    return max(kept, key=lambda r: r.received_at) if kept else None


def _message_vars(message: Reply | None, zone: str) -> dict[str, str] | None:
    if message is None:
        return None
    from datetime import UTC
    from zoneinfo import ZoneInfo

    from followup.domain.letters import drafting

    subject = " ".join(message.subject.split())
    while subject.lower().startswith(("re:", "aw:", "sv:", "fwd:", "fw:")):
        subject = subject.split(":", 1)[1].strip()
    received = message.received_at
    if received.tzinfo is None:  # kept in UTC
        received = received.replace(tzinfo=UTC)
    when = received.astimezone(ZoneInfo(zone))
    return {
        "sender": message.contact,
        "day": f"{when:%A}, {_long_date(when.date())}",
        "subject": subject,
        "quoted": drafting.quoted(message.text),
        "question": drafting.first_question(message.text),
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
        raise BadInput(f"{source}: expected a letter of at most 1 MB, the file is larger")
    if b"\x00" in raw:
        raise BadInput(f"{source}: expected a text file, this one is binary")
    from followup.domain.parsing import decode_text

    return decode_text(raw, source, "UTF-8 text", "a letter").replace("\r\n", "\n")


def require_opportunity(uow: UnitOfWork, opportunity_id: str, field: str) -> Opportunity:
    """The opportunity, or NotFound naming the ids there are (as services.planning has it: kept
    here so that checking a letter does not load the planner)."""
    opportunity = uow.get_opportunity(opportunity_id)
    if opportunity is None:
        raise NotFound(field, "opportunity", opportunity_id, uow.opportunity_ids())
    return opportunity


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
        *opportunity.strengths,
    ]
    for iv in opportunity.interviews:
        for c in iv.contacts:
            texts.extend((c.name, c.title, *c.topics))
            texts.extend(text for n in c.notes for text in (n.said, n.bring, n.promised))
    return frozenset(w.group(0).lower().replace("’", "'") for t in texts for w in words(t))
