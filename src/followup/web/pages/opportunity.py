"""An opportunity: people met, deadlines, events, the plan with reasons, the warnings; record
what happened."""

from __future__ import annotations

from starlette.requests import Request
from starlette.responses import RedirectResponse, Response
from starlette.routing import Route

from followup.domain.model import Topic
from followup.domain.parsing import parse_time
from followup.services import coaching, notes, recording
from followup.services.planning import show_opportunity
from followup.web.common import (
    call,
    checked_form,
    deps_of,
    form_date,
    form_text,
    path_segment,
    render,
)


async def opportunity(request: Request) -> Response:
    deps = deps_of(request)
    view = await call(show_opportunity, deps, request.path_params["id"], "id")
    account = getattr(request.state, "account", None)  # on a shared server: its coaches' notes
    comments = (
        await call(coaching.comments, deps, account, account.id, view.opportunity.id)
        if account
        else []
    )
    return render(
        request,
        "opportunity.html",
        {
            "view": view,
            "o": view.opportunity,
            "today": view.today,
            "captured": request.query_params.get("captured") == "1",
            "comments": comments,
        },
    )


async def note(request: Request) -> Response:
    """Add a topic discussed with someone, or change the few words noted on it."""
    form = await checked_form(request)
    opportunity_id = request.path_params["id"]
    await call(
        notes.note_topic,
        deps_of(request),
        opportunity_id,
        form_text(form, "to"),
        form_text(form, "topic"),
        **{key: str(form.get(key) or "") for key in Topic.NOTES},
    )
    return RedirectResponse(f"/opportunities/{path_segment(opportunity_id)}", status_code=303)


async def strengths(request: Request) -> Response:
    """What the candidate brings to this opportunity, one a line."""
    form = await checked_form(request)
    opportunity_id = request.path_params["id"]
    await call(
        notes.set_strengths,
        deps_of(request),
        opportunity_id,
        str(form.get("strengths") or "").splitlines(),
    )
    return RedirectResponse(f"/opportunities/{path_segment(opportunity_id)}", status_code=303)


async def log(request: Request) -> Response:
    """Record what happened: a reply, an invitation, an offer, a rejection, a withdrawal."""
    form = await checked_form(request)
    deps = deps_of(request)
    opportunity_id = request.path_params["id"]
    await call(
        recording.log_event,
        deps,
        opportunity_id,
        form_text(form, "kind"),
        contact=str(form.get("contact") or "") or None,
        on=form_date(form, "date") if form.get("date") else None,
        at=parse_time(str(form.get("time") or "").strip(), "time"),
    )
    return RedirectResponse(f"/opportunities/{path_segment(opportunity_id)}", status_code=303)


async def remove(request: Request) -> Response:
    """Take back an event recorded by mistake (its number as the page lists them)."""
    await checked_form(request)
    opportunity_id = request.path_params["id"]
    number = request.path_params["n"]
    await call(recording.remove_event, deps_of(request), opportunity_id, number)
    return RedirectResponse(f"/opportunities/{path_segment(opportunity_id)}", status_code=303)


routes = [
    Route("/opportunities/{id}", opportunity, name="opportunity"),
    Route("/opportunities/{id}/events", log, methods=["POST"], name="log"),
    Route("/opportunities/{id}/notes", note, methods=["POST"], name="note"),
    Route("/opportunities/{id}/strengths", strengths, methods=["POST"], name="strengths"),
    Route("/opportunities/{id}/events/{n}/remove", remove, methods=["POST"], name="unlog"),
]
