"""Every finding of every letter of the labelled sets and of generated bench letters, one line a
letter: to diff before and after a change that must change no result (a speed change).

Reads the repository's letter sets (tests/data/letters_*), the shared corpus when present, the
folders given (for instance the evaluation sets a session was handed), and the realistic letters
of bench/check_bench.py (two seeds of 1,000). Each line: the set, the letter's id (or its place),
and its findings as JSON (start, end, rule, message: spelling included).

Run: .venv/bin/python bench/check_labels.py OUT.tsv [FOLDER ...] [--bench 1000]
then, after the change, again to another file, and diff the two.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from check_bench import make_letters

from followup import bootstrap
from followup.adapters.files.dossier import parse_dossier
from followup.services.dossier import import_dossier
from followup.services.letters import check_letter

HERE = Path(__file__).parent
SETS = [
    *sorted((HERE.parent / "tests" / "data").glob("letters_*")),
    HERE.parent.parent / "shared" / "corpus" / "letters",
]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("folders", nargs="*", type=Path)
    parser.add_argument("--bench", type=int, default=1000, help="generated letters a seed")
    args = parser.parse_args()
    with args.out.open("w") as out:
        for folder in [*SETS, *args.folders]:
            if not (folder / "cases.json").is_file():
                continue
            with tempfile.TemporaryDirectory() as tmp:
                deps = bootstrap.dependencies(str(Path(tmp) / "labels.sqlite3"))
                context = json.loads((folder / "context.json").read_text())
                import_dossier(deps, parse_dossier(context))
                cases = json.loads((folder / "cases.json").read_text())
                for i, case in enumerate(cases):
                    _, findings = check_letter(
                        deps, case["text"], case["opportunity"], case["to"], case["kind"]
                    )
                    found = json.dumps([tuple(f) for f in findings])
                    out.write(f"{folder.name}\t{case.get('id', i)}\t{found}\n")
        checker = bootstrap.dependencies(":memory:").checker()
        for seed in (11, 12):
            for i, (text, ctx) in enumerate(make_letters(args.bench, seed=seed)):
                found = json.dumps([tuple(f) for f in checker.check(text, ctx)])
                out.write(f"bench{seed}\t{i}\t{found}\n")


if __name__ == "__main__":
    main()
