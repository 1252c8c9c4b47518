"""What a test needs from outside the repository: a system program, or the shared folder.

A test that needs one calls the helper first. When it is missing the test is skipped, visibly,
with the skip saying what is missing and how to get it:

    khal = require_program("khal", apt="khal")
    corpus = require_shared("corpus/letters")

Under CI (`CI=true`, as `.ci/run` runs) nothing may be missing: tests/conftest.py turns every
such skip into a failure. `make test-deps` installs the programs on Debian and Ubuntu.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

NEEDS = "needs "  # every skip made here starts so; the CI hook looks for it
REPOSITORY = Path(__file__).parents[1]
SHARED = REPOSITORY.parent / "shared"


def in_ci() -> bool:
    return os.environ.get("CI", "").lower() == "true"


def require_program(name: str, apt: str | None = None, path: str | None = None) -> str:
    """The program's full path, or a skip: `needs khal: apt-get install khal`. `path` is where
    it is when it is not on PATH (Dovecot's /usr/sbin/dovecot)."""
    found = shutil.which(name) or (path if path and Path(path).exists() else None)
    if found is None:
        pytest.skip(f"{NEEDS}{name}: apt-get install {apt or name} (or `make test-deps`)")
    return found


def require_shared(relative: str) -> Path:
    """A folder or file of ../shared (the design, the articles, the labelled letters), or a
    skip: the repository's own tests run without it; CI has it."""
    path = SHARED / relative
    if not path.exists():
        pytest.skip(f"{NEEDS}../shared/{relative}: the project's shared folder beside the clone")
    return path


def shared_or_none(relative: str) -> Path | None:
    """For building test cases at collection: the path when ../shared has it."""
    path = SHARED / relative
    return path if path.exists() else None
