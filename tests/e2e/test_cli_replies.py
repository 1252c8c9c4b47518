"""`followup inbox classify` and `followup inbox review`, as a user runs them."""

from __future__ import annotations

import json
import mailbox
import time
from email.message import EmailMessage

from .conftest import DATA

INVITATION_QUOTED = (
    "<div>On Mon, Nov 9, 2026 at 10:00 AM Lee Park wrote:</div>"
    '<blockquote class="gmail_quote">We would like to invite you to a second interview.'
    "</blockquote>"
)


def rejection(message_id: str = "<r1@acme.example>") -> bytes:
    """A rejection in HTML only, quoting an invitation, with a disclaimer that names an offer."""
    message = EmailMessage()
    message["From"] = "Dana Reyes <dana@acme.example>"
    message["To"] = "Sam Ortiz <sam@example.com>"
    message["Subject"] = "Re: Interview invitation"
    message["Date"] = "Tue, 19 Jan 2027 16:30:00 -0600"
    message["Message-ID"] = message_id
    message.set_content(
        '<html><body><div dir="ltr"><p>Hi Sam,</p><p>Thank you for your time. '
        "After careful consideration, we have decided not to proceed with your application."
        '</p><p>Best,<br>Dana</p></div><p style="font-size:9px">This email does not '
        'constitute an offer of employment.</p><div class="gmail_quote">'
        f"{INVITATION_QUOTED}</div></body></html>",
        subtype="html",
        charset="iso-8859-1",
        cte="quoted-printable",
    )
    return bytes(message)


def test_classify_prints_exactly_kind_and_evidence(cli, tmp_path):
    path = tmp_path / "reply.eml"
    path.write_bytes(rejection())
    result = cli("inbox", "classify", str(path), "--json")
    assert (result.code, result.err) == (0, "")
    assert json.loads(result.out) == {
        "kind": "rejection",
        "evidence": "After careful consideration, we have decided not to proceed with your "
        "application.",
    }
    human = cli("inbox", "classify", str(path))
    assert human.out == (
        "rejection: After careful consideration, we have decided not to proceed with your "
        "application.\n"
    )
    assert not cli.database.exists()  # reading one message stores nothing


def test_classify_says_other_with_no_evidence_when_nothing_is_decided(cli, tmp_path):
    path = tmp_path / "thanks.eml"
    path.write_bytes(b"From: Dana <dana@acme.example>\nSubject: Re: hi\n\nThanks, got it!\n")
    result = cli("inbox", "classify", str(path), "--json")
    assert json.loads(result.out) == {"kind": "other", "evidence": ""}


def test_classify_refuses_a_missing_or_empty_file_in_one_line(cli, tmp_path):
    missing = cli("inbox", "classify", str(tmp_path / "nope.eml"))
    assert (missing.code, missing.out) == (2, "")
    assert missing.err.count("\n") == 1 and "FILE: expected a readable file" in missing.err
    (tmp_path / "empty.eml").write_bytes(b"")
    empty = cli("inbox", "classify", str(tmp_path / "empty.eml"))
    assert (empty.code, empty.err.count("\n")) == (2, 1)
    assert "FILE: expected a message (.eml)" in empty.err


def test_classify_refuses_a_file_that_is_no_message_in_one_line(cli, tmp_path):
    """A photo or an archive picked by mistake is named as such, not read as a "question"."""
    picked = tmp_path / "scan.eml"
    picked.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4)
    result = cli("inbox", "classify", str(picked))
    assert (result.code, result.out) == (2, "")
    assert result.err == (
        f"followup: error: FILE: expected a message (.eml), {str(picked)!r} is binary\n"
    )


def test_imported_replies_propose_and_review_confirms(cli, tmp_path):
    assert cli("import", str(DATA / "acme-first.json")).code == 0
    box = mailbox.mbox(tmp_path / "in.mbox")
    arrived = mailbox.mboxMessage(rejection())
    # delivered as it was sent: the mbox From_ line is the arrival time the reader believes
    arrived.set_from("dana@acme.example", time.gmtime(1800397800))  # 2027-01-19 22:30 UTC
    box.add(arrived)
    box.flush()
    imported = cli("inbox", "import", str(tmp_path / "in.mbox"))
    assert imported.out == (
        "Read 1 messages: 1 replies recorded, 0 automatic answers left alone.\n"
        "1 of them propose an event (invited, rejected, offer): review with "
        "`followup inbox review`.\n"
    )
    listed = json.loads(cli("inbox", "review", "--json").out)
    assert listed == [
        {
            "id": 1,
            "opportunity": "acme-ae",
            "company": "Acme Corp",
            "contact": "Dana Reyes",
            "kind": "rejection",
            "event": "rejected",
            "evidence": "After careful consideration, we have decided not to proceed with your "
            "application.",
            "subject": "Re: Interview invitation",
            "received": "2027-01-19T22:30:00+00:00",
        }
    ]
    human = cli("inbox", "review")
    assert human.out.startswith("#1    rejected Acme Corp (acme-ae) — Dana Reyes, ")
    plan = json.loads(cli("plan", "--json").out)
    assert not [t for t in plan if t["step"] == "stay_in_touch"]
    confirmed = cli("inbox", "review", "confirm", "1")
    assert confirmed.out == "Recorded: rejected (acme-ae), from Dana Reyes's message.\n"
    plan = json.loads(cli("plan", "--json").out)
    assert [(t["step"], t["due"]) for t in plan if t["step"] == "stay_in_touch"] == [
        ("stay_in_touch", "2027-01-21")
    ]
    assert cli("inbox", "review").out == "Nothing to review: no reply proposes an event.\n"
    before = cli.dump()
    again = cli("inbox", "review", "dismiss", "1")
    assert (again.code, again.err) == (
        2,
        "followup: error: ID: proposal 1 was already confirmed; nothing changed\n",
    )
    bad = cli("inbox", "review", "confirm", "x")
    assert bad.code == 2 and "ID: expected the proposal's number" in bad.err
    assert cli.dump() == before
