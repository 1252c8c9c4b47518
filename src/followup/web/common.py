"""What every page shares: rendering a template, the CSRF-checked form, the services, and
reading a form's fields."""

from __future__ import annotations

import secrets
from datetime import date
from typing import Any

from starlette.datastructures import FormData
from starlette.requests import Request
from starlette.responses import Response
from starlette.templating import Jinja2Templates

from followup.domain.errors import FollowupError, InvalidField
from followup.services.dependencies import Dependencies

CSRF_COOKIE = "followup_csrf"
CSRF_FIELD = "csrf"
CSRF_HEADER = "x-csrf-token"


class CsrfRejected(FollowupError):
    exit_code = 2
    http_status = 403


def render(request: Request, name: str, context: dict[str, Any], status: int = 200) -> Response:
    templates: Jinja2Templates = request.app.state.templates
    context = {
        "csrf_token": request.state.csrf,
        "path": request.url.path,
        "account": getattr(request.state, "account", None),  # on a shared server, who is in
        "shared": request.app.state.services.store.accounts() is not None,
        **context,
    }
    return templates.TemplateResponse(request, name, context, status_code=status)


async def checked_form(request: Request) -> FormData:
    """The submitted form, once its CSRF token matches the cookie (double-submit)."""
    form = await request.form()
    sent = form.get(CSRF_FIELD) or request.headers.get(CSRF_HEADER)
    cookie = request.cookies.get(CSRF_COOKIE)
    if not cookie or not isinstance(sent, str) or not secrets.compare_digest(sent, cookie):
        raise CsrfRejected("csrf: the form expired or came from elsewhere; reload the page")
    return form


def deps_of(request: Request) -> Dependencies:
    """The services for this request: on a shared server, acting as the signed-in account."""
    deps: Dependencies = getattr(request.state, "deps", None) or request.app.state.services
    return deps


def form_text(form: FormData, key: str) -> str:
    value = form.get(key)
    if not isinstance(value, str) or not value.strip():
        raise InvalidField(key, "a value (the field is required)")
    return value.strip()


def form_date(form: FormData, key: str) -> date:
    from followup.domain.parsing import parse_date

    return parse_date(str(form.get(key) or "").strip(), key)
