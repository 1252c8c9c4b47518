"""Train the learned fallback of the reply reader, offline; writes
src/followup/domain/replies/learned.json.

Multinomial logistic regression (L2, full-batch gradient descent, numpy) over the features of
`followup.domain.replies.learned.features`, on the new text of every labelled set's messages and on
the probe table (tests/data/reply_probes.json). Deterministic: the same data
gives the same weights. `--folds K` reports K-fold cross-validated accuracy of the model alone,
and what it does where it is asked: on the messages no rule reads clearly (no evidence of strength
2), the reading of the rules alone against the rules with the model, per L2 and threshold.

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
from followup.domain.replies.classify import FALLBACK_BELOW, KINDS, ReplyClassifier
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
    *(f"dev{n}" for n in range(6, 27)),
    "heldout",
    "heldout4",
    "heldout5",
    "heldout6",
)
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
L2 = 1.0
MIN_COUNT = 3  # a feature seen in fewer examples is noise (cross-validated: 1, 2 and 3 tried)
EPOCHS = 300
RATE = 0.5
MIN_PROBABILITY = 0.6


def examples() -> list[tuple[str, str]]:
    return [(text, kind) for text, kind, _, _ in readings()]


def readings() -> list[tuple[str, str, str, bool]]:
    """(new text, kind, the rules' reading, whether the model is asked) of each example."""
    reader = ReplyClassifier(learned=False)  # the new text, as the classifier will see it
    found = []

    def read(text: str, kind: str, subject: str = "", marks: dict[str, str] | None = None) -> None:
        fresh = reader.new_text(text)
        rules = reader.classify(text, subject, marks or {})
        strengths = [e.strength for e in reader.evidence(fresh, subject, marks or {})]
        found.append((fresh, kind, rules.kind, max(strengths, default=0) < FALLBACK_BELOW))

    for name in SETS:
        folder = ROOT / "bench" / "replies" / name
        for file, kind in json.loads((folder / "labels.json").read_text()).items():
            message = incoming((folder / file).read_bytes())
            read(message.text, kind, message.subject, dict(message.marks))
    probes = json.loads((ROOT / "tests" / "data" / "reply_probes.json").read_text())
    for kind, text in probes:
        read(f"Hi Sam,\n\n{text}\n\nBest,\nAlex", kind)
    return found


def train(data: list[tuple[str, str]]) -> tuple[list[str], np.ndarray, np.ndarray]:
    counts = Counter(f for text, _ in data for f in features(text))
    vocabulary = sorted(f for f, n in counts.items() if n >= MIN_COUNT)
    index = {f: i for i, f in enumerate(vocabulary)}
    x = np.zeros((len(data), len(vocabulary)))
    y = np.zeros((len(data), len(KINDS)))
    for n, (text, kind) in enumerate(data):
        for f in features(text):
            if f in index:
                x[n, index[f]] = 1.0
        y[n, KINDS.index(kind)] = 1.0
    w = np.zeros((len(vocabulary), len(KINDS)))
    b = np.zeros(len(KINDS))
    for _ in range(EPOCHS):
        z = x @ w + b
        z -= z.max(axis=1, keepdims=True)
        p = np.exp(z)
        p /= p.sum(axis=1, keepdims=True)
        gradient = p - y
        w -= RATE * (x.T @ gradient / len(data) + L2 * w / len(data))
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


def fallback_table(folds: int) -> None:
    """Where the model is asked, the rules alone against the rules with it (cross-validated)."""
    global L2
    found = readings()
    data = [(text, kind) for text, kind, _, _ in found]
    asked = [i for i, (_, _, _, ask) in enumerate(found) if ask]
    alone = sum(1 for i in asked if found[i][2] == found[i][1])
    print(f"{len(asked)} examples where the model is asked; the rules alone read {alone} right")
    chosen = L2
    for l2 in (0.1, 1.0, 3.0):
        L2 = l2
        guesses: dict[int, tuple[str, float]] = {}
        for k in range(folds):
            model = train([d for i, d in enumerate(data) if i % folds != k])
            for i in asked:
                if i % folds == k:
                    guesses[i] = chances(*model, found[i][0])
        row = []
        for threshold in (0.5, 0.6, 0.7, 0.8):
            right = 0
            for i in asked:
                kind, p = guesses[i]
                said = kind if kind != "other" and p >= threshold else found[i][2]
                right += said == found[i][1]
            row.append(f"{threshold}: {right}")
        print(f"  L2 {l2}: " + ", ".join(row))
    L2 = chosen


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
        fallback_table(args.folds)
        return
    vocabulary, w, b = train(data)
    # Words that speak for no kind in particular weigh nothing: left out, the file stays small.
    keep = [(f, row) for f, row in zip(vocabulary, w, strict=True) if np.abs(row).max() >= 0.02]
    OUT.write_text(
        json.dumps(
            {
                "_about": (
                    "The reply reader's learned fallback, written by bench/replies/train.py: "
                    "multinomial logistic regression over folded words and word pairs of the "
                    "new text. Do not edit by hand; retrain."
                ),
                "trained_on": f"{len(data)} examples: {', '.join(SETS)} and the probe table",
                "kinds": list(KINDS),
                "min_probability": MIN_PROBABILITY,
                "bias": [round(float(v), 4) for v in b],
                "weights": {f: [round(float(v), 4) for v in row] for f, row in keep},
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
