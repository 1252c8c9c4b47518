"""Notes, per-opportunity strengths and the messages a reply quotes, on a real SQLite file."""

from __future__ import annotations

import json
import sqlite3
from datetime import datetime
from pathlib import Path

from followup.adapters.files.dossier import parse_dossier
from followup.adapters.storage.sqlite.store import SqliteStore
from followup.services.storage import Message

NOTES = json.loads((Path(__file__).parents[1] / "data" / "notes.json").read_text())


def test_topic_notes_and_strengths_read_back_exactly_as_saved(tmp_path):
    store = SqliteStore(tmp_path / "f.sqlite3")
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


def test_the_latest_message_from_a_person_is_the_one_a_reply_quotes(tmp_path):
    store = SqliteStore(tmp_path / "f.sqlite3")
    opportunity = parse_dossier(NOTES).opportunities[0]
    first = Message("acme-ae", "Dana Reyes", datetime(2027, 1, 4, 9, 15), "Next steps", "Hi Sam")
    later = Message("acme-ae", "Dana Reyes", datetime(2027, 1, 5, 16, 30), "Re: Next steps", "?")
    with store.unit_of_work() as uow:
        uow.save_opportunity(opportunity)
        uow.save_message(later)
        uow.save_message(first)
        uow.save_message(first)  # read twice: kept once
        uow.commit()
    with store.unit_of_work(readonly=True) as uow:
        assert uow.last_message("acme-ae", "dana reyes") == later
        assert uow.last_message("acme-ae", "Lee Park") is None
