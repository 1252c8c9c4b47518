"""Train the learned fallback of the reply reader, offline; writes
src/followup/domain/replies/learned.json.

Multinomial logistic regression (L2, full-batch gradient descent, numpy) over the features of
`followup.domain.replies.learned.features`, on the new text of every labelled set's messages and on
the probe table (tests/data/reply_probes.json), and of the spent evaluation sets
(/work/evalsets/replies*h-dev) where this machine has them. Deterministic: the same data gives the
same weights. `--folds K` reports K-fold cross-validated accuracy of the model alone. How the
classifier weighs it against the rules (RULES_WEIGHT) was measured by time travel: see
bench/replies/time_travel.py.

    .venv/bin/python bench/replies/train.py            # writes learned.json
    .venv/bin/python bench/replies/train.py --folds 5  # cross-validation only
"""

from __future__ import annotations

import argparse
import json
from collections import Counter
from pathlib import Path

import numpy as np

from followup.adapters.mail.mailbox import incoming
from followup.domain.replies.classify import KINDS, ReplyClassifier
from followup.domain.replies.learned import features

ROOT = Path(__file__).parents[2]
# Every labelled set of the repository (dev5 was never written), the held-out ones too since
# session 11: each of them has been read and tuned on by now, so none is held out any more; the
# held-out split is `--folds`'s own.
SETS = (
    "dev",
    "dev2",
    "dev3",
    "dev4",
    *(f"dev{n}" for n in range(6, 32)),
    "dev33",  # dev32 was never written
    "heldout",
    "heldout4",
    "heldout5",
    "heldout6",
)
# The spent evaluation sets (written by people outside the team, read and now dev sets), when
# this machine has them: the fresh sets come in their voices, and a model that had read the ones
# spent at a point read the next fresh ones far better (see RULES_WEIGHT).
SPENT = sorted(Path("/work/evalsets").glob("replies*h-dev"))
OUT = ROOT / "src" / "followup" / "domain" / "replies" / "learned.json"
# Chosen by `--folds 5` on dev..dev4 and the probes (614 examples, 120 asked of the model):
# rules alone 116/120 right; with the model at L2 0.1 / 1.0 / 3.0 and threshold 0.5: 114 / 115 /
# 118, at 0.6: 117 / 118 / 119, at 0.7: 117 / 118 / 117. At 0.1 and 0.5 (the earlier choice) the
# model gave status updates and handovers a kind; 1.0 and 0.6 are among the best, not at an edge.
# Checked again on dev..dev9 and the probes (1037 examples, 227 asked of the model): rules alone
# 208/227; at 0.6: 223 / 223 / 222 (L2 0.1 / 1.0 / 3.0), at 0.5: 216 / 218 / 222, at 0.7: 222 /
# 221 / 220. Still among the best.
# And on dev..dev23 and the 1087 probes (2173 examples, 432 asked of the model): rules alone
# 402/432; at L2 0.1 / 1.0 / 3.0 and threshold 0.6: 419 / 418 / 417 (0.5: 408 / 410 / 413, 0.7:
# 415 / 414 / 416, 0.8: 416 / 417 / 416). Still among the best.
# And on dev..dev23 and the 1154 probes (2240 examples, 452 asked of the model): rules alone
# 424/452; at 0.6: 438 / 438 / 438 (0.5: 427 / 427 / 432, 0.7: 437 / 437 / 439, 0.8: 439 / 439 /
# 439). 0.8 is one better, within noise; 1.0 and 0.6 kept.
# And on dev..dev23 and the 1325 probes (2411 examples, 525 asked of the model): rules alone
# 492/525; at 0.6: 507 / 508 / 508 (0.5: 498 / 501 / 504, 0.7: 510 / 511 / 510, 0.8: 509 / 509 /
# 510). 0.7 is three better, within noise (and 0.6 was the better one the time before); kept.
# And on dev..dev23 and the 1794 probes (2880 examples, 640 asked of the model): rules alone
# 592/640; at 0.6: 619 / 619 / 620 (0.5: 612 / 615 / 616, 0.7: 625 / 621 / 621, 0.8: 615 / 614 /
# 612). 0.7 is 2 better at L2 1.0, as the three times before (within noise each time); 0.6 kept.
# And on dev..dev23 and the 1976 probes (3062 examples, 681 asked of the model): rules alone
# 627/681; at 0.6: 661 / 659 / 659 (0.5: 650 / 655 / 659, 0.7: 660 / 659 / 658, 0.8: 653 / 651 /
# 648). 0.1 is 2 better at 0.6, within noise; 1.0 and 0.6 kept.
# Session 11, on every labelled set (dev..dev26, heldout..heldout6) and the 2,992 probes (4,391
# examples, 959 asked of the model), L2 1.0 only (the machine was loaded): rules alone 883/959;
# with the model at 0.5: 911, 0.6: 924, 0.7: 923, 0.8: 923 (model alone 0.829 5-fold). 0.6 kept.
L2 = 0.3  # session 14: 0.3 and 1.0 read the fresh sets alike; 0.3 fits the probes closer
MIN_COUNT = 3  # a feature seen in fewer examples is noise (cross-validated: 1, 2 and 3 tried)
EPOCHS = 1000  # 300 left it short of fitting: 4 probes were lost
KEEP = 0.05  # a feature whose weights are all smaller is left out of learned.json
RATE = 0.5
# Session 14: how the rules and the model are combined (classify.py, `_weighed`): each kind scores
# log(model probability) + RULES_WEIGHT x the strength of its strongest rule evidence; the rules'
# reading (when they found evidence, not from the subject, a header or a forwarded message) stands
# unless another kind scores OVERRULE_MARGIN above it; a kind no rule reads needs MIN_PROBABILITY.
# Chosen by time travel (bench/replies/time_travel.py): the reader of an earlier commit, its model
# retrained with these settings on every labelled message that existed then (repository sets,
# spent sets, probes), read the sets nobody had read yet. Accuracy (lowest recall of a kind):
#                                     as shipped   retrained, old fallback   this (shipped)
#   7831f5d (session 12), replies25   .906 (.77)   .918                      .965 (.85)
#                         replies26   .882 (.46)   .882                      .976 (.92)
#   eca9d01 (session 13), replies27   .894 (.81)   .894                      .953 (.88)
#                         replies28   .779 (.31)   .814                      .930 (.69)
# The settings were chosen on replies25/26 at the first point among those that lose nothing on
# today's sets and probes (0.75 / 1.0 / 0.6; weight 0.5 with no margin read .965/.988 there and
# .965/.930 at eca9d01 but lost 14 messages and 69 probes today), and only then read on
# replies27/28. Most of the gain is the data: trained without the spent sets, the same weighing
# read replies27/28 at .918/.849. Leave-sets-out folds over the dev sets cannot choose these: the
# rules were written on those sets and read them all but exactly. Class weights, the subject,
# the sender and the first and last sentences as features: no better on replies25/26.
# Session 15, a third point: at 0b51b35 (replies29/30 never read), trained on the 5,698 examples
# that existed then: as shipped .907 / .944, rules alone .814 / .889, model alone .895 / .956, old
# fallback .849 / .900, this weighing .907 / .956, and with a header's `automatic` weighed with
# the model instead of deciding alone (classify.py since session 15) .907 / .967. Kept.
RULES_WEIGHT = 0.75
OVERRULE_MARGIN = 1.0
MIN_PROBABILITY = 0.6


