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
from followup.domain.model import Candidate
from followup.services.dependencies import Dependencies

WORKED = json.loads((Path(__file__).parents[1] / "data" / "acme.json").read_text())


def services_on(path: Path) -> Dependencies:
    return Dependencies(SqliteStore(path), calendar_for, PolicyBook(None))


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


def test_a_file_that_is_not_a_database_is_a_clear_error(tmp_path):
    from followup.domain.errors import BadInput

    path = tmp_path / "notes.txt"
    path.write_text("these are my notes, not a database\n" * 50)
    with pytest.raises(BadInput, match=r"^--database: expected a Followup SQLite database"):
        SqliteStore(path).unit_of_work()
    assert path.read_text().startswith("these are my notes")
