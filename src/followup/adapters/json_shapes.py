"""Every machine-readable shape Followup gives out, in one place: each command's `--json` and the
web's export. The plan, the agenda and the check's findings are DESIGN's stable contract, tested
byte for byte (tests/e2e/test_cli_contract.py); the dossier is the exchange format
(adapters/files/dossier.py writes its objects).
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from json.encoder import encode_basestring

from followup.domain.model import PROFILE_FIELDS

TYPE_CHECKING = False  # `agenda --json` loads no more than it prints
if TYPE_CHECKING:
    from typing import Any

    from followup.domain.guards import GuardWarning
    from followup.domain.letters.check import Finding
    from followup.domain.model import Candidate, Opportunity, Touch
    from followup.domain.people import Person
    from followup.domain.progress import Progress, Share
    from followup.domain.replies.classify import Classification
    from followup.services.agenda import Agenda
    from followup.services.office import Account
    from followup.services.planning import OpportunityView
    from followup.services.ports import ImportReport
    from followup.services.replies import Proposal
    from followup.services.storage import OpportunitySummary, OutboxItem, TouchRow


def touch_dict(t: Touch) -> dict[str, Any]:
    """The plan's contract: exactly these keys, in this order."""
    return {
        "opportunity": t.opportunity,
        "contact": t.contact,
        "step": t.step,
        "channel": t.channel,
        "due": t.due.isoformat(),
        "status": t.status,
        "reason": t.reason,
    }


def plan_json(touches: Iterable[Touch], batch: int = 1000) -> Iterator[str]:
    """The plan as a JSON array, a thousand touches a piece, formatted exactly as `dumps` would
    format the list of `touch_dict`s: the keys are fixed, so each touch is one template, and each
    string is encoded as json.dumps(ensure_ascii=False) encodes a string."""
    s = encode_basestring
    opening = "[\n"
    pieces: list[str] = []
    for t in touches:
        pieces.append(
            f'  {{\n    "opportunity": {s(t.opportunity)},\n    "contact": {s(t.contact)},\n'
            f'    "step": {s(t.step)},\n    "channel": {s(t.channel)},\n'
            f'    "due": "{t.due.isoformat()}",\n    "status": {s(t.status)},\n'
            f'    "reason": {"null" if t.reason is None else s(t.reason)}\n  }}'
        )
        if len(pieces) == batch:
            yield opening + ",\n".join(pieces)
            opening, pieces = ",\n", []
    if pieces:
        yield opening + ",\n".join(pieces)
        opening = ",\n"
    yield "[]" if opening == "[\n" else "\n]"


def agenda_item(row: TouchRow) -> dict[str, Any]:
    return {**touch_dict(row.touch), "company": row.company}


def agenda_dict(agenda: Agenda) -> dict[str, Any]:
    return {
        "on": agenda.on.isoformat(),
        "overdue": [agenda_item(r) for r in agenda.overdue],
        "today": [agenda_item(r) for r in agenda.today],
        "next": [agenda_item(r) for r in agenda.upcoming],
        "more": {
            "overdue": agenda.overdue_more,
            "today": agenda.today_more,
            "next": agenda.upcoming_more,
        },
    }


def summary_dict(item: OpportunitySummary) -> dict[str, Any]:
    return {
        "id": item.id,
        "company": item.company,
        "role": item.role,
        "policy": item.policy,
        "stage": item.stage,
        "next": touch_dict(item.next_touch) if item.next_touch else None,
    }


def view_dict(view: OpportunityView) -> dict[str, Any]:
    """`show --json`: the opportunity as the dossier has it, its plan and the guards' warnings."""
    from followup.adapters.files.dossier import opportunity_to_dict

    return {
        **opportunity_to_dict(view.opportunity),
        "plan": [touch_dict(t) for t in view.touches],
        "warnings": [warning_dict(w) for w in view.warnings],
    }


def warning_dict(w: GuardWarning) -> dict[str, str | None]:
    return {
        "rule": w.rule,
        "message": w.message,
        "source": w.source,
        "contact": w.contact,
        "step": w.step,
    }


def findings_dict(findings: Iterable[Finding]) -> dict[str, Any]:
    """`check --json` (DESIGN): `{"findings": [{"rule", "message", "start", "end"}]}`."""
    return {
        "findings": [
            {"rule": f.rule, "message": f.message, "start": f.start, "end": f.end} for f in findings
        ]
    }


