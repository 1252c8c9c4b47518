"""The interfaces the use cases are written against besides storage (storage.py) and mail
(outbox.py's Mailer): a file to import and the readers of each kind of file, a progress display,
and a lock. Adapters implement them; `bootstrap.py` wires the real ones, tests wire fakes.
"""

from __future__ import annotations

import io
import threading
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager, contextmanager
from dataclasses import dataclass
from typing import Any, BinaryIO, Protocol

from followup.domain.errors import Conflict


# -- files to import ----------------------------------------------------------------------------
@dataclass(frozen=True, slots=True)
class ImportSource:
    """A file to import: its name as the user gave it (for messages), a way to read it from the
    start (as often as a reader needs: a large file is read in passes, never held whole), and its
    size when known (for the progress bar)."""

    name: str
    open: Callable[[], BinaryIO]
    size: int | None = None

    @classmethod
    def from_bytes(cls, data: bytes, name: str) -> ImportSource:
        return cls(name, lambda: io.BytesIO(data), len(data))

    def head(self, size: int = 64 * 1024) -> bytes:
        """The first bytes, to tell the file's kind."""
        with self.open() as stream:
            return stream.read(size)


@dataclass(frozen=True, slots=True)
class Skipped:
    """A part of a file left out of an import, and why."""

    where: str
    reason: str


@dataclass(frozen=True, slots=True)
class ImportReport:
    """What an import did (or, on a dry run, would do). `read` counts the records the file held
    (opportunities, people…); `touches` the touches planned for what changed."""

    kind: str
    added: int = 0
    updated: int = 0
    unchanged: int = 0
    skipped: tuple[Skipped, ...] = ()
    touches: int = 0
    read: int = 0
    candidate_changed: bool = False
    dry_run: bool = False
    # What was added or updated, one line each ("added Dana Reyes (Acme Corp)"), the first
    # ones only: what a dry run shows before the user confirms.
    changes: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class ImportOptions:
    """What the user said about a file besides its kind: the opportunity an invitation is for
    (`--opportunity`), and which columns of a CSV hold what (`--mapping`: Followup's field →
    the file's column)."""

    opportunity: str | None = None
    mapping: dict[str, str] | None = None
    # The candidate's country (the profile's), filled in by the import: how a spreadsheet whose
    # own dates read both ways writes them (day first in most countries).
    country: str | None = None


class Progress(Protocol):
    """Where a long job says how far it got. `start` a stage of `total` units (None: unknown),
    `advance` by some units, `finish` when done. The terminal's bar is in cli/progress.py."""

    def start(self, label: str, total: int | None = None) -> None: ...

    def advance(self, units: int = 1) -> None: ...

    def finish(self) -> None: ...


class NoProgress:
    """Shows nothing: for scripts, tests, --json and the web."""

    def start(self, label: str, total: int | None = None) -> None:
        pass

    def advance(self, units: int = 1) -> None:
        pass

    def finish(self) -> None:
        pass


class Reader(Protocol):
    """Reads one kind of file into the records its merge (services/imports.py MERGES) takes."""

    kind: str

    def sniff(self, head: bytes, name: str) -> bool:
        """Whether a file of this name starting with these bytes is of this kind."""
        ...

    def read(self, source: ImportSource, progress: Progress, options: ImportOptions) -> Any:
        """The file's records; BadInput naming the place in the file when it is not readable.
        A reader of large files checks the whole file here and streams the records after, or
        streams them and lets a bad record roll the import back."""
        ...


# -- locks --------------------------------------------------------------------------------------
Locks = Callable[[str, str], AbstractContextManager[None]]
"""`deps.lock(name, busy)`: held for the `with` block, across processes where the adapter can;
Conflict(busy) when someone else holds it (the one-dispatcher rule: outbox.dispatch)."""


_HELD: set[str] = set()
_GUARD = threading.Lock()


@contextmanager
def process_lock(name: str, busy: str) -> Iterator[None]:
    """A lock within this process only: the default, for tests and one-process use."""
    with _GUARD:
        if name in _HELD:
            raise Conflict(busy)
        _HELD.add(name)
    try:
        yield
    finally:
        with _GUARD:
            _HELD.discard(name)
