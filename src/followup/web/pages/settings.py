"""Settings: the profile that shapes letters and the calendar, and the calendar feed."""

from __future__ import annotations

from typing import Any

from starlette.requests import Request
from starlette.responses import RedirectResponse, Response
from starlette.routing import Route

from followup.domain.errors import FollowupError, InvalidField
from followup.domain.model import PROFILE_FIELDS
from followup.domain.parsing import parse_region
from followup.services import recording
from followup.web.common import call, checked_form, deps_of, render


async def settings(request: Request) -> Response:
    deps = deps_of(request)
    policies = deps.policies.names()
    if request.method == "GET":
        from followup.services.planning import calendar_token

        profile = await call(recording.get_profile, deps)
        # From the address the server was started for, never from the request's Host header
        base = request.app.state.config.base_url
        feed = f"{base}/calendar/{await call(calendar_token, deps)}.ics"
        return render(
            request,
            "settings.html",
            {"p": _profile_values(profile), "feed": feed, "policies": policies, "error": None},
        )
    form = await checked_form(request)
    values = {
        k: str(form.get(k) or "")
        for k in (*PROFILE_FIELDS, "strengths", "courses", "other_interviews")
    }
    try:
        changes: dict[str, Any] = {k: values[k].strip() for k in PROFILE_FIELDS}
        for key in ("country", "subdivision"):
            changes[key] = parse_region(changes[key])
        changes["timezone"] = changes["timezone"] or "UTC"
        changes["strengths"] = _lines(values["strengths"])
        changes["courses"] = _lines(values["courses"])
        other = values["other_interviews"].strip() or "0"
        if not other.isdigit():
            raise InvalidField("other_interviews", "a whole number, 0 or more", other)
        changes["other_interviews"] = int(other)
        await call(recording.update_profile, deps, **changes)
    except FollowupError as error:
        return render(
            request,
            "settings.html",
            {"p": values, "policies": policies, "error": str(error), "error_field": error.field},
            status=error.http_status,
        )
    return RedirectResponse("/settings?saved=1", status_code=303)


def _profile_values(profile: Any) -> dict[str, str]:
    values = {k: str(getattr(profile, k) or "") for k in PROFILE_FIELDS}
    values["strengths"] = "\n".join(profile.strengths)
    values["courses"] = "\n".join(profile.courses)
    values["other_interviews"] = str(profile.other_interviews)
    return values


def _lines(text: str) -> tuple[str, ...]:
    return tuple(line.strip() for line in text.splitlines() if line.strip())


async def calendar_feed(request: Request) -> Response:
    """The plan as a calendar to subscribe to; the address holds a secret token."""
    import secrets

    from starlette.exceptions import HTTPException

    from followup.adapters.files.calendar import plan_to_ics
    from followup.services.planning import calendar_token, stream_plan

    deps = deps_of(request)
    given = request.path_params["token"].encode("utf-8", "replace")
    if not secrets.compare_digest(given, (await call(calendar_token, deps)).encode()):
        raise HTTPException(404)
    data = await call(lambda: plan_to_ics(stream_plan(deps), deps.clock()))
    return Response(data, media_type="text/calendar; charset=utf-8")


routes = [
    Route("/settings", settings, methods=["GET", "POST"], name="settings"),
    Route("/calendar/{token}.ics", calendar_feed, name="calendar_feed"),
]
