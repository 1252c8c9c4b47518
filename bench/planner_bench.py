"""Speed of the planner, its storage and the command line (issue: the follow-up planner).

Makes dossiers of 1,000, 10,000 and 100,000 opportunities (about 3 contacts and 15 touches each),
imports each into a fresh SQLite database with `followup import`, then times whole commands as a
new user would run them, median of 5 runs each:

    followup agenda                 target: at most 150 ms at 10,000 opportunities, and at
                                    100,000 no more than 30% slower than at 1,000
    followup plan --json            target: at most 1 s over 10,000 opportunities (issue 12)
    followup import DOSSIER         target: at most 15 s for 10,000 opportunities
    peak memory of any command      target: at most 300 MB (import of 100,000 included)

Each figure is wall time, with the CPU time (user + system) beside it: on a busy machine the
wall time measures the neighbours too. The agenda beside Taskwarrior is bench/startup_bench.py.

Run: .venv/bin/python bench/planner_bench.py [--sizes 1000 10000 100000] [--runs 5]
Uses only the standard library and the installed `followup` command.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

FIRST = ["Dana", "Lee", "Avery", "Jordan", "Priya", "Omar", "Helen", "Grace", "Victor", "Mei"]
LAST = ["Reyes", "Park", "Brooks", "Haddad", "Kim", "Alvarez", "Shah", "Novak", "Okafor", "Berg"]
TOPICS = ["new territories", "CRM adoption", "renewal rates", "outbound volume", "pipeline"]


def make_dossier(n: int, today: date, seed: int = 7) -> dict[str, object]:
    rng = random.Random(seed)
    opportunities = []
    for i in range(n):
        interview_day = today - timedelta(days=rng.randint(0, 240))
        names = rng.sample([f"{f} {la}" for f in FIRST for la in LAST], 3)
        contacts = [
            {
                "name": name,
                "title": "Sales Manager",
                "email": f"p{i}.{j}@example.com",
                "minutes": rng.randint(5, 60),
                "decision_maker": j == 0,
                "topics": rng.sample(TOPICS, 2),
            }
            for j, name in enumerate(names)
        ]
        events: list[dict[str, object]] = [
            {
                "date": (interview_day + timedelta(days=1)).isoformat(),
                "kind": "done",
                "step": "thank_you",
                "contact": names[0],
            },
        ]
        interviews = [
            {"id": f"o{i}-1", "date": interview_day.isoformat(), "round": 1, "contacts": contacts}
        ]
        if rng.random() < 0.3:  # invited to a second round
            second = interview_day + timedelta(days=14)
            events.append(
                {"date": (interview_day + timedelta(days=7)).isoformat(), "kind": "invited"}
            )
            interviews.append(
                {"id": f"o{i}-2", "date": second.isoformat(), "round": 2, "contacts": contacts}
            )
            if rng.random() < 0.5:
                events.append(
                    {"date": (second + timedelta(days=10)).isoformat(), "kind": "rejected"}
                )
        else:
            if rng.random() < 0.3:
                events.append(
                    {
                        "date": (interview_day + timedelta(days=4)).isoformat(),
                        "time": "18:15",
                        "kind": "reply",
                        "contact": names[0],
                    }
                )
            events.append(
                {"date": (interview_day + timedelta(days=20)).isoformat(), "kind": "rejected"}
            )
        opportunities.append(
            {
                "id": f"opp-{i:06d}",
                "company": f"Company {i}",
                "role": "Account Executive",
                "policy": "persistent",
                "timeline": {
                    "preliminary_deadline": (interview_day + timedelta(days=10)).isoformat(),
                    "second_round_deadline": (interview_day + timedelta(days=21)).isoformat(),
                },
                "interviews": interviews,
                "events": events,
            }
        )
    return {
        "candidate": {
            "name": "Sam Ortiz",
            "email": "sam@example.com",
            "phone": "+1 312 555 0100",
            "timezone": "America/Chicago",
            "country": "US",
            "subdivision": "IL",
        },
        "opportunities": opportunities,
    }


def run(argv: list[str], env: dict[str, str]) -> tuple[float, int, float]:
    """Wall time (s), peak memory (KiB) and CPU time (s) of one whole command.

    Linux charges a forked child with its parent's peak memory up to the exec, so this process
    never holds a dossier or a plan: it would inflate every figure it measures.
    """
    start = time.perf_counter()
    process = subprocess.Popen(argv, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(process.pid, 0)
    elapsed = time.perf_counter() - start
    process.returncode = os.waitstatus_to_exitcode(status)
    if process.returncode != 0:
        assert process.stderr is not None
        sys.exit(f"{' '.join(argv)} failed: {process.stderr.read().decode()}")
    return elapsed, usage.ru_maxrss, usage.ru_utime + usage.ru_stime


def timed(argv: list[str], env: dict[str, str], runs: int) -> tuple[float, int, float]:
    """Median wall time, highest peak memory, median CPU time."""
    times, peaks, cpus = [], [], []
    for _ in range(runs):
        elapsed, peak, cpu = run(argv, env)
        times.append(elapsed)
        peaks.append(peak)
        cpus.append(cpu)
    return statistics.median(times), max(peaks), statistics.median(cpus)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000, 100000])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--make", nargs=2, metavar=("N", "FILE"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.make:  # in a child process, so the timing process stays small (see `run`)
        Path(args.make[1]).write_text(json.dumps(make_dossier(int(args.make[0]), date.today())))
        return
    followup = shutil.which("followup", path=str(Path(sys.executable).parent)) or "followup"
    results = {}
    with tempfile.TemporaryDirectory(prefix="followup-bench-") as folder:
        for n in args.sizes:
            dossier = Path(folder) / f"dossier-{n}.json"
            subprocess.run([sys.executable, __file__, "--make", str(n), str(dossier)], check=True)
            database = Path(folder) / f"bench-{n}.sqlite3"
            env = dict(os.environ, FOLLOWUP_DATABASE=str(database))
            env.pop("PYTHONDONTWRITEBYTECODE", None)  # as installed: bytecode cached
            import_s, import_peak, import_cpu = run([followup, "import", str(dossier)], env)
            with sqlite3.connect(database) as db:
                (touches,) = db.execute("SELECT count(*) FROM touch").fetchone()
            agenda_s, agenda_peak, agenda_cpu = timed([followup, "agenda"], env, args.runs)
            plan_s, plan_peak, plan_cpu = timed([followup, "plan", "--json"], env, args.runs)
            results[n] = agenda_s
            print(
                f"{n:>7} opportunities, {touches:>9,} touches: "
                f"import {import_s:6.2f} s (CPU {import_cpu:6.2f} s, {import_peak / 1024:4.0f} MB)"
                f" · agenda {agenda_s * 1000:4.0f} ms (CPU {agenda_cpu * 1000:3.0f} ms, "
                f"{agenda_peak / 1024:3.0f} MB) · plan --json {plan_s:5.2f} s "
                f"(CPU {plan_cpu:5.2f} s, {plan_peak / 1024:3.0f} MB)",
                flush=True,
            )
    if 1000 in results and 100000 in results:
        ratio = results[100000] / results[1000]
        print(f"agenda at 100,000 vs 1,000 opportunities: {ratio:.2f}x (target at most 1.30x)")


if __name__ == "__main__":
    main()
