"""Importing a file: find its kind, read it, merge what it holds — in one unit of work.

The one door for `followup import`, the web's Import page and the demo. Every import is
idempotent (the same file twice changes nothing), all-or-nothing (a file with any error changes
nothing), and can be a dry run (everything is done, then rolled back) — DESIGN, "Getting the
search in without typing".

A kind of file is two halves:
- its *reader*, an adapter (`adapters/files/<kind>.py`) that turns bytes into records and says
  whether a file looks like its kind (`services/ports.py` Reader); `bootstrap.readers()` lists
  them, in the order they are tried, the dossier last (it takes whatever no other kind claims);
- its *merge*, here in `MERGES`: the records into the store, through the caller's unit of work,
  returning an ImportReport.
A new kind adds one of each.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from followup.domain.errors import BadInput, InvalidField
from followup.services.dependencies import Dependencies
from followup.services.dossier import merge_dossier
from followup.services.ports import ImportReport, ImportSource, NoProgress, Progress, Reader
from followup.services.storage import UnitOfWork

Merge = Callable[[Dependencies, UnitOfWork, Any], ImportReport]


# The merge of each kind, by the reader's `kind`.
MERGES: dict[str, Merge] = {"dossier": merge_dossier}


def import_file(
    deps: Dependencies,
    source: ImportSource,
    kind: str | None = None,
    dry_run: bool = False,
    progress: Progress | None = None,
) -> ImportReport:
    """Read a file of any kind Followup knows (found from its content unless `kind` says) and
    merge it; with `dry_run`, report what would change and change nothing."""
    progress = progress or NoProgress()
    reader = choose_reader(deps, source, kind)
    records = reader.read(source, progress)
    with deps.store.unit_of_work() as uow:
        progress.start("importing", source.size)
        report = MERGES[reader.kind](deps, uow, records)
        progress.finish()
        if dry_run:
            return _as_dry_run(report)
        uow.commit()
    return report


def choose_reader(deps: Dependencies, source: ImportSource, kind: str | None) -> Reader:
    readers = {r.kind: r for r in deps.readers() if r.kind in MERGES}
    if not readers:
        raise BadInput(f"{source.name}: no kind of file can be imported here")
    if kind is not None:
        if kind not in readers:
            raise InvalidField("kind", f"one of {', '.join(readers)}", kind)
        return readers[kind]
    head = source.head()
    for reader in readers.values():
        if reader.sniff(head, source.name):
            return reader
    return list(readers.values())[-1]  # the last one takes what no other claims


def _as_dry_run(report: ImportReport) -> ImportReport:
    from dataclasses import replace

    return replace(report, dry_run=True)
