"""What every page shares: rendering a template, the CSRF-checked form, the services, and
reading a form's fields."""

from __future__ import annotations

from collections.abc import Callable
from contextvars import ContextVar
from datetime import date
from typing import Any, TypeVar
from weakref import WeakKeyDictionary

from starlette.datastructures import FormData
from starlette.requests import Request
from starlette.responses import Response
from starlette.templating import Jinja2Templates

from followup.domain.errors import InvalidField
from followup.services.dependencies import Dependencies

T = TypeVar("T")


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
    """The submitted form. Its origin, its signed CSRF token and its size were checked by the
    guard (web/security.py) before a byte of it was read."""
    return await request.form()


# Use cases running at once in one process: two, so that a request waiting for a busy database
# does not hold up the others, and no more, so that the ones running are not slowed by sharing
# the interpreter (with four, Today's server time under 50 sessions doubled; with the whole pool,
# it was 150 ms). The rest wait their turn, and the wait is reported apart (Server-Timing).
USE_CASES_AT_ONCE = 2
_limiters: WeakKeyDictionary[Any, Any] = WeakKeyDictionary()  # one per event loop
# The seconds this request waited for its turn (web/security.py reports them in Server-Timing).
waited: ContextVar[list[float] | None] = ContextVar("followup_waited", default=None)


async def call(function: Callable[..., T], *args: Any, **kwargs: Any) -> T:
    """Run a use case in the thread pool: database work never blocks the event loop, so one
    request waiting for a busy database does not freeze every other page."""
    import asyncio
    import time
    from functools import partial

    import anyio.to_thread

    loop = asyncio.get_running_loop()
    limiter = _limiters.get(loop)
    if limiter is None:
        limiter = _limiters[loop] = anyio.CapacityLimiter(USE_CASES_AT_ONCE)
    asked = time.perf_counter()
    async with limiter:
        box = waited.get()
        if box is not None:
            box.append(time.perf_counter() - asked)
        return await anyio.to_thread.run_sync(partial(function, *args, **kwargs))


def local_path(target: str, default: str = "/") -> str:
    """A redirect target that stays on this site: a path, never `//host` or `/\\host` (which
    browsers read as another site) or a URL with a scheme."""
    from urllib.parse import urlsplit

    parts = urlsplit(target)
    if (
        not target.startswith("/")
        or target.startswith(("//", "/\\"))
        or parts.scheme
        or parts.netloc
        or any(c in target for c in "\\\r\n\t")
    ):
        return default
    return target


def path_segment(value: str) -> str:
    """An id as one segment of a web address (`plain#2` -> `plain%232`)."""
    from urllib.parse import quote

    return quote(value, safe="")


def form_index(request: Request, key: str, high: int) -> int:
    """A small whole number from the query string (a row number), 0 to `high`."""
    text = request.query_params.get(key, "0") or "0"
    if not (text.isascii() and text.isdigit() and len(text) <= 4 and int(text) <= high):
        raise InvalidField(key, f"a whole number from 0 to {high}", text)
    return int(text)


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
