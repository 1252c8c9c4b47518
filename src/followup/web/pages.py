"""Pages: Today, Pipeline, Opportunity, Quick capture, Settings, Import/Export."""

from __future__ import annotations

import json
import re
from datetime import date
from typing import Any

from starlette.datastructures import FormData, UploadFile
from starlette.requests import Request
from starlette.responses import RedirectResponse, Response

from followup.domain.errors import FollowupError, InvalidField
from followup.domain.model import PROFILE_FIELDS, Contact, Event, Interview
from followup.domain.stage import STAGES
from followup.services import agenda as agenda_service
from followup.services import recording
from followup.services.planning import show_opportunity
from followup.web.app import checked_form, render, services_of

MAX_UPLOAD_BYTES = 50 * 1024 * 1024


async def today(request: Request) -> Response:
    """What to do today: overdue, due today, the next seven days."""
    services = services_of(request)
    result = agenda_service.agenda(services, limit=50)
    return render(request, "today.html", {"agenda": result, "on": result.on})


async def pipeline(request: Request) -> Response:
    services = services_of(request)
    items = agenda_service.list_opportunities(services)
    columns = {stage: [i for i in items if i.stage == stage] for stage in STAGES}
    return render(request, "pipeline.html", {"columns": columns, "today": services.today(None)})


async def opportunity(request: Request) -> Response:
    view = show_opportunity(services_of(request), request.path_params["id"], "id")
    return render(
        request, "opportunity.html", {"view": view, "o": view.opportunity, "today": view.today}
    )


async def mark_done(request: Request) -> Response:
    """Mark a touch done today (a letter sent, a call placed)."""
    form = await checked_form(request)
    services = services_of(request)
    opportunity_id = _text(form, "opportunity")
    on = services.today(recording.get_profile(services))
    event = Event(on, "done", contact=_text(form, "contact"), step=_text(form, "step"))
    recording.log_event(services, opportunity_id, event)
    return _back(request, form)


async def snooze(request: Request) -> Response:
    form = await checked_form(request)
    recording.snooze_touch(
        services_of(request),
        _text(form, "opportunity"),
        _text(form, "step"),
        _text(form, "contact"),
        _date(form, "due"),
        _date(form, "until"),
        str(form.get("reason") or ""),
    )
    return _back(request, form)


async def log(request: Request) -> Response:
    """Record what happened: a reply, an invitation, an offer, a rejection, a withdrawal."""
    form = await checked_form(request)
    services = services_of(request)
    opportunity_id = request.path_params["id"]
    on = (
        _date(form, "date") if form.get("date") else services.today(recording.get_profile(services))
    )
    time_text = str(form.get("time") or "").strip()
    from followup.adapters.files.dossier import parse_time

    event = Event(
        on,
        _text(form, "kind"),
        contact=str(form.get("contact") or "") or None,
        time=parse_time(time_text, "time") if time_text else None,
    )
    recording.log_event(services, opportunity_id, event)
    return RedirectResponse(f"/opportunities/{opportunity_id}", status_code=303)


# -- quick capture ----------------------------------------------------------------------------
async def capture(request: Request) -> Response:
    """Record an interview and everyone met, phone-first."""
    services = services_of(request)
    choices = agenda_service.list_opportunities(services)
    today_ = services.today(recording.get_profile(services))
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
        opportunity_id = _save_capture(services, form, people)
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


