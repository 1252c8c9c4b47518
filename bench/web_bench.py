"""Speed of the web interface on a 10,000-opportunity database (issue: the web interface).

Imports the planner bench's dossier into a fresh SQLite file, starts `followup serve`'s app with
uvicorn on loopback, and requests pages as a browser would, over real HTTP:

    Today (/) and Opportunity pages   target: at most 50 ms server time at the 95th percentile
                                     (the app's own Server-Timing header)
    the live check (POST /letters/check, as the editor sends it while you type)
                                     target: at most 100 ms round trip at the 95th percentile

Run: .venv/bin/python bench/web_bench.py [--opportunities 10000] [--requests 200]
Uses only the standard library, uvicorn and the installed followup package.
"""

from __future__ import annotations

import argparse
import http.client
import json
import random
import re
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from urllib.parse import urlencode


def p95(values: list[float]) -> float:
    return statistics.quantiles(values, n=20)[-1]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--opportunities", type=int, default=10000)
    parser.add_argument("--requests", type=int, default=200)
    args = parser.parse_args()
    import uvicorn

    from followup import bootstrap
    from followup.web.app import create_app

    with tempfile.TemporaryDirectory(prefix="followup-web-bench-") as folder:
        dossier = Path(folder) / "dossier.json"
        here = Path(__file__).parent
        subprocess.run(
            [
                sys.executable,
                str(here / "planner_bench.py"),
                "--make",
                str(args.opportunities),
                str(dossier),
            ],
            check=True,
        )
        database = Path(folder) / "web.sqlite3"
        subprocess.run(
            [
                str(Path(sys.executable).parent / "followup"),
                "--database",
                str(database),
                "import",
                str(dossier),
            ],
            check=True,
            stdout=subprocess.DEVNULL,
        )
        ids = [o["id"] for o in json.loads(dossier.read_text())["opportunities"]]
        deps = bootstrap.dependencies(str(database))
        server = uvicorn.Server(
            uvicorn.Config(create_app(deps), host="127.0.0.1", port=0, log_level="error")
        )
        thread = threading.Thread(target=server.run, daemon=True)
        thread.start()
        while not server.started:
            time.sleep(0.02)
        port = server.servers[0].sockets[0].getsockname()[1]
        connection = http.client.HTTPConnection("127.0.0.1", port)

        def get(
            path: str, headers: dict[str, str] | None = None, body: str | None = None
        ) -> tuple[float, float, str, dict[str, str]]:
            started = time.perf_counter()
            connection.request("POST" if body else "GET", path, body=body, headers=headers or {})
            response = connection.getresponse()
            text = response.read().decode()
            total = (time.perf_counter() - started) * 1000
            assert response.status == 200, (path, response.status, text[:300])
            timing = response.getheader("server-timing") or "app;dur=nan"
            server_ms = float(timing.split("dur=")[1].split(",")[0])
            return server_ms, total, text, dict(response.getheaders())

        rng = random.Random(5)
        _, _, page, headers = get("/")  # warm up, and the CSRF cookie and token
        cookie = headers["set-cookie"].split(";")[0]
        token = re.search(r'name="csrf" value="([^"]+)"', page).group(1)  # type: ignore[union-attr]
        get(f"/opportunities/{ids[0]}")
        today = [get("/")[0] for _ in range(args.requests)]
        opportunity = [get(f"/opportunities/{rng.choice(ids)}")[0] for _ in range(args.requests)]
        letter = (
            "Dear Dana,\n\nThank you for meeting with me about new territories. "
            "Have you made a decision yet?\n\nSam Ortiz\nsam@example.com\n"
        )
        people = {
            o["id"]: o["interviews"][0]["contacts"][0]["name"]
            for o in json.loads(dossier.read_text())["opportunities"][:2000]
        }
        trips = []
        for _ in range(args.requests):
            chosen = rng.choice(list(people))
            body = urlencode(
                {
                    "csrf": token,
                    "opportunity": chosen,
                    "to": people[chosen],
                    "kind": "thank_you",
                    "text": letter,
                    "subject": "Thanks",
                }
            )
            _, total, _, _ = get(
                "/letters/check",
                {
                    "content-type": "application/x-www-form-urlencoded",
                    "cookie": cookie,
                    "origin": f"http://127.0.0.1:{port}",
                    "hx-request": "true",
                },
                body,
            )
            trips.append(total)
        server.should_exit = True
        print(f"{args.opportunities} opportunities, {args.requests} requests each")
        print(
            f"Today page:        p95 {p95(today):5.1f} ms server time "
            f"(median {statistics.median(today):.1f})  target at most 50"
        )
        print(
            f"Opportunity page:  p95 {p95(opportunity):5.1f} ms server time "
            f"(median {statistics.median(opportunity):.1f})  target at most 50"
        )
        print(
            f"Live check:        p95 {p95(trips):5.1f} ms round trip "
            f"(median {statistics.median(trips):.1f})  target at most 100"
        )


if __name__ == "__main__":
    main()
