from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pytest

from followup.cli.main import main

from ..conftest import Database

DATA = Path(__file__).parents[1] / "data"


@dataclass
class Result:
    code: int
    out: str
    err: str


class Cli:
    def __init__(
        self, database: Database, capsys: pytest.CaptureFixture[str], folder: Path
    ) -> None:
        self.database = database
        self.folder = folder  # the test's own temporary folder
        self._capsys = capsys

    def __call__(self, *argv: str) -> Result:
        self._capsys.readouterr()
        try:
            code = main(list(argv))
        except SystemExit as exit_:  # argparse's --help and usage errors
            code = int(exit_.code or 0)
        captured = self._capsys.readouterr()
        return Result(code, captured.out, captured.err)

    @property
    def path(self) -> Path:
        """The SQLite file (for tests of what is SQLite's own)."""
        assert self.database.kind == "sqlite", self.database
        return Path(self.database.location)

    def dump(self) -> list[object]:
        """Everything stored: equal dumps mean an unchanged database."""
        return self.database.dump()


@pytest.fixture
def cli(database, tmp_path, monkeypatch, capsys) -> Cli:
    """The command line on a fresh database: a SQLite file, then PostgreSQL acting as a
    candidate (FOLLOWUP_USER), so every CLI test runs on both."""
    monkeypatch.setenv("FOLLOWUP_DATABASE", database.location)
    if database.user:
        monkeypatch.setenv("FOLLOWUP_USER", database.user)
    else:
        monkeypatch.delenv("FOLLOWUP_USER", raising=False)
    monkeypatch.setenv("FOLLOWUP_CONFIG", str(tmp_path / "config"))
    return Cli(database, capsys, tmp_path)


@pytest.fixture
def sqlite_cli(tmp_path, monkeypatch, capsys) -> Cli:
    """The command line on one person's SQLite file only, for what is SQLite's own (its file,
    its write lock, its journal); the shared server's faults are tested on PostgreSQL."""
    database = Database("sqlite", str(tmp_path / "followup.sqlite3"))
    monkeypatch.setenv("FOLLOWUP_DATABASE", database.location)
    monkeypatch.delenv("FOLLOWUP_USER", raising=False)
    monkeypatch.setenv("FOLLOWUP_CONFIG", str(tmp_path / "config"))
    return Cli(database, capsys, tmp_path)
