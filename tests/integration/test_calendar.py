"""The plan as an iCalendar file: parsed back with the icalendar library, and imported into a
real calendar client (khal) twice without duplicates."""

from __future__ import annotations

import json
import subprocess
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import icalendar
import pytest

from followup.adapters.files.calendar import plan_to_ics
from followup.adapters.files.dossier import parse_dossier
from followup.adapters.holidays import calendar_for
from followup.adapters.policies import PolicyBook
from followup.adapters.storage.sqlite.store import SqliteStore
from followup.services.dependencies import Dependencies
from followup.services.dossier import import_dossier
from followup.services.planning import plan_touches

from ..system import require_program
from ..unit.conftest import ev, log

DATA = Path(__file__).parents[1] / "data"
NOW = datetime(2026, 12, 28, 15, 0, tzinfo=UTC)


@pytest.fixture
def deps(tmp_path):
    deps = Dependencies(SqliteStore(tmp_path / "c.sqlite3"), calendar_for, PolicyBook(None))
    import_dossier(deps, parse_dossier(json.loads((DATA / "acme-first.json").read_text())))
    return deps


def events_of(data: bytes) -> dict[str, icalendar.Event]:
    calendar = icalendar.Calendar.from_ical(data)
    return {str(e["uid"]): e for e in calendar.walk("VEVENT")}


def test_one_all_day_event_per_planned_touch_with_a_reminder_at_nine(deps):
    events = events_of(plan_to_ics(plan_touches(deps), NOW))
    assert sorted(events) == [
        "acme-ae.call.dana-reyes.1@followup",
        "acme-ae.final.dana-reyes.1@followup",
        "acme-ae.final.lee-park.1@followup",
        "acme-ae.secondary.dana-reyes.1@followup",
        "acme-ae.thank_you.lee-park.1@followup",  # Dana's is done: no event
    ]
    call = events["acme-ae.call.dana-reyes.1@followup"]
    assert str(call["summary"]) == "Call Dana Reyes (Acme Corp)"
    assert call.decoded("dtstart") == date(2026, 12, 31)
    assert call.decoded("dtend") == date(2027, 1, 1)
    alarm = call.walk("VALARM")[0]
    assert alarm.decoded("trigger") == timedelta(hours=9)


def test_uids_stay_the_same_when_a_due_date_moves(deps):
    before = events_of(plan_to_ics(plan_touches(deps), NOW))
    log(deps, "acme-ae", ev("2027-01-06", "done", "Lee Park", "thank_you"))
    after = events_of(plan_to_ics(plan_touches(deps), NOW))
    assert set(after) == set(before) - {"acme-ae.thank_you.lee-park.1@followup"}
    log(deps, "acme-ae", ev("2026-12-29", "reply", "Dana Reyes"))
    later = events_of(plan_to_ics(plan_touches(deps), NOW))
    assert "acme-ae.reply.dana-reyes.1@followup" in later
    assert "acme-ae.call.dana-reyes.1@followup" not in later  # cancelled by the reply


def test_a_real_calendar_client_imports_it_and_updates_instead_of_duplicating(deps, tmp_path):
    program = require_program("khal")
    vdir = tmp_path / "calendars" / "followup"
    vdir.mkdir(parents=True)
    config = tmp_path / "khal.conf"
    config.write_text(
        "[calendars]\n[[followup]]\npath = " + str(vdir) + "\n\n"
        "[locale]\ntimeformat = %H:%M\ndateformat = %Y-%m-%d\nlongdateformat = %Y-%m-%d\n"
        "datetimeformat = %Y-%m-%d %H:%M\nlongdatetimeformat = %Y-%m-%d %H:%M\n"
        "local_timezone = America/Chicago\ndefault_timezone = America/Chicago\n"
    )
    env = {"PATH": "/usr/bin:/bin", "HOME": str(tmp_path), "XDG_DATA_HOME": str(tmp_path)}

    def khal(*args: str) -> str:
        return subprocess.run(
            [program, "-c", str(config), *args],
            capture_output=True,
            text=True,
            env=env,
            check=True,
        ).stdout

    first = tmp_path / "first.ics"
    first.write_bytes(plan_to_ics(plan_touches(deps), NOW))
    khal("import", "--batch", "-a", "followup", str(first))
    listed = khal("list", "--format", "{start-date} {title}", "2026-12-01", "2027-03-01")
    assert "2026-12-31 Call Dana Reyes (Acme Corp)" in listed
    assert listed.count("Send final letter to") == 2

    from followup.services.recording import snooze_touch

    deps.clock = lambda: NOW
    snooze_touch(
        deps,
        "acme-ae",
        "call",
        "Dana Reyes",
        date(2026, 12, 31),
        date(2027, 1, 4),
        "she is away until the 4th",
    )
    second = tmp_path / "second.ics"
    second.write_bytes(plan_to_ics(plan_touches(deps), NOW))
    khal("import", "--batch", "-a", "followup", str(second))
    relisted = khal("list", "--format", "{start-date} {title}", "2026-12-01", "2027-03-01")
    # the same event, moved: not a second one
    assert relisted.count("Call Dana Reyes") == 1
    assert "2027-01-04 Call Dana Reyes (Acme Corp)" in relisted
    assert len(list(vdir.glob("*.ics"))) == 5
