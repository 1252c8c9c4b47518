"""Throughput of the letter check beside proselint, on one generated corpus, in one process.

Makes letters of realistic length (150 to 400 words, as candidates write them) from the labelled
letters of every set: each keeps its salutation, its own body (with the defect it was labelled
for, in two letters of three) and its signature, and gains body paragraphs of sentences letters
really carry (recaps, strengths, availability, references). Checks them all with Followup's
check (every rule, spelling included), then lints the same letters with proselint, and prints
letters per second of CPU time for both and their ratio: the median of several rounds, which
alternate. Target: at least 20 times proselint's throughput.

Run: .venv/bin/python bench/check_bench.py [--letters 2000] [--rounds 5] [--short] [--fresh]
(proselint must be installed in the same environment: pip install -e '.[bench]'; --short keeps
the labelled letters at their own length, as the first version of this bench did; --fresh gives
each round letters of its own, so that nothing the check learnt of a letter in one round, such as
the states of RE2's automata, helps it in the next)
"""

from __future__ import annotations

import argparse
import json
import os
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
    HERE.parent / "tests" / "data" / "letters_dev",
    HERE.parent / "tests" / "data" / "letters_heldout",
]
# What the body of a real follow-up letter is made of, besides what the labelled letter says
# (two thirds of the labelled letters carry a defect the check must find; these sentences add
# the length, as ordinary letters do).
SENTENCES = [
    "I have attached my updated resume for your reference.",
    "Our discussion of the sales process was genuinely useful.",
    "I look forward to hearing from you.",
    "In my last role I exceeded quota in six of eight quarters.",
    "I am available for a call at any time this week.",
    "Please give my regards to the rest of the team.",
    "Over the past three years I built a pipeline of mid-market accounts from a standing start.",
    "Most of my new business came from referrals and from careful follow-up after trade shows.",
    "I keep a simple weekly rhythm: prospecting on Monday, demos midweek, and reviews on Friday.",
    "When a deal stalls, I go back to the buyer's own words and ask what has changed.",
    "I would expect to spend the first month listening to customers before changing anything.",
    "The team you described sounds like one where I could learn a lot and contribute quickly.",
    "Your point about onboarding new accounts matched what I have seen in my own territory.",
    "I have also started a course on negotiation, which I expect to finish next month.",
    "If it would help, I can share a short plan for my first ninety days in the role.",
    "I enjoyed meeting the team and seeing how closely sales and support work together.",
    "My references are happy to speak with you, and their details are attached.",
    "I understand the team hopes to decide by the end of the month.",
    "Quarterly business reviews were the single best habit I brought to my last team.",
    "I would welcome the chance to continue our conversation at a time that suits you.",
    "Thank you again for your time and for the clear picture of the role.",
    "I learned a lot from the way you described your approach to key accounts.",
    "Before joining my current company I spent two years in inside sales for a logistics firm.",
    "My manager at the time described me as the person who never lets a lead go cold.",
    "I track every opportunity in the CRM and review the forecast with my manager each week.",
    "I am confident that I can ramp quickly and start contributing to the pipeline within weeks.",
]


LONGEST = 400  # words: letters of realistic length run 150 to 400 (issue 10)
SHORTEST = 150


