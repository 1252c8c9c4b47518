"""Hostile mailboxes and mail settings: a message dated 9999 or decades ago, a FIFO or a dangling
link in a Maildir, a 200 MB message, a login without a password, a CA file that is not there,
a send window that is not a time, and addresses that smuggle a second recipient."""

from __future__ import annotations

import mailbox
import os
import threading
import tracemalloc
from datetime import UTC, datetime

import pytest

from followup.adapters.files.dossier import parse_dossier
from followup.adapters.holidays import calendar_for
from followup.adapters.mail.mailbox import incoming, read_folder
from followup.adapters.policies import PolicyBook
from followup.adapters.storage.sqlite.store import SqliteStore
from followup.services.dependencies import Dependencies
from followup.services.dossier import import_dossier
from followup.services.inbox import record_replies
from tests.integration.mail_support import always_open_dossier

NOW = datetime(2026, 11, 25, 15, 0, tzinfo=UTC)


@pytest.fixture
def deps(tmp_path):
    made = Dependencies(
        SqliteStore(tmp_path / "m.sqlite3"), calendar_for, PolicyBook(None), clock=lambda: NOW
    )
    import_dossier(made, parse_dossier(always_open_dossier()))
    return made


def raw(sender: str, date: str, subject: str = "Re: us") -> bytes:
    return (
        f"From: {sender}\r\nTo: sam@example.com\r\nSubject: {subject}\r\nDate: {date}\r\n"
        "\r\nHello\r\n"
    ).encode()


def replies(deps) -> list[str]:  # type: ignore[no-untyped-def]
    with deps.store.unit_of_work(readonly=True) as uow:
        return [
            f"{e.date.isoformat()} {e.time:%H:%M} {e.contact}"
            for e in uow.get_opportunity("acme-ae").events
            if e.kind == "reply"
        ]


def maildir(folder, *messages: bytes, arrived: datetime | None = None):  # type: ignore[no-untyped-def]
    box = mailbox.Maildir(folder, create=True)
    for m in messages:
        key = box.add(m)
        if arrived is not None:
            path = folder / box._lookup(key)  # type: ignore[attr-defined]
            os.utime(path, (arrived.timestamp(), arrived.timestamp()))
    return folder


@pytest.mark.parametrize(
    "date",
    [
        "Fri, 31 Dec 9999 23:59:59 +0000",
        "Fri, 31 Dec 9999 23:59:59 -1200",
        "Mon, 1 Jan 10000 00:00:00 +0000",
        "Mon, 1 Jan 0001 00:00:00 +1400",
        "Tue, 24 Nov 2026 10:00:00 +9999",
        "Tue, 24 Nov 2026 99:99:99 +0000",
    ],
)
def test_the_header_reader_never_fails_on_a_date(date):
    seen = incoming(raw("Dana Reyes <dana@acme.example>", date))
    assert seen.sent_at is None or datetime(2000, 1, 1, tzinfo=UTC) <= seen.sent_at


def test_a_message_dated_9999_is_taken_at_its_arrival_and_the_rest_still_count(deps, tmp_path):
    arrived = datetime(2026, 11, 24, 16, 5, tzinfo=UTC)  # 10:05 in Chicago
    folder = maildir(
        tmp_path / "box",
        raw("Dana Reyes <dana@acme.example>", "Fri, 31 Dec 9999 23:59:59 +0000"),
        raw("Lee Park <lee@acme.example>", "Tue, 24 Nov 2026 11:00:00 -0600"),
        arrived=arrived,
    )
    report = record_replies(deps, read_folder(folder))
    assert (report.read, report.replies, report.skipped) == (2, 2, ())
    assert sorted(replies(deps)) == ["2026-11-24 10:05 Dana Reyes", "2026-11-24 11:00 Lee Park"]


def test_a_message_claiming_to_be_from_years_ago_is_taken_at_its_arrival(deps, tmp_path):
    arrived = datetime(2026, 11, 24, 16, 5, tzinfo=UTC)
    folder = maildir(
        tmp_path / "box",
        raw("Dana Reyes <dana@acme.example>", "Mon, 2 Jan 2006 09:00:00 +0000"),
        arrived=arrived,
    )
    record_replies(deps, read_folder(folder))
    assert replies(deps) == ["2026-11-24 10:05 Dana Reyes"]


def test_an_old_message_from_before_the_interview_is_skipped_with_a_reason(deps, tmp_path):
    old = datetime(2024, 3, 4, 15, 0, tzinfo=UTC)  # arrived then, too: an old mailbox
    folder = maildir(
        tmp_path / "box",
        raw("Dana Reyes <dana@acme.example>", "Mon, 4 Mar 2024 09:00:00 -0600"),
        arrived=old,
    )
    report = record_replies(deps, read_folder(folder))
    assert report.replies == 0
    assert len(report.skipped) == 1
    where, reason = report.skipped[0]
    assert where.startswith("new/")
    assert reason == "sent 2024-03-04, before the first interview of acme-ae (2026-11-20)"
    assert replies(deps) == []


def test_a_message_from_the_future_with_no_arrival_time_is_skipped(deps):
    from followup.services.inbox import Incoming

    far = datetime(2031, 1, 1, tzinfo=UTC)
    report = record_replies(deps, [Incoming("dana@acme.example", (), far, where="message 1")])
    assert report.skipped == (("message 1", "dated 2031-01-01, in the future"),)
    assert replies(deps) == []


def _in_thread(function, timeout: float = 10):  # type: ignore[no-untyped-def]
    result: dict[str, object] = {}

    def run() -> None:
        try:
            result["value"] = function()
        except Exception as error:
            result["error"] = error

    worker = threading.Thread(target=run, daemon=True)
    worker.start()
    worker.join(timeout)
    assert not worker.is_alive(), "reading the mailbox hung"
    if "error" in result:
        raise result["error"]  # type: ignore[misc]
    return result["value"]


