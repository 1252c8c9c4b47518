"""`followup demo`: sample data, a plan, an agenda and a checked draft, on a throwaway database.

The sample is dated around today, so the agenda always has something to say.
"""

from __future__ import annotations

import json
import tempfile
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any


def sample_dossier(today: date) -> dict[str, Any]:
    """Two opportunities: one interviewed three days ago, one that ended in a rejection."""

    def ago(days: int) -> str:
        return (today - timedelta(days=days)).isoformat()

    def ahead(days: int) -> str:
        return (today + timedelta(days=days)).isoformat()

    return {
        "candidate": {
            "name": "Sam Ortiz",
            "email": "sam@example.com",
            "phone": "+1 312 555 0100",
            "timezone": "America/Chicago",
            "country": "US",
            "subdivision": "IL",
            "strengths": ["grew a new territory to $1.2M in its first year"],
            "courses": ["a course in consultative selling"],
        },
        "opportunities": [
            {
                "id": "acme-ae",
                "company": "Acme Corp",
                "role": "Account Executive",
                "policy": "persistent",
                "timeline": {"preliminary_deadline": ahead(12), "second_round_deadline": ahead(26)},
                "interviews": [
                    {
                        "id": "acme-1",
                        "date": ago(3),
                        "round": 1,
                        "contacts": [
                            {
                                "name": "Dana Reyes",
                                "title": "Regional Sales Manager",
                                "email": "dana@acme.example",
                                "minutes": 45,
                                "decision_maker": True,
                                "topics": [
                                    {
                                        "name": "new Midwest territories",
                                        "said": "the new territories need someone who can open "
                                        "accounts from a standing start",
                                        "bring": "I grew a new territory to $1.2M in its first "
                                        "year",
                                        "promised": "my 30-60-90 day plan for Wisconsin",
                                    },
                                    {
                                        "name": "CRM adoption",
                                        "said": "half the team still keeps its pipeline in "
                                        "spreadsheets",
                                    },
                                ],
                            },
                            {
                                "name": "Lee Park",
                                "title": "HR Generalist",
                                "email": "lee@acme.example",
                                "minutes": 10,
                            },
                        ],
                    }
                ],
                "events": [
                    {"date": ago(2), "kind": "done", "step": "thank_you", "contact": "Dana Reyes"}
                ],
            },
            {
                "id": "globex-sdr",
                "company": "Globex",
                "role": "Sales Development Rep",
                "policy": "etiquette",
                "interviews": [
                    {
                        "id": "globex-1",
                        "date": ago(30),
                        "round": 1,
                        "contacts": [
                            {
                                "name": "Priya Shah",
                                "title": "SDR Manager",
                                "email": "priya@globex.example",
                                "minutes": 30,
                                "decision_maker": True,
                                "topics": ["outbound cadence"],
                            }
                        ],
                    }
                ],
                "events": [
                    {"date": ago(29), "kind": "done", "step": "thank_you", "contact": "Priya Shah"},
                    {"date": ago(1), "kind": "rejected"},
                ],
            },
        ],
    }


def run_demo() -> int:
    from zoneinfo import ZoneInfo

    from followup import bootstrap
    from followup.cli.format import agenda_text, findings_text, opportunity_text
    from followup.services.agenda import agenda
    from followup.services.imports import import_file
    from followup.services.letters import check_letter, draft_letter
    from followup.services.planning import show_opportunity
    from followup.services.ports import ImportSource

    today = datetime.now(UTC).astimezone(ZoneInfo("America/Chicago")).date()
    with tempfile.TemporaryDirectory(prefix="followup-demo-") as folder:
        deps = bootstrap.dependencies(str(Path(folder) / "demo.sqlite3"))
        sample = json.dumps(sample_dossier(today)).encode()
        report = import_file(deps, ImportSource.from_bytes(sample, "demo.json"))
        print(
            f"Demo database with 2 opportunities, {report.touches} touches planned "
            "(thrown away afterwards).\n"
        )
        print(opportunity_text(show_opportunity(deps, "acme-ae")))
        print("\n" + "─" * 80 + "\n")
        print(agenda_text(agenda(deps, today)))
        print("\n" + "─" * 80 + "\n")
        draft = draft_letter(deps, "acme-ae", "Dana Reyes", "thank_you")
        print(f"Draft thank-you to Dana Reyes\n\nSubject: {draft.subject}\n\n{draft.body}")
        _, findings = check_letter(deps, draft.body, "acme-ae", "Dana Reyes", "thank_you")
        print(findings_text(draft.body, "thank_you", findings))
        opening, rest = draft.body.replace("Dear Dana", "Dear Priya").split("\n\n", 1)
        rushed = f"{opening}\n\nHave you made a decision yet?\n\n{rest}"
        print("\nThe same letter, rushed (the wrong name, asking for the decision):")
        _, findings = check_letter(deps, rushed, "acme-ae", "Dana Reyes", "thank_you")
        print(findings_text(rushed, "thank_you", findings))
    return 0
