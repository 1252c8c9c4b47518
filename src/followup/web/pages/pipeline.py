"""Pipeline: every opportunity by stage, with its next touch."""

from __future__ import annotations

from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from followup.domain.stage import STAGES
from followup.services import agenda as agenda_service
from followup.web.common import deps_of, render


async def pipeline(request: Request) -> Response:
    deps = deps_of(request)
    items = agenda_service.list_opportunities(deps)
    columns = {stage: [i for i in items if i.stage == stage] for stage in STAGES}
    return render(request, "pipeline.html", {"columns": columns, "today": deps.today(None)})


routes = [
    Route("/pipeline", pipeline, name="pipeline"),
]
