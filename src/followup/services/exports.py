"""The search as tables, for spreadsheets (`followup export --format csv --what …`): one row per
opportunity, per person of the address book, or per touch of the plan. Read in one transaction,
row by row."""

from __future__ import annotations

from collections.abc import Iterator

from followup.services.dependencies import Dependencies

TABLES = ("opportunities", "people", "touches")
COLUMNS = {
    "opportunities": [
        "id",
        "company",
        "role",
        "stage",
        "policy",
        "applied",
        "url",
        "interviews",
        "next_step",
        "next_contact",
        "next_due",
        "notes",
    ],
    "people": ["name", "title", "company", "email", "phone", "url", "source"],
    "touches": ["opportunity", "company", "contact", "step", "channel", "due", "status", "reason"],
}


def export_table(deps: Dependencies, what: str) -> Iterator[list[str]]:
    """The header, then one row of text cells at a time."""
    yield list(COLUMNS[what])
    with deps.store.unit_of_work(readonly=True) as uow:
        if what == "opportunities":
            for summary in uow.summaries():
                opportunity = uow.get_opportunity(summary.id)
                nxt = summary.next_touch
                yield [
                    summary.id,
                    summary.company,
                    summary.role,
                    summary.stage,
                    summary.policy,
                    opportunity.applied.isoformat() if opportunity and opportunity.applied else "",
                    opportunity.url if opportunity else "",
                    str(len(opportunity.interviews)) if opportunity else "0",
                    nxt.step if nxt else "",
                    nxt.contact if nxt else "",
                    nxt.due.isoformat() if nxt else "",
                    opportunity.notes if opportunity else "",
                ]
        elif what == "people":
            for row in uow.people():
                p = row.person
                yield [p.name, p.title, p.company, p.email, p.phone, p.url, p.source]
        else:
            for touch_row in uow.plan():
                t = touch_row.touch
                yield [
                    t.opportunity,
                    touch_row.company,
                    t.contact,
                    t.step,
                    t.channel,
                    t.due.isoformat(),
                    t.status,
                    t.reason or "",
                ]
