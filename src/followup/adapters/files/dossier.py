"""The JSON dossier (DESIGN's exchange format) to and from domain objects.

Parsing checks every field and names it by its path (`opportunities[0].interviews[1].date`) with
what is expected. Unknown keys are left alone so that newer files still import.

`DossierReader` reads a file for `followup import` without holding it whole: a first pass checks
every opportunity (and finds the candidate wherever it is in the file), a second streams them
into the merge. A file it cannot stream is read whole, which words any error as it always was.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import date
from typing import Any

from followup.adapters.files.json_stream import ARRAY_START, NotStreamable, members
from followup.domain.errors import BadInput, FollowupError, InvalidField
from followup.domain.model import (
    DEFAULT_WEEKMASK,
    Candidate,
    Contact,
    Event,
    Interview,
    Opportunity,
    Timeline,
    Topic,
)
from followup.domain.parsing import decode_text, parse_date, parse_region, parse_time
from followup.domain.stage import TRACKED_STAGES
from followup.domain.validation import (
    MAX_COUNT,
    MAX_MINUTES,
    MAX_ROUND,
    check_whole,
    text_problem,
)
from followup.services.dossier import Dossier, DossierRecords
from followup.services.ports import ImportOptions, ImportSource, Progress


def read_dossier_text(raw: bytes, source: str) -> Any:
    """Decode and parse a dossier file's bytes; one clear line when it is not JSON."""
    text = decode_text(raw, source, "UTF-8 JSON", "a JSON dossier")
    try:
        return json.loads(text)
    except json.JSONDecodeError as error:
        start = text.lstrip()[:1]
        if start and start not in "{[":
            # No kind claimed the file and it is no JSON either: say what can be imported.
            first = text.lstrip().splitlines()[0][:40]
            raise BadInput(
                f"{source}: expected a file Followup imports (an invitation .ics or .eml, "
                "vCards, a CSV with a header row and a separator, or a JSON dossier), this one "
                f"starts {first!r}"
            ) from None
        raise BadInput(
            f"{source}: expected JSON, {error.msg} at line {error.lineno} column {error.colno}"
        ) from None
    except RecursionError:
        raise BadInput(
            f"{source}: expected JSON nested at most a few hundred levels deep"
        ) from None
    except ValueError as error:  # an integer of thousands of digits
        raise BadInput(f"{source}: expected JSON with numbers of sane size ({error})") from None


class DossierReader:
    """The exchange format: the kind a file is taken for when no other reader claims it."""

    kind = "dossier"

    def sniff(self, head: bytes, name: str) -> bool:
        return head.lstrip(b"\xef\xbb\xbf \t\r\n")[:1] == b"{"

    def read(
        self, source: ImportSource, progress: Progress, options: ImportOptions | None = None
    ) -> DossierRecords:
        try:
            return _check_streamed(source, progress)
        except NotStreamable:
            with source.open() as stream:
                raw = stream.read()
            return parse_dossier(read_dossier_text(raw, source.name))


class StreamedDossier:
    """A dossier file that was checked whole and is read again, one opportunity at a time."""

    def __init__(
        self, candidate: Candidate | None, count: int, source: ImportSource, progress: Progress
    ) -> None:
        self.candidate = candidate
        self.count = count
        self._source = source
        self._progress = progress

    def entries(self) -> Iterator[tuple[Opportunity, frozenset[str]]]:
        index = 0
        with self._source.open() as stream:
            for key, value in members(stream, "opportunities", self._progress.advance):
                if key != "opportunities" or value is ARRAY_START:
                    continue
                where = f"opportunities[{index}]"
                index += 1
                yield parse_opportunity(_object(value, where), where), frozenset(value)


