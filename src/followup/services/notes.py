"""Notes that make a letter personal: the candidate's few words on each topic discussed with a
person (what they said, what the candidate brings, what the candidate promised to send), and the
strengths the candidate brings to one opportunity (DESIGN; 001: notes on what you spoke about;
003: recap your strengths)."""

from __future__ import annotations

from dataclasses import replace

from followup.domain.errors import InvalidField, NotFound
from followup.domain.model import Contact, Opportunity, Topic, same_name
from followup.services.dependencies import Dependencies
from followup.services.planning import require_opportunity

MAX_NOTE = 500  # a few words, not a letter: the draft quotes them


def note_topic(
    deps: Dependencies,
    opportunity_id: str,
    to: str,
    topic: str,
    said: str | None = None,
    bring: str | None = None,
    promised: str | None = None,
) -> tuple[str, Topic]:
    """Add a topic discussed with someone, or change the notes on it: a note given replaces the
    one kept (an empty one clears it), a note not given stays as it was. The topic is kept with
    the latest interview that has it, else the latest interview where that person was met.
    Returns the person's name as recorded, and the topic with its notes."""
    name = " ".join(topic.split())
    if not name:
        raise InvalidField("topic", "the topic's name, like 'CRM adoption'")
    given = {"said": said, "bring": bring, "promised": promised}
    for key, value in given.items():
        if value is not None and len(value) > MAX_NOTE:
            raise InvalidField(key, f"a few words (at most {MAX_NOTE} characters)", value[:40])
    with deps.store.unit_of_work() as uow:
        opportunity = require_opportunity(uow, opportunity_id, "opportunity")
        index, contact = _where(opportunity, to, name)
        kept = next((t for t in contact.noted_topics() if same_name(t.name, name)), Topic(name))
        changed = replace(
            kept,
            **{k: " ".join(v.split()) for k, v in given.items() if v is not None},
        )
        _put(opportunity, index, contact.with_topic(changed))
        uow.save_opportunity(opportunity)
        uow.commit()
    return contact.name, changed


def set_strengths(deps: Dependencies, opportunity_id: str, strengths: list[str]) -> Opportunity:
    """What the candidate brings to this opportunity in particular (the letters choose, for each
    topic, the strength that fits it); an empty list leaves only the candidate's own."""
    cleaned = tuple(" ".join(s.split()) for s in strengths if s.strip())
    for i, strength in enumerate(cleaned):
        if len(strength) > MAX_NOTE:
            raise InvalidField(f"strengths[{i}]", f"at most {MAX_NOTE} characters", strength[:40])
    with deps.store.unit_of_work() as uow:
        opportunity = require_opportunity(uow, opportunity_id, "opportunity")
        opportunity.strengths = cleaned
        uow.save_opportunity(opportunity)
        uow.commit()
    return opportunity


def _where(opportunity: Opportunity, to: str, topic: str) -> tuple[tuple[int, int], Contact]:
    """(interview index, contact index) and the contact whose topic it is."""
    met = [
        ((i, j), c)
        for i, iv in enumerate(opportunity.interviews)
        for j, c in enumerate(iv.contacts)
        if same_name(c.name, to)
    ]
    if not met:
        raise NotFound("to", "person", to, opportunity.contact_names())
    with_topic = [(at, c) for at, c in met if any(same_name(t, topic) for t in c.topics)]
    chosen = with_topic or met
    return max(chosen, key=lambda m: (opportunity.interviews[m[0][0]].date, m[0]))


def _put(opportunity: Opportunity, at: tuple[int, int], contact: Contact) -> None:
    i, j = at
    interview = opportunity.interviews[i]
    contacts = list(interview.contacts)
    contacts[j] = contact
    opportunity.interviews[i] = replace(interview, contacts=tuple(contacts))
