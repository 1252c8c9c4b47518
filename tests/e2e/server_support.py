"""A shared server for the tests: two candidates on one PostgreSQL database whose opportunities
share an id (`acme-ae`), a coach and an admin; the web app in process, signed in as any of them.

Kim's data carries marker words that must never appear in anything Sam, or a coach Kim did not
let in, is shown."""

from __future__ import annotations

import copy
import json

from starlette.testclient import TestClient

from followup import bootstrap
from followup.adapters.files.dossier import parse_dossier
from followup.services.dossier import import_dossier

from ..postgres import PASSWORD
from .web_support import DATA, NOW, csrf_of

KIM_MARKERS = (
    "Kimberly",
    "Secretkeeper",
    "Zenith Kimco",
    "Hiddenname",
    "Kim Tanaka",
    "kim.example",
)


def kim_dossier() -> dict:  # type: ignore[type-arg]
    dossier = json.loads((DATA / "acme-first.json").read_text())
    dossier["candidate"].update(name="Kim Tanaka", email="kim@kim.example")
    acme = dossier["opportunities"][0]
    acme["company"] = "Kimberly Acme Holdings"
    dana, lee = acme["interviews"][0]["contacts"]
    dana.update(name="Morgan Secretkeeper", email="morgan@kim.example")
    lee.update(name="Lee Park", email="lee@kim.example")
    acme["events"] = [
        {
            "date": "2026-12-24",
            "kind": "done",
            "step": "thank_you",
            "contact": "Morgan Secretkeeper",
        }
    ]
    only = copy.deepcopy(acme)
    only.update(id="kim-only", company="Zenith Kimco")
    only["interviews"][0]["id"] = "kim-only-1"
    only["interviews"][0]["contacts"] = [
        {"name": "Riley Hiddenname", "email": "riley@kim.example", "minutes": 30}
    ]
    only["events"] = []
    dossier["opportunities"].append(only)
    return dossier


def two_candidates(database):  # type: ignore[no-untyped-def]
    """Sam's worked example and Kim's clashing search in one database; the web's services
    (acting as no one until someone signs in)."""
    sam = database.deps("sam@example.com")
    sam.clock = lambda: NOW
    import_dossier(sam, parse_dossier(json.loads((DATA / "acme-first.json").read_text())))
    kim = database.deps("kim@example.com")
    kim.clock = lambda: NOW
    import_dossier(kim, parse_dossier(kim_dossier()))
    deps = bootstrap.dependencies(database.location)
    deps.clock = lambda: NOW
    return deps


def web_client(deps) -> TestClient:  # type: ignore[no-untyped-def]
    """The app as a browser on this machine speaks to it (web_support.web_client)."""
    from .web_support import web_client as local_client

    client = local_client(deps)
    client.services = deps  # type: ignore[attr-defined]
    return client


def sign_in(client: TestClient, email: str, password: str = PASSWORD):  # type: ignore[no-untyped-def]
    token = csrf_of(client.get("/login").text)
    return client.post(
        "/login",
        data={"csrf": token, "email": email, "password": password},
        follow_redirects=False,
    )


def kim_rows(database) -> list:  # type: ignore[no-untyped-def, type-arg]
    """Every row of Kim's, in every table that has an account: unchanged means untouched."""
    (kim,) = database.sql("SELECT id FROM account WHERE email = 'kim@example.com'")[0]
    tables = [
        r[0]
        for r in database.sql(
            "SELECT table_name FROM information_schema.columns WHERE table_schema = 'public' "
            "AND column_name = 'account_id' ORDER BY table_name"
        )
    ]
    out = []
    for table in tables:
        if table in ("session", "login_attempt"):
            continue
        rows = database.sql(f"SELECT * FROM {table} WHERE account_id = %s", kim)
        out.append((table, sorted(rows, key=repr)))
    return out


def account_id(database, email: str) -> int:  # type: ignore[no-untyped-def]
    return int(database.sql("SELECT id FROM account WHERE email = %s", email)[0][0])
