"""How long `followup check` takes from a fresh process to its first result.

Makes a database from the notes dossier in tests/data and a drafted thank-you (which passes the
check), runs `followup check` once to fill the cache folder (the rules read, the word list),
then runs it again and again as fresh processes: prints the median wall time and the median CPU
time (user + system) of the process, and which part of the start-up goes where (from
`python -X importtime` and timings inside one process). Target: under 100 ms.

Python's modules are measured as installed: an installation (pip) compiles them to bytecode once,
and every run reads that. Where PYTHONDONTWRITEBYTECODE is set (as in some shells and CI), every
run compiles every module from its source instead; the bench measures that too, and says so.
Bytecode is written to a temporary folder (PYTHONPYCACHEPREFIX), never beside the sources.

Run: .venv/bin/python bench/check_startup.py [--runs 20] [--budget MS]
(On a busy machine the wall time waits for a processor; the CPU time does not.)
With --budget, a gate: the exit status is 1 when the median CPU time of the fresh processes (as
installed) is over MS milliseconds, and the last line says so; --quick leaves out the runs from
source and the breakdown.
"""

from __future__ import annotations

import argparse
import os
import re
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).parent
FOLLOWUP = [sys.executable, "-m", "followup"]
STAGES = """
import time
t0 = time.process_time()
import followup.cli.main
from followup.services import letters
from followup.adapters import check_rules
t1 = time.process_time()
from followup import bootstrap
deps = bootstrap.dependencies()
with deps.store.unit_of_work(readonly=True) as uow:
    ctx, _ = letters.letter_context(uow, "acme-ae", "Dana Reyes", "thank_you", deps)
t2 = time.process_time()
checker = deps.checker()
t3 = time.process_time()
findings = checker.check(open(LETTER).read(), ctx)
t4 = time.process_time()
print(" ".join(f"{1000 * (b - a):.0f}" for a, b in ((t0, t1), (t1, t2), (t2, t3), (t3, t4))))
"""


def fresh_runs(command: list[str], env: dict[str, str], runs: int) -> tuple[float, float]:
    """Median wall and CPU seconds of `runs` fresh processes running the command."""
    walls, cpus = [], []
    for _ in range(runs):
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        started = time.perf_counter()
        subprocess.run(command, env=env, check=True, capture_output=True)
        walls.append(time.perf_counter() - started)
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpus.append(after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime)
    return statistics.median(walls), statistics.median(cpus)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=20)
    parser.add_argument(
        "--budget", type=float, metavar="MS", help="exit 1 when the median CPU is over MS ms"
    )
    parser.add_argument("--quick", action="store_true", help="the gate's figure alone")
    args = parser.parse_args()
    over = measure(args)
    if args.budget is not None:
        verdict = "over" if over else "within"
        print(f"speed gate: {verdict} the budget of {args.budget:g} ms CPU")
        raise SystemExit(1 if over else 0)


def measure(args: argparse.Namespace) -> bool:
    """Print the figures; whether the median CPU (as installed) is over the budget."""
    with tempfile.TemporaryDirectory() as tmp:
        # as a user runs it: no FOLLOWUP_* or XDG_* setting, a home folder of its own (the
        # database, the settings and the cache where Followup puts them by default)
        env = {k: v for k, v in os.environ.items() if not k.startswith(("FOLLOWUP_", "XDG_"))}
        env.update(HOME=str(Path(tmp) / "home"), PYTHONPYCACHEPREFIX=str(Path(tmp) / "bytecode"))
        env.pop("PYTHONDONTWRITEBYTECODE", None)
        run = [*FOLLOWUP, "import", str(HERE.parent / "tests" / "data" / "notes.json")]
        subprocess.run(run, env=env, check=True, capture_output=True)
        draft = [*FOLLOWUP, "draft", "--opportunity", "acme-ae", "--to", "Dana Reyes"]
        letter = Path(tmp) / "letter.txt"
        text = subprocess.run(
            [*draft, "--kind", "thank_you"], env=env, check=True, capture_output=True, text=True
        ).stdout
        letter.write_text(text.split("\n\n", 1)[1])  # the body, without its subject line
        check = [*FOLLOWUP, "check", str(letter), "--opportunity", "acme-ae", "--to", "Dana Reyes"]
        first = time.perf_counter()
        subprocess.run(check, env=env, check=True, capture_output=True)
        print(f"first run (fills the cache): {1000 * (time.perf_counter() - first):.0f} ms wall")

        wall, cpu = fresh_runs(check, env, args.runs)
        print(
            f"followup check, fresh process to first result, as installed (bytecode): median "
            f"{1000 * wall:.0f} ms wall, {1000 * cpu:.0f} ms CPU ({args.runs} runs; "
            f"target < 100 ms; load {os.getloadavg()[0]:.1f})"
        )
        over = args.budget is not None and 1000 * cpu > args.budget
        if args.quick:
            return over
        source = dict(env, PYTHONDONTWRITEBYTECODE="1")
        source.pop("PYTHONPYCACHEPREFIX")
        wall, cpu = fresh_runs(check, source, args.runs)
        print(
            f"the same, every module compiled from source (PYTHONDONTWRITEBYTECODE=1): median "
            f"{1000 * wall:.0f} ms wall, {1000 * cpu:.0f} ms CPU ({args.runs} runs)"
        )

        code = STAGES.replace("LETTER", repr(str(letter)))
        stages = []
        for _ in range(5):
            out = subprocess.run(
                [sys.executable, "-c", code], env=env, check=True, capture_output=True, text=True
            ).stdout.split()
            stages.append([int(x) for x in out])
        names = ("imports", "database and context", "the check built", "the check run")
        medians = [statistics.median(s[i] for s in stages) for i in range(4)]
        print(
            "inside one process, median CPU ms: "
            + "; ".join(f"{n} {m:.0f}" for n, m in zip(names, medians, strict=True))
        )
        importtime = subprocess.run(
            [sys.executable, "-X", "importtime", "-m", "followup", *check[3:]],
            env=env,
            capture_output=True,
            text=True,
        ).stderr
        rows = re.findall(r"import time:\s+(\d+) \|\s+(\d+) \|(\s*)(\S+)", importtime)
        ours = sorted(
            ((int(own), name) for own, _, _, name in rows if name.startswith("followup")),
            reverse=True,
        )[:8]
        total = sum(int(own) for own, _, _, _ in rows)
        print(f"imports by python -X importtime: {total / 1000:.0f} ms in all; Followup's largest:")
        for own, name in ours:
            print(f"  {own / 1000:5.1f} ms  {name}")
    return over


if __name__ == "__main__":
    main()
