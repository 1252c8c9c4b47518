"""Import/Export: any file Followup reads in — shown as a dry run first, applied on confirmation —
and the whole search out (a dossier, or spreadsheets)."""

from __future__ import annotations

import secrets
import shutil
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from starlette.datastructures import FormData, UploadFile
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from followup.domain.errors import BadInput, FollowupError, InvalidField
from followup.web.common import call, checked_form, deps_of, render

MAX_UPLOAD_BYTES = 50 * 1024 * 1024
KEEP_SECONDS = 3600  # an upload waits this long for its confirmation
KINDS = {
    "": "Find out from the file",
    "dossier": "A Followup dossier (JSON)",
    "invite": "An interview invitation (.ics or .eml)",
    "vcard": "Contacts (vCard)",
    "linkedin": "LinkedIn Connections.csv",
    "google": "Google Contacts CSV",
    "applications": "Applications (LinkedIn, Huntr, Teal, a spreadsheet)",
}

# What a file turned out to be, as a sentence says it.
NOUNS = {
    "dossier": "a Followup dossier",
    "invite": "an interview invitation",
    "vcard": "contacts (vCard)",
    "linkedin": "LinkedIn connections",
    "google": "Google contacts",
    "applications": "applications",
}


@dataclass(frozen=True, slots=True)
class Staged:
    path: Path
    name: str
    kind: str | None
    opportunity: str | None
    mapping: dict[str, str] | None
    at: float


async def transfer(request: Request) -> Response:
    return await _page(request, {})


async def import_file(request: Request) -> Response:
    """Keep the chosen file for a moment and show what importing it would change."""
    form = await checked_form(request)
    try:
        staged = await _stage(request, form)
        report = await call(_run, request, staged, True)
    except FollowupError as error:
        return await _page(request, {"error": str(error)}, error.http_status)
    token = secrets.token_urlsafe(18)
    request.app.state.staged_imports[token] = staged
    return await _page(request, {"preview": report, "token": token, "staged": staged})


async def apply_import(request: Request) -> Response:
    """Import the file shown in the dry run."""
    form = await checked_form(request)
    token = str(form.get("token") or "")
    staged = request.app.state.staged_imports.pop(token, None)
    if staged is None:
        error = BadInput("token: the file to import is no longer here; choose it again")
        return await _page(request, {"error": str(error)}, error.http_status)
    try:
        report = await call(_run, request, staged, False)
    except FollowupError as error:
        return await _page(request, {"error": str(error)}, error.http_status)
    finally:
        shutil.rmtree(staged.path.parent, ignore_errors=True)
    return await _page(request, {"report": report})


async def export_file(request: Request) -> Response:
    from followup.adapters.json_shapes import dossier_json
    from followup.services.dossier import export_dossier

    candidate, opportunities = await call(export_dossier, deps_of(request))
    return Response(
        dossier_json(candidate, opportunities),
        media_type="application/json",
        headers={"content-disposition": 'attachment; filename="followup-dossier.json"'},
    )


async def export_table(request: Request) -> Response:
    """A spreadsheet of the opportunities, the people or the touches (safe to open)."""
    import io

    from followup.adapters.files.spreadsheet import write_csv
    from followup.services.exports import TABLES
    from followup.services.exports import export_table as table

    what = request.path_params["what"]
    if what not in TABLES:
        raise InvalidField("what", f"one of {', '.join(TABLES)}", what)
    out = io.StringIO()
    rows = await call(lambda: list(table(deps_of(request), what)))
    write_csv(rows, out)
    return Response(
        out.getvalue(),
        media_type="text/csv; charset=utf-8",
        headers={"content-disposition": f'attachment; filename="followup-{what}.csv"'},
    )


async def export_people(request: Request) -> Response:
    import io

    from followup.adapters.files.vcard import write_vcards
    from followup.services.people import list_people

    out = io.StringIO()
    write_vcards(await call(list_people, deps_of(request)), out)
    return Response(
        out.getvalue(),
        media_type="text/vcard; charset=utf-8",
        headers={"content-disposition": 'attachment; filename="followup-people.vcf"'},
    )


# -- helpers ---------------------------------------------------------------------------------------
async def _page(request: Request, context: dict[str, Any], status: int = 200) -> Response:
    from followup.services.agenda import list_opportunities

    choices = await call(list_opportunities, deps_of(request))
    base = {
        "kinds": KINDS,
        "nouns": NOUNS,
        "choices": choices,
        "error": None,
        "preview": None,
        "report": None,
    }
    return render(request, "transfer.html", {**base, **context}, status=status)


async def _stage(request: Request, form: FormData) -> Staged:
    """The upload copied to a folder of its own (a large file never sits in memory)."""
    _forget_old(request)
    upload = form.get("file") or form.get("dossier")
    if not isinstance(upload, UploadFile) or not upload.filename:
        raise InvalidField("file", "a file to import (choose one or drop it here)")
    kind = str(form.get("kind") or "") or None
    if kind is not None and kind not in KINDS:
        raise InvalidField("kind", f"one of {', '.join(k for k in KINDS if k)}", kind)
    opportunity = str(form.get("opportunity") or "").strip() or None
    mapping = await _mapping(form)
    folder = Path(tempfile.mkdtemp(prefix="followup-import-"))
    path = folder / "upload"
    size = 0
    with path.open("wb") as out:
        while chunk := await upload.read(1024 * 1024):
            size += len(chunk)
            if size > MAX_UPLOAD_BYTES:
                shutil.rmtree(folder, ignore_errors=True)
                raise InvalidField("file", "a file of at most 50 MB")
            out.write(chunk)
    return Staged(path, Path(upload.filename).name, kind, opportunity, mapping, time.time())


async def _mapping(form: FormData) -> dict[str, str] | None:
    from followup.adapters.files.tables import parse_mapping

    upload = form.get("mapping")
    if isinstance(upload, UploadFile) and upload.filename:
        raw = await upload.read(1024 * 1024)
        try:
            return parse_mapping(raw.decode("utf-8-sig"), upload.filename)
        except UnicodeDecodeError:
            raise InvalidField("mapping", "a UTF-8 JSON file") from None
    text = form.get("mapping_text")
    if isinstance(text, str) and text.strip():
        return parse_mapping(text, "mapping")
    return None


def _run(request: Request, staged: Staged, dry_run: bool) -> Any:
    from followup.services.imports import import_file as run_import
    from followup.services.ports import ImportOptions, ImportSource

    path = staged.path
    source = ImportSource(staged.name, lambda: path.open("rb"), path.stat().st_size)
    options = ImportOptions(opportunity=staged.opportunity, mapping=staged.mapping)
    return run_import(deps_of(request), source, staged.kind, dry_run=dry_run, options=options)


def _forget_old(request: Request) -> None:
    staged: dict[str, Staged] = request.app.state.staged_imports
    now = time.time()
    for token, item in list(staged.items()):
        if now - item.at > KEEP_SECONDS:
            staged.pop(token, None)
            shutil.rmtree(item.path.parent, ignore_errors=True)


routes = [
    Route("/transfer", transfer, name="transfer"),
    Route("/import", import_file, methods=["POST"], name="import"),
    Route("/import/apply", apply_import, methods=["POST"], name="import_apply"),
    Route("/export", export_file, name="export"),
    Route("/export/{what}.csv", export_table, name="export_table"),
    Route("/people.vcf", export_people, name="export_people"),
]
