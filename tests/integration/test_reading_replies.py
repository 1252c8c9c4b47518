"""Replies read for what they say, through the real adapters: MIME structures, charsets and
encodings to text; the SQLite store; IMAP against Dovecot; and the labelled sets."""

from __future__ import annotations

import json
import mailbox
import tracemalloc
from datetime import UTC, datetime
from email.message import EmailMessage
from pathlib import Path

import pytest

from followup.adapters.files.dossier import parse_dossier
from followup.adapters.holidays import calendar_for
from followup.adapters.mail.mailbox import incoming, read_folder
from followup.adapters.mail.text import ATTACHED, body_text, html_to_text
from followup.adapters.policies import PolicyBook
from followup.domain.replies.classify import KINDS, shipped_classifier
from followup.domain.replies.model import Reply
from followup.services.dependencies import Dependencies
from followup.services.dossier import import_dossier
from followup.services.inbox import record_replies
from followup.services.replies import pending_proposals

from .mail_support import always_open_dossier

SETS = Path(__file__).parents[2] / "bench" / "replies"
NOW = datetime(2026, 11, 23, 15, 0, tzinfo=UTC)
REJECTION = "Unfortunately we have decided to move forward with another candidate."
INVITATION = "We would like to invite you to a second interview next week."


def message(**parts: str) -> EmailMessage:
    m = EmailMessage()
    m["From"] = "Dana Reyes <dana@acme.example>"
    m["To"] = "Sam Ortiz <sam@example.com>"
    m["Subject"] = "Re: Thank you"
    m["Date"] = "Tue, 24 Nov 2026 10:00:00 -0600"
    m["Message-ID"] = parts.pop("message_id", "<x1@acme.example>")
    return m


# -- MIME to text --------------------------------------------------------------------------------
def test_nested_mixed_alternative_related_gives_the_plain_text_then_the_attached_message():
    m = message()
    m.set_content(f"Hi Sam,\n\n{REJECTION}\n")
    m.add_alternative(f"<p>Hi Sam,</p><p>{REJECTION}</p>", subtype="html")
    m.get_payload()[1].add_related(b"\x89PNG", "image", "png", cid="<logo>")
    m.make_mixed()
    m.add_attachment(INVITATION.encode(), maintype="text", subtype="plain", filename="old.txt")
    inner = EmailMessage()
    inner["From"] = "HR <hr@acme.example>"
    inner["Subject"] = "=?utf-8?q?Your_offer_=E2=80=93_AE?="
    inner.set_content("We are pleased to offer you the position.")
    m.add_attachment(inner)
    assert body_text(bytes(m)) == (
        f"Hi Sam,\n\n{REJECTION}\n\n{ATTACHED}\nFrom: HR <hr@acme.example>\n"
        "Subject: Your offer – AE\n\nWe are pleased to offer you the position."
    )
    # The sender's own decision outweighs what they attach.
    read = incoming(bytes(m))
    found = shipped_classifier().classify(read.text, read.subject, dict(read.marks))
    assert (found.kind, found.new_text) == ("rejection", f"Hi Sam,\n\n{REJECTION}")


def test_a_text_file_sent_inline_or_named_only_in_its_type_is_not_read():
    m = message()
    m.set_content("Thanks Sam, all noted. I'll come back to you next week.\n")
    m.make_mixed()
    m.add_attachment(
        b"We are delighted to offer successful candidates a competitive package.",
        maintype="text",
        subtype="plain",
        disposition="inline",
        filename="job-description.txt",
    )
    named = EmailMessage()
    named.set_content("Unfortunately relocation is not covered.", charset="utf-8")
    named.set_param("name", "faq.txt")
    m.attach(named)
    assert body_text(bytes(m)) == "Thanks Sam, all noted. I'll come back to you next week."
    read = incoming(bytes(m))
    assert shipped_classifier().classify(read.text, read.subject, dict(read.marks)).kind == "other"


