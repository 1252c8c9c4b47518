"""The Progress figures are kept between requests in one process while nothing is stored (by
this process or another) and the day stays the same; any commit or a new day recounts them."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from followup import bootstrap
from followup.adapters.files.dossier import parse_dossier
from followup.adapters.storage.sqlite.store import SqliteStore
from followup.services.dossier import import_dossier
from followup.services.progress import follow_up_progress
from followup.services.recording import remove_event

from .test_progress_store import ACME


def test_sqlite_changes_move_with_every_commit_of_any_connection(tmp_path):
    path = tmp_path / "followup.sqlite3"
    watched = SqliteStore(path)
    assert watched.changes() is None  # nothing opened yet
    with watched.unit_of_work() as uow:
        uow.commit()
    first = watched.changes()
    assert first is not None and watched.changes() == first  # reading moves nothing
    other = SqliteStore(path)  # another process, as far as SQLite can tell
    with other.unit_of_work(readonly=True) as uow:
        uow.get_candidate()
    assert watched.changes() == first
    import_dossier(bootstrap.dependencies(str(path)), parse_dossier(ACME))
    assert watched.changes() != first


def test_progress_is_kept_until_something_is_stored_or_the_day_moves(tmp_path):
    path = str(tmp_path / "followup.sqlite3")
    now = [datetime(2027, 2, 1, 18, 0, tzinfo=UTC)]  # noon in Chicago, Mon 1 Feb 2027
    web = bootstrap.dependencies(path)
    web.clock = lambda: now[0]
    import_dossier(web, parse_dossier(ACME))
    counted = follow_up_progress(web)
    assert follow_up_progress(web) is counted  # kept: nothing changed

    cli = bootstrap.dependencies(path)  # another process takes back Dana's reply of 4 Jan
    cli.clock = lambda: now[0]
    remove_event(cli, "acme-ae", 2)
    recounted = follow_up_progress(web)
    assert recounted is not counted
    twelve = recounted.windows[1]
    assert [(a.step, a.made, a.answered) for a in twelve.answers] == [("thank_you", 1, 0)]
    assert recounted == follow_up_progress(cli)  # the same figures as counted afresh

    now[0] += timedelta(days=1)
    next_day = follow_up_progress(web)
    assert next_day.on == recounted.on + timedelta(days=1)
