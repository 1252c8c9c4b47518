from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from pathlib import Path

import pytest

from followup.cli.main import main

DATA = Path(__file__).parents[1] / "data"


@dataclass
class Result:
    code: int
    out: str
    err: str


class Cli:
    def __init__(self, database: Path, capsys: pytest.CaptureFixture[str]) -> None:
        self.database = database
        self._capsys = capsys

    def __call__(self, *argv: str) -> Result:
        self._capsys.readouterr()
        try:
            code = main(list(argv))
        except SystemExit as exit_:  # argparse's --help and usage errors
            code = int(exit_.code or 0)
        captured = self._capsys.readouterr()
        return Result(code, captured.out, captured.err)

    def dump(self) -> list[str]:
        """Everything stored, as SQL: equal dumps mean an unchanged database."""
        if not self.database.exists():
            return []
        with sqlite3.connect(self.database) as db:
            return list(db.iterdump())


@pytest.fixture
def cli(tmp_path, monkeypatch, capsys) -> Cli:
    database = tmp_path / "followup.sqlite3"
    monkeypatch.setenv("FOLLOWUP_DATABASE", str(database))
    monkeypatch.setenv("FOLLOWUP_CONFIG", str(tmp_path / "config"))
    return Cli(database, capsys)