def test_the_message_a_delivery_report_returns_is_not_read():
    m = message()
    m.set_content("Your message could not be delivered.")
    inner = EmailMessage()
    inner["From"] = "Sam <sam@example.com>"
    inner.set_content("I would welcome an offer.")
    m.add_attachment(inner)
    m.set_type("multipart/report")
    assert body_text(bytes(m)) == "Your message could not be delivered."


def test_a_read_receipt_or_a_delivery_report_is_a_mail_servers_whatever_it_quotes():
    for report_type, text in (
        ("disposition-notification", "Your message\n\n  Subject: Your interview\n\nwas read."),
        ("delivery-status", "Delivery has failed to these recipients: we would like to invite you"),
    ):
        m = message()
        m.replace_header("Subject", "Read: Your interview on Thursday")
        m.set_content(text)
        notice = EmailMessage()
        notice.set_content("Reporting-UA: example.com\nDisposition: automatic-action; displayed\n")
        m.add_attachment(notice)
        m.set_type("multipart/report")
        m.set_param("report-type", report_type)
        seen = incoming(bytes(m))
        assert dict(seen.marks)["report"] == report_type
        found = shipped_classifier().classify(seen.text, seen.subject, dict(seen.marks))
        assert (found.kind, found.evidence) == ("automatic", f"Report: {report_type}")
    plain = message()
    plain.set_content("We would like to invite you to an interview on Thursday at 10am.")
    assert "report" not in dict(incoming(bytes(plain)).marks)


def test_html_only_gives_what_clients_mark_as_quoted_as_quoted_lines_and_no_signature():
    markup = (
        "<html><head><style>p { color: red }</style><title>x</title></head><body>"
        f"<div dir='ltr'><p>Hi Sam,</p><p>{REJECTION}</p>"
        "<div class='gmail_signature'>Dana Reyes | We make offers daily</div></div>"
        f"<div class='gmail_quote'><div>On Mon wrote:</div><blockquote>{INVITATION}"
        "<blockquote>nested</blockquote> still quoted</blockquote></div>"
        "<p>after the quote</p></body></html>"
    )
    assert html_to_text(markup) == (
        f"Hi Sam,\n\n{REJECTION}\n\n> On Mon wrote:\n\n> {INVITATION}\n> nested\n"
        "> still quoted\n\nafter the quote"
    )
    found = shipped_classifier().classify(html_to_text(markup))
    assert (found.kind, found.new_text) == (
        "rejection",
        f"Hi Sam,\n\n{REJECTION}\n\nafter the quote",
    )


def test_outlook_html_quotes_everything_from_where_the_quoted_message_begins():
    markup = (
        f"<div>{REJECTION}</div><div id='appendonsend'></div><hr>"
        "<div id='divRplyFwdMsg'><b>From:</b> Sam</div>"
        f"<div>{INVITATION}</div>"
    )
    assert html_to_text(markup) == f"{REJECTION}\n\n> From: Sam\n\n> {INVITATION}"
    desktop = (
        f"<p class=MsoNormal>{REJECTION}</p><div style='border:none;border-top:solid #E1E1E1 "
        f"1.0pt;padding:3.0pt 0cm 0cm 0cm'><p><b>From:</b> Sam</p></div><p>{INVITATION}</p>"
    )
    assert html_to_text(desktop) == f"{REJECTION}\n\n> From: Sam\n\n> {INVITATION}"
    assert shipped_classifier().new_text(html_to_text(desktop)) == REJECTION


def test_a_plain_part_that_only_points_to_the_html_gives_way_to_it():
    m = message()
    m.set_content("To view this email in your browser, click here.")
    m.add_alternative(f"<p>{REJECTION}</p>", subtype="html")
    assert body_text(bytes(m)) == REJECTION


