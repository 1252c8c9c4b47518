"""Per-rule precision and recall of the letter check on labelled letter sets (cases.json format).

Run: .venv/bin/python bench/corpus_eval.py [FOLDER ...] [--verbose | --summary]
With no folder: the shared corpus (../shared/corpus/letters) when present, and the sets in
tests/data (letters_extra, letters_dev, letters_voices, and letters_heldout, which is only ever
measured).
--summary prints the figures only, not the letters that disagree (use it on a held-out set).
Spelling findings are left out, as the sets do not label them. "clean" is the precision over the
letters labelled with no finding at all: the share of them the check leaves alone.
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

HERE = Path(__file__).parent
DEFAULT = [
    HERE.parent.parent / "shared" / "corpus" / "letters",
    HERE.parent / "tests" / "data" / "letters_extra",
    HERE.parent / "tests" / "data" / "letters_dev",
    HERE.parent / "tests" / "data" / "letters_voices",
    HERE.parent / "tests" / "data" / "letters_heldout",
]


def evaluate(folder: Path, verbose: bool = False, summary: bool = False) -> dict[str, object]:
    """Per-rule counts for one labelled set; prints the letters that disagree unless summary."""
    cases = json.loads((folder / "cases.json").read_text())
    tp: Counter[str] = Counter()
    fp: Counter[str] = Counter()
    fn: Counter[str] = Counter()
    clean = clean_kept = 0
    with tempfile.TemporaryDirectory() as tmp:
        deps = bootstrap.dependencies(str(Path(tmp) / "corpus.sqlite3"))
        import_dossier(deps, parse_dossier(json.loads((folder / "context.json").read_text())))
        for case in cases:
            _, findings = check_letter(
                deps, case["text"], case["opportunity"], case["to"], case["kind"]
            )
            got = {f.rule for f in findings if f.rule != "spelling"}
            want = set(case["expected"])
            if not want:
                clean += 1
                clean_kept += not got
            for rule in got & want:
                tp[rule] += 1
            for rule in got - want:
                fp[rule] += 1
            for rule in want - got:
                fn[rule] += 1
            if summary:
                continue
            spelling = [case["text"][f.start : f.end] for f in findings if f.rule == "spelling"]
            if got != want or (verbose and spelling):
                print(
                    f"{case['id']}: expected {sorted(want)}, got {sorted(got)}"
                    f"{' spelling ' + str(spelling) if spelling else ''}"
                )
                if verbose:
                    for f in findings:
                        print(f"    {f.rule}: {f.message} [{case['text'][f.start : f.end]!r}]")
    rules = {}
    for rule in sorted(set(tp) | set(fp) | set(fn)):
        precision = tp[rule] / (tp[rule] + fp[rule]) if tp[rule] + fp[rule] else 1.0
        recall = tp[rule] / (tp[rule] + fn[rule]) if tp[rule] + fn[rule] else 1.0
        rules[rule] = (precision, recall, tp[rule], fp[rule], fn[rule])
    return {"letters": len(cases), "clean": (clean, clean_kept), "rules": rules}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("folders", nargs="*")
    parser.add_argument("--verbose", action="store_true")
    parser.add_argument("--summary", action="store_true", help="figures only")
    args = parser.parse_args()
    folders = [Path(f) for f in args.folders] or [f for f in DEFAULT if f.is_dir()]
    for folder in folders:
        result = evaluate(folder, args.verbose, args.summary)
        clean, kept = result["clean"]  # type: ignore[misc]
        print(f"== {folder} ({result['letters']} letters, {clean} clean: {kept} left clean)")
        for rule, (p, r, t, f, n) in result["rules"].items():  # type: ignore[attr-defined]
            print(f"{rule:<16} precision {p:.2f}  recall {r:.2f}  (tp {t}, fp {f}, fn {n})")


if __name__ == "__main__":
    main()
