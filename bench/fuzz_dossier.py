"""Fuzz the dossier reader and import for a while (issue 11): the Hypothesis property of
tests/security/fuzz_targets.py, fed random buffers (or driven by atheris with --atheris, when
it is installed). Prints how long it ran and how many inputs; exits 1 on a finding, with the
failing input shown by Hypothesis.

Run: .venv/bin/python bench/fuzz_dossier.py [--seconds 600] [--seed 1] [--atheris]
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parents[1]))

from tests.security.fuzz_targets import fuzz_dossier, run_for


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--seconds", type=float, default=600)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument(
        "--atheris", action="store_true", help="coverage-guided (pip install atheris)"
    )
    args = parser.parse_args()
    started = time.monotonic()
    inputs = run_for(fuzz_dossier, args.seconds, args.seed, args.atheris)
    spent = time.monotonic() - started
    print(f"dossier reader: {inputs} inputs in {spent:.0f} s, no finding (seed {args.seed})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
