"""Today: what is overdue, due today and in the next seven days; mark done, snooze."""

from __future__ import annotations

from starlette.datastructures import FormData
from starlette.requests import Request
from starlette.responses import RedirectResponse, Response
from starlette.routing import Route

from followup.services import agenda as agenda_service
from followup.services import recording
from followup.web.common import (
    call,
    checked_form,
    deps_of,
    form_date,
    form_text,
    local_path,
    render,
)


async def today(request: Request) -> Response:
    """What to do today: overdue, due today, the next seven days."""
    view = await call(agenda_service.today_view, deps_of(request))
    context = {
        "agenda": view.agenda,
        "on": view.agenda.on,
        "ahead": view.ahead,
        "proposals": view.proposals,
        "sign_in_needed": view.sign_in_needed,
    }
    return render(request, "today.html", context)


async def mark_done(request: Request) -> Response:
    """Mark a touch done today (a letter sent, a call placed)."""
    form = await checked_form(request)
    deps = deps_of(request)
    await call(
        recording.log_event,
        deps,
        form_text(form, "opportunity"),
        "done",
        contact=form_text(form, "contact"),
        step=form_text(form, "step"),
    )
    return await _back(request, form)


async def snooze(request: Request) -> Response:
    form = await checked_form(request)
    await call(
        recording.snooze_touch,
        deps_of(request),
        form_text(form, "opportunity"),
        form_text(form, "step"),
        form_text(form, "contact"),
        form_date(form, "due"),
        form_date(form, "until"),
        str(form.get("reason") or ""),
    )
    return await _back(request, form)


async def _back(request: Request, form: FormData) -> Response:
    """After an action: HTMX gets the refreshed Today list; a plain form goes back."""
    if request.headers.get("hx-request"):
        result = await call(agenda_service.agenda, deps_of(request), limit=50)
        return render(request, "_agenda.html", {"agenda": result, "on": result.on})
    return RedirectResponse(local_path(str(form.get("next") or "/")), status_code=303)


routes = [
    Route("/", today, name="today"),
    Route("/touches/done", mark_done, methods=["POST"], name="mark_done"),
    Route("/touches/snooze", snooze, methods=["POST"], name="snooze"),
]
