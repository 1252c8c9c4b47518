"""Speed of the pictures on a 10,000-opportunity database (issue: see the search at a glance).

Imports the planner bench's dossier (interviews over the last eight months, thank-yous sent,
replies, invitations and rejections) into a fresh SQLite file, starts the web app with uvicorn on
loopback, and requests each page with charts over real HTTP, reading the app's own Server-Timing
header:

    Progress (/progress)          target: at most 100 ms server time at the 95th percentile,
                                  viewed again (its figures kept while nothing is stored) and
                                  recounted (another process writes before each request)
    Pipeline (funnel + weeks ahead), Today (weeks ahead), an opportunity (timeline): reported

and times `followup stats --json` as a whole command. Each figure is the median of --runs runs.

Run: .venv/bin/python bench/progress_bench.py [--opportunities 10000] [--requests 200] [--runs 3]
Uses only the standard library, uvicorn and the installed followup package.
"""

from __future__ import annotations

import argparse
import http.client
import json
import random
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path


def p95(values: list[float]) -> float:
    return statistics.quantiles(values, n=20)[-1]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--opportunities", type=int, default=10000)
    parser.add_argument("--requests", type=int, default=200)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    import uvicorn

    from followup import bootstrap
    from followup.web.app import create_app

    here = Path(__file__).parent
    followup = str(Path(sys.executable).parent / "followup")
    with tempfile.TemporaryDirectory(prefix="followup-progress-bench-") as folder:
        dossier = Path(folder) / "dossier.json"
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
        database = Path(folder) / "progress.sqlite3"
        subprocess.run(
            [followup, "--database", str(database), "import", str(dossier)],
            check=True,
            stdout=subprocess.DEVNULL,
        )
        ids = [o["id"] for o in json.loads(dossier.read_text())["opportunities"]]
        server = uvicorn.Server(
            uvicorn.Config(
                create_app(bootstrap.dependencies(str(database))),
                host="127.0.0.1",
                port=0,
                log_level="error",
            )
        )
        thread = threading.Thread(target=server.run, daemon=True)
        thread.start()
        while not server.started:
            time.sleep(0.02)
        port = server.servers[0].sockets[0].getsockname()[1]
        connection = http.client.HTTPConnection("127.0.0.1", port)

        def server_ms(path: str) -> float:
            connection.request("GET", path)
            response = connection.getresponse()
            body = response.read()
            assert response.status == 200, (path, response.status, body[:300])
            timing = response.getheader("server-timing") or "app;dur=nan"
            return float(timing.split("dur=")[1].split(",")[0])

        rng = random.Random(13)
        pages = {
            "Progress": lambda: "/progress",
            "Pipeline": lambda: "/pipeline",
            "Today": lambda: "/",
            "Opportunity": lambda: f"/opportunities/{rng.choice(ids)}",
        }
        results: dict[str, list[tuple[float, float]]] = {name: [] for name in pages}
        results["Progress, recounted"] = []
        writer = sqlite3.connect(database, isolation_level=None)
        written = [0]

        def written_then(path: str) -> float:
            # another process stores something (as marking a touch done would): the figures
            # kept from the last request no longer hold, and the page counts them again
            written[0] += 1
            writer.execute(
                "UPDATE touch SET reason = ? WHERE opportunity_id = ? AND seq = 1",
                (f"bench {written[0]}", ids[0]),
            )
            return server_ms(path)

        for _ in range(args.runs):
            for name, path in pages.items():
                server_ms(path())  # warm
                times = [server_ms(path()) for _ in range(args.requests)]
                results[name].append((p95(times), statistics.median(times)))
            times = [written_then("/progress") for _ in range(args.requests)]
            results["Progress, recounted"].append((p95(times), statistics.median(times)))
        writer.close()
        server.should_exit = True
        stats_runs = []
        for _ in range(args.runs):
            started = time.perf_counter()
            subprocess.run(
                [followup, "--database", str(database), "stats", "--json"],
                check=True,
                stdout=subprocess.DEVNULL,
            )
            stats_runs.append((time.perf_counter() - started) * 1000)

    print(
        f"{args.opportunities} opportunities, {args.requests} requests a page, "
        f"median of {args.runs} runs"
    )
    for name, runs in results.items():
        p95s = statistics.median(r[0] for r in runs)
        medians = statistics.median(r[1] for r in runs)
        target = "  target at most 100" if name.startswith("Progress") else ""
        print(f"{name + ' page:':30} p95 {p95s:6.1f} ms server time (median {medians:.1f}){target}")
    print(f"followup stats --json: {statistics.median(stats_runs):.0f} ms, whole command")


if __name__ == "__main__":
    main()