def examples() -> list[tuple[str, str]]:
    """(new text, kind) of each labelled message and probe."""
    reader = ReplyClassifier(learned=False)  # the new text, as the classifier will see it
    found = []
    for folder in [ROOT / "bench" / "replies" / name for name in SETS] + SPENT:
        for file, kind in json.loads((folder / "labels.json").read_text()).items():
            message = incoming((folder / file).read_bytes())
            found.append((reader.new_text(message.text), kind))
    probes = json.loads((ROOT / "tests" / "data" / "reply_probes.json").read_text())
    for kind, text in probes:
        found.append((reader.new_text(f"Hi Sam,\n\n{text}\n\nBest,\nAlex"), kind))
    return found


def train(data: list[tuple[str, str]]) -> tuple[list[str], np.ndarray, np.ndarray]:
    counts = Counter(f for text, _ in data for f in features(text))
    vocabulary = sorted(f for f, n in counts.items() if n >= MIN_COUNT)
    index = {f: i for i, f in enumerate(vocabulary)}
    # The example-by-feature matrix kept sparse (the row and column of each 1): dense, it would
    # take gigabytes; the arithmetic is the same full-batch gradient descent.
    rows, columns = [], []
    for n, (text, _) in enumerate(data):
        for f in features(text):
            if f in index:
                rows.append(n)
                columns.append(index[f])
    row, column = np.asarray(rows), np.asarray(columns)
    y = np.zeros((len(data), len(KINDS)))
    for n, (_, kind) in enumerate(data):
        y[n, KINDS.index(kind)] = 1.0
    w = np.zeros((len(vocabulary), len(KINDS)))
    b = np.zeros(len(KINDS))
    for _ in range(EPOCHS):
        z = np.stack(
            [
                np.bincount(row, weights=w[column, k], minlength=len(data))
                for k in range(len(KINDS))
            ],
            axis=1,
        )
        z += b
        z -= z.max(axis=1, keepdims=True)
        p = np.exp(z)
        p /= p.sum(axis=1, keepdims=True)
        gradient = p - y
        spread = gradient[row]
        step = np.stack(
            [
                np.bincount(column, weights=spread[:, k], minlength=len(vocabulary))
                for k in range(len(KINDS))
            ],
            axis=1,
        )
        w -= RATE * (step / len(data) + L2 * w / len(data))
        b -= RATE * gradient.mean(axis=0)
    return vocabulary, w, b


