"""Where the letter check spends its time, stage by stage, on the letters check_bench.py measures.

Makes the realistic letters of bench/check_bench.py (150 to 400 words), runs the check over one
batch to warm it (patterns compiled, the screen built, the dictionary read: what a long run has
done after its first letters), then checks a second batch of letters of their own stage by
stage: the letter's shared readings first (clauses and their words, sentences, the screen's
text and bytes, the screen's hits, the telling word sets), then each rule. Prints the CPU
microseconds per letter of each stage (process time: other processes on a shared machine do
not count), the median of several rounds. A stage is charged with what it is the first to ask
of the letter.

It also times the check as a run of many letters does it (`checker.check`, every rule at once,
on the same letters, in rounds alternating with the stages'), and with `--budget MICROSECONDS`
is a speed gate: it exits with status 1 when the check's median CPU a letter is over the budget.
Run it at every merge, with a budget a little above what the last merge measured on the same
machine (CPU time still grows on a loaded machine: compare at a similar load).

Run: .venv/bin/python bench/check_profile.py [--letters 1000] [--rounds 3] [--budget 2200]
[--whole] (--whole: only the whole check, not stage by stage: quicker)
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from check_bench import make_letters

from followup import bootstrap
from followup.domain.letters.letter import Letter


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--letters", type=int, default=1000)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument(
        "--budget",
        type=float,
        help="CPU microseconds a letter the whole check may take (median of rounds): over it, "
        "the command exits with status 1",
    )
    parser.add_argument("--whole", action="store_true", help="time the whole check only")
    args = parser.parse_args()
    warm = make_letters(args.letters, seed=11)
    batch = make_letters(args.letters, seed=12)
    checker = bootstrap.dependencies(":memory:").checker()
    for text, ctx in warm:
        checker.check(text, ctx)
    rules = checker.rules
    clock = time.process_time
    rounds: list[dict[str, float]] = []
    whole: list[float] = []
    for _ in range(args.rounds):
        started = clock()
        for text, ctx in batch:
            checker.check(text, ctx)
        whole.append(clock() - started)
        if args.whole:
            continue
        spent: dict[str, float] = {}

        def stage(name: str, work: Callable[[], object], spent: dict[str, float] = spent) -> object:
            started = clock()
            result = work()
            spent[name] = spent.get(name, 0.0) + clock() - started
            return result

        for text, ctx in batch:
            letter = Letter(text)
            letter.many = True
            stage("clauses and their words", lambda: letter.word_set)  # noqa: B023
            stage("sentences", lambda: letter.sentences)  # noqa: B023
            stage("screen text and bytes", lambda: (letter.spaced, letter.data))  # noqa: B023
            stage("screen: strings (Aho-Corasick)", lambda: letter.hits(rules))  # noqa: B023
            stage("telling words by clause", lambda: letter.read_sets(rules.triggers))  # noqa: B023
            stage("placeholder", lambda: list(checker._placeholders(letter, ctx)))  # noqa: B023
            stage("wrong-company", lambda: list(checker._wrong_company(letter, ctx)))  # noqa: B023
            stage("wrong-name", lambda: list(checker._wrong_name(letter, ctx, [], [])))  # noqa: B023
            flattery = stage(
                "flattery",
                lambda: list(checker._phrases(letter, rules["flattery"])),  # noqa: B023
            )
            needy = stage(
                "needy",
                lambda: list(checker._phrases(letter, rules["needy"])),  # noqa: B023
            )
            stage("asks-decision", lambda: list(checker._asks_decision(letter)))  # noqa: B023
            stage("too-long", lambda: list(checker._too_long(letter, ctx)))  # noqa: B023
            stage("missing-thanks", lambda: list(checker._missing_thanks(letter, ctx)))  # noqa: B023
            stage("missing-contact", lambda: list(checker._missing_contact(text, ctx)))  # noqa: B023
            stage("missing-recap", lambda: list(checker._missing_recap(letter, ctx, False)))  # noqa: B023
            taken = [(f.start, f.end) for f in needy]  # type: ignore[attr-defined]
            praised = [(f.start, f.end) for f in flattery]  # type: ignore[attr-defined]
            stage(
                "new-topic",
                lambda: list(checker._new_topic(letter, ctx, taken, praised)),  # noqa: B023
            )
            dictionary = checker.dictionary
            assert dictionary is not None
            stage(
                "spelling",
                lambda: list(checker._spelling(letter, ctx, dictionary, [])),  # noqa: B023
            )
        rounds.append(spent)
    if rounds:
        per_letter = {
            name: 1e6 * statistics.median(r[name] for r in rounds) / len(batch)
            for name in rounds[0]
        }
        print(
            f"{len(batch)} letters of 150 to 400 words; CPU microseconds a letter, median of "
            f"{args.rounds} rounds (a stage is charged with what it first asks of the letter):"
        )
        for name, micro in per_letter.items():
            print(f"  {micro:7.1f}  {name}")
        print(f"  {sum(per_letter.values()):7.1f}  in all")
    spent = 1e6 * statistics.median(whole) / len(batch)
    print(
        f"the whole check: {spent:.0f} CPU microseconds a letter ({1e6 / spent:.0f} letters/s; "
        f"median of {args.rounds} rounds: "
        + ", ".join(f"{1e6 * w / len(batch):.0f}" for w in whole)
        + f"); machine load (1 min) {os.getloadavg()[0]:.1f}"
    )
    if args.budget is not None:
        if spent > args.budget:
            print(f"OVER BUDGET: {spent:.0f} > {args.budget:.0f} microseconds a letter")
            sys.exit(1)
        print(f"within budget: {spent:.0f} <= {args.budget:.0f} microseconds a letter")


if __name__ == "__main__":
    main()