def _save_capture(services: Any, form: FormData, people: list[dict[str, str]]) -> str:
    contacts = []
    for i, row in enumerate(people):
        name = " ".join(row.get("name", "").split())
        if not name:
            if any(row.get(k, "").strip() for k in ("title", "email", "topics")):
                raise InvalidField(f"people-{i}-name", "the person's name")
            continue
        minutes_text = row.get("minutes", "").strip() or "0"
        if not minutes_text.isdigit():
            raise InvalidField(f"people-{i}-minutes", "whole minutes, 0 or more", minutes_text)
        contacts.append(
            Contact(
                name=name,
                title=row.get("title", "").strip(),
                email=row.get("email", "").strip(),
                minutes=int(minutes_text),
                decision_maker=row.get("dm") == "on",
                topics=tuple(t.strip() for t in row.get("topics", "").split(",") if t.strip()),
            )
        )
    if not contacts:
        raise InvalidField("people-0-name", "at least one person you met")
    interview_day = _date(form, "date")
    round_text = str(form.get("round") or "1").strip()
    if not round_text.isdigit() or int(round_text) < 1:
        raise InvalidField("round", "a round number, 1 or more", round_text)
    chosen = str(form.get("opportunity") or "").strip()
    if not chosen:
        company = _text(form, "company")
        chosen = _new_id(services, company)
        recording.add_opportunity(
            services,
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
    recording.add_interview(services, chosen, interview)
    return chosen


def _new_id(services: Any, company: str) -> str:
    base = re.sub(r"[^a-z0-9]+", "-", company.lower()).strip("-") or "opportunity"
    taken = {o.id for o in agenda_service.list_opportunities(services)}
    candidate, n = base, 2
    while candidate in taken:
        candidate, n = f"{base}-{n}", n + 1
    return candidate


# -- settings and import/export -----------------------------------------------------------------


async def settings(request: Request) -> Response:
    services = services_of(request)
    policies = services.policies.names()
    if request.method == "GET":
        from followup.services.planning import calendar_token

        profile = recording.get_profile(services)
        feed = str(request.url_for("calendar_feed", token=calendar_token(services)))
        return render(
            request,
            "settings.html",
            {"p": _profile_values(profile), "feed": feed, "policies": policies, "error": None},
        )
    form = await checked_form(request)
    values = {
        k: str(form.get(k) or "")
        for k in (*PROFILE_FIELDS, "strengths", "courses", "other_interviews")
    }
    try:
        changes: dict[str, Any] = {k: values[k].strip() for k in PROFILE_FIELDS}
        for key in ("country", "subdivision"):
            changes[key] = changes[key].upper() or None
        changes["timezone"] = changes["timezone"] or "UTC"
        changes["strengths"] = _lines(values["strengths"])
        changes["courses"] = _lines(values["courses"])
        other = values["other_interviews"].strip() or "0"
        if not other.isdigit():
            raise InvalidField("other_interviews", "a whole number, 0 or more", other)
        changes["other_interviews"] = int(other)
        recording.update_profile(services, **changes)
    except FollowupError as error:
        return render(
            request,
            "settings.html",
            {"p": values, "policies": policies, "error": str(error), "error_field": error.field},
            status=error.http_status,
        )
    return RedirectResponse("/settings?saved=1", status_code=303)


def _profile_values(profile: Any) -> dict[str, str]:
    values = {k: str(getattr(profile, k) or "") for k in PROFILE_FIELDS}
    values["strengths"] = "\n".join(profile.strengths)
    values["courses"] = "\n".join(profile.courses)
    values["other_interviews"] = str(profile.other_interviews)
    return values


def _lines(text: str) -> tuple[str, ...]:
    return tuple(line.strip() for line in text.splitlines() if line.strip())


async def transfer(request: Request) -> Response:
    return render(request, "transfer.html", {"report": None, "error": None})


async def import_file(request: Request) -> Response:
    from followup.adapters.files.dossier import parse_dossier, read_dossier_text
    from followup.services.dossier import import_dossier

    form = await checked_form(request)
    upload = form.get("dossier")
    try:
        if not isinstance(upload, UploadFile) or not upload.filename:
            raise InvalidField("dossier", "a JSON dossier file to upload")
        raw = await upload.read(MAX_UPLOAD_BYTES + 1)
        if len(raw) > MAX_UPLOAD_BYTES:
            raise InvalidField("dossier", "a file of at most 50 MB")
        dossier = parse_dossier(read_dossier_text(raw, upload.filename))
        report = import_dossier(services_of(request), dossier)
    except FollowupError as error:
        return render(
            request,
            "transfer.html",
            {"report": None, "error": str(error)},
            status=error.http_status,
        )
    return render(request, "transfer.html", {"report": report, "error": None})


async def export_file(request: Request) -> Response:
    from followup.adapters.files.dossier import dossier_to_dict
    from followup.services.dossier import export_dossier

    candidate, opportunities = export_dossier(services_of(request))
    body = json.dumps(dossier_to_dict(candidate, opportunities), ensure_ascii=False, indent=2)
    return Response(
        body + "\n",
        media_type="application/json",
        headers={"content-disposition": 'attachment; filename="followup-dossier.json"'},
    )


# -- helpers ------------------------------------------------------------------------------------
def _text(form: FormData, key: str) -> str:
    value = form.get(key)
    if not isinstance(value, str) or not value.strip():
        raise InvalidField(key, "a value (the field is required)")
    return value.strip()


def _date(form: FormData, key: str) -> date:
    from followup.adapters.files.dossier import parse_date

    return parse_date(str(form.get(key) or "").strip(), key)


def _back(request: Request, form: FormData) -> Response:
    """After an action: HTMX gets the refreshed Today list; a plain form goes back."""
    if request.headers.get("hx-request"):
        result = agenda_service.agenda(services_of(request), limit=50)
        return render(request, "_agenda.html", {"agenda": result, "on": result.on})
    target = str(form.get("next") or "/")
    return RedirectResponse(target if target.startswith("/") else "/", status_code=303)


async def calendar_feed(request: Request) -> Response:
    """The plan as a calendar to subscribe to; the address holds a secret token."""
    import secrets

    from starlette.exceptions import HTTPException

    from followup.adapters.files.calendar import plan_to_ics
    from followup.services.planning import calendar_token, stream_plan

    services = services_of(request)
    if not secrets.compare_digest(request.path_params["token"], calendar_token(services)):
        raise HTTPException(404)
    data = plan_to_ics(stream_plan(services), services.clock())
    return Response(data, media_type="text/calendar; charset=utf-8")
