"""Run the letter check of whatever `followup` is first on the path (an earlier commit's src, for
time travel: see bench/letters/train.py) on labelled sets; writes one JSON line per letter: its
set, id, folder, text, labels and the check's findings (spelling left out).

    PYTHONPATH=/tmp/ls-eca/src FOLLOWUP_CACHE=/tmp/ls-cache .venv/bin/python \
        bench/letters/dump.py OUT.jsonl NAME=FOLDER ...
"""

import json
import sys
import tempfile
from pathlib import Path

from followup import bootstrap
from followup.adapters.files.dossier import parse_dossier
from followup.services.dossier import import_dossier
from followup.services.letters import check_letter


def main() -> None:
    with open(sys.argv[1], "w") as out:
        for spec in sys.argv[2:]:
            name, folder = spec.split("=", 1)
            cases = json.loads((Path(folder) / "cases.json").read_text())
            context = json.loads((Path(folder) / "context.json").read_text())
            with tempfile.TemporaryDirectory() as tmp:
                deps = bootstrap.dependencies(str(Path(tmp) / "c.sqlite3"))
                import_dossier(deps, parse_dossier(context))
                for case in cases:
                    _, findings = check_letter(
                        deps, case["text"], case["opportunity"], case["to"], case["kind"]
                    )
                    record = {
                        "set": name,
                        "folder": str(Path(folder).resolve()),
                        "id": case["id"],
                        "expected": sorted(case["expected"]),
                        "findings": [
                            [f.start, f.end, f.rule] for f in findings if f.rule != "spelling"
                        ],
                    }
                    out.write(json.dumps(record) + "\n")
            print(name, len(cases), file=sys.stderr)


if __name__ == "__main__":
    main()
