"""Draft every kind of letter for every person of some dossiers through the CLI, check each
draft with `followup check --kind`, and report the drafts with a finding and the sentences of six
words or more that two kinds of one person's letters share (issue 10's reading of drafts).

Each dossier gets a SQLite file of its own in the output folder, beside the drafts
(`<dossier>__<person>__<kind>.txt`) and `report.json`. The CLI drafts on the real clock.

Run: .venv/bin/python bench/draft_walk.py [DOSSIER_DIR] [OUT_DIR]
     (defaults: tests/data/new_user, /tmp/draft_walk)
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
KINDS = ("thank_you", "secondary", "final", "call", "reply", "stay_in_touch", "check_in")


def _sentences(text: str) -> list[str]:
    parts = re.split(r"(?<=[.!?])\s+|\n+", text)
    return [" ".join(p.split()) for p in parts if len(re.findall(r"[^\W\d_]+", p)) >= 6]


def walk(dossiers: Path, out: Path) -> dict[str, object]:
    out.mkdir(parents=True, exist_ok=True)
    binary = str(ROOT / ".venv" / "bin" / "followup")
    env = dict(os.environ, FOLLOWUP_CONFIG=str(out / "config"))
    env.pop("FOLLOWUP_USER", None)
    drafts, flagged, shared = 0, [], []
    for path in sorted(dossiers.glob("*.json")):
        database = out / f"{path.stem}.sqlite"
        database.unlink(missing_ok=True)
        env["FOLLOWUP_DATABASE"] = str(database)
        subprocess.run([binary, "import", str(path)], env=env, check=True, capture_output=True)
        for opp in json.loads(path.read_text())["opportunities"]:
            people = dict.fromkeys(c["name"] for iv in opp["interviews"] for c in iv["contacts"])
            for name in people:
                kinds: dict[str, set[str]] = {}
                for kind in KINDS:
                    args = ["--opportunity", opp["id"], "--to", name, "--kind", kind]
                    body = subprocess.run(
                        [binary, "draft", *args], env=env, capture_output=True, text=True
                    ).stdout
                    safe = re.sub(r"[^\w.-]+", "_", name)  # ("s/o", "D'Souza")
                    letter = out / f"{path.stem}__{safe}__{kind}.txt"
                    letter.write_text(body)
                    checked = subprocess.run(
                        [binary, "check", str(letter), *args, "--json"],
                        env=env,
                        capture_output=True,
                        text=True,
                    )
                    findings = json.loads(checked.stdout)["findings"]
                    drafts += 1
                    if findings:
                        flagged.append(
                            {
                                "letter": letter.name,
                                "findings": [
                                    [f["rule"], body[f["start"] : f["end"]]] for f in findings
                                ],
                            }
                        )
                    for sentence in _sentences(body):
                        kinds.setdefault(sentence, set()).add(kind)
                shared += [
                    {"person": name, "sentence": s, "kinds": sorted(k)}
                    for s, k in kinds.items()
                    if len(k) > 1
                ]
    report = {"drafts": drafts, "with_findings": flagged, "shared_sentences": shared}
    (out / "report.json").write_text(json.dumps(report, indent=1, ensure_ascii=False))
    return report


def main() -> None:
    dossiers = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "tests" / "data" / "new_user"
    out = Path(sys.argv[2]) if len(sys.argv) > 2 else Path("/tmp/draft_walk")
    report = walk(dossiers, out)
    flagged, shared = report["with_findings"], report["shared_sentences"]
    assert isinstance(flagged, list) and isinstance(shared, list)
    print(f"drafts {report['drafts']}, with a check finding {len(flagged)}")
    for row in flagged:
        print(f"  {row['letter']}: {row['findings']}")
    print(f"sentences shared by two kinds: {len(shared)}")


if __name__ == "__main__":
    main()
