"""The SQLite store on real files: round trips, transactions, migrations, the agenda query."""

from __future__ import annotations

import json
import sqlite3
from datetime import date
from pathlib import Path

import pytest

from followup.adapters.files.dossier import parse_dossier
from followup.adapters.holidays import calendar_for
from followup.adapters.policies import PolicyBook
from followup.adapters.storage.migrations import migration_names
from followup.adapters.storage.sqlite.store import SqliteStore
from followup.domain.model import Candidate, Touch
from followup.services.dependencies import Dependencies
from followup.services.dossier import import_dossier
from followup.services.planning import plan_touches

WORKED = json.loads((Path(__file__).parents[1] / "data" / "acme.json").read_text())


def services_on(path: Path) -> Dependencies:
    return Dependencies(SqliteStore(path), calendar_for, PolicyBook(None))


def test_an_opportunity_reads_back_exactly_as_saved(tmp_path):
    store = SqliteStore(tmp_path / "f.sqlite3")
    opportunity = parse_dossier(WORKED).opportunities[0]
    with store.unit_of_work() as uow:
        uow.save_opportunity(opportunity)
        uow.commit()
    with store.unit_of_work(readonly=True) as uow:
        assert uow.get_opportunity("acme-ae") == opportunity
        assert uow.get_opportunity("nope") is None


def test_leaving_a_unit_of_work_without_commit_stores_nothing(tmp_path):
    store = SqliteStore(tmp_path / "f.sqlite3")
    with store.unit_of_work() as uow:
        uow.save_opportunity(parse_dossier(WORKED).opportunities[0])
    with store.unit_of_work(readonly=True) as uow:
        assert uow.opportunity_ids() == []


def test_an_error_inside_a_unit_of_work_rolls_back(tmp_path):
    store = SqliteStore(tmp_path / "f.sqlite3")
    with pytest.raises(RuntimeError), store.unit_of_work() as uow:
        uow.save_opportunity(parse_dossier(WORKED).opportunities[0])
        raise RuntimeError("boom")
    with store.unit_of_work(readonly=True) as uow:
        assert uow.opportunity_ids() == []


def test_the_stored_plan_is_what_the_planner_made(tmp_path):
    deps = services_on(tmp_path / "f.sqlite3")
    import_dossier(deps, parse_dossier(WORKED))
    rows = plan_touches(deps)
    assert len(rows) == 13
    assert rows[0].company == "Acme Corp"
    assert rows[0].touch == Touch(
        "acme-ae",
        "Dana Reyes",
        "thank_you",
        "email",
        date(2026, 12, 28),
        "done",
        None,
        date(2026, 12, 24),
        "acme-1",
        0,
    )


# What version 1 stored for the worked example, in version 1's own columns.
V1_ROWS = """
INSERT INTO opportunity (id, position, company, role, policy, preliminary_deadline,
    second_round_deadline) VALUES ('acme-ae', 1, 'Acme Corp', 'Account Executive', 'persistent',
    '2027-01-08', '2027-01-22');
INSERT INTO interview (opportunity_id, id, position, date, round)
    VALUES ('acme-ae', 'acme-1', 0, '2026-12-23', 1);
INSERT INTO participant (opportunity_id, interview_id, position, name, title, email, phone,
    minutes, decision_maker, topics) VALUES
    ('acme-ae', 'acme-1', 0, 'Dana Reyes', 'Regional Sales Manager', 'dana@acme.example', '',
     45, 1, '["new Midwest territories", "CRM adoption"]'),
    ('acme-ae', 'acme-1', 1, 'Lee Park', 'HR Generalist', 'lee@acme.example', '', 10, 0, '[]');
INSERT INTO event (opportunity_id, position, date, time, kind, step, contact, note) VALUES
    ('acme-ae', 0, '2026-12-24', NULL, 'done', 'thank_you', 'Dana Reyes', ''),
    ('acme-ae', 1, '2027-01-04', '16:30', 'reply', NULL, 'Dana Reyes', ''),
    ('acme-ae', 2, '2027-01-20', NULL, 'rejected', NULL, NULL, '');
"""


MIGRATIONS = migration_names("followup.adapters.storage.sqlite.migrations")


def _schema(path: Path) -> list[tuple[str, str, str]]:
    with sqlite3.connect(path) as db:
        return db.execute(
            "SELECT type, name, sql FROM sqlite_master WHERE name NOT LIKE 'sqlite_%' "
            "ORDER BY type, name"
        ).fetchall()


