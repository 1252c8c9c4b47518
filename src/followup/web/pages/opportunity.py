"""An opportunity: people met, deadlines, events, the plan with reasons, the warnings; record
what happened."""

from __future__ import annotations

from starlette.requests import Request
from starlette.responses import RedirectResponse, Response
from starlette.routing import Route

from followup.domain.parsing import parse_time
from followup.services import recording
from followup.services.planning import show_opportunity
from followup.web.common import checked_form, deps_of, form_date, form_text, render


async def opportunity(request: Request) -> Response:
    view = show_opportunity(deps_of(request), request.path_params["id"], "id")
    return render(
        request, "opportunity.html", {"view": view, "o": view.opportunity, "today": view.today}
    )


async def log(request: Request) -> Response:
    """Record what happened: a reply, an invitation, an offer, a rejection, a withdrawal."""
    form = await checked_form(request)
    deps = deps_of(request)
    opportunity_id = request.path_params["id"]
    recording.log_event(
        deps,
        opportunity_id,
        form_text(form, "kind"),
        contact=str(form.get("contact") or "") or None,
        on=form_date(form, "date") if form.get("date") else None,
        at=parse_time(str(form.get("time") or "").strip(), "time"),
    )
    return RedirectResponse(f"/opportunities/{opportunity_id}", status_code=303)


routes = [
    Route("/opportunities/{id}", opportunity, name="opportunity"),
    Route("/opportunities/{id}/events", log, methods=["POST"], name="log"),
]
