"""Locks across processes: an advisory lock on a file beside the database.

`followup send` may be started by cron while another is still running; only one dispatcher may
run at a time (services/outbox.py `dispatch`). The lock is the kernel's (`flock`), so it is let go
however the holder ends, a crash included.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager, contextmanager

from followup.domain.errors import BadInput, Conflict


def file_locks(location: str) -> Callable[[str, str], AbstractContextManager[None]]:
    """Named locks for the database file at `location`: lock `send` is `<location>.send-lock`."""

    @contextmanager
    def lock(name: str, busy: str) -> Iterator[None]:
        import fcntl

        path = f"{location}.{name}-lock"
        try:
            handle = open(path, "w")  # noqa: SIM115 - held for the whole `with` block below
        except OSError as error:
            raise BadInput(
                f"--database: cannot make the lock file {path!r} ({error.strerror})"
            ) from None
        with handle:
            try:
                fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except BlockingIOError:
                raise Conflict(busy) from None
            yield

    return lock