@pytest.mark.parametrize(
    "stub",
    [
        "Your mail program shows only plain text; this notice is written in HTML.",
        "Ce courriel est au format HTML : ouvrez-le avec une messagerie qui l'affiche.",
        "Dieser Newsletter ist im HTML-Format verfasst und wird hier nicht dargestellt.",
        "Para leer este aviso necesitas un programa de correo que muestre HTML.",
    ],
)
def test_a_short_plain_part_that_speaks_of_html_gives_way_to_the_html_in_any_language(stub):
    m = message()
    m.set_content(stub)
    m.add_alternative(f"<p>Hello,</p><p>{REJECTION}</p>", subtype="html")
    assert body_text(bytes(m)) == f"Hello,\n\n{REJECTION}"


def test_a_plain_part_that_names_html_among_its_own_words_is_kept():
    text = "Thanks for the HTML sample you sent.\n\n" + REJECTION
    m = message()
    m.set_content(text)
    m.add_alternative(f"<p>{text}</p><p>{'Footer. ' * 80}</p>", subtype="html")
    assert body_text(bytes(m)) == text


@pytest.mark.parametrize(
    ("charset", "encoding"),
    [
        ("utf-8", "base64"),
        ("utf-8", "quoted-printable"),
        ("iso-8859-1", "quoted-printable"),
        ("windows-1252", "8bit"),
        ("iso-8859-15", "base64"),
    ],
)
def test_any_charset_and_transfer_encoding_reads_the_same(charset, encoding):
    text = "Malheureusement, nous avons retenu une autre candidature pour le poste à Lyon."
    m = message()
    m.set_content(text, charset=charset, cte=encoding)
    assert body_text(bytes(m)) == text
    assert shipped_classifier().classify(body_text(bytes(m))).kind == "rejection"


def test_a_wrong_or_unknown_charset_still_reads():
    raw = (
        b"From: x@acme.example\nContent-Type: text/plain; charset=x-unknown\n\n"
        b"Leider m\xfcssen wir Ihnen absagen.\n"
    )
    assert body_text(raw) == "Leider müssen wir Ihnen absagen."
    mislabelled = b"Content-Type: text/plain; charset=utf-8\n\nCaf\xe9 \x93quoted\x94\n"
    assert body_text(mislabelled) == "Café “quoted”"


def test_broken_html_and_garbage_never_stop_the_reading():
    assert html_to_text("<div><p>unclosed <b>bold <blockquote>q") == "unclosed bold\n> q"
    assert body_text(b"\x00\xff\xfe garbage") == "ÿþ garbage"  # read as it is, less controls
    assert (
        incoming(b"\x00\xff garbage without a header\n\n\x00").text == "ÿ garbage without a header"
    )


# -- storage -------------------------------------------------------------------------------------
@pytest.fixture
def deps(database):
    """The services on the parametrised store: a SQLite file, then PostgreSQL."""
    from followup.adapters.templates import TemplateRenderer

    found = Dependencies(
        database.store(),
        calendar_for,
        PolicyBook(None),
        clock=lambda: NOW,
        renderer=lambda: TemplateRenderer(None),
    )
    import_dossier(found, parse_dossier(always_open_dossier()))
    return found


def reply(**changes: object) -> Reply:
    base = {
        "opportunity": "acme-ae",
        "contact": "Dana Reyes",
        "received_at": datetime(2026, 11, 24, 16, 0, tzinfo=UTC),
        "message_id": "<a@acme.example>",
        "subject": "Re: hi",
        "text": "Hi Sam,\n\nWe regret to inform you …",
        "kind": "rejection",
        "evidence": "We regret to inform you …",
        "proposal": "rejected",
        "status": "proposed",
    }
    base.update(changes)
    return Reply(**base)  # type: ignore[arg-type]


