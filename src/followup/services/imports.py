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
from dataclasses import replace
from typing import Any

from followup.domain.errors import BadInput, InvalidField
from followup.services.applications import merge_applications
from followup.services.dependencies import Dependencies
from followup.services.dossier import merge_dossier
from followup.services.invitations import merge_invitations
from followup.services.people import merge_people
from followup.services.ports import (
    ImportOptions,
    ImportReport,
    ImportSource,
    NoProgress,
    Progress,
    Reader,
)
from followup.services.storage import UnitOfWork

Merge = Callable[[Dependencies, UnitOfWork, Any, ImportOptions], ImportReport]


# The merge of each kind, by the reader's `kind`.
MERGES: dict[str, Merge] = {
    "dossier": lambda deps, uow, records, _: merge_dossier(deps, uow, records),
    "invite": lambda deps, uow, records, o: merge_invitations(deps, uow, records, o.opportunity),
    "vcard": lambda deps, uow, records, _: merge_people(deps, uow, records, "vcard"),
    "linkedin": lambda deps, uow, records, _: merge_people(deps, uow, records, "linkedin"),
    "google": lambda deps, uow, records, _: merge_people(deps, uow, records, "google"),
    "applications": lambda deps, uow, records, _: merge_applications(deps, uow, records),
}
# Which kinds each option is for (anything else given it is a mistake worth saying).
OPTION_KINDS = {"opportunity": ("invite",), "mapping": ("applications",)}
TABLE_KINDS = ("linkedin", "google", "applications")  # the CSV kinds, found by their header


def import_file(
    deps: Dependencies,
    source: ImportSource,
    kind: str | None = None,
    dry_run: bool = False,
    progress: Progress | None = None,
    options: ImportOptions | None = None,
) -> ImportReport:
    """Read a file of any kind Followup knows (found from its content unless `kind` says) and
    merge it; with `dry_run`, report what would change and change nothing. `options` carry
    `--opportunity` (invitations) and `--mapping` (a CSV of applications)."""
    progress = progress or NoProgress()
    options = options or ImportOptions()
    if kind is None and options.mapping is not None:
        # A mapping only makes sense for a CSV of applications: any CSV is read as one, while
        # a file of another kind (a dossier, vCards, an invitation) is named below as such.
        found = choose_reader(deps, source, None).kind
        kind = "applications" if found in TABLE_KINDS else found
    reader = choose_reader(deps, source, kind)
    for option, kinds in OPTION_KINDS.items():
        if getattr(options, option) is not None and reader.kind not in kinds:
            raise InvalidField(
                option, f"a file of kind {' or '.join(kinds)} ({source.name} is {reader.kind})"
            )
    with deps.store.unit_of_work() as uow:
        candidate = uow.get_candidate()
        if options.country is None and candidate is not None and candidate.country:
            options = replace(options, country=candidate.country)
        records = reader.read(source, progress, options)
        progress.start("importing", source.size)
        report = MERGES[reader.kind](deps, uow, records, options)
        progress.finish()
        _refuse_nothing_usable(source.name, report)
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
    # An empty file has nothing to tell its kind by: one named .json is an empty dossier (the
    # reader that takes what no other claims says so); any other is only empty.
    if _blank(head) and not source.name.lower().endswith(".json"):
        raise BadInput(f"{source.name}: expected {_expected(source.name)}, the file is empty")
    for reader in readers.values():
        if reader.sniff(head, source.name):
            return reader
    return list(readers.values())[-1]  # the last one takes what no other claims


# What a file of each ending should have held, for the one line that says an empty one is.
_EXPECTED = {
    ".csv": "a CSV export with a header row",
    ".tsv": "a tab-separated export with a header row",
    ".txt": "a CSV or tab-separated export with a header row (Excel's Unicode text)",
    ".vcf": "vCards (BEGIN:VCARD … END:VCARD)",
    ".vcard": "vCards (BEGIN:VCARD … END:VCARD)",
    ".ics": "an invitation (BEGIN:VCALENDAR … END:VCALENDAR)",
    ".eml": "a mail message carrying an invitation",
}


# What a record of each kind needs, for the line that says a file held none that had it.
_A_RECORD = {
    "vcard": "vCards with a name or an email address",
    "linkedin": "connections with a name",
    "google": "contacts with a name or an email address",
    "applications": "rows with a company",
}


def _refuse_nothing_usable(name: str, report: ImportReport) -> None:
    """A file of people or applications of which every record was passed over (a vCard that
    holds only a photo) is refused in one line, as a file that is not what it claims: the
    import stores nothing and exits 2 rather than reporting an import of nothing."""
    if report.read or not report.skipped or report.kind not in _A_RECORD:
        return
    first = report.skipped[0]
    more = len(report.skipped) - 1
    raise BadInput(
        f"{name}: expected {_A_RECORD[report.kind]}, none could be imported ({first.where}: "
        f"{first.reason}{f'; and {more} more' if more else ''})"
    )


def _blank(head: bytes) -> bool:
    """Nothing but a byte-order mark and blank lines (UTF-8, or UTF-16 as Excel's "Unicode
    text" writes it)."""
    if head[:2] in (b"\xff\xfe", b"\xfe\xff") and len(head) < 4096:
        return not head.decode("utf-16", errors="replace").strip(" \t\r\n\ufeff")
    return not head.lstrip(b"\xef\xbb\xbf \t\r\n")


def _expected(name: str) -> str:
    ending = name[name.rfind(".") :].lower() if "." in name else ""
    return _EXPECTED.get(
        ending, "a dossier (JSON), an invitation (.ics, .eml), vCards (.vcf) or a CSV export"
    )


def _as_dry_run(report: ImportReport) -> ImportReport:
    return replace(report, dry_run=True)