def make_letters(n: int, seed: int = 11, realistic: bool = True) -> list[tuple[str, LetterContext]]:
    """n letters with their contexts; realistic ones run 150 to 400 words (as str.split counts)."""
    rng = random.Random(seed)
    letters: list[tuple[str, LetterContext]] = []
    with tempfile.TemporaryDirectory() as tmp:
        base: list[tuple[str, LetterContext]] = []
        for folder in (f for f in CORPORA if f.is_dir()):
            deps = bootstrap.dependencies(str(Path(tmp) / f"{folder.name}.sqlite3"))
            import_dossier(deps, parse_dossier(json.loads((folder / "context.json").read_text())))
            with deps.store.unit_of_work(readonly=True) as uow:
                for case in json.loads((folder / "cases.json").read_text()):
                    ctx, _ = letter_context(uow, case["opportunity"], case["to"], case["kind"])
                    base.append((case["text"], ctx))
    if realistic:
        base = [(text, ctx) for text, ctx in base if len(text.split()) <= LONGEST - 20]
    while len(letters) < n:
        text, ctx = rng.choice(base)
        paragraphs = text.split("\n\n")
        if realistic:
            target = rng.randint(SHORTEST, LONGEST)
            size = len(text.split())
            body: list[list[str]] = []
            while size < target:  # paragraphs of two to four sentences, one sentence at a time
                if not body or len(body[-1]) >= rng.randint(2, 4):
                    body.append([])
                sentence = rng.choice([s for s in SENTENCES if s not in body[-1]])
                if size + len(sentence.split()) > LONGEST:
                    break
                body[-1].append(sentence)
                size += len(sentence.split())
            at = 1 if len(paragraphs) > 2 else len(paragraphs) - 1
            paragraphs[at:at] = [" ".join(p) for p in body if p]
        letter = "\n\n".join(paragraphs)
        if realistic and not SHORTEST <= len(letter.split()) <= LONGEST:
            continue  # (a labelled letter too long to gain a paragraph and stay in bounds)
        letters.append((letter, ctx))
    return letters


def timed(fn) -> float:  # type: ignore[no-untyped-def]
    """CPU seconds the process spent on fn: other processes on a shared machine do not count."""
    started = time.process_time()
    fn()
    return time.process_time() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--letters", type=int, default=2000)
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--short", action="store_true", help="the labelled letters as they are")
    parser.add_argument("--fresh", action="store_true", help="new letters in every round")
    args = parser.parse_args()
    letters = make_letters(args.letters, realistic=not args.short)
    rounds = [
        make_letters(args.letters, seed=11 + i, realistic=not args.short)
        if args.fresh and i
        else letters
        for i in range(args.rounds)
    ]
    counts = sorted(len(t.split()) for t, _ in letters)
    print(
        f"{len(letters)} letters, {statistics.mean(counts):.0f} words on average "
        f"({counts[0]} to {counts[-1]}); machine load (1 min) {os.getloadavg()[0]:.1f} "
        f"on {os.cpu_count()} processors"
    )

    started = time.perf_counter()
    checker = bootstrap.dependencies(":memory:").checker()
    checker.check(*letters[0])  # loads the dictionary
    print(f"check start-up (rules and dictionary): {time.perf_counter() - started:.2f} s")

    from proselint.checks import __register__
    from proselint.config import load_from
    from proselint.registry import CheckRegistry
    from proselint.tools import LintFile

    CheckRegistry().register_many(__register__)
    config = load_from(None)

    def ours_once(letters: list[tuple[str, LetterContext]]) -> None:
        for text, ctx in letters:
            checker.check(text, ctx)

    def theirs_once(letters: list[tuple[str, LetterContext]]) -> None:
        for text, _ in letters:
            LintFile("<bench>", text).lint(config)

    # Rounds alternate, so that a busy moment of the machine falls on both alike.
    ours, theirs = [], []
    for batch in rounds:
        ours.append(timed(lambda: ours_once(batch)))  # noqa: B023 (called at once)
        theirs.append(timed(lambda: theirs_once(batch)))  # noqa: B023
    ours_s, theirs_s = statistics.median(ours), statistics.median(theirs)
    print(f"followup check: {len(letters) / ours_s:8.0f} letters/s ({ours_s:.2f} s CPU, median)")
    print(
        f"proselint:      {len(letters) / theirs_s:8.0f} letters/s ({theirs_s:.2f} s CPU, median)"
    )
    print(f"ratio: {theirs_s / ours_s:.1f}x proselint's throughput (target at least 20x)")
    print(
        "rounds, CPU s (followup / proselint): "
        + ", ".join(f"{a:.2f}/{b:.2f}" for a, b in zip(ours, theirs, strict=True))
        + (" (each on letters of its own)" if args.fresh else " (the same letters each round)")
    )


if __name__ == "__main__":
    main()
