"""A coach's pages: clients at a glance, one client's search read-only, comments.

Every page reads through services acting as the coach with the client as subject: the
database's row-level security answers only for candidates whose grant to this coach is current.
A coach sends, edits and approves nothing: these pages have no such form, and the database
refuses a coach's write to a candidate's rows.
"""

from __future__ import annotations

from starlette.requests import Request
from starlette.responses import RedirectResponse, Response
from starlette.routing import Route

from followup.domain.errors import FollowupError, InvalidField
from followup.services import agenda as agenda_service
from followup.services import coaching
from followup.services.planning import show_opportunity
from followup.web.access import current_account
from followup.web.common import call, checked_form, deps_of, render


async def clients(request: Request) -> Response:
    """Every client at a glance: overdue touches, days since the last touch, replies not
    answered by the next business day, and where their opportunities stand."""
    rows = await call(coaching.clients, deps_of(request), current_account(request))
    return render(request, "clients.html", {"clients": rows})


def _client(request: Request) -> int:
    text = str(request.path_params["client"])
    if not text.isdigit():
        raise InvalidField("client", "a client's number", text)
    return int(text)


async def client(request: Request) -> Response:
    """One client's search, read-only: what is due, and every opportunity."""
    coach = current_account(request)
    deps = await call(coaching.client_deps, deps_of(request), coach, _client(request))
    agenda = await call(agenda_service.agenda, deps, limit=50)
    opportunities = await call(agenda_service.list_opportunities, deps)
    from followup.services.recording import get_profile

    return render(
        request,
        "client.html",
        {
            "client": _client(request),
            "profile": get_profile(deps),
            "agenda": agenda,
            "on": agenda.on,
            "opportunities": opportunities,
        },
    )


async def client_opportunity(request: Request) -> Response:
    coach = current_account(request)
    number = _client(request)
    deps = await call(coaching.client_deps, deps_of(request), coach, number)
    view = await call(show_opportunity, deps, request.path_params["id"], "id")
    comments = await call(coaching.comments, deps, coach, number, view.opportunity.id)
    return render(
        request,
        "client_opportunity.html",
        {
            "client": number,
            "view": view,
            "o": view.opportunity,
            "today": view.today,
            "comments": comments,
            "error": "",
        },
    )


async def comment(request: Request) -> Response:
    """A coach's comment on a client's opportunity; the candidate sees it there."""
    coach = current_account(request)
    number = _client(request)
    form = await checked_form(request)
    deps = await call(coaching.client_deps, deps_of(request), coach, number)
    opportunity_id = request.path_params["id"]
    try:
        await call(
            coaching.add_comment,
            deps,
            coach,
            number,
            opportunity_id,
            str(form.get("comment") or ""),
        )
    except InvalidField as error:
        view = await call(show_opportunity, deps, opportunity_id, "id")
        return render(
            request,
            "client_opportunity.html",
            {
                "client": number,
                "view": view,
                "o": view.opportunity,
                "today": view.today,
                "comments": await call(coaching.comments, deps, coach, number, opportunity_id),
                "error": str(error),
            },
            status=error.http_status,
        )
    except FollowupError:
        raise
    return RedirectResponse(f"/clients/{number}/opportunities/{opportunity_id}", status_code=303)


routes = [
    Route("/clients", clients, name="clients"),
    Route("/clients/{client}", client, name="client"),
    Route("/clients/{client}/opportunities/{id}", client_opportunity, name="client_opportunity"),
    Route(
        "/clients/{client}/opportunities/{id}/comments",
        comment,
        methods=["POST"],
        name="comment",
    ),
]
server_only = True
roles = {name: ("coach",) for name in ("clients", "client", "client_opportunity", "comment")}