def test_a_fifo_a_dangling_link_and_a_folder_in_a_maildir_are_skipped_not_waited_on(deps, tmp_path):
    folder = maildir(
        tmp_path / "box", raw("Lee Park <lee@acme.example>", "Tue, 24 Nov 2026 11:00:00 -0600")
    )
    os.mkfifo(folder / "new" / "1700000000.fifo.host")
    os.symlink(tmp_path / "gone", folder / "new" / "1700000001.link.host")
    (folder / "cur" / "1700000002.dir.host:2,").mkdir()
    os.symlink("/dev/zero", folder / "cur" / "1700000003.zero.host:2,")
    report = _in_thread(lambda: record_replies(deps, read_folder(folder)))
    assert report.replies == 1
    assert sorted(report.skipped) == [
        ("cur/1700000002.dir.host:2,", "not a regular file"),
        ("cur/1700000003.zero.host:2,", "not a regular file"),
        ("new/1700000000.fifo.host", "not a regular file"),
        ("new/1700000001.link.host", "cannot be read (a dangling link?)"),
    ]


def test_an_mbox_that_is_a_fifo_is_refused_not_waited_on(tmp_path):
    from followup.domain.errors import BadInput

    fifo = tmp_path / "in.mbox"
    os.mkfifo(fifo)
    with pytest.raises(BadInput, match="is not a regular file"):
        _in_thread(lambda: list(read_folder(fifo)))


@pytest.mark.parametrize("kind", ["maildir", "mbox", "no blank line"])
def test_a_huge_message_is_read_in_bounded_memory(tmp_path, kind):
    size = 200 * 1024 * 1024 if os.environ.get("FOLLOWUP_BIG_TESTS") else 40 * 1024 * 1024
    head = raw("Lee Park <lee@acme.example>", "Tue, 24 Nov 2026 11:00:00 -0600")
    if kind == "no blank line":
        head = head.split(b"\r\n\r\n")[0] + b"\r\nX-Filler: "
    body = b"x" * 1000 + b"\r\n"
    if kind == "mbox":
        path = tmp_path / "in.mbox"
        with open(path, "wb") as out:
            out.write(b"From lee@acme.example Tue Nov 24 17:00:00 2026\n" + head)
            for _ in range(size // len(body)):
                out.write(body)
            out.write(b"\nFrom dana@acme.example Tue Nov 24 18:00:00 2026\n")
            out.write(raw("Dana Reyes <dana@acme.example>", "Tue, 24 Nov 2026 12:00:00 -0600"))
    else:
        path = tmp_path / "box"
        maildir(path)
        with open(path / "new" / "1700000000.big.host", "wb") as out:
            out.write(head)
            for _ in range(size // len(body)):
                out.write(body)
    tracemalloc.start()
    try:
        found = list(read_folder(path))
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert peak < 4 * 1024 * 1024, f"{peak / 1e6:.1f} MB to read headers"
    assert found[0].sender == "lee@acme.example"
    if kind == "mbox":
        assert [m.sender for m in found] == ["lee@acme.example", "dana@acme.example"]


# -- over IMAP, against Dovecot: the cursor always moves on -------------------------------------
from tests.integration.test_replies import imap  # noqa: E402, F401 - the Dovecot fixture


def test_a_far_future_date_never_stops_polling_and_the_cursor_moves_past_it(deps, imap):  # noqa: F811
    from tests.integration.dovecot_support import append, poll_mailbox

    settings, port = imap
    append(port, raw("Dana Reyes <dana@acme.example>", "Fri, 31 Dec 9999 23:59:59 +0000"))
    append(port, raw("Lee Park <lee@acme.example>", "Tue, 24 Nov 2026 11:00:00 -0600"))
    huge = raw("Lee Park <lee@acme.example>", "Tue, 24 Nov 2026 12:00:00 -0600")
    append(port, huge.split(b"\r\n\r\n")[0] + b"\r\nX-Filler: " + b"y" * 3_000_000 + b"\r\n")
    report = poll_mailbox(deps, settings)
    assert (report.read, report.replies) == (3, 3)
    with deps.store.unit_of_work(readonly=True) as uow:
        assert uow.inbox_cursor("INBOX")[1] == 3
    assert any(r.endswith("Dana Reyes") for r in replies(deps))


@pytest.mark.parametrize("year", [1970, 2400])
def test_a_maildir_file_with_an_impossible_time_falls_back_to_its_date(deps, tmp_path, year):
    folder = maildir(
        tmp_path / "box", raw("Lee Park <lee@acme.example>", "Tue, 24 Nov 2026 11:00:00 -0600")
    )
    for path in (folder / "new").iterdir():
        stamp = datetime(year, 6, 1, tzinfo=UTC).timestamp()
        os.utime(path, (stamp, stamp))
    report = record_replies(deps, read_folder(folder))
    assert (report.replies, report.skipped) == (1, ())
    assert replies(deps) == ["2026-11-24 11:00 Lee Park"]


def test_the_time_rule_answers_for_any_arrival_time():
    from followup.services.inbox import Incoming, moment_of

    for arrived in (datetime(1, 1, 1, tzinfo=UTC), datetime(9999, 12, 31, tzinfo=UTC)):
        message = Incoming(
            "a@b.example", (), datetime(2026, 11, 24, tzinfo=UTC), received_at=arrived
        )
        assert moment_of(message, NOW) == (datetime(2026, 11, 24, tzinfo=UTC), "")
