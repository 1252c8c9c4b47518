"""The web interface: server-rendered pages with HTMX for partial updates.

`create_app(services)` builds the Starlette app over the same services as the CLI. Errors are
translated in one place (`_error`): a user's mistake re-renders with its message and a 4xx
status, an unknown id is a friendly 404 page.
"""

from __future__ import annotations

import dataclasses
from importlib import resources
from typing import Any

from starlette.applications import Starlette
from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import HTMLResponse, Response
from starlette.routing import BaseRoute, Mount
from starlette.staticfiles import StaticFiles
from starlette.templating import Jinja2Templates

from followup.domain.errors import FollowupError
from followup.services.dependencies import Dependencies
from followup.web.common import render
from followup.web.security import Guard, Signer, WebConfig, refuse_exposure

__all__ = ["WebConfig", "create_app"]


def _templates() -> Jinja2Templates:
    folder = str(resources.files("followup.web") / "templates")
    templates = Jinja2Templates(directory=folder)  # autoescaping on for .html
    from followup.domain.vocabulary import ACTIONS, LABELS, countdown, day

    templates.env.globals.update(actions=ACTIONS, step_labels=LABELS, day=day, countdown=countdown)
    from followup.web import charts

    charts.register(templates.env)
    from followup.web.common import path_segment

    templates.env.filters["segment"] = path_segment  # ids in links: `plain#2` stays one id
    return templates


async def _error(request: Request, exc: Exception) -> Response:
    if isinstance(exc, HTTPException):
        status, message = (
            exc.status_code,
            ("There is no such page." if exc.status_code == 404 else str(exc.detail)),
        )
    elif isinstance(exc, FollowupError):
        status, message = exc.http_status, str(exc)
    else:  # pragma: no cover - a bug: say so plainly, never show a traceback
        status, message = 500, "Something went wrong on our side."
    if request.headers.get("hx-request"):
        response: Response = HTMLResponse(
            f'<p class="error" role="alert">{_escape(message)}</p>', status
        )
    else:
        response = render(request, "error.html", {"status": status, "message": message}, status)
    if status == 503:  # the database went away: nothing was saved; worth trying again soon
        response.headers["retry-after"] = "5"
    return response


def _escape(text: str) -> str:
    from markupsafe import escape

    return str(escape(text))


def create_app(deps: Dependencies, config: WebConfig | None = None) -> Any:
    """The app, behind its guard (web/security.py). Refuses, in one line, to be served beyond
    loopback without a login."""
    import importlib
    from collections import OrderedDict

    from starlette.routing import Route

    from followup.services.keys import server_key
    from followup.web.access import CANDIDATE, OVERRIDES, guard
    from followup.web.pages import MODULES

    config = config or WebConfig()
    if deps.store.accounts() is not None:  # a shared server: everyone signs in (web/access.py)
        config = dataclasses.replace(config, login=True)
    refuse_exposure(config)

    static = StaticFiles(directory=str(resources.files("followup.web") / "static"))
    routes: list[BaseRoute] = []
    for name in MODULES:
        module = importlib.import_module(f"followup.web.pages.{name}")
        roles: dict[str, tuple[str, ...]] = getattr(module, "roles", {})
        server_only: bool = getattr(module, "server_only", False)
        for route in module.routes:
            if isinstance(route, Route):  # who may open it (access.py): a candidate by default
                chosen = OVERRIDES.get(route.name) or roles.get(route.name, CANDIDATE)
                guard(route, chosen, server_only)
            routes.append(route)
    routes.append(Mount("/static", static, name="static"))
    app = Starlette(
        routes=routes,
        exception_handlers={HTTPException: _error, FollowupError: _error},
    )
    app.state.services = deps
    app.state.templates = _templates()
    app.state.staged_imports = {}  # uploads shown as a dry run, waiting for confirmation
    app.state.caches = OrderedDict()  # per account, on a shared server (web/access.py)
    app.state.config = config
    return Guard(app, config, Signer(lambda: server_key(deps, "csrf")))
