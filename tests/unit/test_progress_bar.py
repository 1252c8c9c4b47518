"""The progress bar: on a terminal only, only past a second, never in the way of output."""

from __future__ import annotations

import io
import json
from pathlib import Path

from followup import bootstrap
from followup.cli.progress import TerminalProgress, progress_for
from followup.services.dependencies import Dependencies
from followup.services.imports import import_file
from followup.services.ports import ImportSource, NoProgress

from ..fakes import FakeStore


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_no_bar_when_standard_error_is_not_a_terminal_or_output_is_for_a_program():
    assert isinstance(progress_for(stream=io.StringIO()), NoProgress)
    assert isinstance(progress_for(quiet=True, stream=Terminal()), NoProgress)  # --json
    assert isinstance(progress_for(stream=Terminal()), TerminalProgress)


def test_a_quick_job_draws_nothing():
    screen = Terminal()
    bar = TerminalProgress(screen, delay=60)
    bar.start("importing", 100)
    bar.advance(100)
    bar.finish()
    assert screen.getvalue() == ""


def test_a_long_job_draws_a_bar_on_one_line_and_clears_it():
    screen = Terminal()
    bar = TerminalProgress(screen, delay=0)
    bar.start("importing", 200)
    bar._drawn_at = 0  # as if a tenth of a second had gone by
    bar.advance(50)
    assert screen.getvalue().endswith("\rimporting  [#######.....................]  25%\033[K")
    bar.finish()
    assert screen.getvalue().endswith("\r\033[K")


def test_an_import_reports_its_progress_in_bytes_read(tmp_path):
    from followup.adapters.holidays import calendar_for
    from followup.adapters.policies import PolicyBook

    class Seen(NoProgress):
        def __init__(self) -> None:
            self.stages: list[tuple[str, int | None]] = []
            self.units = 0

        def start(self, label: str, total: int | None = None) -> None:
            self.stages.append((label, total))

        def advance(self, units: int = 1) -> None:
            self.units += units

    raw = (Path(__file__).parents[1] / "data" / "acme.json").read_bytes()
    deps = Dependencies(FakeStore(), calendar_for, PolicyBook(None), readers=bootstrap.readers)
    seen = Seen()
    import_file(deps, ImportSource.from_bytes(raw, "acme.json"), progress=seen)
    assert seen.stages == [("checking", len(raw)), ("importing", len(raw))]
    assert seen.units == 2 * len(raw)  # the file is read twice: checked, then merged
    assert json.loads(raw)["opportunities"][0]["id"] in deps.store.committed.opportunities
