"""`followup serve --workers N` on a shared server: several processes, one set of sessions (kept
in the database), over real HTTP on loopback."""

from __future__ import annotations

import os
import re
import subprocess
import sys
import time
from pathlib import Path

import httpx

from ..integration.mail_support import free_port
from ..postgres import PASSWORD
from .server_support import two_candidates


def children(pid: int) -> list[int]:
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            if int(fields[1]) == pid:
                found.append(int(entry.name))
    return found


def test_two_workers_serve_one_office_with_sessions_kept_in_the_database(
    postgres_database, tmp_path
):
    two_candidates(postgres_database)
    port = free_port()
    env = dict(os.environ, FOLLOWUP_CONFIG=str(tmp_path / "config"))
    env.pop("FOLLOWUP_USER", None)
    server = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "followup",
            "--database",
            postgres_database.location,
            "serve",
            "--port",
            str(port),
            "--workers",
            "2",
        ],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(200):
            try:
                httpx.get(f"{base}/login", timeout=1)
                break
            except httpx.TransportError:
                time.sleep(0.1)
        workers = [c for c in children(server.pid) if Path(f"/proc/{c}/cmdline").exists()]
        assert len(workers) >= 2  # uvicorn's workers (and its process watcher)
        # as a browser: its unsafe requests say where they come from (Origin)
        with httpx.Client(base_url=base, timeout=10, headers={"origin": base}) as client:
            form = client.get("/login").text
            token = re.search(r'name="csrf" value="([^"]+)"', form).group(1)
            signed = client.post(
                "/login",
                data={"csrf": token, "email": "sam@example.com", "password": PASSWORD},
            )
            assert signed.status_code == 303
            pages = [client.get("/") for _ in range(20)]  # spread over the workers
            assert {p.status_code for p in pages} == {200}
            assert all("Send thank-you to Lee Park" in p.text for p in pages)
            assert all(p.headers["server-timing"].startswith("app;dur=") for p in pages)
    finally:
        server.terminate()
        server.wait(20)
    assert "Traceback" not in (server.stderr.read() if server.stderr else "")