def _check_streamed(source: ImportSource, progress: Progress) -> StreamedDossier:
    """Check every field of the file as `parse_dossier` would, holding one opportunity at a
    time; the first error is the one `parse_dossier` would have raised: the candidate's, then
    the opportunities list's, then the first opportunity's in file order."""
    candidate = None
    errors: dict[str, FollowupError] = {}
    seen: set[str] = set()
    count = 0
    streaming = False
    progress.start("checking", source.size)
    with source.open() as stream:
        for key, value in members(stream, "opportunities", progress.advance):
            if key == "candidate":
                try:
                    if value is not None:
                        candidate = parse_candidate(_object(value, "candidate"), "candidate")
                except FollowupError as error:
                    errors["candidate"] = error
            elif key == "opportunities" and value is ARRAY_START:
                streaming = True
            elif key == "opportunities" and not streaming:
                errors["list"] = InvalidField("opportunities", "a list of opportunities", value)
            elif key == "opportunities":
                where = f"opportunities[{count}]"
                count += 1
                if "item" in errors:
                    continue  # keep reading: a JSON error further on comes first
                try:
                    opportunity = parse_opportunity(_object(value, where), where)
                    if opportunity.id in seen:
                        raise InvalidField(
                            f"{where}.id", "an id used by one opportunity only", opportunity.id
                        )
                    seen.add(opportunity.id)
                except FollowupError as error:
                    errors["item"] = error
    progress.finish()
    for kind in ("candidate", "list", "item"):
        if kind in errors:
            raise errors[kind]
    return StreamedDossier(candidate, count, source, progress)


def parse_dossier(data: Any) -> Dossier:
    if not isinstance(data, dict):
        raise InvalidField("dossier", 'a JSON object with "candidate" and "opportunities"')
    candidate = None
    if data.get("candidate") is not None:
        candidate = parse_candidate(_object(data["candidate"], "candidate"), "candidate")
    items = data.get("opportunities", [])
    if not isinstance(items, list):
        raise InvalidField("opportunities", "a list of opportunities", items)
    opportunities = []
    given = []
    seen: set[str] = set()
    for i, item in enumerate(items):
        where = f"opportunities[{i}]"
        opportunity = parse_opportunity(_object(item, where), where)
        if opportunity.id in seen:
            raise InvalidField(f"{where}.id", "an id used by one opportunity only", opportunity.id)
        seen.add(opportunity.id)
        opportunities.append(opportunity)
        given.append(frozenset(item))
    return Dossier(candidate, opportunities, given)


def parse_candidate(data: dict[str, Any], where: str) -> Candidate:
    # The name may be missing or empty, as the store allows (`followup profile --timezone …`
    # alone makes such a candidate): an exported dossier always imports again.
    return Candidate(
        name=_str(data, "name", where),
        email=_str(data, "email", where),
        phone=_str(data, "phone", where),
        timezone=_str(data, "timezone", where) or "UTC",
        country=parse_region(_str(data, "country", where)),
        subdivision=parse_region(_str(data, "subdivision", where)),
        weekmask=_str(data, "weekmask", where) or DEFAULT_WEEKMASK,
        default_policy=_str(data, "default_policy", where) or "persistent",
        strengths=_strings(data, "strengths", where),
        courses=_strings(data, "courses", where),
        other_interviews=_count(data, "other_interviews", where),
    )


def parse_opportunity(data: dict[str, Any], where: str) -> Opportunity:
    timeline_where = f"{where}.timeline"
    # null clears the deadlines on purpose; anything else must be an object, never an erase
    found = data.get("timeline")
    timeline_data = {} if found is None else _object(found, timeline_where)
    timeline = Timeline(
        preliminary_deadline=_date(timeline_data, "preliminary_deadline", timeline_where),
        second_round_deadline=_date(timeline_data, "second_round_deadline", timeline_where),
    )
    interviews = [
        parse_interview(_object(item, f"{where}.interviews[{i}]"), f"{where}.interviews[{i}]")
        for i, item in enumerate(_list(data, "interviews", where))
    ]
    seen: set[str] = set()
    for i, interview in enumerate(interviews):  # a merge by id would keep only one of two
        if interview.id in seen:
            raise InvalidField(
                f"{where}.interviews[{i}].id", "an id used by one interview only", interview.id
            )
        seen.add(interview.id)
    events = [
        parse_event(_object(item, f"{where}.events[{i}]"), f"{where}.events[{i}]")
        for i, item in enumerate(_list(data, "events", where))
    ]
    tracked = _str(data, "stage", where)
    if tracked and tracked not in TRACKED_STAGES:
        raise InvalidField(f"{where}.stage", f"one of {', '.join(TRACKED_STAGES)}", tracked)
    return Opportunity(
        id=_str(data, "id", where, required=True),
        company=_str(data, "company", where, required=True),
        role=_str(data, "role", where),
        policy=_str(data, "policy", where) or "",
        timeline=timeline,
        interviews=interviews,
        events=events,
        strengths=_strings(data, "strengths", where),
        applied=_date(data, "applied", where),
        url=_str(data, "url", where),
        notes=_str(data, "notes", where),
        tracked_stage=tracked,
    )


