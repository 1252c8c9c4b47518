"""Fuzz the dossier reader and import for a while (issue 11): the Hypothesis property of
tests/security/fuzz_targets.py, fed random buffers (or driven by atheris with --atheris, when
it is installed). Prints how long it ran and how many inputs; exits 1 on a finding, with the
failing input shown by Hypothesis.

Run: .venv/bin/python bench/fuzz_dossier.py [--seconds 600] [--seed 1] [--atheris]
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parents[1]))

from tests.security.fuzz_targets import command_line, fuzz_dossier

if __name__ == "__main__":
    sys.exit(command_line(fuzz_dossier, "dossier reader", __doc__.split("\n\n")[0]))
