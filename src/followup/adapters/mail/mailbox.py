"""Reading incoming mail: the headers and the first `MESSAGE_LIMIT` bytes of the body, whatever
the message's size or encoding; from an mbox file, a Maildir folder, or an IMAP mailbox with a
UID cursor.

Memory stays bounded by MESSAGE_LIMIT whatever a message's size: an mbox is streamed line by
line in pieces (a 200 MB line is never held), a Maildir file is read no further. Only regular
files are opened, without blocking (a FIFO, a device, a folder or a dangling link in a Maildir
is skipped with its reason, never waited on). Each message carries when it arrived (a Maildir
file's time, an mbox `From ` line, IMAP's INTERNALDATE), which stands in for a `Date:` header
that cannot be true (services/inbox.py, moment_of).
"""

from __future__ import annotations

import errno
import os
import re
import stat
from collections.abc import Iterator
from datetime import UTC, datetime
from email.parser import BytesHeaderParser
from email.policy import compat32
from email.utils import getaddresses, parsedate_to_datetime
from pathlib import Path

from followup.domain.errors import BadInput
from followup.domain.validation import EARLIEST, LATEST
from followup.services.inbox import Incoming

_IDS = re.compile(r"<[^<>\s]+>")
_PARSER = BytesHeaderParser(policy=compat32)
# multipart/report's report-type: "disposition-notification" (a read receipt), "delivery-status"
# (a bounce) — RFC 6522.
_REPORT = re.compile(
    r"^\s*multipart/report\s*;(?:.*;)?\s*report-type\s*=\s*\"?([\w-]+)", re.IGNORECASE | re.DOTALL
)
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


def incoming(
    raw: bytes,
    with_text: bool = True,
    *,
    received_at: datetime | None = None,
    where: str = "",
) -> Incoming:
    """The headers Followup reads, and the body as text (`with_text`). A malformed or non-UTF-8
    header is read as far as it can be; it never stops the rest of the mailbox, and it never
    raises (bench/fuzz_mail.py)."""
    head = raw[:HEADER_LIMIT]
    end = head.find(b"\n\n")
    end_crlf = head.find(b"\r\n\r\n")
    cut = min(x for x in (end, end_crlf, len(head)) if x >= 0)
    try:
        message = _PARSER.parsebytes(head[:cut] + b"\n\n")
    except Exception:  # the stdlib parser is lenient; this is the last line of defence
        return Incoming("", (), None, received_at=received_at, where=where)

    def text(name: str) -> str:
        try:
            value = message.get(name)
            return str(value) if value is not None else ""
        except Exception:
            return ""

    try:
        senders = getaddresses([text("From")])
        sender = senders[0][1].lower() if senders else ""
    except Exception:
        sender = ""
    references = tuple(dict.fromkeys(_IDS.findall(text("In-Reply-To") + " " + text("References"))))
    sent_at = sent_date(text("Date"))
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
    report = _REPORT.search(text("Content-Type"))
    if report:  # a read receipt or a delivery report: a mail server wrote it (rules.json `headers`)
        marks += (("report", report.group(1).lower()),)
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
        received_at=received_at,
        where=where,
    )


def sent_date(value: str) -> datetime | None:
    """The `Date:` header as an aware time, or None when there is none, it is malformed, it has
    no zone, or it lies outside the years Followup keeps (9999 would overflow later)."""
    if not value:
        return None
    try:
        found = parsedate_to_datetime(value)
        if found is None or found.tzinfo is None:
            return None
        moment = found.astimezone(UTC)
    except (TypeError, ValueError, IndexError, OverflowError):
        return None
    return moment if EARLIEST <= moment.date() <= LATEST else None


def _body(raw: bytes) -> tuple[str, str]:
    from followup.adapters.mail.text import read_body

    try:
        found = read_body(raw)
    except Exception:
        return "", ""  # a body the parser cannot read still leaves the headers
    return found.text, found.calendar


def _decoded(subject: str) -> str:
    from email.header import decode_header, make_header

    try:
        return str(make_header(decode_header(subject)))
    except Exception:
        return subject


