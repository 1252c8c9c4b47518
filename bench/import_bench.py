"""How fast and how lean `followup import` is on large files of the kinds other tools write.

Each figure is `followup import FILE --json` run as its own process on a fresh database (the
time a user waits, start-up included), the median of several runs, with the peak resident memory
of that process (from wait4's rusage). Issue 8 asks for a 10,000-row applications CSV in at most
5 s and 150 MB, and a 100,000-card vCard file in bounded memory: the vCard figure is shown beside
one ten times smaller, so that flat memory can be seen. A 1 GB CSV is refused in one line with
exit status 2, in bounded memory.

    .venv/bin/python bench/import_bench.py [--runs 5] [--quick]
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import BinaryIO

FOLLOWUP = [sys.executable, "-m", "followup"]
COMPANIES = [
    "Acme Corp", "Globex", "Initech, Inc.", "Umbrella", "Hooli", "Soylent", "Vandelay Industries",
    "Société Générale", "Nordic Sales AB", "Pied Piper", "Initrode", "Massive Dynamic",
]  # fmt: skip
ROLES = [
    "Account Executive", "Enterprise Account Manager", "Sales Development Representative",
    "Regional Sales Director", "Key Account Manager", "Inside Sales Rep", "Solutions Consultant",
]  # fmt: skip
CPU_SECONDS: list[float] = []
STAGES = ["Bookmarked", "Applying", "Applied", "Interviewing", "Negotiating", "Not Selected"]


def applications_csv(path: Path, rows: int) -> None:
    """A Teal-shaped export: company, position, status, dates, URL, notes with commas."""
    rng = random.Random(8)
    with path.open("w", encoding="utf-8", newline="") as out:
        out.write(
            "Company,Job Position,Status,Excitement,Date Saved,Date Applied,Job URL,Notes\r\n"
        )
        for n in range(rows):
            company = f"{rng.choice(COMPANIES)} {n // 7}"
            out.write(
                f'"{company}",{rng.choice(ROLES)} {n % 7},{rng.choice(STAGES)},{n % 5},'
                f"12/{1 + n % 28:02d}/2026,12/{1 + n % 28:02d}/2026,"
                f'https://jobs.example/{n},"Note {n}, with a comma"\r\n'
            )


def vcards(path: Path, cards: int) -> None:
    """Phone-style vCard 3.0: folded notes, two addresses, a phone."""
    with path.open("w", encoding="utf-8", newline="") as out:
        for n in range(cards):
            out.write(
                "BEGIN:VCARD\r\nVERSION:3.0\r\n"
                f"N:Person{n};Pat;;;\r\nFN:Pat Person{n}\r\nORG:{COMPANIES[n % 12]};Sales\r\n"
                f"TITLE:{ROLES[n % 7]}\r\n"
                f"EMAIL;TYPE=INTERNET;TYPE=WORK;TYPE=pref:pat.{n}@company{n % 997}.example\r\n"
                f"EMAIL;TYPE=INTERNET;TYPE=HOME:pat{n}@mail.example\r\n"
                f"TEL;TYPE=CELL:+1 312 555 {n % 10000:04d}\r\n"
                "NOTE:Met at the spring sales meetup; talked about territories and the CRM mig\r\n"
                " ration that is coming next quarter.\r\n"
                "END:VCARD\r\n"
            )


def huge_csv(path: Path, size: int) -> None:
    line = b"Acme Corp,Account Executive,Applied,2026-12-15,https://jobs.example/1\r\n"
    chunk = line * (1024 * 1024 // len(line))
    with path.open("wb") as out:
        out.write(b"Company,Position,Status,Date Applied,URL\r\n")
        written = 0
        while written < size:
            out.write(chunk)
            written += len(chunk)


def run(database: Path, *args: str, stdin: BinaryIO | None = None) -> tuple[float, float, int, str]:
    """(seconds, peak MB, exit status, standard error) of one `followup` process; its processor
    time goes to CPU_SECONDS (on a shared machine the wall clock also counts others' work)."""
    env = dict(os.environ, FOLLOWUP_DATABASE=str(database), FOLLOWUP_CONFIG=str(database) + ".cfg")
    started = time.perf_counter()
    process = subprocess.Popen(
        [*FOLLOWUP, *args],
        env=env,
        stdin=stdin or subprocess.DEVNULL,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    assert process.stderr is not None
    err = process.stderr.read().decode()
    _, status, usage = os.wait4(process.pid, 0)
    elapsed = time.perf_counter() - started
    CPU_SECONDS.append(usage.ru_utime + usage.ru_stime)
    process.returncode = os.waitstatus_to_exitcode(status)
    return elapsed, usage.ru_maxrss / 1024, process.returncode, err


def measure(folder: Path, label: str, file: Path, runs: int, again: bool = False) -> None:
    times, peaks, second, cpu = [], [], [], []
    for i in range(runs):
        database = folder / f"{label}-{i}.sqlite3"
        seconds, peak, status, err = run(database, "import", str(file), "--json")
        assert status == 0, err
        times.append(seconds)
        peaks.append(peak)
        cpu.append(CPU_SECONDS[-1])
        if again:
            seconds, _, status, err = run(database, "import", str(file), "--json")
            assert status == 0, err
            second.append(seconds)
        database.unlink()
    line = (
        f"{label:<34} median {statistics.median(times):6.2f} s wall, "
        f"{statistics.median(cpu):6.2f} s CPU (wall min {min(times):.2f}, max {max(times):.2f})"
        f"  peak {statistics.median(peaks):6.1f} MB"
    )
    if second:
        line += f"  · again (unchanged) {statistics.median(second):.2f} s"
    print(line, flush=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--quick", action="store_true", help="smaller files, one run each")
    args = parser.parse_args()
    runs = 1 if args.quick else args.runs
    scale = 10 if args.quick else 1
    with tempfile.TemporaryDirectory(prefix="followup-import-bench-") as tmp:
        folder = Path(tmp)
        applications = folder / "applications.csv"
        applications_csv(applications, 10_000 // scale)
        measure(folder, f"{10_000 // scale:,} applications (CSV)", applications, runs, again=True)
        for cards in (10_000 // scale, 100_000 // scale):
            file = folder / f"cards-{cards}.vcf"
            vcards(file, cards)
            size = file.stat().st_size / 2**20
            measure(folder, f"{cards:,} vCards ({size:.0f} MB)", file, max(1, runs // 2))
            file.unlink()
        huge = folder / "huge.csv"
        huge_csv(huge, 2**30)  # always a full gibibyte: refusing it must stay cheap
        size = huge.stat().st_size // 2**20
        seconds, peak, status, err = run(folder / "huge.sqlite3", "import", str(huge))
        print(f"{f'a {size} MB CSV file':<34} exit {status} in {seconds:.2f} s, peak {peak:.1f} MB")
        print(f"{'':<34} {err.strip()}")
        with huge.open("rb") as stdin:
            seconds, peak, status, err = run(folder / "huge.sqlite3", "import", "-", stdin=stdin)
        label = "the same on standard input"
        print(f"{label:<34} exit {status} in {seconds:.2f} s, peak {peak:.1f} MB")


if __name__ == "__main__":
    main()
