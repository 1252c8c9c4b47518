"""Shared set-up for the web tests: an app over a fresh SQLite file with the worked example."""

from __future__ import annotations

import json
import re
from datetime import UTC, datetime
from pathlib import Path

from followup import bootstrap
from followup.adapters.files.dossier import parse_dossier
from followup.services.dossier import import_dossier

DATA = Path(__file__).parents[1] / "data"
# "Today" in these tests: Mon 28 Dec 2026, 15:00 UTC (09:00 in Chicago)
NOW = datetime(2026, 12, 28, 15, 0, tzinfo=UTC)


def make_services(  # type: ignore[no-untyped-def]
    folder: Path, dossier: str = "acme-first.json", database=None
):
    """Services over the worked example: in a SQLite file in `folder`, or on `database` (the
    parametrised fixture: SQLite or PostgreSQL)."""
    deps = (
        database.deps()
        if database is not None
        else bootstrap.dependencies(str(folder / "web.sqlite3"))
    )
    deps.clock = lambda: NOW
    import_dossier(deps, parse_dossier(json.loads((DATA / dossier).read_text())))
    return deps


def csrf_of(html: str) -> str:
    found = re.search(r'name="csrf" value="([^"]+)"', html)
    assert found, "the page has no CSRF field"
    return found.group(1)


ORIGIN = "http://127.0.0.1:8765"


def web_client(deps):  # type: ignore[no-untyped-def]
    """The app in process, spoken to as a browser on this machine would: Host 127.0.0.1 (the
    guard serves only this machine's names) and an Origin on every request (unsafe ones need
    it). A bare TestClient's Host, `testserver`, is refused with a 421."""
    from starlette.testclient import TestClient

    from followup.web.app import create_app

    return TestClient(create_app(deps), base_url=ORIGIN, headers={"origin": ORIGIN})
