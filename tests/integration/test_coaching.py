"""The coach's view of their clients, on PostgreSQL: what it counts, on each client's own calendar,
and only for clients whose grant is current."""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import UTC, date, datetime, time
from pathlib import Path

from followup.adapters.files.dossier import parse_dossier
from followup.services import coaching
from followup.services.accounts import acting_account, grant_access
from followup.services.agenda import agenda
from followup.services.dossier import import_dossier
from followup.services.recording import log_event

DATA = Path(__file__).parents[1] / "data"


def at(deps, moment: datetime):  # type: ignore[no-untyped-def]
    return replace(deps, clock=lambda: moment)


def test_clients_at_a_glance_count_on_each_clients_own_calendar(postgres_database):
    database = postgres_database
    sam = database.deps("sam@example.com")
    import_dossier(sam, parse_dossier(json.loads((DATA / "acme-first.json").read_text())))
    # Dana answered on Thursday 24 December: the reply is due that day, and may wait until the
    # next business day, which in Illinois is Monday 28 (Christmas Day, then the weekend).
    log_event(sam, "acme-ae", "reply", contact="Dana Reyes", on=date(2026, 12, 24), at=time(16, 30))
    kim = database.deps("kim@example.com")
    import_dossier(kim, parse_dossier(json.loads((DATA / "acme.json").read_text())))
    me = acting_account(sam, "sam@example.com")
    grant_access(sam, me, "coach@example.com", None, date(2026, 12, 28))
    coach = acting_account(sam, "coach@example.com", role="coach")

    monday = coaching.clients(at(sam, datetime(2026, 12, 28, 15, 0, tzinfo=UTC)), coach)
    tuesday = coaching.clients(at(sam, datetime(2026, 12, 29, 15, 0, tzinfo=UTC)), coach)
    assert [c.email for c in monday] == ["sam@example.com"]  # Kim gave no access
    (mon,), (tue,) = monday, tuesday
    assert (mon.name, mon.unanswered_replies, tue.unanswered_replies) == ("Sam Ortiz", 0, 1)
    assert (mon.days_since_last_touch, tue.days_since_last_touch) == (4, 5)
    sams_tuesday = agenda(at(sam, datetime(2026, 12, 29, 15, 0, tzinfo=UTC)), limit=100)
    assert tue.overdue == len(sams_tuesday.overdue) > 0
    assert mon.stages == [("interviewing", 1)]  # a thank-you still to send
    assert mon.until is None


def test_a_client_at_midnight_elsewhere_is_counted_on_their_own_day(postgres_database):
    database = postgres_database
    sam = database.deps("sam@example.com")
    dossier = json.loads((DATA / "acme-first.json").read_text())
    dossier["candidate"]["timezone"] = "Pacific/Auckland"
    import_dossier(sam, parse_dossier(dossier))
    me = acting_account(sam, "sam@example.com")
    grant_access(sam, me, "coach@example.com", None, date(2026, 12, 1))
    coach = acting_account(sam, "coach@example.com", role="coach")
    # 12:00 UTC on Sunday 27 December is already Monday 28 in Auckland: Lee's thank-you is due
    # today there, not overdue; an hour before midnight UTC on the 28th it is the 29th there.
    (sunday,) = coaching.clients(at(sam, datetime(2026, 12, 27, 12, 0, tzinfo=UTC)), coach)
    (later,) = coaching.clients(at(sam, datetime(2026, 12, 28, 23, 0, tzinfo=UTC)), coach)
    assert (sunday.overdue, later.overdue) == (0, 1)
