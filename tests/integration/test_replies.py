"""Replies stop the chasing: from an mbox or Maildir, and from a real IMAP server (Dovecot)
with a UID cursor."""

from __future__ import annotations

import mailbox
import time
from datetime import UTC, datetime
from datetime import time as clock_time
from email.message import EmailMessage
from email.utils import format_datetime
from pathlib import Path

import pytest

from followup.adapters.files.dossier import parse_dossier
from followup.adapters.holidays import calendar_for
from followup.adapters.mail.mailbox import incoming, read_folder
from followup.adapters.mail.settings import ServerSettings
from followup.adapters.policies import PolicyBook
from followup.adapters.storage.sqlite.store import SqliteStore
from followup.services.dependencies import Dependencies
from followup.services.dossier import import_dossier
from followup.services.inbox import record_replies
from followup.services.outbox import MailUnavailable, approve_letter, dispatch
from followup.services.planning import plan_touches

from .dovecot_support import PASSWORD, USER, append, poll_mailbox, start_dovecot
from .mail_support import always_open_dossier

NOW = datetime(2026, 11, 23, 15, 0, tzinfo=UTC)  # Mon 23 Nov, 09:00 in Chicago


class RecordingMailer:
    def __init__(self) -> None:
        self.sent: list[str] = []

    def send(self, item, sender) -> None:  # type: ignore[no-untyped-def]
        self.sent.append(item.message_id)


@pytest.fixture
def deps(tmp_path):
    from followup.adapters.templates import TemplateRenderer

    deps = Dependencies(
        SqliteStore(tmp_path / "r.sqlite3"),
        calendar_for,
        PolicyBook(None),
        clock=lambda: NOW,
        renderer=lambda: TemplateRenderer(None),
    )
    import_dossier(deps, parse_dossier(always_open_dossier()))
    return deps


def message(
    sender: str,
    subject: str,
    when: str,
    in_reply_to: str = "",
    headers: dict[str, str] | None = None,
    body: str = "Thanks!",
) -> bytes:
    m = EmailMessage()
    m["From"] = sender
    m["To"] = "Sam Ortiz <sam@example.com>"
    m["Subject"] = subject
    m["Date"] = format_datetime(datetime.fromisoformat(when))
    if in_reply_to:
        m["In-Reply-To"] = in_reply_to
        m["References"] = in_reply_to
    for key, value in (headers or {}).items():
        m[key] = value
    m.set_content(body)
    return bytes(m)


def steps(deps, status="planned"):  # type: ignore[no-untyped-def]
    return {
        (r.touch.step, r.touch.contact, r.touch.due.isoformat())
        for r in plan_touches(deps)
        if r.touch.status == status
    }


def test_a_reply_to_a_sent_letter_becomes_a_reply_and_stops_the_chasing(deps, tmp_path):
    item = approve_letter(
        deps, "acme-ae", "Lee Park", "thank_you", window=(clock_time(0, 0), clock_time(23, 59))
    )
    dispatch(deps, RecordingMailer())
    box = mailbox.mbox(tmp_path / "in.mbox")
    # from an address nobody recorded, but answering the letter Followup sent to Lee
    box.add(
        message(
            "HR Team <jobs@acme.example>",
            "Re: Thank you",
            "2026-11-24T16:30:00-06:00",
            in_reply_to=item.message_id,
        )
    )
    box.flush()
    report = record_replies(deps, read_folder(tmp_path / "in.mbox"))
    assert (report.read, report.replies, report.automatic) == (1, 1, 0)
    assert ("reply", "Lee Park", "2026-11-24") in steps(deps)  # before 17:00: same day
    cancelled = steps(deps, "cancelled")
    assert {("call", "Dana Reyes"), ("secondary", "Dana Reyes")} <= {
        (s, c) for s, c, _ in cancelled
    }


def test_a_known_sender_counts_and_automatic_answers_do_not(deps, tmp_path):
    box = mailbox.mbox(tmp_path / "in.mbox")
    box.add(message("Dana Reyes <DANA@acme.example>", "Next steps", "2026-11-24T18:15:00-06:00"))
    box.add(
        message(
            "Dana Reyes <dana@acme.example>",
            "Out of Office: back Monday",
            "2026-11-24T09:00:00-06:00",
        )
    )
    box.add(
        message(
            "Dana Reyes <dana@acme.example>",
            "Away",
            "2026-11-24T09:00:00-06:00",
            headers={"Auto-Submitted": "auto-replied"},
        )
    )
    box.add(message("News <news@example.org>", "Weekly digest", "2026-11-24T09:00:00-06:00"))
    box.flush()
    report = record_replies(deps, read_folder(tmp_path / "in.mbox"))
    assert (report.read, report.replies, report.automatic) == (4, 1, 2)
    # after 17:00: due the next business day
    assert ("reply", "Dana Reyes", "2026-11-25") in steps(deps)
    again = record_replies(deps, read_folder(tmp_path / "in.mbox"))
    assert again.replies == 0  # the same mbox twice records nothing twice