def predict(vocabulary: list[str], w: np.ndarray, b: np.ndarray, text: str) -> str:
    return chances(vocabulary, w, b, text)[0]


def chances(vocabulary: list[str], w: np.ndarray, b: np.ndarray, text: str) -> tuple[str, float]:
    """The model's kind for `text` and its probability."""
    index = {f: i for i, f in enumerate(vocabulary)}
    z = b.copy()
    for f in features(text):
        if f in index:
            z = z + w[index[f]]
    p = np.exp(z - z.max())
    p /= p.sum()
    return KINDS[int(np.argmax(p))], float(p.max())


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--folds", type=int, default=0, help="cross-validate only")
    args = parser.parse_args()
    data = examples()
    if args.folds:
        right = 0
        for k in range(args.folds):
            test = data[k :: args.folds]
            rest = [d for i, d in enumerate(data) if i % args.folds != k]
            model = train(rest)
            right += sum(1 for text, kind in test if predict(*model, text) == kind)
        print(f"{len(data)} examples, {args.folds}-fold accuracy {right / len(data):.3f}")
        return
    vocabulary, w, b = train(data)
    # Words that speak for no kind in particular weigh nothing: left out, the file stays small
    # (and quick to load: `followup inbox classify` reads it at start).
    keep = [(f, row) for f, row in zip(vocabulary, w, strict=True) if np.abs(row).max() >= KEEP]
    OUT.write_text(
        json.dumps(
            {
                "_about": (
                    "The reply reader's learned fallback, written by bench/replies/train.py: "
                    "multinomial logistic regression over folded words and word pairs of the "
                    "new text. Do not edit by hand; retrain."
                ),
                "trained_on": (
                    f"{len(data)} examples: {', '.join(SETS)}, "
                    f"{', '.join(p.name for p in SPENT)} and the probe table"
                ),
                "kinds": list(KINDS),
                "rules_weight": RULES_WEIGHT,
                "overrule_margin": OVERRULE_MARGIN,
                "min_probability": MIN_PROBABILITY,
                "bias": [round(float(v), 4) for v in b],
                "weights": {f: [round(float(v), 3) for v in row] for f, row in keep},
            },
            ensure_ascii=False,
            separators=(",", ":"),
            sort_keys=False,
        )
        + "\n"
    )
    print(f"{len(data)} examples, {len(keep)} of {len(vocabulary)} features kept → {OUT}")


if __name__ == "__main__":
    main()
