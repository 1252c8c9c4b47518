"""Polling the mailbox over IMAP with a stored UID cursor.

Only messages with a UID above the cursor are read, in order; the cursor moves past each message
in the same transaction as what the message caused, so a failure never skips one. When the
mailbox's UIDVALIDITY changes, its UIDs mean other messages: it is read again from the start
(replies already recorded are recognised and not recorded twice).
"""

from __future__ import annotations

import contextlib
import imaplib
import re

from followup.adapters.mail.mailbox import MESSAGE_LIMIT, incoming
from followup.adapters.mail.settings import ServerSettings
from followup.services.dependencies import Dependencies
from followup.services.inbox import InboxReport, record_replies
from followup.services.outbox import MailUnavailable

# Messages fetched per round trip: each is read up to MESSAGE_LIMIT bytes (headers and the start
# of the body, where the text someone typed is), so a batch holds at most a few megabytes.
BATCH = 25


def poll_mailbox(deps: Dependencies, settings: ServerSettings) -> InboxReport:
    where = f"{settings.host}:{settings.port}"
    try:
        if settings.security == "tls":
            client: imaplib.IMAP4 = imaplib.IMAP4_SSL(
                settings.host, settings.port, ssl_context=settings.tls_context(), timeout=30
            )
        else:
            client = imaplib.IMAP4(settings.host, settings.port, timeout=30)
            if settings.security == "starttls":
                client.starttls(settings.tls_context())
        client.login(settings.username, settings.password())
    except imaplib.IMAP4.error as error:
        raise MailUnavailable(
            f"imap.password: the server at {where} refused the login for "
            f"{settings.username} ({error})"
        ) from None
    except OSError as error:
        raise MailUnavailable(
            f"imap.host: could not reach the mail server at {where} ({error})"
        ) from None
    try:
        return _read_new(deps, client, settings.mailbox)
    except (imaplib.IMAP4.abort, OSError) as error:
        raise MailUnavailable(
            f"imap.host: the server at {where} dropped the connection ({error}); every message "
            "read so far is kept, the rest are read next time"
        ) from None
    finally:
        with contextlib.suppress(imaplib.IMAP4.error, OSError):
            client.logout()


def _read_new(deps: Dependencies, client: imaplib.IMAP4, mailbox: str) -> InboxReport:
    status, _ = client.select(mailbox, readonly=True)
    if status != "OK":
        raise MailUnavailable(f"imap.mailbox: no mailbox {mailbox!r} on the server")
    validity = int(_response(client, "UIDVALIDITY") or 0)
    with deps.store.unit_of_work(readonly=True) as uow:
        cursor = uow.inbox_cursor(mailbox)
    last = cursor[1] if cursor and cursor[0] == validity else 0
    status, data = client.uid("SEARCH", f"UID {last + 1}:*")
    uids = sorted(int(u) for u in (data[0] or b"").split() if int(u) > last)
    totals = [0, 0, 0, 0]
    for start in range(0, len(uids), BATCH):
        batch = uids[start : start + BATCH]
        status, fetched = client.uid(
            "FETCH", ",".join(str(u) for u in batch), f"(UID BODY.PEEK[]<0.{MESSAGE_LIMIT}>)"
        )
        messages = _messages_by_uid(fetched)
        for uid in batch:
            raw = messages.get(uid, b"")
            with deps.store.unit_of_work() as uow:
                report = record_replies(deps, [incoming(raw)], uow) if raw else None
                uow.set_inbox_cursor(mailbox, validity, uid)
                uow.commit()
            totals[0] += 1
            if report is not None:
                totals[1] += report.replies
                totals[2] += report.automatic
                totals[3] += report.proposals
    return InboxReport(*totals)


def _response(client: imaplib.IMAP4, code: str) -> str | None:
    _, data = client.response(code)
    return data[0].decode() if data and data[0] else None


_UID = re.compile(rb"UID (\d+)")


def _messages_by_uid(fetched: list[object]) -> dict[int, bytes]:
    found: dict[int, bytes] = {}
    for part in fetched:
        if isinstance(part, tuple) and len(part) >= 2:
            match = _UID.search(part[0])
            if match:
                found[int(match.group(1))] = part[1]
    return found
