"""Who may open which page, and as whom it acts.

Every route is wrapped by `guard` with the roles that may open it: a page module names them in
its `roles` (route name -> roles); a route it does not name is a candidate's page. On one
person's SQLite file there is no signing in: the candidate's pages are open (on loopback),
nothing else exists. On a shared server the session cookie names the account; a visitor is sent
to sign in, a signed-in account without the role finds no such page (a 404, never a 403), and
the page's services act as that account, so the database shows it only what is its own.
"""

from __future__ import annotations

from collections import OrderedDict
from dataclasses import replace
from typing import Any
from urllib.parse import quote

from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import RedirectResponse, Response
from starlette.routing import Route

from followup.services.accounts import session_account
from followup.services.dependencies import Dependencies
from followup.services.office import Account
from followup.web.common import call

SESSION_COOKIE = "followup_session"
VISITOR = "visitor"  # not signed in
CANDIDATE = ("candidate",)
EVERYONE = ("visitor", "candidate", "coach", "admin")
SIGNED_IN = ("candidate", "coach", "admin")
# Routes of modules that are not this one's, whose roles are not the default.
OVERRIDES: dict[str, tuple[str, ...]] = {"calendar_feed": EVERYONE}
CACHES = 512  # accounts whose letter-check directory is kept in this process


def guard(route: Route, roles: tuple[str, ...], server_only: bool = False) -> None:
    """Let only `roles` open the route; `server_only` routes do not exist on a SQLite file."""
    inner = route.app
    name = route.name

    async def app(scope: Any, receive: Any, send: Any) -> None:
        request = Request(scope, receive)
        found = await _admit(request, name, roles, server_only)
        if isinstance(found, Response):
            await found(scope, receive, send)
            return
        await inner(scope, receive, send)

    route.app = app


async def _admit(
    request: Request, name: str, roles: tuple[str, ...], server_only: bool
) -> Response | None:
    deps: Dependencies = request.app.state.services
    accounts = deps.store.accounts()
    if accounts is None:  # one person's file: their pages, and nothing of a server's
        if server_only or "candidate" not in roles:
            raise HTTPException(404)
        return None
    if name == "calendar_feed":  # the address's secret token says whose plan it is
        owner = await call(accounts.feed_account, str(request.path_params.get("token", "")))
        if owner is None:
            raise HTTPException(404)
        request.state.deps = _acting(request, deps, owner)
        return None
    token = request.cookies.get(SESSION_COOKIE)
    account = await call(session_account, deps, token) if token else None
    role = account.role if account else VISITOR
    if role not in roles:
        if account is None and VISITOR not in roles:
            return _to_sign_in(request, ended=bool(token))
        raise HTTPException(404)
    request.state.account = account
    if account is not None:
        request.state.deps = _acting(request, deps, account.id)
    return None


def _acting(request: Request, deps: Dependencies, account: int) -> Dependencies:
    """The services acting as `account`, with a cache of its own (the letter check's directory
    must never be another person's)."""
    caches: OrderedDict[int, dict[str, Any]] = request.app.state.caches
    cache = caches.pop(account, None) or {}
    caches[account] = cache
    while len(caches) > CACHES:
        caches.popitem(last=False)
    return replace(deps, store=deps.store.acting_as(account), cache=cache)


def _to_sign_in(request: Request, ended: bool) -> Response:
    target = request.url.path + (f"?{request.url.query}" if request.url.query else "")
    place = "/login?" + ("ended=1&" if ended else "") + "next=" + quote(target, safe="")
    if request.headers.get("hx-request"):
        response: Response = Response(status_code=401, headers={"HX-Redirect": place})
    else:
        response = RedirectResponse(place, status_code=303)
    if ended:
        response.delete_cookie(SESSION_COOKIE, path="/")
    return response


def current_account(request: Request) -> Account:
    """The signed-in account (a page guarded for signed-in roles only)."""
    account: Account | None = getattr(request.state, "account", None)
    if account is None:
        raise HTTPException(404)
    return account
