"""Notes per topic and strengths per opportunity, on a real SQLite file (and the first test on
PostgreSQL too)."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

from followup.adapters.files.dossier import parse_dossier
from followup.adapters.storage.sqlite.store import SqliteStore

NOTES = json.loads((Path(__file__).parents[1] / "data" / "notes.json").read_text())


def test_topic_notes_and_strengths_read_back_exactly_as_saved(database):
    store = database.store()
    opportunity = parse_dossier(NOTES).opportunities[0]
    with store.unit_of_work() as uow:
        uow.save_opportunity(opportunity)
        uow.commit()
    with store.unit_of_work(readonly=True) as uow:
        stored = uow.get_opportunity("acme-ae")
    assert stored == opportunity
    assert stored is not None and stored.interviews[0].contacts[0].notes[0].promised == (
        "my 30-60-90 day plan for Wisconsin"
    )


def test_a_database_of_the_previous_version_keeps_its_people_and_gains_empty_notes(tmp_path):
    path = tmp_path / "old.sqlite3"
    with SqliteStore(path, upto="0008_contact_timezone").unit_of_work() as uow:
        uow.commit()
    with sqlite3.connect(path) as db:
        db.executescript(
            "INSERT INTO opportunity (id, position, company, role, policy) "
            "VALUES ('acme-ae', 1, 'Acme Corp', 'AE', 'persistent');"
            "INSERT INTO interview (opportunity_id, id, position, date, round) "
            "VALUES ('acme-ae', 'acme-1', 0, '2026-12-23', 1);"
            "INSERT INTO participant (opportunity_id, interview_id, position, name, topics) "
            "VALUES ('acme-ae', 'acme-1', 0, 'Dana Reyes', '[\"CRM adoption\"]');"
        )
    with SqliteStore(path).unit_of_work(readonly=True) as uow:
        stored = uow.get_opportunity("acme-ae")
    assert stored is not None
    assert stored.strengths == ()
    dana = stored.interviews[0].contacts[0]
    assert (dana.topics, dana.notes) == (("CRM adoption",), ())
