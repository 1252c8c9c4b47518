"""Planner scenarios, each as its own candidate in one PostgreSQL database, all with the same
opportunity id: each must plan exactly as it does alone in a SQLite file."""

from __future__ import annotations

import copy
import json
from pathlib import Path

from followup import bootstrap
from followup.adapters.files.dossier import parse_dossier
from followup.adapters.json_shapes import touch_dict
from followup.services.accounts import add_user
from followup.services.dossier import import_dossier
from followup.services.planning import plan_touches

DATA = Path(__file__).parents[1] / "data"
WORKED = json.loads((DATA / "acme.json").read_text())


def scenarios() -> list[dict]:  # type: ignore[type-arg]
    """Variations of the worked example: policies, calendars, time zones, events, deadlines."""
    out = []
    for policy in ("persistent", "etiquette"):
        for country, subdivision, weekmask in (
            ("US", "IL", "1111100"),
            ("GB", None, "1111100"),
            ("AE", None, "1111001"),
            (None, None, "1111111"),
        ):
            for events in (0, 1, 2, 3):
                dossier = copy.deepcopy(WORKED)
                candidate = dossier["candidate"]
                candidate.update(country=country, subdivision=subdivision, weekmask=weekmask)
                if country == "GB":
                    candidate["timezone"] = "Europe/London"
                opportunity = dossier["opportunities"][0]
                opportunity["policy"] = policy
                opportunity["events"] = opportunity["events"][:events]
                if events == 2:
                    opportunity["timeline"] = {"preliminary_deadline": "2027-01-15"}
                out.append(dossier)
    return out


def planned(deps) -> list[dict]:  # type: ignore[no-untyped-def, type-arg]
    return [touch_dict(r.touch) for r in plan_touches(deps)]


def test_every_scenario_plans_on_the_server_exactly_as_alone_on_sqlite(postgres_database, tmp_path):
    cases = scenarios()
    server = postgres_database.deps()  # acting as no one: only to add the accounts
    server.passwords = lambda: _Plain()
    for n in range(len(cases)):
        add_user(server, f"scenario{n}@example.com", "candidate", "a long enough password")
    for n, dossier in enumerate(cases):
        alone = bootstrap.dependencies(str(tmp_path / f"alone{n}.sqlite3"))
        import_dossier(alone, parse_dossier(dossier))
        shared = postgres_database.deps(f"scenario{n}@example.com")
        import_dossier(shared, parse_dossier(dossier))
        assert planned(shared) == planned(alone), n
    # all of them side by side, with the same opportunity id, none seeing another's plan
    rows = postgres_database.sql("SELECT count(DISTINCT account_id) FROM touch")
    assert rows == [(len(cases),)]


class _Plain:
    """Hashing that costs nothing: these accounts never sign in."""

    def hash(self, password: str) -> str:
        return "not-a-hash"

    def verify(self, password_hash: str | None, password: str) -> bool:
        return False
