"""The spelling rule's hint is the same word in every process: pyspellchecker breaks a tie between
equally frequent words by the order of a set, which changes with the hash seed."""

from __future__ import annotations

import os
import subprocess
import sys

SCRIPT = (
    "from followup.adapters.spelling import SpellingDictionary\n"
    "d = SpellingDictionary(None, None)\n"
    "print(d.suggest('cordiales'), d.suggest('recieve'), d.suggest('cafe'), d.suggest('qzxjv'))\n"
)


def test_the_hint_does_not_change_with_the_hash_seed() -> None:
    outputs = set()
    for seed in ("1", "2", "3", "4"):
        env = {**os.environ, "PYTHONHASHSEED": seed}
        done = subprocess.run(
            [sys.executable, "-c", SCRIPT], env=env, capture_output=True, text=True, check=True
        )
        outputs.add(done.stdout.strip())
    # a tie ("cordial's", "cordials") goes to the first in alphabetical order; an accent alone
    # comes before other edits ("café"); a word with no neighbour has no hint
    assert outputs == {"cordial's receive café None"}
