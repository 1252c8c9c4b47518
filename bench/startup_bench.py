"""Start-up at the floor: `followup agenda` beside Taskwarrior's `task next`, same size, same run.

Makes 10,000 opportunities (the planner bench's dossier) in a fresh SQLite file and 10,000 pending
tasks in a throwaway Taskwarrior (its own TASKRC and TASKDATA), then runs the two commands in
turn, interleaved so that whatever else the machine does weighs on both alike, and compares the
CPU time each takes (user + system, from the kernel's accounting of the child), median of
`--runs` runs:

    followup agenda        target: at most 0.6x the CPU time of `task next`

The bare interpreter (`python -c pass`, and with -S and -I) is shown as the floor under it.

Run: .venv/bin/python bench/startup_bench.py [--opportunities 10000] [--runs 21]
Needs Taskwarrior (`apt-get install taskwarrior`); uses only the standard library otherwise.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
from datetime import date, timedelta
from pathlib import Path


def cpu(argv: list[str], env: dict[str, str]) -> float:
    """CPU seconds (user + system) of one whole command."""
    process = subprocess.Popen(argv, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(process.pid, 0)
    if os.waitstatus_to_exitcode(status) != 0:
        assert process.stderr is not None
        sys.exit(f"{' '.join(argv)} failed: {process.stderr.read().decode()}")
    return usage.ru_utime + usage.ru_stime


def make_tasks(folder: Path, n: int) -> dict[str, str]:
    """A Taskwarrior of its own with n pending tasks, due around today like the agenda's."""
    data = folder / "taskdata"
    data.mkdir()
    rc = folder / "taskrc"
    rc.write_text(
        f"data.location={data}\nconfirmation=no\nverbose=nothing\nhooks=off\n"
        "news.version=99.99.99\n"
    )
    rng = random.Random(7)
    today = date.today()
    tasks = folder / "tasks.json"
    with tasks.open("w") as out:
        for i in range(n):
            due = today + timedelta(days=rng.randint(-60, 120))
            task = {
                "uuid": f"{i:08x}-0000-4000-8000-{rng.getrandbits(48):012x}",
                "description": f"Send thank-you to Contact {i} (Company {i})",
                "status": "pending",
                "entry": "20260101T000000Z",
                "due": due.strftime("%Y%m%dT000000Z"),
                "project": f"opp{i % 500}",
            }
            out.write(json.dumps(task) + "\n")
    env = dict(os.environ, TASKRC=str(rc), TASKDATA=str(data))
    subprocess.run(["task", "import", str(tasks)], env=env, check=True, capture_output=True)
    return env


def followup_package() -> str:
    """The folder of the installed followup package."""
    import followup

    return str(Path(followup.__file__).parent)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--opportunities", type=int, default=10000)
    parser.add_argument("--runs", type=int, default=21)
    args = parser.parse_args()
    if shutil.which("task") is None:
        sys.exit("Taskwarrior is needed: apt-get install taskwarrior")
    followup = shutil.which("followup", path=str(Path(sys.executable).parent)) or "followup"
    here = Path(__file__).parent
    with tempfile.TemporaryDirectory(prefix="followup-startup-") as name:
        folder = Path(name)
        dossier = folder / "dossier.json"
        subprocess.run(
            [sys.executable, str(here / "planner_bench.py"), "--make", str(args.opportunities),
             str(dossier)],
            check=True,
        )  # fmt: skip
        env = dict(os.environ, FOLLOWUP_DATABASE=str(folder / "bench.sqlite3"))
        # As installed: with the modules' bytecode cached (pip compiles it on install; the first
        # run of an editable install writes it), not compiled from source on every run.
        env.pop("PYTHONDONTWRITEBYTECODE", None)
        subprocess.run(
            [sys.executable, "-m", "compileall", "-q", followup_package()],
            env=env,
            check=True,
        )
        subprocess.run([followup, "import", str(dossier)], env=env, check=True, capture_output=True)
        task_env = make_tasks(folder, args.opportunities)
        commands = {
            "followup agenda": ([followup, "agenda"], env),
            "task next": (["task", "next"], task_env),
            "python -c pass": ([sys.executable, "-c", "pass"], env),
            "python -I -S -c pass": ([sys.executable, "-I", "-S", "-c", "pass"], env),
        }
        for argv, command_env in commands.values():  # warm the page cache
            cpu(argv, command_env)
        times: dict[str, list[float]] = {name: [] for name in commands}
        for _ in range(args.runs):
            for label, (argv, command_env) in commands.items():
                times[label].append(cpu(argv, command_env))
    medians = {label: statistics.median(values) for label, values in times.items()}
    for label, value in medians.items():
        print(f"{label:<22} {value * 1000:6.1f} ms CPU (median of {args.runs})")
    ratio = medians["followup agenda"] / medians["task next"]
    print(
        f"followup agenda / task next over {args.opportunities:,}: {ratio:.2f}x "
        f"(target at most 0.60x)"
    )


if __name__ == "__main__":
    main()
