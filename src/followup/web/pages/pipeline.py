"""Pipeline: every opportunity by stage with its next touch, the funnel, the weeks ahead."""

from __future__ import annotations

from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from followup.domain.stage import STAGES
from followup.services.progress import pipeline as pipeline_view
from followup.web.common import call, deps_of, render

# A column shows this many cards unless asked for all: a board of thousands is read by its
# counts and its funnel, and stays quick to load.
CARDS_PER_STAGE = 60


async def pipeline(request: Request) -> Response:
    """Every opportunity by stage, how far they got (the funnel), and the weeks ahead."""
    view = await call(pipeline_view, deps_of(request))
    shown = None if request.query_params.get("all") else CARDS_PER_STAGE
    columns = {stage: [i for i in view.opportunities if i.stage == stage] for stage in STAGES}
    # Saved and applied jobs (imported from a job board or a tracker) get a column only when
    # there are some: a search typed in by hand starts at the interview.
    for stage in ("saved", "applied"):
        if not columns[stage]:
            del columns[stage]
    return render(
        request,
        "pipeline.html",
        {
            "columns": columns,
            "shown": shown,
            "today": view.today,
            "funnel": view.funnel,
            "ahead": view.ahead,
        },
    )


routes = [
    Route("/pipeline", pipeline, name="pipeline"),
]
