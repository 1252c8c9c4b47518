"""Accuracy and speed of reading business cards (issue 8: business cards).

Generates a card set with tests/cards/generate.py (or reuses one), reads every card with the
reader `followup card` uses, and reports:

    per-field accuracy (name, title, company, email, phone)   target: at least 0.90 each
    share of cards with all five fields right                  target: at least 0.80
    seconds per card, median (engine already loaded)           target: at most 2 s
        (wall time, and CPU time of all threads: on a shared machine the wall time includes
        waiting for others; the load average is printed beside it)
    confidence: how often a field is right above and below 0.8 (a confidence that means something)

A field is right when it equals the truth ignoring case and runs of spaces (accents count); a phone
when it is the same number (E.164). `--split tune` is the set to look at while improving the reader;
`--split heldout` (other fonts, other layouts, other seed) is only measured.

Run: .venv/bin/python bench/cards_bench.py [--split tune|heldout] [--count 100] [--seed 1]
     [--dir DIR] [--errors] [--cached] [--size phone|medium|small|scan]

`--size small` (or another kind) makes a set whose every card is photographed so: other cards
than the default set of the seed, to look at one kind of photo (the tune split's only).

`--cached` keeps what the OCR read of each image (lines, crops, the recogniser's frames, second
readings) in `ocr-cache.pkl` in the set's folder and reads it back on the next run: the field
finding is then measured alone, quickly and on the same readings (its times are not the reader's).
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

FIELDS = ("name", "title", "company", "email", "phone")


def same(field: str, got: str | None, want: str, region: str) -> bool:
    if got is None:
        return False
    if field == "phone":
        import phonenumbers

        try:
            parsed = phonenumbers.parse(got, region)
        except phonenumbers.NumberParseException:
            return False
        return phonenumbers.format_number(parsed, phonenumbers.PhoneNumberFormat.E164) == want
    return " ".join(got.split()).casefold() == " ".join(want.split()).casefold()


def card_set(
    split: str, count: int, seed: int, folder: Path | None, size: str | None = None
) -> Path:
    from tests.cards.generate import generate

    name = f"followup-cards-{split}-{seed}-{count}" + (f"-{size}" if size else "")
    folder = folder or Path(tempfile.gettempdir()) / name
    if not (folder / "truth.json").exists():
        started = time.perf_counter()
        generate(folder, count, seed, split, size)
        print(f"generated {count} {split} cards in {time.perf_counter() - started:.0f} s: {folder}")
    return folder


class _Cache:
    """What the OCR read, by image: `read_lines_and_crops` and `recognise` of the reader replaced
    by lookups (made on a miss), the lines' frames worked out once and kept."""

    def __init__(self, path: Path) -> None:
        import pickle

        self.path = path
        self.data: dict[str, Any] = {"lines": {}, "recognised": {}, "frames": {}}
        if path.exists():
            self.data = pickle.loads(path.read_bytes())
        self.changed = False

    @staticmethod
    def key(array: Any, *extra: object) -> str:
        import hashlib

        digest = hashlib.sha1(array.tobytes())
        digest.update(repr((array.shape, *extra)).encode())
        return digest.hexdigest()

    def install(self) -> None:
        from dataclasses import replace

        import cv2
        import numpy as np

        from followup.adapters.cards import ocr, reader

        real_read, real_recognise = ocr.read_lines_and_crops, ocr.recognise

        def frames_of(crop: Any) -> Any:
            key = self.key(crop)
            if key not in self.data["frames"]:
                self.data["frames"][key] = ocr.frames(crop)
                self.changed = True
            return lambda: self.data["frames"][key]

        def read_lines_and_crops(rgb: Any, alone: bool = False) -> Any:
            key = self.key(rgb, alone)
            if key not in self.data["lines"]:
                found = real_read(rgb, alone)
                self.data["lines"][key] = [
                    (replace(line, frames=None), cv2.imencode(".png", crop)[1].tobytes())
                    for line, crop in found
                ]
                self.changed = True
            out = []
            for line, png in self.data["lines"][key]:
                crop = cv2.imdecode(np.frombuffer(png, np.uint8), cv2.IMREAD_COLOR)
                out.append((replace(line, frames=frames_of(crop)), crop))
            return out

        def recognise(crop: Any) -> Any:
            key = self.key(crop)
            if key not in self.data["recognised"]:
                self.data["recognised"][key] = real_recognise(crop)
                self.changed = True
            return self.data["recognised"][key]

        reader.read_lines_and_crops = read_lines_and_crops  # type: ignore[assignment]
        reader.recognise = recognise  # type: ignore[assignment]

    def save(self) -> None:
        import pickle

        if self.changed:
            self.path.write_bytes(pickle.dumps(self.data))