def read_folder(path: Path) -> Iterator[Incoming]:
    """Messages of an mbox file or a Maildir folder."""
    try:
        mode = os.stat(path).st_mode
    except OSError:
        raise BadInput(
            f"FILE: expected an mbox file or a Maildir folder, {str(path)!r} does not exist"
        ) from None
    if stat.S_ISDIR(mode):
        if not (path / "cur").is_dir() and not (path / "new").is_dir():
            raise BadInput(
                f"FILE: expected an mbox file or a Maildir folder (with cur/ and "
                f"new/), {str(path)!r} is neither"
            )
        return _maildir(path)
    if not stat.S_ISREG(mode):
        raise BadInput(
            f"FILE: expected an mbox file or a Maildir folder, {str(path)!r} is not a regular file"
        )
    return _mbox(path)


def _maildir(folder: Path) -> Iterator[Incoming]:
    for sub in ("new", "cur"):
        try:
            names = sorted(n for n in os.listdir(folder / sub) if not n.startswith("."))
        except OSError:
            continue
        for name in names:
            where = f"{sub}/{name}"
            try:
                fd = os.open(folder / sub / name, os.O_RDONLY | os.O_NONBLOCK)
            except OSError as error:
                if error.errno in (errno.ENOENT, errno.ELOOP):
                    reason = "cannot be read (a dangling link?)"
                elif error.errno == errno.EISDIR:
                    reason = "not a regular file"
                else:
                    reason = f"cannot be read ({error.strerror})"
                yield Incoming("", (), None, where=where, problem=reason)
                continue
            try:
                info = os.fstat(fd)
                if not stat.S_ISREG(info.st_mode):
                    yield Incoming("", (), None, where=where, problem="not a regular file")
                    continue
                raw = _read_start(fd)
            except OSError as error:
                problem = f"cannot be read ({error.strerror})"
                yield Incoming("", (), None, where=where, problem=problem)
                continue
            finally:
                os.close(fd)
            yield incoming(raw, received_at=_file_time(info.st_mtime), where=where)


def _file_time(seconds: float) -> datetime | None:
    """When a Maildir file arrived (its time), if that is a time at all (2000–2099)."""
    try:
        moment = datetime.fromtimestamp(seconds, UTC)
    except (OverflowError, ValueError, OSError):
        return None
    return moment if EARLIEST <= moment.date() <= LATEST else None


def _read_start(fd: int) -> bytes:
    """The first MESSAGE_LIMIT bytes of a file (headers and the start of the text)."""
    data = b""
    while len(data) < MESSAGE_LIMIT:
        chunk = os.read(fd, MESSAGE_LIMIT - len(data))
        if not chunk:
            break
        data += chunk
    return data


_CHUNK = 64 * 1024
_FROM_TIME = re.compile(rb"^From \S+\s+(.+?)\s*$")


def _mbox(path: Path) -> Iterator[Incoming]:
    """An mbox, streamed: each `From ` line starts a message, whose first MESSAGE_LIMIT bytes are
    kept; the rest is skipped line by line in 64 KB pieces, so no line or message is ever held
    whole."""
    count = 0
    kept: list[bytes] = []
    size = 0
    arrived: datetime | None = None
    started = False
    at_line_start = True
    with open(path, "rb") as handle:
        while True:
            line = handle.readline(_CHUNK)
            if not line:
                break
            starts = at_line_start
            at_line_start = line.endswith(b"\n")
            if starts and line.startswith(b"From "):
                if started:
                    count += 1
                    yield incoming(b"".join(kept), received_at=arrived, where=f"message {count}")
                started, kept, size = True, [], 0
                arrived = _from_line_time(line)
                continue
            started = True  # no `From ` line first: the file starts a message all the same
            if size < MESSAGE_LIMIT:
                kept.append(line[: MESSAGE_LIMIT - size])
                size += len(kept[-1])
    if started:
        count += 1
        yield incoming(b"".join(kept), received_at=arrived, where=f"message {count}")


def _from_line_time(line: bytes) -> datetime | None:
    """The delivery time of an mbox `From sender Tue Nov 24 17:00:00 2026` line (UTC)."""
    found = _FROM_TIME.match(line[:200])
    if not found:
        return None
    try:
        moment = datetime.strptime(found.group(1).decode("ascii"), "%a %b %d %H:%M:%S %Y")
    except (UnicodeDecodeError, ValueError):
        return None
    moment = moment.replace(tzinfo=UTC)
    return moment if EARLIEST <= moment.date() <= LATEST else None
