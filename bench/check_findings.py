"""Every finding of the letter check on labelled letter sets, as JSON: to prove that a change to
the check's engine changes no result.

For each set (a folder with cases.json and context.json), each letter is checked twice: by a
check built for it alone (as `followup check` does: the first letters a check reads take its
plain path) and by one check that has read many letters before (the path a long run takes). The
two must agree; the output holds the findings (start, end, rule id, message) of every letter,
keyed by set and letter id. With --realistic N it also holds the findings on the N letters of
150 to 400 words that bench/check_bench.py measures.

Run: .venv/bin/python bench/check_findings.py [FOLDER ...] [--realistic 2000] > findings.json
then, after a change, again, and compare: `cmp before.json after.json`.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from pathlib import Path

from followup import bootstrap
from followup.adapters.check_rules import build_checker
from followup.adapters.files.dossier import parse_dossier
from followup.domain.letters.context import LetterContext
from followup.services.dossier import import_dossier
from followup.services.letters import letter_context

HERE = Path(__file__).parent
DEFAULT = [
    HERE.parent.parent / "shared" / "corpus" / "letters",
    HERE.parent / "tests" / "data" / "letters_extra",
    HERE.parent / "tests" / "data" / "letters_dev",
]


def cases_of(folder: Path, tmp: Path) -> list[tuple[str, str, LetterContext]]:
    """(id, text, context) of every letter of a labelled set."""
    deps = bootstrap.dependencies(str(tmp / f"{abs(hash(str(folder)))}.sqlite3"))
    import_dossier(deps, parse_dossier(json.loads((folder / "context.json").read_text())))
    found = []
    with deps.store.unit_of_work(readonly=True) as uow:
        for case in json.loads((folder / "cases.json").read_text()):
            ctx, _ = letter_context(uow, case["opportunity"], case["to"], case["kind"])
            found.append((str(case["id"]), case["text"], ctx))
    return found


def findings(
    letters: list[tuple[str, str, LetterContext]], cache: Path
) -> dict[str, list[list[object]]]:
    """Each letter's findings; exits with a message when the two paths disagree."""
    many = build_checker(None, cache=cache)
    for _, text, ctx in letters[:20]:  # past the first letters: the path of a long run
        many.check(text, ctx)
    out: dict[str, list[list[object]]] = {}
    for key, text, ctx in letters:
        alone = [list(f) for f in build_checker(None, cache=cache).check(text, ctx)]
        together = [list(f) for f in many.check(text, ctx)]
        if alone != together:
            sys.exit(f"{key}: a check of one letter finds {alone}, of many {together}")
        out[key] = alone
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("folders", nargs="*")
    parser.add_argument("--realistic", type=int, default=0, help="and this many bench letters")
    args = parser.parse_args()
    folders = [Path(f) for f in args.folders] or [f for f in DEFAULT if f.is_dir()]
    result: dict[str, dict[str, list[list[object]]]] = {}
    with tempfile.TemporaryDirectory() as tmp:
        cache = Path(tmp) / "cache"
        for folder in folders:
            result[str(folder.resolve())] = findings(cases_of(folder, Path(tmp)), cache)
        if args.realistic:
            sys.path.insert(0, str(HERE))
            from check_bench import make_letters

            made = make_letters(args.realistic)
            keyed = [(str(i), text, ctx) for i, (text, ctx) in enumerate(made)]
            result["realistic"] = findings(keyed, cache)
    json.dump(result, sys.stdout, indent=1, ensure_ascii=False)
    print()


if __name__ == "__main__":
    main()
