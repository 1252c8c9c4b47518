"""Writing the user's files: a failed export never destroys the previous one."""

from __future__ import annotations

import errno
import json
import os

from tests.e2e.conftest import DATA


def test_a_failed_export_leaves_the_previous_backup_whole(cli, tmp_path, monkeypatch):
    assert cli("import", str(DATA / "acme.json")).code == 0
    backup = tmp_path / "backup.json"
    assert cli("export", "-o", str(backup)).code == 0
    previous = backup.read_bytes()
    real_write = os.write

    def full_disk(fd: int, data: bytes) -> int:  # the disk fills up half-way through
        real_write(fd, bytes(data)[: len(data) // 2])
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(os, "write", full_disk)
    result = cli("export", "-o", str(backup))
    monkeypatch.undo()
    assert result.code == 2
    assert result.err == (
        f"followup: error: --output: expected a writable file path, No space left on device: "
        f"'{backup}'\n"
    )
    assert backup.read_bytes() == previous
    assert [p.name for p in tmp_path.iterdir() if "backup" in p.name] == ["backup.json"]


def test_an_export_replaces_the_file_whole_and_keeps_its_permissions(cli, tmp_path):
    assert cli("import", str(DATA / "acme.json")).code == 0
    backup = tmp_path / "backup.json"
    backup.write_text("old")
    backup.chmod(0o640)
    assert cli("export", "-o", str(backup)).code == 0
    assert json.loads(backup.read_text())["opportunities"][0]["id"] == "acme-ae"
    assert backup.stat().st_mode & 0o777 == 0o640


def test_an_export_to_a_device_writes_to_it_and_never_replaces_it(cli, tmp_path):
    assert cli("import", str(DATA / "acme.json")).code == 0
    assert cli("export", "-o", os.devnull).code == 0
    assert os.path.exists(os.devnull) and not os.path.isfile(os.devnull)


def test_a_fifo_or_a_device_given_as_a_file_is_refused_not_waited_on(cli, tmp_path):
    import subprocess
    import sys

    fifo = tmp_path / "pipe.json"
    os.mkfifo(fifo)
    for argv in (
        ("import", str(fifo)),
        ("import", "/dev/zero"),
        ("check", "/dev/zero", "--opportunity", "x", "--to", "y"),
    ):
        run = subprocess.run(
            [sys.executable, "-m", "followup", "--database", str(tmp_path / "db"), *argv],
            capture_output=True,
            text=True,
            timeout=30,
        )
        assert run.returncode == 2, run.stderr
        assert run.stderr.startswith("followup: error: FILE: expected a regular file, "), run.stderr


def test_a_huge_letter_file_is_refused_without_being_read_whole(cli, tmp_path):
    assert cli("import", str(DATA / "acme.json")).code == 0
    letter = tmp_path / "huge.txt"
    with open(letter, "wb") as out:
        out.truncate(3 * 1024 * 1024 * 1024)  # 3 GB of nothing, sparse
    result = cli("check", str(letter), "--opportunity", "acme-ae", "--to", "Lee Park")
    assert result.code == 2
    assert result.err == (
        f"followup: error: {letter}: expected a letter of at most 1 MB, the file is larger\n"
    )