def test_broken_huge_and_non_utf8_messages_never_stop_the_rest(deps, tmp_path):
    folder = tmp_path / "Maildir"
    box = mailbox.Maildir(folder, create=True)
    box.add(b"\x00\xff garbage without any header at all \xfe\n\n\x00")
    box.add(
        b"From: =?x-unknown?q?Dana?= \xe9\xe8 <dana@acme.example>\nSubject: Caf\xe9\n"
        b"Date: Tue, 24 Nov 2026 10:00:00 -0600\n\nbody\n"
    )
    box.add(
        message(
            "Lee Park <lee@acme.example>",
            "Big one",
            "2026-11-24T11:00:00-06:00",
            body="x" * 8_000_000,
        )
    )
    started = time.process_time()  # the work done, not the wait for a busy processor
    report = record_replies(deps, read_folder(folder))
    assert time.process_time() - started < 5
    assert (report.read, report.replies) == (3, 2)


def test_a_missing_mailbox_is_a_clear_error(deps, tmp_path):
    from followup.domain.errors import BadInput

    with pytest.raises(BadInput, match=r"^FILE: expected an mbox file or a Maildir folder"):
        list(read_folder(tmp_path / "nothing-here"))


def test_headers_are_read_as_they_are(deps):
    seen = incoming(
        message(
            "Grace <grace@x.example>",
            "Re: hi",
            "2026-11-24T10:00:00-06:00",
            in_reply_to="<abc@example.com>",
            headers={"Precedence": "auto_reply"},
        )
    )
    assert (seen.sender, seen.references, seen.is_automatic) == (
        "grace@x.example",
        ("<abc@example.com>",),
        True,
    )


# -- IMAP, against Dovecot ----------------------------------------------------------------------
@pytest.fixture
def imap(monkeypatch):
    import shutil
    import tempfile

    # Dovecot's own processes run as its users: its folder must be one they can reach
    folder = Path(tempfile.mkdtemp(prefix="followup-dovecot-"))
    folder.chmod(0o755)
    process, port = start_dovecot(folder / "dovecot")
    monkeypatch.setenv("TEST_IMAP_PASSWORD", PASSWORD)
    settings = ServerSettings("imap", "127.0.0.1", port, "none", USER, "TEST_IMAP_PASSWORD")
    yield settings, port
    process.terminate()
    process.wait(10)
    shutil.rmtree(folder, ignore_errors=True)


def test_polling_reads_each_message_once_with_the_uid_cursor(deps, imap):
    settings, port = imap
    append(port, message("Dana Reyes <dana@acme.example>", "Re: us", "2026-11-24T10:00:00-06:00"))
    append(
        port, message("Bot <noreply@acme.example>", "Automatic reply", "2026-11-24T10:01:00-06:00")
    )
    first = poll_mailbox(deps, settings)
    assert (first.read, first.replies, first.automatic) == (2, 1, 1)
    assert poll_mailbox(deps, settings).read == 0  # nothing new
    append(port, message("Lee Park <lee@acme.example>", "Question", "2026-11-25T09:00:00-06:00"))
    third = poll_mailbox(deps, settings)
    assert (third.read, third.replies) == (1, 1)
    with deps.store.unit_of_work(readonly=True) as uow:
        validity, last_uid = uow.inbox_cursor("INBOX")
    assert last_uid == 3
    # a new UIDVALIDITY: the mailbox is read again, and nothing is recorded twice
    with deps.store.unit_of_work() as uow:
        uow.set_inbox_cursor("INBOX", validity + 1, 3)
        uow.commit()
    again = poll_mailbox(deps, settings)
    assert (again.read, again.replies) == (3, 0)
    replies = [r.touch for r in plan_touches(deps) if r.touch.step == "reply"]
    assert sorted(t.contact for t in replies) == ["Dana Reyes", "Lee Park"]


def test_a_wrong_imap_password_is_clear_and_moves_no_cursor(deps, imap, monkeypatch):
    settings, _port = imap
    monkeypatch.setenv("TEST_IMAP_PASSWORD", "wrong")
    with pytest.raises(MailUnavailable, match=r"^imap\.password: the server at 127\.0\.0\.1"):
        poll_mailbox(deps, settings)
    with deps.store.unit_of_work(readonly=True) as uow:
        assert uow.inbox_cursor("INBOX") is None


def test_a_letter_waits_for_the_recipients_own_morning(tmp_path):
    from followup.adapters.templates import TemplateRenderer

    dossier = always_open_dossier()
    dossier["opportunities"][0]["interviews"][0]["contacts"][1]["timezone"] = "Europe/London"
    deps = Dependencies(
        SqliteStore(tmp_path / "z.sqlite3"),
        calendar_for,
        PolicyBook(None),
        clock=lambda: NOW,
        renderer=lambda: TemplateRenderer(None),
    )
    import_dossier(deps, parse_dossier(dossier))
    window = (clock_time(8, 30), clock_time(11, 30))
    # 15:00 UTC is 09:00 in Chicago (inside the window) but 15:00 in London (after it)
    to_lee = approve_letter(deps, "acme-ae", "Lee Park", "thank_you", window=window)
    to_dana = approve_letter(deps, "acme-ae", "Dana Reyes", "call", window=window)
    assert to_dana.send_after == NOW
    assert to_lee.send_after == datetime(2026, 11, 24, 8, 30, tzinfo=UTC)  # London 08:30
