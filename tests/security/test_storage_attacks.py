"""The database under stress: another writer holding the lock, a read-only or full disk, another
program's SQLite file, a database from a newer Followup. One line each, nothing changed."""

from __future__ import annotations

import sqlite3
import threading
import time
import urllib.request
from pathlib import Path

import pytest

from followup.adapters.storage.sqlite import store as sqlite_store
from tests.e2e.conftest import DATA


@pytest.fixture
def imported(sqlite_cli):  # type: ignore[no-untyped-def]
    assert sqlite_cli("import", str(DATA / "acme.json")).code == 0
    return sqlite_cli


def _hold_write_lock(path: Path) -> sqlite3.Connection:
    other = sqlite3.connect(path, isolation_level=None)
    other.execute("BEGIN IMMEDIATE")
    other.execute("UPDATE candidate SET name = name")
    return other


def test_a_busy_database_is_a_retry_message_quickly_not_a_traceback(imported):
    other = _hold_write_lock(imported.path)
    try:
        started = time.monotonic()
        result = imported("log", "acme-ae", "offer", "--date", "2027-01-25")
        spent = time.monotonic() - started
    finally:
        other.rollback()
        other.close()
    assert result.code == 2
    assert result.err == (
        f"followup: error: database: {imported.path} is busy (another Followup is "
        "writing to it); try again in a moment\n"
    )
    assert spent < 10


def test_reading_goes_on_while_another_process_writes(imported):
    other = _hold_write_lock(imported.path)
    try:
        result = imported("plan", "--json")
    finally:
        other.rollback()
        other.close()
    assert result.code == 0


def _connect_with(monkeypatch, pragma: str) -> None:  # type: ignore[no-untyped-def]
    real = sqlite3.connect

    def connect(*args, **kwargs):  # type: ignore[no-untyped-def]
        connection = real(*args, **kwargs)
        connection.execute(pragma)
        return connection

    monkeypatch.setattr(sqlite_store.sqlite3, "connect", connect)


def test_a_read_only_database_is_one_line(imported, monkeypatch):
    before = imported.dump()
    _connect_with(monkeypatch, "PRAGMA query_only = 1")
    result = imported("log", "acme-ae", "offer", "--date", "2027-01-25")
    assert result.code == 2
    assert result.err == (
        f"followup: error: database: {imported.path} is read-only; expected a file "
        "Followup may write to\n"
    )
    monkeypatch.undo()
    assert imported.dump() == before


def test_a_full_disk_is_one_line_and_loses_nothing(imported, monkeypatch):
    before = imported.dump()
    pages = sqlite3.connect(imported.path).execute("PRAGMA page_count").fetchone()[0]
    _connect_with(monkeypatch, f"PRAGMA max_page_count = {pages}")
    big = DATA / "acme.json"
    text = big.read_text().replace('"acme-ae"', '"acme-2"')
    path = imported.path.parent / "more.json"
    path.write_text(text.replace("Account Executive", "x" * 200_000))
    result = imported("import", str(path))
    assert result.code == 2
    assert result.err == (
        f"followup: error: database: the disk holding {imported.path} is full; "
        "nothing was changed\n"
    )
    monkeypatch.undo()
    assert imported.dump() == before


def test_another_programs_sqlite_file_is_refused_and_left_exactly_as_it_was(sqlite_cli, tmp_path):
    foreign = tmp_path / "photos.db"
    with sqlite3.connect(foreign) as db:
        db.execute("CREATE TABLE photo (id INTEGER PRIMARY KEY, path TEXT)")
        db.execute("INSERT INTO photo (path) VALUES ('a.jpg')")
    before = foreign.read_bytes()
    for argv in (("agenda",), ("import", str(DATA / "acme.json"))):
        result = sqlite_cli("--database", str(foreign), *argv)
        assert result.code == 2
        assert result.err == (
            f"followup: error: --database: {foreign} is another program's SQLite database "
            "(tables: photo); expected a Followup database or a new file\n"
        )
    assert foreign.read_bytes() == before
    assert not Path(f"{foreign}-wal").exists()
    with sqlite3.connect(foreign) as db:
        assert db.execute("PRAGMA journal_mode").fetchone()[0] == "delete"


def test_a_database_from_a_newer_followup_is_refused_unchanged(imported):
    with sqlite3.connect(imported.path) as db:
        db.execute("INSERT INTO schema_migrations (name) VALUES ('0099_from_the_future')")
    before = imported.dump()
    result = imported("agenda")
    assert result.code == 2
    assert result.err == (
        f"followup: error: --database: {imported.path} was made by a newer Followup "
        "(it has migration 0099_from_the_future); upgrade Followup to open it\n"
    )
    assert imported.dump() == before


def test_a_busy_database_on_the_web_is_a_503_and_other_pages_go_on(tmp_path):
    import uvicorn

    from followup.web.app import WebConfig, create_app
    from tests.e2e.web_support import make_services
    from tests.integration.mail_support import free_port

    deps = make_services(tmp_path)
    port = free_port()
    server = uvicorn.Server(
        uvicorn.Config(create_app(deps, WebConfig(port=port)), port=port, log_level="error")
    )
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    while not server.started:
        time.sleep(0.02)
    base = f"http://127.0.0.1:{port}"
    try:
        first = urllib.request.urlopen(f"{base}/capture")
        cookie = first.headers["set-cookie"].split(";")[0]
        import re

        csrf = re.search(r'name="csrf" value="([^"]+)"', first.read().decode()).group(1)
        other = _hold_write_lock(tmp_path / "web.sqlite3")
        answers: dict[str, object] = {}

        def post() -> None:
            request = urllib.request.Request(
                f"{base}/touches/done",
                data=f"csrf={csrf}&opportunity=acme-ae&step=thank_you&contact=Lee+Park".encode(),
                headers={"cookie": cookie, "origin": base},
            )
            try:
                urllib.request.urlopen(request)
            except urllib.error.HTTPError as error:
                answers["post"] = (error.code, error.read().decode())

        writer = threading.Thread(target=post)
        writer.start()
        time.sleep(0.2)
        started = time.monotonic()
        assert urllib.request.urlopen(f"{base}/pipeline").status == 200
        answers["read"] = time.monotonic() - started
        writer.join(30)
        other.rollback()
        other.close()
    finally:
        server.should_exit = True
        thread.join(5)
    assert answers["read"] < 1.0, "a page waited behind the busy write"
    status, page = answers["post"]  # type: ignore[misc]
    assert status == 503
    assert "is busy (another Followup is writing to it); try again in a moment" in page


def test_no_more_than_two_use_cases_run_at_once_and_the_wait_is_timed_apart():
    import asyncio
    import threading

    from followup.web import common

    running, most = [0], [0]
    lock = threading.Lock()

    def use_case() -> None:
        with lock:
            running[0] += 1
            most[0] = max(most[0], running[0])
        time.sleep(0.05)
        with lock:
            running[0] -= 1

    async def many() -> list[float]:
        box: list[float] = []
        common.waited.set(box)
        await asyncio.gather(*(common.call(use_case) for _ in range(12)))
        return box

    box = asyncio.run(many())
    assert most[0] == common.USE_CASES_AT_ONCE == 2
    assert len(box) == 12
    assert sum(1 for w in box if w >= 0.04) == 10  # all but the first two waited for a turn
