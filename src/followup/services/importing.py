"""Counting what an import does, record by record, into the report every import gives
(`services/ports.py` ImportReport; DESIGN's `--json` shape is `{"kind", "added", "updated",
"unchanged", "skipped": [{"where", "reason"}]}`).

Readers (adapters) hand over `Found` records with where they were found in the file, and `Skip`
for what they could not use (`domain/records.py`).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from followup.domain.records import Found, Skip
from followup.services.ports import ImportReport, Skipped

__all__ = ["Found", "Skip", "Tally"]

# A file with thousands of bad rows says so without a report thousands of lines long.
SKIPPED_SHOWN = 200
CHANGES_SHOWN = 100


@dataclass
class Tally:
    kind: str
    added: int = 0
    updated: int = 0
    unchanged: int = 0
    read: int = 0  # records the file held
    touches: int = 0  # touches planned for what changed
    skipped: list[Skipped] = field(default_factory=list)
    skipped_more: int = 0  # skipped beyond those listed
    changes: list[str] = field(default_factory=list)

    def count(self, outcome: str, label: str = "") -> None:
        """One record's outcome: "added", "updated" or "unchanged", and what it is about."""
        setattr(self, outcome, getattr(self, outcome) + 1)
        if outcome != "unchanged" and label and len(self.changes) < CHANGES_SHOWN:
            self.changes.append(f"{outcome} {label}")

    def skip(self, where: str, reason: str) -> None:
        if len(self.skipped) < SKIPPED_SHOWN:
            self.skipped.append(Skipped(where, reason))
        else:
            self.skipped_more += 1

    def report(self) -> ImportReport:
        skipped = list(self.skipped)
        if self.skipped_more:
            skipped.append(Skipped("…", f"{self.skipped_more} more skipped, not listed"))
        return ImportReport(
            self.kind,
            self.added,
            self.updated,
            self.unchanged,
            skipped=tuple(skipped),
            touches=self.touches,
            read=self.read,
            changes=tuple(self.changes),
        )
