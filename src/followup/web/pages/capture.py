"""Quick capture: an interview and everyone met, from a phone in under a minute."""

from __future__ import annotations

import re

from starlette.datastructures import FormData
from starlette.requests import Request
from starlette.responses import RedirectResponse, Response
from starlette.routing import Route

from followup.domain.errors import FollowupError, InvalidField
from followup.domain.model import Contact, Topic
from followup.domain.parsing import parse_round, person_from_fields
from followup.services import agenda as agenda_service
from followup.services import recording
from followup.services.dependencies import Dependencies
from followup.web.common import (
    call,
    checked_form,
    deps_of,
    form_date,
    form_index,
    path_segment,
    render,
)


async def capture(request: Request) -> Response:
    """Record an interview and everyone met, phone-first."""
    deps = deps_of(request)
    choices = await call(agenda_service.list_opportunities, deps)
    today_ = await call(agenda_service.today, deps)
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
        opportunity_id = await call(_save_capture, deps, form, people)
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
    return RedirectResponse(
        f"/opportunities/{path_segment(opportunity_id)}?captured=1", status_code=303
    )


async def person_row(request: Request) -> Response:
    index = form_index(request, "i", 99)
    return render(request, "_person.html", {"i": index, "p": {}})


def _people_values(form: FormData) -> list[dict[str, str]]:
    rows: dict[int, dict[str, str]] = {}
    for key, value in form.multi_items():
        found = re.fullmatch(r"people-(\d+)-(\w+)", key)
        if found and isinstance(value, str):
            rows.setdefault(int(found.group(1)), {})[found.group(2)] = value
    return [rows[i] for i in sorted(rows)]


def _save_capture(deps: Dependencies, form: FormData, people: list[dict[str, str]]) -> str:
    """The form's fields as the capture use case takes them; it records everything or nothing."""
    found = (_person(row, f"people-{i}-") for i, row in enumerate(people))
    contacts = tuple(c for c in found if c is not None)
    if not contacts:
        raise InvalidField("people-0-name", "at least one person you met")
    on = form_date(form, "date")
    round_number = parse_round(str(form.get("round") or ""))
    opportunity, _ = recording.capture_interview(
        deps,
        on,
        contacts,
        str(form.get("opportunity") or "").strip() or None,
        round_number,
        new=recording.NewOpportunity(
            str(form.get("company") or "").strip(),
            str(form.get("role") or "").strip(),
            str(form.get("policy") or "") or None,
        ),
    )
    return opportunity.id


def _person(row: dict[str, str], field: str) -> Contact | None:
    """One person's row, with the few words typed for them (they belong to their first
    topic)."""
    notes = {key: " ".join(row.get(key, "").split()) for key in Topic.NOTES}
    contact = person_from_fields(row, field)
    if contact is None:
        if any(notes.values()):
            raise InvalidField(f"{field}name", "the person's name")
        return None
    if not any(notes.values()):
        return contact
    if not contact.topics:
        raise InvalidField(f"{field}topics", "the topic your notes are about")
    return contact.with_topic(Topic(contact.topics[0], **notes))


routes = [
    Route("/capture", capture, methods=["GET", "POST"], name="capture"),
    Route("/capture/person", person_row, name="person_row"),
]
