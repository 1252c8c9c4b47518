"""Human-readable output of imports and of the address book."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from followup.domain.people import Person
    from followup.services.ports import ImportReport

WHAT = {
    "dossier": ("opportunity", "opportunities"),
    "invite": ("invitation", "invitations"),
    "vcard": ("person", "people"),
    "linkedin": ("person", "people"),
    "google": ("person", "people"),
    "applications": ("opportunity", "opportunities"),
}
FROM = {
    "vcard": "vCards",
    "linkedin": "LinkedIn",
    "google": "Google Contacts",
    "applications": "applications",
}
SKIPPED_SHOWN = 20


def import_report(report: ImportReport) -> str:
    """`Imported 3 people from vCards: 2 added, 1 updated, 0 unchanged.` and what was skipped;
    a dry run says what would be."""
    one, many = WHAT.get(report.kind, ("record", "records"))
    counts = f"{report.added} added, {report.updated} updated, {report.unchanged} unchanged"
    if report.kind == "dossier":
        total = report.read
        counts += f"; {report.touches} touches planned"
    else:
        total = report.added + report.updated + report.unchanged
    noun = one if total == 1 else many
    origin = f" from {FROM[report.kind]}" if report.kind in FROM else ""
    if report.dry_run:
        head = f"Dry run, nothing changed: {total} {noun}{origin} would be: {counts}"
    else:
        head = f"Imported {total} {noun}{origin}: {counts}"
    skipped = len(report.skipped)
    lines = [head + (f"; {skipped} skipped." if skipped else ".")]
    if report.dry_run:
        lines += [f"  would be {change}" for change in report.changes[:SKIPPED_SHOWN]]
        if len(report.changes) > SKIPPED_SHOWN:
            lines.append(f"  … and {len(report.changes) - SKIPPED_SHOWN} more")
    for skip in report.skipped[:SKIPPED_SHOWN]:
        lines.append(f"  skipped {skip.where}: {skip.reason}")
    if skipped > SKIPPED_SHOWN:
        lines.append(f"  … and {skipped - SKIPPED_SHOWN} more (see --json)")
    return "\n".join(lines)


def people_text(people: Iterable[Person]) -> str:
    lines = []
    for p in people:
        head = (
            p.name + (f" — {p.title}" if p.title else "") + (f", {p.company}" if p.company else "")
        )
        contact = "  ".join(x for x in (p.email, p.phone) if x)
        lines.append(f"{head}{'  ' + contact if contact else ''}")
    if not lines:
        return "The address book is empty: `followup import` a vCard or a CSV of contacts."
    return "\n".join(lines)
