"""What replies proposed (invited, rejected, offer), confirmed or dismissed from Today."""

from __future__ import annotations

from starlette.requests import Request
from starlette.responses import RedirectResponse, Response
from starlette.routing import Route

from followup.domain.errors import InvalidField
from followup.services import replies
from followup.web.common import call, checked_form, deps_of, local_path


def _reply_id(request: Request) -> int:
    value = str(request.path_params.get("reply_id", ""))
    if not (value.isascii() and value.isdigit() and len(value) <= 18):
        raise InvalidField("reply", "the proposal's number", value)
    return int(value)


async def confirm(request: Request) -> Response:
    """Record the event the reply proposed; the plan follows."""
    form = await checked_form(request)
    await call(replies.confirm_proposal, deps_of(request), _reply_id(request))
    return _back(form.get("next"))


async def dismiss(request: Request) -> Response:
    """The reply does not mean that: nothing is recorded."""
    form = await checked_form(request)
    await call(replies.dismiss_proposal, deps_of(request), _reply_id(request))
    return _back(form.get("next"))


def _back(target: object) -> Response:
    return RedirectResponse(local_path(str(target or "/")), status_code=303)


routes = [
    Route("/replies/{reply_id}/confirm", confirm, methods=["POST"], name="confirm_reply"),
    Route("/replies/{reply_id}/dismiss", dismiss, methods=["POST"], name="dismiss_reply"),
]
