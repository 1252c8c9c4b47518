"""Quick capture: an interview and everyone met, from a phone in under a minute."""

from __future__ import annotations

import re
from typing import Any

from starlette.datastructures import FormData
from starlette.requests import Request
from starlette.responses import RedirectResponse, Response
from starlette.routing import Route

from followup.domain.errors import FollowupError, InvalidField
from followup.domain.model import Contact, Interview, Topic
from followup.services import agenda as agenda_service
from followup.services import recording
from followup.web.common import checked_form, deps_of, form_date, form_text, render


async def capture(request: Request) -> Response:
    """Record an interview and everyone met, phone-first."""
    deps = deps_of(request)
    choices = agenda_service.list_opportunities(deps)
    today_ = deps.today(recording.get_profile(deps))
    if request.method == "GET":
        return render(
            request,
            "capture.html",
            {
                "choices": choices,
                "values": {"date": today_.isoformat(), "round": "1"},
                "people": [{}, {}],
                "error": None,
            },
        )
    form = await checked_form(request)
    values = {k: str(v) for k, v in form.items() if isinstance(v, str)}
    people = _people_values(form)
    try:
        opportunity_id = _save_capture(deps, form, people)
    except FollowupError as error:
        return render(
            request,
            "capture.html",
            {
                "choices": choices,
                "values": values,
                "people": people or [{}],
                "error": str(error),
                "error_field": error.field,
            },
            status=error.http_status,
        )
    return RedirectResponse(f"/opportunities/{opportunity_id}?captured=1", status_code=303)


async def person_row(request: Request) -> Response:
    index = int(request.query_params.get("i", "0") or 0)
    return render(request, "_person.html", {"i": index, "p": {}})


def _people_values(form: FormData) -> list[dict[str, str]]:
    rows: dict[int, dict[str, str]] = {}
    for key, value in form.multi_items():
        found = re.fullmatch(r"people-(\d+)-(\w+)", key)
        if found and isinstance(value, str):
            rows.setdefault(int(found.group(1)), {})[found.group(2)] = value
    return [rows[i] for i in sorted(rows)]


def _save_capture(deps: Any, form: FormData, people: list[dict[str, str]]) -> str:
    contacts = []
    for i, row in enumerate(people):
        name = " ".join(row.get("name", "").split())
        if not name:
            if any(row.get(k, "").strip() for k in ("title", "email", "topics", *Topic.NOTES)):
                raise InvalidField(f"people-{i}-name", "the person's name")
            continue
        minutes_text = row.get("minutes", "").strip() or "0"
        if not minutes_text.isdigit():
            raise InvalidField(f"people-{i}-minutes", "whole minutes, 0 or more", minutes_text)
        contact = Contact(
            name=name,
            title=row.get("title", "").strip(),
            email=row.get("email", "").strip(),
            minutes=int(minutes_text),
            decision_maker=row.get("dm") == "on",
            topics=tuple(t.strip() for t in row.get("topics", "").split(",") if t.strip()),
        )
        contacts.append(_with_notes(contact, row, i))
    if not contacts:
        raise InvalidField("people-0-name", "at least one person you met")
    interview_day = form_date(form, "date")
    round_text = str(form.get("round") or "1").strip()
    if not round_text.isdigit() or int(round_text) < 1:
        raise InvalidField("round", "a round number, 1 or more", round_text)
    chosen = str(form.get("opportunity") or "").strip()
    if not chosen:
        company = form_text(form, "company")
        chosen = _new_id(deps, company)
        recording.add_opportunity(
            deps,
            chosen,
            company,
            str(form.get("role") or "").strip(),
            str(form.get("policy") or "") or None,
        )
    interview = Interview(
        f"{chosen}-{interview_day.isoformat()}-r{round_text}",
        interview_day,
        int(round_text),
        tuple(contacts),
    )
    recording.add_interview(deps, chosen, interview)
    return chosen


def _with_notes(contact: Contact, row: dict[str, str], i: int) -> Contact:
    """The few words typed for a person belong to their first topic."""
    notes = {key: " ".join(row.get(key, "").split()) for key in Topic.NOTES}
    if not any(notes.values()):
        return contact
    if not contact.topics:
        raise InvalidField(f"people-{i}-topics", "the topic your notes are about")
    return contact.with_topic(Topic(contact.topics[0], **notes))


def _new_id(deps: Any, company: str) -> str:
    base = re.sub(r"[^a-z0-9]+", "-", company.lower()).strip("-") or "opportunity"
    taken = {o.id for o in agenda_service.list_opportunities(deps)}
    candidate, n = base, 2
    while candidate in taken:
        candidate, n = f"{base}-{n}", n + 1
    return candidate


routes = [
    Route("/capture", capture, methods=["GET", "POST"], name="capture"),
    Route("/capture/person", person_row, name="person_row"),
]