@pytest.mark.parametrize("version", MIGRATIONS[:-1] or MIGRATIONS)
def test_a_database_made_by_every_earlier_version_upgrades_with_its_data(tmp_path, version):
    """A database as version N made it, with the worked example in it, is brought up to the
    latest schema — the same as a new database's — and reads back what it held."""
    path = tmp_path / "old.sqlite3"
    with SqliteStore(path, upto=version).unit_of_work() as uow:
        uow.commit()  # the schema as version N made it
    with sqlite3.connect(path) as db:
        db.executescript(V1_ROWS)  # every version since the first has these columns
        db.execute(
            "INSERT INTO candidate (id, name, timezone, country) "
            "VALUES (1, 'Sam Ortiz', 'America/Chicago', 'US')"
        )
        columns = {row[1] for row in db.execute("PRAGMA table_info(touch)")}
        touch = {
            "opportunity_id": "acme-ae",
            "seq": 0,
            "contact": "Lee Park",
            "step": "thank_you",
            "channel": "email",
            "due": "2026-12-28",
            "status": "planned",
        }
        if "show_on" in columns:  # since 0004: the day the agenda shows it
            touch["show_on"] = "2026-12-28"
        db.execute(
            f"INSERT INTO touch ({', '.join(touch)}) VALUES ({', '.join('?' for _ in touch)})",
            tuple(touch.values()),
        )
        made = [r[0] for r in db.execute("SELECT name FROM schema_migrations ORDER BY name")]
        assert made == MIGRATIONS[: MIGRATIONS.index(version) + 1]

    new = SqliteStore(path)
    with new.unit_of_work(readonly=True) as uow:
        assert uow.get_opportunity("acme-ae") == parse_dossier(WORKED).opportunities[0]
        assert uow.get_candidate() == Candidate(
            name="Sam Ortiz", timezone="America/Chicago", country="US"
        )
        rows = uow.agenda(date(2026, 12, 28), date(2027, 1, 4), 10)
        assert [(r.touch.contact, r.touch.due) for r in rows.today] == [
            ("Lee Park", date(2026, 12, 28))
        ]
    with sqlite3.connect(path) as db:
        applied = [r[0] for r in db.execute("SELECT name FROM schema_migrations ORDER BY name")]
    assert applied == MIGRATIONS
    fresh = tmp_path / "fresh.sqlite3"
    with SqliteStore(fresh).unit_of_work() as uow:
        uow.commit()
    assert _schema(path) == _schema(fresh)


def test_the_agenda_counts_more_than_it_shows_and_stops_counting_at_a_bound(tmp_path):
    store = SqliteStore(tmp_path / "f.sqlite3")
    opportunity = parse_dossier(WORKED).opportunities[0]
    touches = [
        Touch("acme-ae", "Lee Park", "call", "phone", date(2026, 1, 1), seq=i) for i in range(1200)
    ]
    with store.unit_of_work() as uow:
        uow.save_opportunity(opportunity)
        uow.replace_plan("acme-ae", touches, "waiting")
        uow.commit()
    with store.unit_of_work(readonly=True) as uow:
        rows = uow.agenda(date(2026, 6, 1), date(2026, 6, 8), 10)
    assert (len(rows.overdue), rows.overdue_more) == (10, 999)
    assert rows.today == [] and rows.upcoming == []


def test_a_file_that_is_not_a_database_is_a_clear_error(tmp_path):
    from followup.domain.errors import BadInput

    path = tmp_path / "notes.txt"
    path.write_text("these are my notes, not a database\n" * 50)
    with pytest.raises(BadInput, match=r"^--database: expected a Followup SQLite database"):
        SqliteStore(path).unit_of_work()
    assert path.read_text().startswith("these are my notes")


def test_the_revision_moves_when_an_opportunity_or_a_person_changes(tmp_path):
    deps = services_on(tmp_path / "f.sqlite3")
    store = deps.store

    def revision() -> int:
        with store.unit_of_work(readonly=True) as uow:
            return uow.revision()

    start = revision()
    import_dossier(deps, parse_dossier(WORKED))
    after_import = revision()
    assert after_import > start
    from ..unit.conftest import log

    log(deps, "acme-ae", parse_dossier(WORKED).opportunities[0].events[0])
    # saving the opportunity rewrites its people: the check's directory is rebuilt
    assert revision() > after_import


def test_the_check_sees_a_company_added_after_its_directory_was_cached(tmp_path):
    from followup.adapters.check_rules import build_checker
    from followup.services.letters import check_letter
    from followup.services.recording import add_opportunity

    deps = services_on(tmp_path / "f.sqlite3")
    checker = build_checker(None, spelling=False)
    deps.checker = lambda: checker
    import_dossier(deps, parse_dossier(WORKED))
    letter = "Dear Dana,\n\nThank you. I look forward to joining Globex.\n\nSam, sam@example.com"
    _, before = check_letter(deps, letter, "acme-ae", "Dana Reyes", "reply")
    assert [f.rule for f in before] == []
    add_opportunity(deps, "globex", "Globex")
    _, after = check_letter(deps, letter, "acme-ae", "Dana Reyes", "reply")
    assert [f.rule for f in after] == ["wrong-company"]
