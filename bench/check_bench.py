"""Throughput of the letter check beside proselint, on one generated corpus, in one process.

Makes 2,000 letters by varying the labelled letters (names, companies, topics, sentences added
and dropped), checks them all with Followup's check (every rule, spelling included), then lints
the same letters with proselint, and prints letters per second for both and their ratio.
Median of several rounds each. Targets: at least 500 letters a second, and at least 10 times
proselint's throughput.

Run: .venv/bin/python bench/check_bench.py [--letters 2000] [--rounds 3]
(proselint must be installed in the same environment: pip install proselint)
"""

from __future__ import annotations

import argparse
import json
import random
import statistics
import tempfile
import time
from pathlib import Path

from followup import bootstrap
from followup.adapters.files.dossier import parse_dossier
from followup.domain.letters.context import LetterContext
from followup.services.dossier import import_dossier
from followup.services.letters import letter_context

HERE = Path(__file__).parent
CORPORA = [
    HERE.parent.parent / "shared" / "corpus" / "letters",
    HERE.parent / "tests" / "data" / "letters_extra",
]
EXTRA_SENTENCES = [
    "I have attached my updated resume for your reference.",
    "Our discussion of the sales process was genuinely useful.",
    "I look forward to hearing from you.",
    "In my last role I exceeded quota in six of eight quarters.",
    "I am available for a call at any time this week.",
    "Please give my regards to the rest of the team.",
]


def make_letters(n: int, seed: int = 11) -> list[tuple[str, LetterContext]]:
    rng = random.Random(seed)
    letters: list[tuple[str, LetterContext]] = []
    with tempfile.TemporaryDirectory() as tmp:
        base: list[tuple[str, LetterContext]] = []
        for folder in CORPORA:
            deps = bootstrap.dependencies(str(Path(tmp) / f"{folder.name}.sqlite3"))
            import_dossier(deps, parse_dossier(json.loads((folder / "context.json").read_text())))
            with deps.store.unit_of_work(readonly=True) as uow:
                for case in json.loads((folder / "cases.json").read_text()):
                    ctx, _ = letter_context(uow, case["opportunity"], case["to"], case["kind"])
                    base.append((case["text"], ctx))
    while len(letters) < n:
        text, ctx = rng.choice(base)
        paragraphs = text.split("\n\n")
        if len(paragraphs) > 2 and rng.random() < 0.7:
            body = (
                paragraphs[1].rstrip(".")
                + ". "
                + " ".join(rng.sample(EXTRA_SENTENCES, rng.randint(0, 3)))
            )
            paragraphs[1] = body.strip()
        letters.append(("\n\n".join(paragraphs), ctx))
    return letters


def rounds_of(fn, rounds: int) -> float:  # type: ignore[no-untyped-def]
    times = []
    for _ in range(rounds):
        started = time.perf_counter()
        fn()
        times.append(time.perf_counter() - started)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--letters", type=int, default=2000)
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    letters = make_letters(args.letters)
    words = sum(len(t.split()) for t, _ in letters)
    print(f"{len(letters)} letters, {words / len(letters):.0f} words on average")

    started = time.perf_counter()
    checker = bootstrap.dependencies(":memory:").checker()
    checker.check(*letters[0])  # loads the dictionary
    print(f"check start-up (rules and dictionary): {time.perf_counter() - started:.2f} s")
    ours = rounds_of(lambda: [checker.check(t, c) for t, c in letters], args.rounds)

    from proselint.checks import __register__
    from proselint.config import load_from
    from proselint.registry import CheckRegistry
    from proselint.tools import LintFile

    CheckRegistry().register_many(__register__)
    config = load_from(None)
    theirs = rounds_of(
        lambda: [LintFile("<bench>", t).lint(config) for t, _ in letters], args.rounds
    )
    print(f"followup check: {len(letters) / ours:8.0f} letters/s ({ours:.2f} s)")
    print(f"proselint:      {len(letters) / theirs:8.0f} letters/s ({theirs:.2f} s)")
    print(f"ratio: {theirs / ours:.1f}x proselint's throughput (target at least 10x)")


if __name__ == "__main__":
    main()