def test_the_sqlite_store_keeps_each_message_once_newest_first(deps):
    with deps.store.unit_of_work() as uow:
        first = uow.add_reply(reply())
        assert uow.add_reply(reply(kind="other")) is None  # the same Message-ID
        later = reply(
            message_id="",
            received_at=datetime(2026, 11, 25, 9, 0, tzinfo=UTC),
            kind="question",
            proposal=None,
            status="none",
        )
        second = uow.add_reply(later)
        assert uow.add_reply(later) is None  # no Message-ID: who and when
        uow.commit()
    with deps.store.unit_of_work() as uow:
        assert [r.id for r in uow.replies("acme-ae")] == [second, first]
        assert [r.id for r in uow.replies(status="proposed")] == [first]
        assert uow.replies(contact="Lee Park") == []
        assert uow.get_reply(first) == reply(id=first)
        uow.set_reply_status(first, "dismissed", NOW)
        uow.commit()
    with deps.store.unit_of_work(readonly=True) as uow:
        assert uow.get_reply(first).status == "dismissed"  # type: ignore[union-attr]
        assert uow.get_reply(99) is None


def test_a_huge_message_is_read_in_bounded_memory_and_still_classified(deps, tmp_path):
    m = message()
    m.set_content(f"Hi Sam,\n\n{REJECTION}\n\nDana\n")
    m.make_mixed()
    m.add_attachment(b"\0" * 30_000_000, maintype="application", subtype="zip", filename="x.zip")
    box = mailbox.mbox(tmp_path / "big.mbox")
    box.add(bytes(m))
    box.flush()
    del m, box
    tracemalloc.start()
    report = record_replies(deps, read_folder(tmp_path / "big.mbox"))
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    assert (report.replies, report.proposals) == (1, 1)
    assert peak < 8_000_000  # the 40 MB message is read up to MESSAGE_LIMIT
    assert [p.reply.evidence for p in pending_proposals(deps)] == [REJECTION]


# -- IMAP, against Dovecot -----------------------------------------------------------------------
@pytest.fixture
def imap(monkeypatch):
    import shutil
    import tempfile

    from followup.adapters.mail.settings import ServerSettings

    from .dovecot_support import PASSWORD, USER, start_dovecot

    folder = Path(tempfile.mkdtemp(prefix="followup-dovecot-"))
    folder.chmod(0o755)
    process, port = start_dovecot(folder / "dovecot")
    monkeypatch.setenv("TEST_IMAP_PASSWORD", PASSWORD)
    yield ServerSettings("imap", "127.0.0.1", port, "none", USER, "TEST_IMAP_PASSWORD"), port
    process.terminate()
    process.wait(10)
    shutil.rmtree(folder, ignore_errors=True)


def test_polling_proposes_what_replies_say_and_keeps_the_cursor(deps, imap):
    from .dovecot_support import append, poll_mailbox

    settings, port = imap
    rejection = message(message_id="<p1@acme.example>")
    rejection.set_content(f"Hi Sam,\n\n{REJECTION}\n\n> {INVITATION}\n")
    invitation = message(message_id="<p2@acme.example>")
    invitation.replace_header("From", "Lee Park <lee@acme.example>")
    invitation.set_content(f"<p>{INVITATION}</p>", subtype="html")
    append(port, bytes(rejection))
    append(port, bytes(invitation))
    first = poll_mailbox(deps, settings)
    assert (first.read, first.replies, first.automatic, first.proposals) == (2, 2, 0, 2)
    assert sorted((p.reply.contact, p.reply.proposal) for p in pending_proposals(deps)) == [
        ("Dana Reyes", "rejected"),
        ("Lee Park", "invited"),
    ]
    assert poll_mailbox(deps, settings).read == 0
    with deps.store.unit_of_work() as uow:
        validity, _ = uow.inbox_cursor("INBOX")  # type: ignore[misc]
        uow.set_inbox_cursor("INBOX", validity + 1, 2)
        uow.commit()
    again = poll_mailbox(deps, settings)  # read from the start: nothing kept twice
    assert (again.read, again.replies, again.proposals) == (2, 0, 0)
    assert len(pending_proposals(deps)) == 2


