"""How well replies are read: accuracy, and precision and recall per kind, on a labelled set.

A labelled set is a folder of .eml files with a `labels.json` ({"file.eml": "kind"} or
{"file.eml": {"kind": …}}), or a JSON file: a list of {"raw": "the message", "kind": …} (or
"file": a path beside the JSON), or an object {path: kind}. Each message goes the way
`followup inbox classify` takes it (the mailbox reader, then the classifier).

    .venv/bin/python bench/replies_bench.py bench/replies/dev bench/replies/heldout
    .venv/bin/python bench/replies_bench.py bench/replies/dev --errors   # what it got wrong, why
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from collections import Counter
from pathlib import Path

from followup.adapters.mail.mailbox import incoming
from followup.domain.replies.classify import KINDS, ReplyClassifier, shipped_classifier


def load(path: Path) -> list[tuple[str, bytes, str]]:
    """(name, raw message, kind) of each labelled message."""
    if path.is_dir():
        labels = json.loads((path / "labels.json").read_text(encoding="utf-8"))
        return [
            (name, (path / name).read_bytes(), _kind(value))
            for name, value in sorted(labels.items())
        ]
    data = json.loads(path.read_text(encoding="utf-8"))
    if isinstance(data, dict):
        return [
            (name, (path.parent / name).read_bytes(), _kind(value))
            for name, value in sorted(data.items())
        ]
    found = []
    for i, item in enumerate(data):
        if "raw" in item:
            raw = item["raw"].encode("utf-8") if isinstance(item["raw"], str) else item["raw"]
            name = str(item.get("id", i))
        else:
            name = item["file"]
            raw = (path.parent / name).read_bytes()
        found.append((name, raw, _kind(item)))
    return found


def _kind(value: object) -> str:
    kind = value if isinstance(value, str) else (value.get("kind") or value.get("label"))  # type: ignore[union-attr]
    if kind not in KINDS:
        raise SystemExit(f"unknown kind {kind!r} (expected one of {', '.join(KINDS)})")
    return str(kind)


def classify(classifier: ReplyClassifier, raw: bytes) -> tuple[str, str, str]:
    message = incoming(raw)
    found = classifier.classify(message.text, message.subject, dict(message.marks))
    return found.kind, found.evidence, found.rule


def report(name: str, items: list[tuple[str, bytes, str]], errors: bool) -> float:
    classifier = shipped_classifier()
    results = []
    for file, raw, kind in items:
        got, evidence, rule = classify(classifier, raw)
        results.append((file, kind, got, evidence, rule))
    right = sum(1 for _, k, g, _, _ in results if k == g)
    accuracy = right / len(results)
    print(f"{name}: {len(results)} messages, accuracy {accuracy:.3f} ({right}/{len(results)})")
    print(f"  {'kind':<11} {'recall':>7} {'precision':>9} {'support':>8}")
    worst = 1.0
    for kind in KINDS:
        support = sum(1 for _, k, _, _, _ in results if k == kind)
        said = sum(1 for _, _, g, _, _ in results if g == kind)
        hit = sum(1 for _, k, g, _, _ in results if k == g == kind)
        recall = hit / support if support else float("nan")
        precision = hit / said if said else float("nan")
        if support:
            worst = min(worst, recall)
        print(f"  {kind:<11} {recall:>7.3f} {precision:>9.3f} {support:>8}")
    print(f"  lowest recall {worst:.3f}")
    confusion = Counter((k, g) for _, k, g, _, _ in results if k != g)
    if confusion:
        print(
            "  confusions (labelled → read):",
            ", ".join(f"{k}→{g} {n}" for (k, g), n in confusion.most_common()),
        )
    if errors:
        for file, kind, got, evidence, rule in results:
            if kind != got:
                print(f"  ✗ {file}: {kind} read as {got} [{rule}] {evidence!r}")
    return accuracy


def speed(items: list[tuple[str, bytes, str]], runs: int) -> None:
    classifier = shipped_classifier()
    timings = []
    for _ in range(runs):
        started = time.perf_counter()
        for _file, raw, _kind in items:
            classify(classifier, raw)
        timings.append(time.perf_counter() - started)
    median = statistics.median(timings)
    print(
        f"speed: {len(items)} messages in {median * 1000:.1f} ms (median of {runs}), "
        f"{median / len(items) * 1000:.2f} ms per message"
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("sets", nargs="+", type=Path, help="labelled sets (folders or JSON)")
    parser.add_argument("--errors", action="store_true", help="list every message read wrong")
    parser.add_argument("--runs", type=int, default=5, help="timing runs (median)")
    args = parser.parse_args()
    everything = []
    for path in args.sets:
        items = load(path)
        report(str(path), items, args.errors)
        everything.extend(items)
    if args.runs:
        speed(everything, args.runs)
    return 0


if __name__ == "__main__":
    sys.exit(main())
