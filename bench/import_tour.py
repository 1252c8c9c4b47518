"""A tour of imports against files other tools wrote: each file, in a fresh database, is
imported with --dry-run, then twice, through the public command line only.

    .venv/bin/python bench/import_tour.py [--jobs N] [--markdown OUT] SOURCE=DIR_OR_FILE ...

For every file it checks what DESIGN's "Getting the search in without typing" promises:
- the dry run changes nothing (export and people are the same before and after it;
  the plan follows from the export) and
  reports what the import then does (the same `--json` report);
- the second import changes nothing and reports nothing added or updated;
- a refused file (exit 2) says one line on standard error and leaves the database as it was;
- no other exit status, and nothing on standard error when the import succeeds.
A line per file is printed (and written as a Markdown table with --markdown); the exit status is 1
when any file broke a promise. What a file *should* hold is for a reader to judge from the
counts: the tour only finds the promises broken.
"""

from __future__ import annotations

import argparse
import contextlib
import io
import json
import os
import subprocess
import sys
import tempfile
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SUFFIXES = {".ics", ".ical", ".ifb", ".vcs", ".vcf", ".eml", ".csv", ".json"}


@dataclass
class Outcome:
    source: str
    path: Path
    kind: str = ""
    status: int = 0
    report: str = ""
    message: str = ""
    broken: list[str] = field(default_factory=list)


def run(args: list[str], database: Path) -> subprocess.CompletedProcess[str]:
    """`followup --database DATABASE ARGS...`, in this process (each worker is a process of its
    own): the command line's own entry point, without a new interpreter for every call."""
    from followup.cli.main import main

    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        try:
            status = main(["--database", str(database), *args])
        except SystemExit as leaving:
            status = leaving.code if isinstance(leaving.code, int) else 2
        except Exception as error:
            err.write(f"crash: {type(error).__name__}: {error}\n")
            status = 99
    return subprocess.CompletedProcess(args, status, out.getvalue(), err.getvalue())


def state(database: Path) -> str:
    parts = []
    for args in (["export"], ["people", "--json"]):
        done = run(args, database)
        parts.append(f"{done.returncode}\n{done.stdout}")
    return "\n".join(parts)


def counts(report: dict[str, object]) -> str:
    skipped = report.get("skipped") or []
    return (
        f"+{report.get('added')} ~{report.get('updated')} ={report.get('unchanged')}"
        f" skip {len(skipped) if isinstance(skipped, list) else '?'}"
    )


def empty() -> str:
    with tempfile.TemporaryDirectory(prefix="tour-") as folder:
        return state(Path(folder) / "followup.db")


def tour(source: str, path: Path, before: str) -> Outcome:
    outcome = Outcome(source, path)
    with tempfile.TemporaryDirectory(prefix="tour-") as folder:
        database = Path(folder) / "followup.db"
        dry = run(["import", str(path), "--dry-run", "--json"], database)
        if state(database) != before:
            outcome.broken.append("the dry run changed the database")
        first = run(["import", str(path), "--json"], database)
        outcome.status = first.returncode
        if first.returncode != dry.returncode:
            outcome.broken.append(f"dry run exit {dry.returncode}, import exit {first.returncode}")
        if first.returncode == 2:
            lines = [line for line in first.stderr.splitlines() if line.strip()]
            outcome.message = lines[0] if lines else ""
            if len(lines) != 1:
                outcome.broken.append(f"refused with {len(lines)} lines on standard error")
            if state(database) != before:
                outcome.broken.append("a refused import changed the database")
            return outcome
        if first.returncode != 0:
            outcome.broken.append(f"exit {first.returncode}: {first.stderr.strip()[-300:]}")
            return outcome
        if first.stderr.strip():
            outcome.broken.append(f"standard error on success: {first.stderr.strip()[:200]}")
        report = json.loads(first.stdout)
        outcome.kind = str(report.get("kind"))
        outcome.report = counts(report)
        skipped = report.get("skipped") or []
        if skipped:
            outcome.message = "; ".join(
                f"{item.get('where')}: {item.get('reason')}" for item in skipped[:3]
            )
        if dry.returncode == 0 and json.loads(dry.stdout) != report:
            outcome.broken.append(f"dry run said {counts(json.loads(dry.stdout))}")
        after = state(database)
        second = run(["import", str(path), "--json"], database)
        if second.returncode != 0:
            outcome.broken.append(
                f"second import exit {second.returncode}: {second.stderr.strip()}"
            )
        else:
            again = json.loads(second.stdout)
            if again.get("added") or again.get("updated"):
                outcome.broken.append(f"second import said {counts(again)}")
        if state(database) != after:
            outcome.broken.append("the second import changed the database")
    return outcome


def files(spec: str) -> list[tuple[str, Path]]:
    source, _, where = spec.partition("=")
    if not where:
        source, where = Path(spec).name, spec
    root = Path(where)
    if root.is_file():
        return [(source, root)]
    return [
        (source, path)
        for path in sorted(root.rglob("*"))
        if path.is_file() and path.suffix.lower() in SUFFIXES
    ]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("sources", nargs="+", metavar="SOURCE=PATH")
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 2)
    parser.add_argument("--markdown", type=Path)
    options = parser.parse_args()
    before = empty()
    todo = [pair for spec in options.sources for pair in files(spec)]
    rows = []
    outcomes = []
    with ProcessPoolExecutor(options.jobs) as pool:
        for outcome in pool.map(tour, *zip(*todo, strict=True), [before] * len(todo)):
            outcomes.append(outcome)
            verdict = "BROKEN: " + " | ".join(outcome.broken) if outcome.broken else "ok"
            row = (
                outcome.source,
                outcome.path.name,
                str(outcome.status),
                outcome.kind,
                outcome.report,
                outcome.message[:160],
                verdict,
            )
            rows.append(row)
            print("\t".join(row), flush=True)
    by_source: dict[str, list[int]] = {}
    for outcome in outcomes:
        tally = by_source.setdefault(outcome.source, [0, 0, 0, 0])
        tally[0] += 1
        tally[1] += outcome.status == 0
        tally[2] += outcome.status == 2
        tally[3] += bool(outcome.broken)
    print("\nsource\tfiles\timported\trefused\tbroken")
    for source, (total, imported, refused, broken) in by_source.items():
        print(f"{source}\t{total}\t{imported}\t{refused}\t{broken}")
    if options.markdown:
        head = "| source | file | exit | kind | +added ~updated =same skipped | message | verdict |"
        lines = [head, "|" + " --- |" * 7]
        lines += [
            "| " + " | ".join(cell.replace("|", "\\|") for cell in row) + " |" for row in rows
        ]
        options.markdown.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return 1 if any(outcome.broken for outcome in outcomes) else 0


if __name__ == "__main__":
    sys.exit(main())
