"""Progress: how the follow-up is going, the same figures as `followup stats`."""

from __future__ import annotations

from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from followup.domain.model import STEPS
from followup.services.progress import follow_up_progress
from followup.web.common import call, deps_of, render


async def progress(request: Request) -> Response:
    """Thank-yous on time, same-day replies, which letters get answers, what became of the
    touches: over the last 4, 12 and 52 weeks, each figure with how it was counted."""
    report = await call(follow_up_progress, deps_of(request))
    steps = [s for s in STEPS if any(a.step == s for w in report.windows for a in w.answers)]
    return render(request, "progress.html", {"report": report, "answer_steps": steps})


routes = [Route("/progress", progress, name="progress")]
