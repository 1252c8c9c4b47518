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
from collections.abc import Callable

from followup.adapters.mail.mailbox import MESSAGE_LIMIT, incoming
from followup.adapters.mail.settings import ServerSettings
from followup.services.dependencies import Dependencies
from followup.services.inbox import InboxReport, record_replies
from followup.services.outbox import MailSignInFailed, MailUnavailable

# Messages fetched per round trip: each is read up to MESSAGE_LIMIT bytes (headers and the start
# of the body, where the text someone typed is), so a batch holds at most a few megabytes.
BATCH = 25


def poll_mailbox(deps: Dependencies, settings: ServerSettings) -> InboxReport:
    where = f"{settings.host}:{settings.port}"
    try:
        if settings.auth == "oauth2":
            client = _signed_in_xoauth2(settings, where)
        else:
            client = _connect(settings)
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


def _connect(settings: ServerSettings) -> imaplib.IMAP4:
    if settings.security == "tls":
        return imaplib.IMAP4_SSL(
            settings.host, settings.port, ssl_context=settings.tls_context(), timeout=30
        )
    client = imaplib.IMAP4(settings.host, settings.port, timeout=30)
    if settings.security == "starttls":
        client.starttls(settings.tls_context())
    return client


def _signed_in_xoauth2(settings: ServerSettings, where: str) -> imaplib.IMAP4:
    """AUTHENTICATE XOAUTH2; a token the server refuses is refreshed and tried once more, on a
    new connection (a server may hang up after a failed sign-in)."""
    from followup.adapters.mail.oauth2 import mailbox_tokens, xoauth2

    assert settings.oauth2 is not None
    tokens = mailbox_tokens(settings.oauth2, settings.username, "imap")
    token = tokens.access_token()
    for attempt in (1, 2):
        client = _connect(settings)
        if "AUTH=XOAUTH2" not in client.capabilities:
            offered = " ".join(c for c in client.capabilities if c.startswith("AUTH="))
            _logout(client)
            raise MailSignInFailed(
                f"imap.auth: the server at {where} does not offer XOAUTH2 (it offers "
                f'{offered or "no AUTHENTICATE"}); use auth = "password"'
            )
        try:
            client.authenticate("XOAUTH2", _responder(xoauth2(tokens.account, token)))
            return client
        except imaplib.IMAP4.error as error:
            _logout(client)
            if attempt == 2:
                raise MailSignInFailed(
                    f"imap.username: the server at {where} refused XOAUTH2 for "
                    f"{tokens.account} even with a fresh token ({error}); check the address and "
                    "that the mailbox allows IMAP sign-in"
                ) from None
            token = tokens.refreshed(token)
    raise AssertionError("unreachable")  # pragma: no cover


def _responder(sasl: str) -> Callable[[bytes], bytes]:
    """imaplib's SASL callback: the XOAUTH2 string to the server's empty prompt; to an error
    challenge (a JSON status the server sends before its NO), the empty answer that ends it."""

    def respond(challenge: bytes) -> bytes:
        return b"" if challenge else sasl.encode()

    return respond


def _logout(client: imaplib.IMAP4) -> None:
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
