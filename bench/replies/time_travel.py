"""Time travel for the reply reader: would a change to the way it decides have read better the
sets nobody had read yet, at an earlier commit? (Session 14; RULES_WEIGHT in train.py cites it.)

Two steps. First, with an old commit's code (`git archive COMMIT src bench tests/data | tar -x -C
DIR`) on the path, `dump` writes for every labelled message its new text and what that reader's
rules say (each kind's strongest evidence, settled kinds, a machine's header) and what that
reader said in full; the probe table of that commit comes along. Then `read`, with today's code,
trains the model as train.py does on everything the commit had (all but the held-out sets) and
reads the held-out sets: as that reader shipped, by the rules alone, by the model alone, with the
old fallback (asked below strength 2, answering at p ≥ 0.6, never `other`), weighed with the
rules at several RULES_WEIGHTs (no margin, no floor), and as classify.py weighs them now (0.75,
margin 1.0, floor 0.6). Training needs EPOCHS and L2 as train.py has them.

    PYTHONPATH=/tmp/rp-eca/src .venv/bin/python bench/replies/time_travel.py dump /tmp/rp-eca \\
        /tmp/eca.json /tmp/rp-eca/bench/replies/*/ /work/evalsets/replies*h-dev
    .venv/bin/python bench/replies/time_travel.py read /tmp/eca.json \\
        replies27h-dev replies28h-dev
"""

from __future__ import annotations

import argparse
import json
import math
import sys
from pathlib import Path
from typing import Any

import numpy as np

sys.path.insert(0, str(Path(__file__).parent))

KINDS = ("invitation", "rejection", "offer", "question", "automatic", "other")
WEIGHTS = (0.0, 0.25, 0.5, 0.75, 1.0)


def dump(root: Path, out: Path, sets: list[Path]) -> None:
    import followup
    from followup.adapters.mail.mailbox import incoming
    from followup.domain.replies import classify as c

    assert str(root) in str(followup.__file__), f"{followup.__file__} is not {root}'s"
    full = c.ReplyClassifier()
    rules = c.ReplyClassifier(learned=False)
    found_all: list[dict[str, Any]] = []

    def record(name: str, text: str, subject: str, marks: dict[str, str], kind: str) -> None:
        fresh = rules.new_text(text)
        event = marks.get("calendar", "").partition(":")[2]
        settled = rules.settled(f"{fresh}\n\n{event}" if event.strip() else fresh)
        found = c._weakened(rules.evidence(fresh, subject, marks), settled)
        found += rules.passed_on(text, fresh, subject, marks, found)
        per: dict[str, int] = {}
        for e in found:
            per[e.kind] = max(per.get(e.kind, 0), e.strength)
        best = max(found, key=c._weight) if found else None
        said = full.classify(text, subject, marks).kind if name != "probes" else kind
        found_all.append(
            {
                "set": name,
                "kind": kind,
                "fresh": fresh,
                "rules": best.kind if best else "other",
                "strength": best.strength if best else 0,
                "order": best.order if best else 0,
                "per": per,
                "settled": sorted(settled),
                "machine": c._machine_sent(found),
                "shipped": said,
            }
        )

    for folder in sets:
        for file, value in sorted(json.loads((folder / "labels.json").read_text()).items()):
            kind = value if isinstance(value, str) else value["kind"]
            message = incoming((folder / file).read_bytes())
            record(folder.name, message.text, message.subject, dict(message.marks), kind)
    probes = json.loads((root / "tests" / "data" / "reply_probes.json").read_text())
    for kind, text in probes:
        record("probes", f"Hi Sam,\n\n{text}\n\nBest,\nAlex", "", {}, kind)
    out.write_text(json.dumps(found_all, ensure_ascii=False))
    print(f"{len(found_all)} records → {out}")


