"""A progress bar on the terminal for long jobs (an import, reading a mailbox).

Drawn on standard error, and only when it is a terminal and the job has run for a second: a
quick job, a script reading the output, or `--json` never see it. It redraws at most ten times
a second and clears its line when the job ends.
"""

from __future__ import annotations

import sys
import time
from typing import TextIO

from followup.services.ports import NoProgress, Progress

DELAY = 1.0  # seconds before the bar appears
WIDTH = 28


class TerminalProgress:
    def __init__(self, stream: TextIO, delay: float = DELAY) -> None:
        self._stream = stream
        self._delay = delay
        self._began: float | None = None
        self._drawn_at = 0.0
        self._shown = False
        self._label = ""
        self._total: int | None = None
        self._done = 0

    def start(self, label: str, total: int | None = None) -> None:
        if self._began is None:
            self._began = time.monotonic()
        self._label, self._total, self._done = label, total, 0
        self._draw()

    def advance(self, units: int = 1) -> None:
        self._done += units
        self._draw()

    def finish(self) -> None:
        if self._shown:
            self._stream.write("\r\033[K")
            self._stream.flush()
            self._shown = False

    def _draw(self) -> None:
        now = time.monotonic()
        if self._began is None or now - self._began < self._delay or now - self._drawn_at < 0.1:
            return
        self._drawn_at = now
        if self._total:
            share = min(1.0, self._done / self._total)
            filled = int(share * WIDTH)
            line = f"{self._label:<10} [{'#' * filled}{'.' * (WIDTH - filled)}] {share:4.0%}"
        else:
            line = f"{self._label:<10} {self._done:,}"
        self._stream.write(f"\r{line}\033[K")
        self._stream.flush()
        self._shown = True


def progress_for(quiet: bool = False, stream: TextIO | None = None) -> Progress:
    """A bar on standard error when it is a terminal and output is for a person (not --json)."""
    stream = stream or sys.stderr
    if quiet or not stream.isatty():
        return NoProgress()
    return TerminalProgress(stream)
