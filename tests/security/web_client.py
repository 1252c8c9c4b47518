"""A web app over a fresh database, and clients that speak to it as a browser on this machine
would, or as an attacker's page would."""

from __future__ import annotations

from pathlib import Path

from starlette.testclient import TestClient

from followup.web.app import WebConfig, create_app
from tests.e2e.web_support import csrf_of, make_services

ORIGIN = "http://127.0.0.1:8765"


def client(folder: Path, config: WebConfig | None = None, **kwargs) -> TestClient:  # type: ignore[no-untyped-def]
    folder.mkdir(parents=True, exist_ok=True)
    deps = make_services(folder)
    made = TestClient(
        create_app(deps, config or WebConfig()),
        base_url=kwargs.pop("base_url", ORIGIN),
        headers=kwargs.pop("headers", {"origin": ORIGIN}),
        **kwargs,
    )
    made.services = deps  # type: ignore[attr-defined]
    return made


def token(web: TestClient) -> str:
    return csrf_of(web.get("/capture").text)