def parse_interview(data: dict[str, Any], where: str) -> Interview:
    day = _date(data, "date", where)
    if day is None:
        raise InvalidField(f"{where}.date", "the interview's date as YYYY-MM-DD")
    round_number = check_whole(
        data.get("round", 1), f"{where}.round", 1, MAX_ROUND, "a round number"
    )
    contacts = tuple(
        parse_contact(_object(item, f"{where}.contacts[{i}]"), f"{where}.contacts[{i}]")
        for i, item in enumerate(_list(data, "contacts", where))
    )
    return Interview(
        id=_str(data, "id", where, required=True),
        date=day,
        round=round_number,
        contacts=contacts,
        time=parse_time(data.get("time"), f"{where}.time"),
        location=_str(data, "location", where),
    )


def parse_contact(data: dict[str, Any], where: str) -> Contact:
    minutes = data.get("minutes", 0)
    if minutes is None:
        minutes = 0
    check_whole(minutes, f"{where}.minutes", 0, MAX_MINUTES, "whole minutes spent")
    decision_maker = data.get("decision_maker", False)
    if not isinstance(decision_maker, bool):
        raise InvalidField(f"{where}.decision_maker", "true or false", decision_maker)
    given = data.get("topics", [])
    if given is None:
        given = []
    if not isinstance(given, list):
        raise InvalidField(f"{where}.topics", "a list of topics (strings or objects)", given)
    topics = [parse_topic(t, f"{where}.topics[{i}]") for i, t in enumerate(given)]
    topics = [t for t in topics if t.name]
    return Contact(
        name=" ".join(_str(data, "name", where, required=True).split()),
        title=_str(data, "title", where),
        email=_str(data, "email", where),
        phone=_str(data, "phone", where),
        minutes=minutes,
        decision_maker=decision_maker,
        topics=tuple(t.name for t in topics),
        timezone=_str(data, "timezone", where),
        notes=tuple(t for t in topics if t.noted),
    )


def parse_topic(value: Any, where: str) -> Topic:
    """A topic: its name as a string, or an object with its name and the candidate's notes,
    {"name", "said", "bring", "promised"} (DESIGN, "Notes that make a letter personal")."""
    if isinstance(value, str):
        if text_problem(value):
            raise InvalidField(where, "text without control characters or lone surrogates", value)
        return Topic(" ".join(value.split()))
    if not isinstance(value, dict):
        raise InvalidField(
            where, 'a topic: a string, or {"name", "said", "bring", "promised"}', value
        )
    name = " ".join(_str(value, "name", where, required=True).split())
    notes = {key: " ".join(_str(value, key, where).split()) for key in Topic.NOTES}
    return Topic(name, **notes)


def topic_to_json(topic: Topic) -> str | dict[str, str]:
    """A topic as the dossier writes it: a plain string unless it carries notes."""
    if not topic.noted:
        return topic.name
    out = {"name": topic.name}
    out.update({key: getattr(topic, key) for key in Topic.NOTES if getattr(topic, key)})
    return out


def parse_event(data: dict[str, Any], where: str) -> Event:
    day = _date(data, "date", where)
    if day is None:
        raise InvalidField(f"{where}.date", "the event's date as YYYY-MM-DD")
    return Event(
        date=day,
        kind=_str(data, "kind", where, required=True),
        contact=_str(data, "contact", where) or None,
        step=_str(data, "step", where) or None,
        time=parse_time(data.get("time"), f"{where}.time"),
        note=_str(data, "note", where),
    )


# -- writing ---------------------------------------------------------------------------------
def dossier_to_dict(
    candidate: Candidate | None, opportunities: list[Opportunity]
) -> dict[str, Any]:
    out: dict[str, Any] = {}
    if candidate is not None:
        out["candidate"] = {
            "name": candidate.name,
            "email": candidate.email,
            "phone": candidate.phone,
            "timezone": candidate.timezone,
            "country": candidate.country,
            "subdivision": candidate.subdivision,
            "weekmask": candidate.weekmask,
            "default_policy": candidate.default_policy,
            "strengths": list(candidate.strengths),
            "courses": list(candidate.courses),
            "other_interviews": candidate.other_interviews,
        }
    out["opportunities"] = [opportunity_to_dict(o) for o in opportunities]
    return out


