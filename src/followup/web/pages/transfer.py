"""Import/Export: a dossier in, the whole search out."""

from __future__ import annotations

from starlette.datastructures import UploadFile
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from followup.domain.errors import FollowupError, InvalidField
from followup.web.common import checked_form, deps_of, render

MAX_UPLOAD_BYTES = 50 * 1024 * 1024


async def transfer(request: Request) -> Response:
    return render(request, "transfer.html", {"report": None, "error": None})


async def import_file(request: Request) -> Response:
    from followup.services.imports import import_file
    from followup.services.ports import ImportSource

    form = await checked_form(request)
    upload = form.get("dossier")
    try:
        if not isinstance(upload, UploadFile) or not upload.filename:
            raise InvalidField("dossier", "a JSON dossier file to upload")
        raw = await upload.read(MAX_UPLOAD_BYTES + 1)
        if len(raw) > MAX_UPLOAD_BYTES:
            raise InvalidField("dossier", "a file of at most 50 MB")
        report = import_file(deps_of(request), ImportSource.from_bytes(raw, upload.filename))
    except FollowupError as error:
        return render(
            request,
            "transfer.html",
            {"report": None, "error": str(error)},
            status=error.http_status,
        )
    return render(request, "transfer.html", {"report": report, "error": None})


async def export_file(request: Request) -> Response:
    from followup.adapters.json_shapes import dossier_json
    from followup.services.dossier import export_dossier

    candidate, opportunities = export_dossier(deps_of(request))
    return Response(
        dossier_json(candidate, opportunities),
        media_type="application/json",
        headers={"content-disposition": 'attachment; filename="followup-dossier.json"'},
    )


routes = [
    Route("/transfer", transfer, name="transfer"),
    Route("/import", import_file, methods=["POST"], name="import"),
    Route("/export", export_file, name="export"),
]
