"""Speed of a shared server on a generated office (issue 9), on this machine's PostgreSQL.

Starts a throwaway PostgreSQL 15 cluster (Debian's binaries, durable settings: fsync and
synchronous commit on), generates an office with COPY — N candidates with about 150 touches
each (10 opportunities planned by the real planner), a coach for every 200 of them — then
measures, each over real HTTP on loopback with `followup serve --workers 2`:

  Today          50 concurrent sessions of 50 candidates, driven by wrk for --seconds;
                 target: p95 server time (the app's Server-Timing) <= 20 ms. This and the
                 cohort are measured --repeats times; the run with the median p95 is quoted
  Coach cohort   GET /clients for coaches of 200 clients each, one after another;
                 target: p95 server time <= 100 ms
  plan --json    a candidate's whole plan, as `followup plan --json` makes it, in process (the
                 command's own time, without Python's start-up, which is quoted apart);
                 target: p95 <= 50 ms
  Dispatch       --letters approved letters of as many candidates, sent by 1, 2 and 4
                 `followup send` processes at once to a loopback SMTP server (aiosmtpd);
                 target: letters per second growing with the dispatchers

Run: .venv/bin/python bench/server_bench.py --candidates 5000 50000
Needs: postgresql (initdb, pg_ctl), wrk, and the test extras (aiosmtpd). Not part of `make test`.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import re
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

import httpx

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))  # the tests' cluster and SMTP server helpers

from tests.integration.mail_support import free_port, start_smtp, write_config  # noqa: E402
from tests.postgres import Cluster  # noqa: E402

PASSWORD = "bench password 1"
OPPORTUNITIES = 12  # per candidate: about 150 touches each
CLIENTS = 200  # per coach
BENCH_SETTINGS = (
    "-c shared_buffers=2GB -c effective_cache_size=8GB -c work_mem=16MB "
    "-c maintenance_work_mem=1GB -c max_wal_size=8GB -c checkpoint_timeout=30min "
    "-c max_connections=300 -c random_page_cost=1.1"
)


def pct(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


# -- the office ------------------------------------------------------------------------------------
def templates(today: date) -> list[tuple[dict[str, Any], list[Any]]]:
    """Opportunities planned by the real planner (interviews 1 to 120 days ago with three people
    met, deadlines two and four weeks on, a thank-you done, some replied to, half of them
    rejected): their fields and their touches."""
    from followup.adapters.holidays import calendar_for
    from followup.adapters.policies import PolicyBook
    from followup.domain.model import (
        Candidate,
        Contact,
        Event,
        Interview,
        Opportunity,
        Timeline,
    )
    from followup.domain.planner import plan_opportunity
    from followup.domain.stage import opportunity_stage

    book = PolicyBook(None)
    calendar = calendar_for(Candidate(country="US", subdivision="IL"))
    out = []
    for days in range(1, 121, 2):
        met = today - timedelta(days=days)
        people = (
            Contact(
                "Dana Reyes",
                "Sales Manager",
                "dana@co.example",
                minutes=45,
                decision_maker=True,
                topics=("territories",),
            ),
            Contact("Lee Park", "HR", "lee@co.example", minutes=10),
            Contact("Ann Wu", "VP Sales", "ann@co.example", minutes=30, decision_maker=True),
        )
        events = []
        if days > 3:
            events.append(Event(met + timedelta(days=1), "done", "Dana Reyes", "thank_you"))
        if days % 10 == 5:
            events.append(Event(met + timedelta(days=4), "reply", "Dana Reyes"))
        if days % 4 == 1:
            events.append(Event(met + timedelta(days=12), "rejected"))
        timeline = Timeline(met + timedelta(days=14), met + timedelta(days=28))
        opportunity = Opportunity(
            "x",
            "Company",
            "Account Executive",
            "persistent",
            timeline=timeline,
            interviews=[Interview("x-1", met, 1, people)],
            events=events,
        )
        touches = plan_opportunity(opportunity, book.get("persistent"), calendar)
        out.append(
            (
                {
                    "met": met,
                    "timeline": timeline,
                    "events": events,
                    "people": people,
                    "stage": opportunity_stage(opportunity, touches),
                },
                touches,
            )
        )
    return out


def generate(cluster: Cluster, name: str, candidates: int) -> dict[str, Any]:
    """A migrated database with the office in it, loaded with COPY as the superuser (row-level
    security does not let an application role COPY into a table)."""
    import psycopg

    from followup.adapters.auth.passwords import hash_password
    from followup.adapters.storage.postgres.store import PostgresStore

    cluster.admin(f"CREATE DATABASE {name} OWNER followup_owner")
    PostgresStore(cluster.url(name, "followup_owner")).migrate("followup_app")
    started = time.perf_counter()
    today = date.today()
    plans = templates(today)
    hashed = hash_password(PASSWORD)
    coaches = max(1, candidates // CLIENTS)
    rng = random.Random(candidates)
    counts = dict.fromkeys(("touch", "opportunity", "participant", "event"), 0)
    with psycopg.connect(cluster.url(name), autocommit=False) as db:
        db.execute("SET session_replication_role = replica")  # no triggers, no FK checks
        with db.cursor().copy("COPY account (email, role, password_hash) FROM STDIN") as copy:
            for n in range(candidates):
                copy.write_row((f"cand{n}@bench.example", "candidate", hashed))
            for k in range(coaches):
                copy.write_row((f"coach{k}@bench.example", "coach", hashed))
        ids = dict(db.execute("SELECT email, id FROM account").fetchall())
        cand = [ids[f"cand{n}@bench.example"] for n in range(candidates)]
        with db.cursor().copy(
            "COPY candidate (account_id, name, email, timezone, country, subdivision) FROM STDIN"
        ) as copy:
            for n, a in enumerate(cand):
                copy.write_row(
                    (a, f"Candidate {n}", f"cand{n}@bench.example", "America/Chicago", "US", "IL")
                )
        with db.cursor().copy("COPY revision (account_id, value) FROM STDIN") as copy:
            for a in cand:
                copy.write_row((a, 1))
        with db.cursor().copy("COPY access_grant (candidate_id, coach_id) FROM STDIN") as copy:
            for n, a in enumerate(cand):
                copy.write_row((a, ids[f"coach{n // CLIENTS % coaches}@bench.example"]))
        chosen = [[rng.randrange(len(plans)) for _ in range(OPPORTUNITIES)] for _ in cand]
        with db.cursor().copy(
            "COPY opportunity (account_id, id, position, company, role, policy, stage, "
            "preliminary_deadline, second_round_deadline) FROM STDIN"
        ) as copy:
            for a, picks in zip(cand, chosen, strict=True):
                for j, t in enumerate(picks):
                    timeline = plans[t][0]["timeline"]
                    copy.write_row(
                        (
                            a,
                            f"opp-{j}",
                            j + 1,
                            f"Company {a}-{j}",
                            "Account Executive",
                            "persistent",
                            plans[t][0]["stage"],
                            timeline.preliminary_deadline,
                            timeline.second_round_deadline,
                        )
                    )
                    counts["opportunity"] += 1
        with db.cursor().copy(
            "COPY interview (account_id, opportunity_id, id, position, date) FROM STDIN"
        ) as copy:
            for a, picks in zip(cand, chosen, strict=True):
                for j, t in enumerate(picks):
                    copy.write_row((a, f"opp-{j}", "x-1", 0, plans[t][0]["met"]))
        with db.cursor().copy(
            "COPY participant (account_id, opportunity_id, interview_id, position, name, title, "
            "email, minutes, decision_maker, topics) FROM STDIN"
        ) as copy:
            for a, picks in zip(cand, chosen, strict=True):
                for j, t in enumerate(picks):
                    for i, c in enumerate(plans[t][0]["people"]):
                        copy.write_row(
                            (
                                a,
                                f"opp-{j}",
                                "x-1",
                                i,
                                c.name,
                                c.title,
                                f"{c.name.split()[0].lower()}{a}-{j}@co.example",
                                c.minutes,
                                c.decision_maker,
                                json.dumps(c.topics),
                            )
                        )
                        counts["participant"] += 1
        with db.cursor().copy(
            "COPY event (account_id, opportunity_id, position, date, kind, step, contact) "
            "FROM STDIN"
        ) as copy:
            for a, picks in zip(cand, chosen, strict=True):
                for j, t in enumerate(picks):
                    for i, e in enumerate(plans[t][0]["events"]):
                        copy.write_row((a, f"opp-{j}", i, e.date, e.kind, e.step, e.contact))
                        counts["event"] += 1
        with db.cursor().copy(
            "COPY touch (account_id, opportunity_id, seq, contact, step, channel, due, status, "
            "reason, done_on, interview_id, show_on) FROM STDIN"
        ) as copy:
            for a, picks in zip(cand, chosen, strict=True):
                for j, t in enumerate(picks):
                    oid = f"opp-{j}"
                    for x in plans[t][1]:
                        copy.write_row(
                            (
                                a,
                                oid,
                                x.seq,
                                x.contact,
                                x.step,
                                x.channel,
                                x.due,
                                x.status,
                                x.reason,
                                x.done_on,
                                x.interview,
                                x.due,
                            )
                        )
                        counts["touch"] += 1
        db.commit()
    loaded = time.perf_counter() - started
    cluster.admin("VACUUM (ANALYZE)", database=name)
    return {
        "candidates": candidates,
        "coaches": coaches,
        **counts,
        "load_seconds": round(loaded, 1),
        "coach_emails": [f"coach{k}@bench.example" for k in range(coaches)],
        "size": cluster_size(cluster, name),
    }


def cluster_size(cluster: Cluster, name: str) -> str:
    import psycopg

    with psycopg.connect(cluster.url(name)) as db:
        row = db.execute("SELECT pg_size_pretty(pg_database_size(current_database()))").fetchone()
    return str(row[0]) if row else "?"


# -- serving ---------------------------------------------------------------------------------------
def serve(url: str, folder: Path, workers: int = 2) -> tuple[subprocess.Popen[str], str]:
    port = free_port()
    env = dict(os.environ, FOLLOWUP_CONFIG=str(folder / "config"), FOLLOWUP_POOL_SIZE="20")
    env.pop("FOLLOWUP_USER", None)
    process = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "followup",
            "--database",
            url,
            "serve",
            "--port",
            str(port),
            "--workers",
            str(workers),
        ],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    base = f"http://127.0.0.1:{port}"
    for _ in range(300):
        try:
            httpx.get(f"{base}/login", timeout=1)
            return process, base
        except httpx.TransportError:
            time.sleep(0.1)
    raise SystemExit("followup serve did not start")


def session(base: str, email: str) -> str:
    with httpx.Client(base_url=base, timeout=30, headers={"origin": base}) as client:
        form = client.get("/login").text
        token = re.search(r'name="csrf" value="([^"]+)"', form)
        assert token
        answer = client.post(
            "/login", data={"csrf": token.group(1), "email": email, "password": PASSWORD}
        )
        assert answer.status_code == 303, answer.text[:300]
        return f"followup_session={client.cookies['followup_session']}"


WRK_SCRIPT = r"""
local threads = {}
function setup(thread) table.insert(threads, thread) end
function init(args)
  cookies = {}
  for line in io.lines(args[1]) do table.insert(cookies, line) end
  counter = math.random(#cookies)
  timings = {}
  failures = 0
end
function request()
  counter = counter % #cookies + 1
  return wrk.format("GET", "/", {["Cookie"] = cookies[counter]})
end
function response(status, headers, body)
  if status ~= 200 then failures = failures + 1 end
  local st = headers["server-timing"] or headers["Server-Timing"]
  if st then
    local d = st:match("dur=([%d%.]+)")
    if d then timings[#timings + 1] = tonumber(d) end
  end
end
function done(summary, latency, requests)
  local all, failed = {}, 0
  for _, t in ipairs(threads) do
    for _, v in ipairs(t:get("timings")) do all[#all + 1] = v end
    failed = failed + t:get("failures")
  end
  table.sort(all)
  local function q(p) return all[math.max(1, math.floor(p * #all + 0.5))] end
  io.write(string.format("SERVER %d %.2f %.2f %.2f %d\n", #all, q(0.5), q(0.95), q(0.99), failed))
  io.write(string.format("CLIENT %.2f %.2f %.2f %.1f\n", latency:percentile(50) / 1000,
    latency:percentile(95) / 1000, latency:percentile(99) / 1000,
    summary.requests / (summary.duration / 1e6)))
end
"""


def today_under_load(base: str, folder: Path, seconds: int, sessions: int) -> dict[str, float]:
    cookies = [session(base, f"cand{n * 7}@bench.example") for n in range(sessions)]
    (folder / "cookies.txt").write_text("\n".join(cookies) + "\n")
    (folder / "today.lua").write_text(WRK_SCRIPT)
    subprocess.run(
        [
            "wrk",
            "-t1",
            f"-c{sessions}",
            "-d2s",
            "-s",
            str(folder / "today.lua"),
            base + "/",
            "--",
            str(folder / "cookies.txt"),
        ],
        capture_output=True,
    )  # warm
    out = subprocess.run(
        [
            "wrk",
            "-t1",  # one thread is enough to keep 50 connections busy; the server needs the core
            f"-c{sessions}",
            f"-d{seconds}s",
            "--latency",
            "-s",
            str(folder / "today.lua"),
            base + "/",
            "--",
            str(folder / "cookies.txt"),
        ],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    server = next(line for line in out.splitlines() if line.startswith("SERVER")).split()
    client = next(line for line in out.splitlines() if line.startswith("CLIENT")).split()
    return {
        "requests": int(server[1]),
        "p50": float(server[2]),
        "p95": float(server[3]),
        "p99": float(server[4]),
        "failed": int(server[5]),
        "client_p50": float(client[1]),
        "client_p95": float(client[2]),
        "rps": float(client[4]),
    }


def coach_cohort(base: str, coaches: list[str], requests: int) -> dict[str, float]:
    timings = []
    cookies = [session(base, email) for email in coaches[:5]]
    with httpx.Client(base_url=base, timeout=60, headers={"origin": base}) as client:
        for i in range(requests + 5):
            page = client.get("/clients", headers={"Cookie": cookies[i % len(cookies)]})
            assert page.status_code == 200 and page.text.count("<tr>") == CLIENTS + 1
            if i >= 5:  # the first few warm the caches
                timings.append(float(page.headers["server-timing"].split("dur=")[1].split(",")[0]))
    return {"requests": requests, "p50": statistics.median(timings), "p95": pct(timings, 0.95)}


def plan_json(url: str, candidates: int, runs: int) -> dict[str, float]:
    """`followup plan --json`'s own work, in one process: the plan read and written out."""
    import io

    from followup import bootstrap
    from followup.adapters.json_shapes import plan_json as dumps_plan
    from followup.services.planning import stream_plan

    rng = random.Random(7)
    timings = []
    for i in range(runs + 10):
        deps = bootstrap.dependencies(url, f"cand{rng.randrange(candidates)}@bench.example")
        started = time.perf_counter()
        out = io.StringIO()
        for piece in dumps_plan(r.touch for r in stream_plan(deps)):
            out.write(piece)
        spent = (time.perf_counter() - started) * 1000
        if i >= 10:
            timings.append(spent)
    whole = []
    env = dict(os.environ)
    for _ in range(5):
        started = time.perf_counter()
        subprocess.run(
            [
                sys.executable,
                "-m",
                "followup",
                "--database",
                url,
                "--user",
                "cand1@bench.example",
                "plan",
                "--json",
            ],
            env=env,
            capture_output=True,
            check=True,
        )
        whole.append((time.perf_counter() - started) * 1000)
    return {
        "runs": runs,
        "p50": statistics.median(timings),
        "p95": pct(timings, 0.95),
        "command_median": statistics.median(whole),
    }


def dispatch(
    cluster: Cluster, name: str, url: str, folder: Path, letters: int, delay: float = 0.0
) -> dict[int, float]:
    """Letters per second with 1, 2 and 4 dispatchers, each run on the same queued letters; the
    SMTP server answers each message at once, or after `delay` seconds as a relay across a
    network would."""
    import psycopg

    server, port = start_smtp(folder / f"box-{delay}", "--delay", str(delay))
    write_config(folder / "config", port, window="00:00-23:59")
    results: dict[int, float] = {}
    cpu_per_letter: dict[int, float] = {}
    try:
        with psycopg.connect(cluster.url(name), autocommit=True) as db:
            db.execute("DELETE FROM outbox")
            db.execute(
                "INSERT INTO outbox (account_id, opportunity_id, step, contact, to_name, "
                "to_address, subject, body, message_id, send_after, status) "
                "SELECT a.id, 'opp-0', 'thank_you', 'Dana Reyes', 'Dana Reyes', "
                "'dana' || a.id || '@co.example', 'Thank you', 'Dear Dana,\n\nThank you.\n', "
                "'<bench-' || a.id || '@bench.example>', now() - interval '1 hour', 'queued' "
                "FROM account a WHERE a.role = 'candidate' ORDER BY a.id LIMIT %s",
                (letters,),
            )
            for dispatchers in (1, 2, 4):
                db.execute("UPDATE outbox SET status = 'queued', attempts = 0, sent_at = NULL")
                env = dict(os.environ, FOLLOWUP_CONFIG=str(folder / "config"))
                env.pop("FOLLOWUP_USER", None)
                cpu_before = _children_cpu()
                started = time.perf_counter()
                processes = [
                    subprocess.Popen(
                        [sys.executable, "-m", "followup", "--database", url, "send"],
                        env=env,
                        stdout=subprocess.DEVNULL,
                        stderr=subprocess.PIPE,
                        text=True,
                    )
                    for _ in range(dispatchers)
                ]
                for p in processes:
                    _, err = p.communicate()
                    assert p.returncode == 0, err
                spent = time.perf_counter() - started
                cpu = _children_cpu() - cpu_before
                (sent,) = db.execute(
                    "SELECT count(*) FROM outbox WHERE status = 'sent'"
                ).fetchone() or (0,)
                assert sent == letters, sent
                results[dispatchers] = letters / spent
                cpu_per_letter[dispatchers] = cpu / letters * 1000
    finally:
        server.terminate()
        server.wait()
    print(
        "dispatchers' own CPU per letter (ms, not counting PostgreSQL or the SMTP server): "
        + ", ".join(f"{k}: {v:.1f}" for k, v in cpu_per_letter.items()),
        flush=True,
    )
    return results


def _children_cpu() -> float:
    import resource

    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def run(cluster: Cluster, candidates: int, args: argparse.Namespace) -> dict[str, Any]:
    name = f"office_{candidates}"
    print(f"\n== {candidates:,} candidates ==", flush=True)
    office = generate(cluster, name, candidates)
    print(
        f"generated: {office['touch']:,} touches, {office['opportunity']:,} opportunities, "
        f"{office['coaches']} coaches, in {office['load_seconds']} s; {office['size']}",
        flush=True,
    )
    url = cluster.url(name, "followup_app")
    folder = Path(tempfile.mkdtemp(prefix="followup-bench-"))
    process, base = serve(url, folder)
    try:
        todays, coaches = [], []
        for _ in range(args.repeats):  # the figures quoted: the run with the median p95
            todays.append(today_under_load(base, folder, args.seconds, args.sessions))
            print(f"Today, {args.sessions} sessions, {args.seconds} s: {todays[-1]}", flush=True)
            coaches.append(coach_cohort(base, office["coach_emails"], args.requests))
            print(f"coach cohort of {CLIENTS}: {coaches[-1]}", flush=True)
        today = sorted(todays, key=lambda r: r["p95"])[len(todays) // 2]
        coach = sorted(coaches, key=lambda r: r["p95"])[len(coaches) // 2]
    finally:
        process.terminate()
        process.wait(30)
    plan = plan_json(url, candidates, args.requests)
    print(f"plan --json: {plan}", flush=True)
    sending = dispatch(cluster, name, url, folder, args.letters)
    print(
        "dispatch, letters/s: " + ", ".join(f"{k}: {v:.1f}" for k, v in sending.items()), flush=True
    )
    relay = dispatch(cluster, name, url, folder, args.letters // 4, args.relay_delay)
    print(
        f"dispatch with a relay answering in {args.relay_delay * 1000:.0f} ms, letters/s: "
        + ", ".join(f"{k}: {v:.1f}" for k, v in relay.items()),
        flush=True,
    )
    cluster.admin(f"DROP DATABASE {name} WITH (FORCE)")
    return {
        "office": office,
        "today": today,
        "coach": coach,
        "plan": plan,
        "dispatch": sending,
        "relay": relay,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--candidates", type=int, nargs="+", default=[5000, 50000])
    parser.add_argument("--seconds", type=int, default=30)
    parser.add_argument("--sessions", type=int, default=50)
    parser.add_argument("--requests", type=int, default=200)
    parser.add_argument("--letters", type=int, default=2000)
    parser.add_argument("--repeats", type=int, default=3, help="runs of Today and the cohort")
    parser.add_argument(
        "--relay-delay", type=float, default=0.05, help="seconds the slow relay takes per letter"
    )
    parser.add_argument("--folder", type=Path, help="where the cluster lives (default: /tmp)")
    args = parser.parse_args()
    cluster = Cluster.start(BENCH_SETTINGS, args.folder)
    results = {}
    try:
        cluster.admin("CREATE ROLE followup_owner LOGIN", "CREATE ROLE followup_app LOGIN")
        for n in args.candidates:
            results[n] = run(cluster, n, args)
    finally:
        cluster.stop()
    print(
        "\n| candidates | touches | Today p50/p95 (ms) | client p95 | req/s | coach p95 | "
        "plan --json p95 | dispatch 1/2/4 (letters/s) | with a slow relay |"
    )
    print("|---|---|---|---|---|---|---|---|---|")
    for n, r in results.items():
        d, slow = r["dispatch"], r["relay"]
        print(
            f"| {n:,} | {r['office']['touch']:,} | {r['today']['p50']:.1f} / "
            f"{r['today']['p95']:.1f} | {r['today']['client_p95']:.1f} | "
            f"{r['today']['rps']:.0f} | {r['coach']['p95']:.1f} | {r['plan']['p95']:.1f} | "
            f"{d[1]:.0f} / {d[2]:.0f} / {d[4]:.0f} | "
            f"{slow[1]:.0f} / {slow[2]:.0f} / {slow[4]:.0f} |"
        )
    print(f"\nat {datetime.now(UTC):%Y-%m-%d %H:%M} UTC, load average {os.getloadavg()[0]:.1f}")


if __name__ == "__main__":
    main()
