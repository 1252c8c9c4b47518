"""The check's cache folder does not grow for ever: writing a fresh rulebook leaves only the
newest files of each kind."""

from __future__ import annotations

import os

from followup.adapters.check_rules import KEEP_CACHED, prune


def test_prune_keeps_the_newest_of_each_kind_and_nothing_else(tmp_path):
    kinds = (("rules", "pickle"), ("code", "bin"), ("screen", "pickle"), ("words", "txt"))
    for kind, suffix in kinds:
        for i in range(KEEP_CACHED + 3):
            path = tmp_path / f"{kind}-{i:02d}.{suffix}"
            path.write_bytes(b"x")
            os.utime(path, (1_000_000 + i, 1_000_000 + i))
    (tmp_path / "patterns-cpython-311.marshal").write_bytes(b"kept: one file, never stale")
    prune(tmp_path)
    left = sorted(p.name for p in tmp_path.iterdir())
    newest = [f"{i:02d}" for i in range(3, KEEP_CACHED + 3)]
    assert left == sorted(
        [f"code-{n}.bin" for n in newest]
        + [f"rules-{n}.pickle" for n in newest]
        + [f"screen-{n}.pickle" for n in newest]
        + [f"words-{n}.txt" for n in newest]
        + ["patterns-cpython-311.marshal"]
    )


def test_prune_of_a_missing_folder_is_no_error(tmp_path):
    prune(tmp_path / "absent")
    assert not (tmp_path / "absent").exists()
