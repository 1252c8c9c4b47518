"""Human-readable output of imports and of the address book."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from followup.domain.people import Person
    from followup.services.ports import ImportReport, Skipped

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
    # (beyond the first two hundred, the report counts what it skipped in one last record)
    listed = [s for s in report.skipped if s.where != "…"]
    more = sum(
        int(s.reason.split()[0])
        for s in report.skipped
        if s.where == "…" and s.reason.split()[:1] and s.reason.split()[0].isdigit()
    )
    skipped = len(listed) + more
    lines = [head + (f"; {skipped} skipped." if skipped else ".")]
    if report.dry_run:
        lines += [f"  would be {change}" for change in report.changes[:SKIPPED_SHOWN]]
        if len(report.changes) > SKIPPED_SHOWN:
            lines.append(f"  … and {len(report.changes) - SKIPPED_SHOWN} more")
    lines += _skipped_lines(listed, more)
    return "\n".join(lines)


def _skipped_lines(skipped: Sequence[Skipped], more: int = 0) -> list[str]:
    """What was skipped, a reason told once for all the records it holds for (a holiday
    calendar's two hundred events with no one to meet are one line, not two hundred), the
    first few of them named; at most SKIPPED_SHOWN lines, the rest counted."""
    by_reason: dict[str, list[str]] = {}
    for skip in skipped:
        by_reason.setdefault(skip.reason, []).append(skip.where)
    lines = []
    for reason, where in list(by_reason.items())[:SKIPPED_SHOWN]:
        if len(where) == 1:
            lines.append(f"  skipped {where[0]}: {reason}")
        else:
            # (the file they are in said once: "in invite.ics (event 1, event 2, …)")
            words = [w.split(" ") for w in where]
            shared = 0
            while shared < min(len(w) for w in words) - 2 and len({w[shared] for w in words}) == 1:
                shared += 1
            if not any("." in w or "/" in w for w in words[0][:shared]):
                shared = 0  # (words they share that name no file: "card 4", "card 12")
            named = ", ".join(" ".join(w[shared:]) for w in words[:3])
            named += ", …" if len(where) > 3 else ""
            place = f" in {' '.join(words[0][:shared])}" if shared else ""
            lines.append(f"  skipped {len(where)}{place} ({named}): {reason}")
    rest = more + sum(len(w) for w in list(by_reason.values())[SKIPPED_SHOWN:])
    if rest:
        lines.append(f"  … and {rest} more skipped")
    return lines


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