def outbox_dict(i: OutboxItem) -> dict[str, Any]:
    return {
        "id": i.id,
        "opportunity": i.opportunity,
        "step": i.step,
        "to": i.to_address,
        "subject": i.subject,
        "status": i.status,
        "message_id": i.message_id,
        "send_after": i.send_after.isoformat(),
        "sent_at": i.sent_at.isoformat() if i.sent_at else None,
        "error": i.last_error,
    }


def profile_dict(candidate: Candidate) -> dict[str, Any]:
    return {key: getattr(candidate, key) for key in PROFILE_FIELDS}


def import_dict(report: ImportReport) -> dict[str, Any]:
    """An import's report (DESIGN: `{"kind", "added", "updated", "unchanged", "skipped"}`)."""
    return {
        "kind": report.kind,
        "added": report.added,
        "updated": report.updated,
        "unchanged": report.unchanged,
        "skipped": [{"where": s.where, "reason": s.reason} for s in report.skipped],
    }


def person_dict(p: Person) -> dict[str, Any]:
    """The address book's contract (`followup people --json`): exactly these keys, in order."""
    return {
        "name": p.name,
        "title": p.title,
        "company": p.company,
        "email": p.email,
        "phone": p.phone,
        "source": p.source,
    }


def people_json(people: Iterable[Person]) -> Iterator[str]:
    """The address book as a JSON array, piece by piece (a person at a time), exactly as `dumps`
    would write the list."""
    first = True
    for p in people:
        yield "[\n" if first else ",\n"
        first = False
        yield "  " + dumps(person_dict(p)).replace("\n", "\n  ")
    yield "[]" if first else "\n]"


def dossier_json(candidate: Candidate | None, opportunities: list[Opportunity]) -> str:
    """The whole search as a dossier (`followup export`, the web's Export), one line ending it."""
    from followup.adapters.files.dossier import dossier_to_dict

    return dumps(dossier_to_dict(candidate, opportunities)) + "\n"


def classification_dict(found: Classification) -> dict[str, Any]:
    """`inbox classify --json` (DESIGN): `{"kind", "evidence"}`."""
    return {"kind": found.kind, "evidence": found.evidence}


def proposal_dict(p: Proposal) -> dict[str, Any]:
    """`inbox review --json`: an event a reply proposes, waiting for the candidate."""
    return {
        "id": p.reply.id,
        "opportunity": p.reply.opportunity,
        "company": p.company,
        "contact": p.reply.contact,
        "kind": p.reply.kind,
        "event": p.reply.proposal,
        "evidence": p.reply.evidence,
        "subject": p.reply.subject,
        "received": p.reply.received_at.isoformat(),
    }


def account_dict(account: Account) -> dict[str, Any]:
    """`followup users list --json`: an account of a shared server (never its password)."""
    return {
        "email": account.email,
        "role": account.role,
        "disabled": account.disabled,
        "created": account.created_at.isoformat() if account.created_at else None,
        "sessions": account.sessions,
    }


def dumps(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, indent=2)


def progress_dict(report: Progress) -> dict[str, Any]:
    """`followup stats --json`: each window's figures, counts first, with how each was counted."""

    def share(s: Share) -> dict[str, Any]:
        return {
            "counted": s.counted,
            "on_time": s.met,
            "share": None if s.share is None else round(s.share, 4),
            "median_business_days": s.median_business_days,
            "how": s.how,
        }

    return {
        "on": report.on.isoformat(),
        "windows": [
            {
                "weeks": w.window.weeks,
                "from": w.window.start.isoformat(),
                "to": w.window.end.isoformat(),
                "thank_you_on_time": share(w.thank_you),
                "reply_same_day": share(w.reply_same_day),
                "answers": {
                    "by_step": [
                        {
                            "step": a.step,
                            "made": a.made,
                            "answered": a.answered,
                            "share": None if a.share is None else round(a.share, 4),
                            "median_business_days": a.median_business_days,
                        }
                        for a in w.answers
                    ],
                    "how": w.answers_how,
                },
                "touches": {
                    "done": w.outcomes.done,
                    "skipped": w.outcomes.skipped,
                    "cancelled": w.outcomes.cancelled,
                    "open": w.outcomes.open,
                    "how": w.outcomes.how,
                },
            }
            for w in report.windows
        ],
    }
