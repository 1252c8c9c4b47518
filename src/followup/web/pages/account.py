"""Signing in and out of a shared server; a candidate's coaches; an admin's accounts."""

from __future__ import annotations

from datetime import date

from starlette.requests import Request
from starlette.responses import RedirectResponse, Response
from starlette.routing import Route

from followup.domain.errors import FollowupError
from followup.services import accounts as service
from followup.services import recording
from followup.services.accounts import SESSION_LASTS
from followup.web.access import EVERYONE, SESSION_COOKIE, SIGNED_IN, current_account
from followup.web.common import call, checked_form, deps_of, form_date, form_text, render

HOME = {"candidate": "/", "coach": "/clients", "admin": "/accounts"}


async def login(request: Request) -> Response:
    """The sign-in form: Email and Password."""
    account = getattr(request.state, "account", None)
    target = _local(request.query_params.get("next"))
    if request.method == "GET":
        if account is not None:
            return RedirectResponse(target or HOME[account.role], status_code=303)
        ended = request.query_params.get("ended") == "1"
        return _form(request, "", target, "Your session has ended; sign in again." if ended else "")
    form = await checked_form(request)
    email = str(form.get("email") or "").strip()
    target = _local(str(form.get("next") or "")) or target
    try:
        signed = await call(
            service.sign_in,
            deps_of(request),
            email,
            str(form.get("password") or ""),
            _address(request),
        )
    except FollowupError as error:
        if error.http_status >= 500:  # the database, not the form: the error page says so
            raise
        return _form(request, email, target, str(error), error.http_status)
    response = RedirectResponse(target or HOME[signed.account.role], status_code=303)
    response.set_cookie(
        SESSION_COOKIE,
        signed.token,
        max_age=int(SESSION_LASTS.total_seconds()),
        path="/",
        httponly=True,
        samesite="lax",
        secure=request.url.scheme == "https",
    )
    return response


def _form(request: Request, email: str, target: str, message: str, status: int = 200) -> Response:
    return render(
        request,
        "login.html",
        {"email": email, "next": target, "message": message, "failed": status >= 400},
        status,
    )


def _local(target: str | None) -> str:
    """Only a path of this site (never //elsewhere or a full URL)."""
    if not target or not target.startswith("/") or target.startswith("//") or "\\" in target:
        return ""
    return target


def _address(request: Request) -> str:
    # behind a proxy, `followup serve` trusts its X-Forwarded-For (uvicorn's proxy headers)
    return request.client.host if request.client else "unknown"


async def logout(request: Request) -> Response:
    await checked_form(request)
    await call(service.sign_out, deps_of(request), request.cookies.get(SESSION_COOKIE))
    response = RedirectResponse("/login", status_code=303)
    response.delete_cookie(SESSION_COOKIE, path="/")
    return response


async def sharing(request: Request) -> Response:
    """A candidate's coaches: who may read the search, until when; give or end access."""
    deps = deps_of(request)
    me = current_account(request)
    error = ""
    status = 200
    if request.method == "POST":
        form = await checked_form(request)
        try:
            if form.get("revoke"):
                await call(service.revoke_access, deps, me, form_text(form, "revoke"))
            else:
                until: date | None = form_date(form, "until") if form.get("until") else None
                today = deps.today(await call(recording.get_profile, deps))
                await call(service.grant_access, deps, me, form_text(form, "coach"), until, today)
            return RedirectResponse("/sharing", status_code=303)
        except FollowupError as failed:
            if failed.http_status >= 500:
                raise
            error, status = str(failed), failed.http_status
    grants = await call(service.list_grants, deps, me)
    return render(request, "sharing.html", {"grants": grants, "error": error}, status)


async def accounts(request: Request) -> Response:
    """An admin's page: every account; add one, disable one. No one's search or letters."""
    deps = deps_of(request)
    error = ""
    status = 200
    if request.method == "POST":
        form = await checked_form(request)
        try:
            if form.get("disable"):
                await call(service.disable_user, deps, form_text(form, "disable"))
            else:
                await call(
                    service.add_user,
                    deps,
                    form_text(form, "email"),
                    form_text(form, "role"),
                    str(form.get("password") or ""),
                )
            return RedirectResponse("/accounts", status_code=303)
        except FollowupError as failed:
            if failed.http_status >= 500:
                raise
            error, status = str(failed), failed.http_status
    listed = await call(service.list_users, deps)
    return render(request, "accounts.html", {"accounts": listed, "error": error}, status)


routes = [
    Route("/login", login, methods=["GET", "POST"], name="login"),
    Route("/logout", logout, methods=["POST"], name="logout"),
    Route("/sharing", sharing, methods=["GET", "POST"], name="sharing"),
    Route("/accounts", accounts, methods=["GET", "POST"], name="accounts"),
]
server_only = True  # nothing here exists on one person's SQLite file
roles = {
    "login": EVERYONE,
    "logout": SIGNED_IN,
    "sharing": ("candidate",),
    "accounts": ("admin",),
}