def decide(
    r: dict[str, Any],
    p: np.ndarray,
    weight: float | None,
    margin: float = 1.0,
    floor: float = 0.6,
    headers_weighed: bool = False,
) -> str:
    """`weight` None: the old fallback; else classify.py's weighing of rules and model (margin
    0 and floor 0: the plain weighing, the rules' reading kept on no margin). `headers_weighed`:
    a weak header's `automatic` (order -2, below strength 3: a machine sent it) is weighed with
    the model as session 15 does, instead of deciding alone as session 14 had it."""
    kind = KINDS[int(np.argmax(p))]
    if weight is None:
        sure = r["strength"] < 2 and kind != "other" and p.max() >= 0.6
        if sure and kind not in r["settled"] and (kind != "automatic" or r["machine"]):
            return kind
        return str(r["rules"])
    order = r.get("order", 0)
    mark = order == -2 and r["rules"] == "automatic" and r["strength"] < 3
    if r["strength"] > 0 and not 0 <= order < 1000 and not (headers_weighed and mark):
        return str(r["rules"])  # the subject, a header or a message passed on decided
    scores = {}
    for i, kind in enumerate(KINDS):
        ruled = kind in r["per"]
        barred = kind in r["settled"] or (kind == "automatic" and not r["machine"])
        if not ruled and (barred or (kind != "other" and p[i] < floor)):
            continue
        scores[kind] = math.log(max(float(p[i]), 1e-9)) + weight * r["per"].get(kind, 0)
    best = max(scores, key=lambda k: (scores[k], k == "other", -KINDS.index(k)))
    if r["strength"] > 0 and scores[best] - scores[r["rules"]] <= margin:
        return str(r["rules"])
    return best


def read(dumped: Path, held: list[str]) -> None:
    import train  # bench/replies/train.py: the same model, features and settings

    records = json.loads(dumped.read_text())
    known = [r for r in records if r["set"] not in held]
    model = train.train([(r["fresh"], r["kind"]) for r in known])
    print(f"trained on {len(known)} examples (all but {', '.join(held)})")
    for name in held:
        rs = [r for r in records if r["set"] == name]
        p = [np.array(probabilities(model, r["fresh"])) for r in rs]
        rows: list[tuple[str, list[str]]] = [
            ("as shipped", [r["shipped"] for r in rs]),
            ("rules alone", [r["rules"] for r in rs]),
            ("model alone", [KINDS[int(np.argmax(q))] for q in p]),
            ("old fallback", [decide(r, q, None) for r, q in zip(rs, p, strict=True)]),
        ]
        for weight in WEIGHTS:
            said = [decide(r, q, weight, 0.0, 0.0) for r, q in zip(rs, p, strict=True)]
            rows.append((f"weighed {weight}", said))
        said = [decide(r, q, 0.75) for r, q in zip(rs, p, strict=True)]
        rows.append(("weighed s14", said))
        said = [decide(r, q, 0.75, headers_weighed=True) for r, q in zip(rs, p, strict=True)]
        rows.append(("headers weighed", said))
        for label, said in rows:
            right = sum(1 for r, s in zip(rs, said, strict=True) if r["kind"] == s)
            recall = {}
            for kind in KINDS:
                support = [s for r, s in zip(rs, said, strict=True) if r["kind"] == kind]
                if support:
                    recall[kind] = sum(1 for s in support if s == kind) / len(support)
            kinds = " ".join(f"{k[:5]} {v:.2f}" for k, v in recall.items())
            print(f"  {name} {label:<13} {right / len(rs):.3f}  {kinds}")


def probabilities(model: tuple[list[str], np.ndarray, np.ndarray], text: str) -> list[float]:
    from followup.domain.replies.learned import features

    vocabulary, w, b = model
    index = {f: i for i, f in enumerate(vocabulary)}
    z = b.copy()
    for f in features(text):
        if f in index:
            z = z + w[index[f]]
    e = np.exp(z - z.max())
    return list(e / e.sum())


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    sub = parser.add_subparsers(dest="step", required=True)
    d = sub.add_parser("dump")
    d.add_argument("root", type=Path)
    d.add_argument("out", type=Path)
    d.add_argument("sets", nargs="+", type=Path)
    r = sub.add_parser("read")
    r.add_argument("dumped", type=Path)
    r.add_argument("held", nargs="+")
    args = parser.parse_args()
    if args.step == "dump":
        dump(args.root, args.out, args.sets)
    else:
        read(args.dumped, args.held)


if __name__ == "__main__":
    main()
