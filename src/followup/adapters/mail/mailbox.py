"""Reading incoming mail: the headers and the first `MESSAGE_LIMIT` bytes of the body, whatever
the message's size or encoding; from an mbox file, a Maildir folder, or an IMAP mailbox with a
UID cursor."""

from __future__ import annotations

import mailbox
import re
from collections.abc import Iterator
from email.parser import BytesHeaderParser
from email.policy import compat32
from email.utils import getaddresses, parsedate_to_datetime
from pathlib import Path

from followup.domain.errors import BadInput
from followup.services.inbox import Incoming

_IDS = re.compile(r"<[^<>\s]+>")
_PARSER = BytesHeaderParser(policy=compat32)
HEADER_LIMIT = 256 * 1024  # a header block larger than this is not a letter anyone wrote
# What is read of a message, headers included: the text someone typed comes first, before any
# attachment, and is a few kilobytes; a message of 40 MB costs no more than this.
MESSAGE_LIMIT = 256 * 1024
# The headers that say a message was sent by a machine, kept for the classifier.
AUTOMATIC_MARKS = (
    "auto-submitted",
    "x-autoreply",
    "x-autorespond",
    "precedence",
    "x-auto-response-suppress",
)


def incoming(raw: bytes, with_text: bool = True) -> Incoming:
    """The headers Followup reads, and the body as text (`with_text`). A malformed or non-UTF-8
    header is read as far as it can be; it never stops the rest of the mailbox."""
    head = raw[:HEADER_LIMIT]
    end = head.find(b"\n\n")
    end_crlf = head.find(b"\r\n\r\n")
    cut = min(x for x in (end, end_crlf, len(head)) if x >= 0)
    message = _PARSER.parsebytes(head[:cut] + b"\n\n")

    def text(name: str) -> str:
        value = message.get(name)
        return str(value) if value is not None else ""

    senders = getaddresses([text("From")])
    sender = senders[0][1].lower() if senders else ""
    references = tuple(dict.fromkeys(_IDS.findall(text("In-Reply-To") + " " + text("References"))))
    try:
        sent_at = parsedate_to_datetime(text("Date")) if text("Date") else None
        if sent_at is not None and sent_at.tzinfo is None:
            sent_at = None
    except (TypeError, ValueError, IndexError):
        sent_at = None
    auto = text("Auto-Submitted").strip().lower()
    precedence = text("Precedence").strip().lower()
    automatic = (
        auto not in ("", "no")
        or bool(text("X-Autoreply"))
        or bool(text("X-Autorespond"))
        or precedence in ("auto_reply", "bulk", "junk")
    )
    marks = tuple((name, text(name).strip()) for name in AUTOMATIC_MARKS if text(name).strip())
    if sender:  # a no-reply or applicant-tracking address is a mark too (rules.json `headers`)
        marks += (("from", sender),)
    body, calendar = _body(raw[:MESSAGE_LIMIT]) if with_text else ("", "")
    if calendar:  # an event sent as a calendar invitation (rules.json `headers`: calendar)
        marks += (("calendar", calendar),)
    ids = _IDS.findall(text("Message-ID"))
    return Incoming(
        sender,
        references,
        sent_at,
        _decoded(text("Subject")),
        automatic,
        body,
        ids[0] if ids else "",
        marks,
    )


def _body(raw: bytes) -> tuple[str, str]:
    from followup.adapters.mail.text import read_body

    try:
        found = read_body(raw)
    except (LookupError, ValueError, TypeError, AttributeError, IndexError):
        return "", ""  # a body the parser cannot read still leaves the headers
    return found.text, found.calendar


def _decoded(subject: str) -> str:
    from email.header import decode_header, make_header

    try:
        return str(make_header(decode_header(subject)))
    except (UnicodeDecodeError, LookupError, ValueError):
        return subject


def read_folder(path: Path) -> Iterator[Incoming]:
    """Messages of an mbox file or a Maildir folder."""
    if path.is_dir():
        if not (path / "cur").is_dir() and not (path / "new").is_dir():
            raise BadInput(
                f"FILE: expected an mbox file or a Maildir folder (with cur/ and "
                f"new/), {str(path)!r} is neither"
            )
        box: mailbox.Mailbox = mailbox.Maildir(path, factory=None, create=False)
    elif path.is_file():
        box = mailbox.mbox(path, factory=None, create=False)
    else:
        raise BadInput(
            f"FILE: expected an mbox file or a Maildir folder, {str(path)!r} does not exist"
        )
    for key in box.iterkeys():
        handle = box.get_file(key)
        try:
            raw = handle.read(MESSAGE_LIMIT)
        finally:
            handle.close()
        yield incoming(raw)
