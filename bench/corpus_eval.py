"""Per-rule precision and recall of the letter check on a labelled corpus (cases.json format).

Run: .venv/bin/python bench/corpus_eval.py [../shared/corpus/letters] [--verbose]
Spelling findings are left out, as the corpus does not label them.
"""

from __future__ import annotations

import argparse
import json
import tempfile
from collections import Counter
from pathlib import Path

from followup import bootstrap
from followup.adapters.files.dossier import parse_dossier
from followup.services.dossier import import_dossier
from followup.services.letters import check_letter


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument(
        "folder",
        nargs="?",
        default=str(Path(__file__).parents[1].parent / "shared" / "corpus" / "letters"),
    )
    parser.add_argument("--verbose", action="store_true")
    args = parser.parse_args()
    folder = Path(args.folder)
    cases = json.loads((folder / "cases.json").read_text())
    tp: Counter[str] = Counter()
    fp: Counter[str] = Counter()
    fn: Counter[str] = Counter()
    with tempfile.TemporaryDirectory() as tmp:
        deps = bootstrap.dependencies(str(Path(tmp) / "corpus.sqlite3"))
        import_dossier(deps, parse_dossier(json.loads((folder / "context.json").read_text())))
        for case in cases:
            _, findings = check_letter(
                deps, case["text"], case["opportunity"], case["to"], case["kind"]
            )
            got = {f.rule for f in findings if f.rule != "spelling"}
            want = set(case["expected"])
            for rule in got & want:
                tp[rule] += 1
            for rule in got - want:
                fp[rule] += 1
            for rule in want - got:
                fn[rule] += 1
            spelling = [case["text"][f.start : f.end] for f in findings if f.rule == "spelling"]
            if got != want or (args.verbose and spelling):
                print(
                    f"{case['id']}: expected {sorted(want)}, got {sorted(got)}"
                    f"{' spelling ' + str(spelling) if spelling else ''}"
                )
                if args.verbose:
                    for f in findings:
                        print(f"    {f.rule}: {f.message} [{case['text'][f.start : f.end]!r}]")
    rules = sorted(set(tp) | set(fp) | set(fn))
    for rule in rules:
        precision = tp[rule] / (tp[rule] + fp[rule]) if tp[rule] + fp[rule] else 1.0
        recall = tp[rule] / (tp[rule] + fn[rule]) if tp[rule] + fn[rule] else 1.0
        print(
            f"{rule:<16} precision {precision:.2f}  recall {recall:.2f}  "
            f"(tp {tp[rule]}, fp {fp[rule]}, fn {fn[rule]})"
        )


if __name__ == "__main__":
    main()
