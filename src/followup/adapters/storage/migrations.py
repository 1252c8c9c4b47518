"""Numbered SQL migrations, shared by the SQL stores.

Each file `NNNN_name.sql` runs once, in order, inside one transaction together with the row in
`schema_migrations` that records it: a migration is either wholly applied or not at all.
"""

from __future__ import annotations

import importlib
import os
from dataclasses import dataclass

TYPE_CHECKING = False  # typing is not loaded at start-up (opening a store reads this)


@dataclass(frozen=True, slots=True)
class Migration:
    """One schema change: its file name and its SQL."""

    name: str
    sql: str

    def statements(self) -> list[str]:
        """The file split into statements (`;` at the end of a line ends one; a trigger's body
        runs to its `END;`)."""
        parts, current = [], []
        for line in self.sql.splitlines():
            if line.strip().startswith("--"):
                continue
            current.append(line)
            text = "\n".join(current)
            in_trigger = "CREATE TRIGGER" in text.upper() and not text.rstrip().upper().endswith(
                "END;"
            )
            if line.rstrip().endswith(";") and not in_trigger:
                parts.append(text.strip())
                current = []
        tail = "\n".join(current).strip()
        if tail:
            parts.append(tail)
        return parts


def data_step(name: str) -> Callable[..., None] | None:
    """The Python that completes a migration where SQL alone cannot: `*_folded_keys` computes
    every key built from a name again with the domain's folding (adapters/storage/refold.py);
    `*_replanned` plans every opportunity again (the merges of a `*_folded_keys` run by a version
    that did not plan them kept two plans side by side).
    It runs after the file's SQL, in the same transaction."""
    if name.endswith("_folded_keys"):
        from followup.adapters.storage.refold import refold

        return refold
    if name.endswith("_replanned"):
        from followup.adapters.storage.refold import replan_all

        return replan_all
    return None


def migration_names(package: str) -> list[str]:
    """The migrations of a package of `NNNN_name.sql` files, in order (read straight from its
    folder: every command opening the store asks, so this stays a directory listing)."""
    return sorted(
        name[:-4]
        for name in os.listdir(_folder(package))
        if name.endswith(".sql") and name[:4].isdigit()
    )


def load_migration(package: str, name: str) -> Migration:
    with open(os.path.join(_folder(package), f"{name}.sql"), encoding="utf-8") as handle:
        return Migration(name, handle.read())


def _folder(package: str) -> str:
    return os.fspath(next(iter(importlib.import_module(package).__path__)))


if TYPE_CHECKING:  # a Protocol only for mypy: the agenda opens the store and starts fast
    from collections.abc import Callable
    from typing import Protocol

    class Target(Protocol):
        """A database the runner brings up to date; each store says how it runs a
        transaction."""

        def applied(self) -> set[str]:
            """The names recorded in `schema_migrations` (made first if missing)."""
            ...

        def apply(self, migration: Migration) -> bool:
            """Run the migration and record it in one transaction, under a lock that makes a
            second process wait; False when, once the lock was had, it was found applied."""
            ...


def migrate(package: str, target: Target, upto: str | None = None) -> list[str]:
    """Apply, in order, every migration of `package` not yet applied (up to `upto`), each in its
    own transaction; returns the names applied."""
    done = target.applied()
    applied = []
    for name in migration_names(package):
        if upto is not None and name > upto:
            break
        if name in done:
            continue
        if target.apply(load_migration(package, name)):
            applied.append(name)
    return applied