# -- the labelled sets ---------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("name", "accuracy", "recall"),
    [
        ("dev", 0.97, 0.9),
        ("dev2", 0.95, 0.9),
        ("dev3", 0.95, 0.9),
        ("dev4", 0.95, 0.9),
        ("heldout", 0.95, 0.9),
        ("heldout4", 0.95, 0.9),
        ("heldout5", 0.9, 0.75),  # measured once before and once after the rules it measures
        # written in voices of their own to tune the classes of language (each measured once
        # before it was tuned on: see its spec), then trained on
        *((f"dev{n}", 0.95, 0.9) for n in range(6, 32)),
        ("heldout6", 0.9, 0.8),  # written before the changes it measures; never tuned on
        # session 22: written from DESIGN's kinds before reading the rules; measured once, 1.000
        ("heldout7", 0.95, 0.9),
        ("heldout8", 0.95, 0.9),
    ],
)
def test_the_labelled_sets_are_read_as_labelled(name, accuracy, recall):
    folder = SETS / name
    labels = json.loads((folder / "labels.json").read_text())
    classifier = shipped_classifier()
    found = {}
    for file, kind in labels.items():
        seen = incoming((folder / file).read_bytes())
        found[file] = (kind, classifier.classify(seen.text, seen.subject, dict(seen.marks)).kind)
    right = sum(1 for k, g in found.values() if k == g)
    assert right / len(found) >= accuracy, [f for f, (k, g) in found.items() if k != g]
    for kind in KINDS:
        labelled = [g for k, g in found.values() if k == kind]
        if labelled:  # some small dev sets hold only a few kinds
            assert sum(1 for g in labelled if g == kind) / len(labelled) >= recall, kind


def test_an_interview_sent_as_a_calendar_event_is_an_invitation_whatever_the_text_says():
    m = message()
    m.set_content("Please see the details attached.")
    m.add_alternative(
        "BEGIN:VCALENDAR\r\nMETHOD:REQUEST\r\nBEGIN:VEVENT\r\nSUMMARY:Interview Sam Ortiz /\r\n "
        "Acme\r\nDTSTART:20261201T150000Z\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n",
        subtype="calendar",
    )
    seen = incoming(bytes(m))
    assert dict(seen.marks)["calendar"] == "REQUEST: Interview Sam Ortiz /Acme"
    found = shipped_classifier().classify(seen.text, seen.subject, dict(seen.marks))
    assert (found.kind, found.evidence) == (
        "invitation",
        "Calendar: REQUEST: Interview Sam Ortiz /Acme",
    )
    cancelled = message()
    cancelled.set_content("Sorry, we need to cancel.")
    cancelled.add_attachment(
        b"BEGIN:VCALENDAR\r\nMETHOD:CANCEL\r\nEND:VCALENDAR\r\n",
        maintype="text",
        subtype="calendar",
        filename="invite.ics",
    )
    seen = incoming(bytes(cancelled))
    assert dict(seen.marks)["calendar"] == "CANCEL:"
    assert shipped_classifier().classify(seen.text, seen.subject, dict(seen.marks)).kind == "other"


def test_a_public_event_sent_as_a_calendar_event_is_no_invitation():
    def event(summary: str, text: str, subject: str = "") -> str:
        m = message()
        if subject:
            m.replace_header("Subject", subject)
        m.set_content(text)
        m.add_attachment(
            "BEGIN:VCALENDAR\r\nMETHOD:PUBLISH\r\nBEGIN:VEVENT\r\nSUMMARY:"
            f"{summary}\r\nDTSTART:20270303T170000Z\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n".encode(),
            maintype="text",
            subtype="calendar",
            filename="event.ics",
        )
        seen = incoming(bytes(m))
        return shipped_classifier().classify(seen.text, seen.subject, dict(seen.marks)).kind

    invited = "You're invited!\n\nJoin us on Wednesday at noon. A calendar file is attached."
    assert event("Women in Data Engineering - live panel", invited) == "other"
    assert event("Webinar: careers in data", invited) == "other"
    panel = "Join us for a live virtual panel on Wednesday. Register for free below."
    assert event("Women in Data", panel, "You're invited: Women in Data panel") == "other"
    # the same words, but the event is the candidate's own interview
    assert event("Panel interview - Data Engineer", invited) == "invitation"
    assert event("Live panel: your second interview", invited) == "invitation"