def opportunity_to_dict(opportunity: Opportunity) -> dict[str, Any]:
    timeline = {
        key: value.isoformat()
        for key, value in (
            ("preliminary_deadline", opportunity.timeline.preliminary_deadline),
            ("second_round_deadline", opportunity.timeline.second_round_deadline),
        )
        if value is not None
    }
    out: dict[str, Any] = {
        "id": opportunity.id,
        "company": opportunity.company,
        "role": opportunity.role,
        "policy": opportunity.policy,
    }
    if opportunity.strengths:
        out["strengths"] = list(opportunity.strengths)
    out |= {
        "timeline": timeline,
        "interviews": [_interview_to_dict(iv) for iv in opportunity.interviews],
        "events": [_event_to_dict(e) for e in opportunity.events],
    }
    # What a job board or another tracker knew, only where there is something (older readers
    # of the format never see these keys).
    if opportunity.applied is not None:
        out["applied"] = opportunity.applied.isoformat()
    for key, value in (
        ("url", opportunity.url),
        ("notes", opportunity.notes),
        ("stage", opportunity.tracked_stage),
    ):
        if value:
            out[key] = value
    return out


def _interview_to_dict(iv: Interview) -> dict[str, Any]:
    out: dict[str, Any] = {"id": iv.id, "date": iv.date.isoformat()}
    if iv.time is not None:
        out["time"] = iv.time.strftime("%H:%M")
    if iv.location:
        out["location"] = iv.location
    out["round"] = iv.round
    out["contacts"] = [_contact_to_dict(c) for c in iv.contacts]
    return out


def _contact_to_dict(contact: Contact) -> dict[str, Any]:
    out: dict[str, Any] = {"name": contact.name}
    for key in ("title", "email", "phone"):
        if getattr(contact, key):
            out[key] = getattr(contact, key)
    out["minutes"] = contact.minutes
    out["decision_maker"] = contact.decision_maker
    out["topics"] = [topic_to_json(t) for t in contact.noted_topics()]
    if contact.timezone:
        out["timezone"] = contact.timezone
    return out


def _event_to_dict(event: Event) -> dict[str, Any]:
    out: dict[str, Any] = {"date": event.date.isoformat()}
    if event.time is not None:
        out["time"] = event.time.strftime("%H:%M")
    out["kind"] = event.kind
    if event.step:
        out["step"] = event.step
    if event.contact:
        out["contact"] = event.contact
    if event.note:
        out["note"] = event.note
    return out


# -- field helpers ---------------------------------------------------------------------------
def _object(value: Any, where: str) -> dict[str, Any]:
    if not isinstance(value, dict):
        raise InvalidField(where, "a JSON object", value)
    return value


def _list(data: dict[str, Any], key: str, where: str) -> list[Any]:
    value = data.get(key, [])
    if value is None:
        return []
    if not isinstance(value, list):
        raise InvalidField(f"{where}.{key}", "a list", value)
    return value


def _str(data: dict[str, Any], key: str, where: str, required: bool = False) -> str:
    value = data.get(key)
    if value is None:
        if required:
            raise InvalidField(f"{where}.{key}", "a value (the field is required)")
        return ""
    if not isinstance(value, str):
        raise InvalidField(f"{where}.{key}", "a string", value)
    if text_problem(value, multiline=key == "note"):
        raise InvalidField(
            f"{where}.{key}", "text without control characters or lone surrogates", value
        )
    if required and not value.strip():
        raise InvalidField(f"{where}.{key}", "a non-empty string", value)
    return value.strip()


def _strings(data: dict[str, Any], key: str, where: str) -> tuple[str, ...]:
    value = data.get(key)
    if value is None:
        return ()
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise InvalidField(f"{where}.{key}", "a list of strings", value)
    if any(text_problem(v) for v in value):
        raise InvalidField(
            f"{where}.{key}", "a list of strings without control characters or lone surrogates"
        )
    return tuple(v.strip() for v in value if v.strip())


def _count(data: dict[str, Any], key: str, where: str) -> int:
    value = data.get(key, 0)
    if value is None:
        return 0
    return check_whole(value, f"{where}.{key}", 0, MAX_COUNT, "a whole number")


def _date(data: dict[str, Any], key: str, where: str) -> date | None:
    value = data.get(key)
    if value is None:
        return None
    return parse_date(value, f"{where}.{key}")