def run(folder: Path, show_errors: bool, cached: bool = False) -> dict[str, Any]:
    from followup.adapters.cards import ocr
    from followup.adapters.cards.reader import read_card
    from followup.domain.errors import FollowupError

    cache = _Cache(folder / "ocr-cache.pkl") if cached else None
    if cache is not None:
        cache.install()
    started = time.perf_counter()
    ocr.engine()
    load = time.perf_counter() - started
    truths = json.loads((folder / "truth.json").read_text())
    right: dict[str, int] = defaultdict(int)
    seconds: list[float] = []
    cpu: list[float] = []
    all_right = 0
    by_condition: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    sure = {True: [0, 0], False: [0, 0]}  # confidence >= 0.8: [right, total]
    for truth in truths:
        data = (folder / truth["file"]).read_bytes()
        began, began_cpu = time.perf_counter(), time.process_time()
        try:
            card = read_card(data, truth["region"])
        except FollowupError as error:
            card = None
            if show_errors:
                print(f"{truth['file']}: {error}")
        seconds.append(time.perf_counter() - began)
        cpu.append(time.process_time() - began_cpu)
        ok = {}
        for field in FIELDS:
            got = getattr(card, field) if card else None
            ok[field] = same(field, got, truth[field], truth["region"])
            right[field] += ok[field]
            if card is not None and got is not None:
                bucket = sure[card.confidence.get(field, 0.0) >= 0.8]
                bucket[0] += ok[field]
                bucket[1] += 1
        whole = all(ok.values())
        all_right += whole
        how = truth["how"]
        for key in ("layout", "size", "turn", "qr", "format"):
            by_condition[f"{key}={how.get(key)}"][0] += whole
            by_condition[f"{key}={how.get(key)}"][1] += 1
        if show_errors and not whole:
            wrong = "; ".join(
                f"{f}: {getattr(card, f) if card else None!r} != {truth[f]!r}"
                for f in FIELDS
                if not ok[f]
            )
            print(f"{truth['file']} ({how['layout']}, {how['size']}, turn {how['turn']}): {wrong}")
    if cache is not None:
        cache.save()
    n = len(truths)
    return {
        "cards": n,
        "accuracy": {f: round(right[f] / n, 3) for f in FIELDS},
        "all_five": round(all_right / n, 3),
        "seconds_median": round(statistics.median(seconds), 3),
        "seconds_mean": round(statistics.fmean(seconds), 3),
        "seconds_max": round(max(seconds), 3),
        # CPU time of every thread: what a card costs whatever else the machine is running.
        "cpu_seconds_median": round(statistics.median(cpu), 3),
        # The mean too: the cards whose email is looked for on every line cost more (the tail).
        "cpu_seconds_mean": round(statistics.fmean(cpu), 3),
        "load_average_1min": round(os.getloadavg()[0], 1),
        "engine_load_seconds": round(load, 2),
        "right_when_confident": _share(sure[True]),
        "right_when_unsure": _share(sure[False]),
        "all_five_by_condition": {k: f"{v[0]}/{v[1]}" for k, v in sorted(by_condition.items())},
    }


def _share(pair: list[int]) -> str:
    right, total = pair
    return f"{right}/{total} = {right / total:.2f}" if total else "0/0"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--split", choices=("tune", "heldout"), default="tune")
    parser.add_argument("--count", type=int, default=100)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--dir", type=Path, help="a generated set to reuse (made if missing)")
    parser.add_argument(
        "--size",
        choices=("phone", "medium", "small", "scan"),
        help="a set whose every card is photographed so (other cards than the default set's)",
    )
    parser.add_argument("--errors", action="store_true", help="print every card not fully right")
    parser.add_argument("--cached", action="store_true", help="keep the OCR's readings (see above)")
    args = parser.parse_args()
    folder = card_set(args.split, args.count, args.seed, args.dir, args.size)
    report = run(folder, args.errors, args.cached)
    size = {"size": args.size} if args.size else {}
    print(json.dumps({"split": args.split, "seed": args.seed, **size, **report}, indent=1))
    fields_ok = min(report["accuracy"].values()) >= 0.90
    print(f"each field at least 0.90: {'yes' if fields_ok else 'NO'}")
    print(f"all five on at least 0.80 of cards: {'yes' if report['all_five'] >= 0.80 else 'NO'}")
    for key, what in (("seconds_median", "wall"), ("cpu_seconds_median", "CPU")):
        verdict = "yes" if report[key] <= 2.0 else "NO"
        print(f"at most 2 s a card ({what} time, median): {verdict}")


if __name__ == "__main__":
    main()
