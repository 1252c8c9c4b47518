"""Reading a mailbox over IMAP: the messages that came after a UID cursor (each read up to
MESSAGE_LIMIT bytes: the headers and the start of the body).

`ImapMailbox` connects when its `with` block starts and yields each new message with its UID;
it stores nothing and calls no use case: services/inbox.py `poll_inbox` records what each
message means and moves the cursor past it in one transaction. When the mailbox's UIDVALIDITY
changes, its UIDs mean other messages, so it is read again from the start (replies already
recorded are recognised and not recorded twice).
"""

from __future__ import annotations

import contextlib
import imaplib
import re
from collections.abc import Callable, Iterator
from datetime import datetime

from followup.adapters.mail.mailbox import MESSAGE_LIMIT, incoming
from followup.adapters.mail.settings import ServerSettings
from followup.domain.validation import EARLIEST, LATEST
from followup.services.inbox import Incoming
from followup.services.outbox import MailSignInFailed, MailUnavailable

# Messages fetched per round trip: each is read up to MESSAGE_LIMIT bytes (headers and the start
# of the body, where the text someone typed is), so a batch holds at most a few megabytes.
BATCH = 25


class ImapMailbox:
    def __init__(self, settings: ServerSettings) -> None:
        self._settings = settings
        self._where = f"{settings.host}:{settings.port}"
        self._client: imaplib.IMAP4 | None = None
        self.name = settings.mailbox

    def __enter__(self) -> ImapMailbox:
        settings = self._settings
        # the settings first: a missing password or CA file is one line naming it
        password = settings.password() if settings.auth != "oauth2" else ""
        if settings.security != "none":
            settings.tls_context()
        try:
            if settings.auth == "oauth2":
                client = _signed_in_xoauth2(settings, self._where)
            else:
                client = _connect(settings)
                client.login(settings.username, password)
        except imaplib.IMAP4.error as error:
            raise MailUnavailable(
                f"imap.password: the server at {self._where} refused the login for "
                f"{settings.username} ({error})"
            ) from None
        except OSError as error:
            raise MailUnavailable(
                f"imap.host: could not reach the mail server at {self._where} ({error})"
            ) from None
        self._client = client
        return self

    def __exit__(self, *exc: object) -> None:
        if self._client is not None:
            with contextlib.suppress(imaplib.IMAP4.error, OSError):
                self._client.logout()
            self._client = None

    def new_messages(
        self, cursor: tuple[int, int] | None
    ) -> tuple[int, Iterator[tuple[int, int, Incoming | None]]]:
        """How many messages came after `cursor` (UIDVALIDITY, last UID read), and each of them
        in UID order as (UIDVALIDITY, UID, the message; None when it is empty)."""
        client = self._client
        assert client is not None, "new_messages is read inside `with ImapMailbox(...)`"
        try:
            status, _ = client.select(self.name, readonly=True)
            if status != "OK":
                raise MailUnavailable(f"imap.mailbox: no mailbox {self.name!r} on the server")
            validity = int(_response(client, "UIDVALIDITY") or 0)
            last = cursor[1] if cursor and cursor[0] == validity else 0
            status, data = client.uid("SEARCH", f"UID {last + 1}:*")
        except (imaplib.IMAP4.abort, OSError) as error:
            raise self._dropped(error) from None
        uids = sorted(int(u) for u in (data[0] or b"").split() if int(u) > last)
        return len(uids), self._fetch(client, validity, uids)

    def _fetch(
        self, client: imaplib.IMAP4, validity: int, uids: list[int]
    ) -> Iterator[tuple[int, int, Incoming | None]]:
        try:
            for start in range(0, len(uids), BATCH):
                batch = uids[start : start + BATCH]
                _, fetched = client.uid(
                    "FETCH",
                    ",".join(str(u) for u in batch),
                    f"(UID INTERNALDATE BODY.PEEK[]<0.{MESSAGE_LIMIT}>)",
                )
                messages = _messages_by_uid(fetched)
                for uid in batch:
                    raw, arrived = messages.get(uid, (b"", None))
                    found = incoming(raw, received_at=arrived, where=f"UID {uid}")
                    yield validity, uid, found if raw else None
        except (imaplib.IMAP4.abort, OSError) as error:
            raise self._dropped(error) from None

    def _dropped(self, error: Exception) -> MailUnavailable:
        return MailUnavailable(
            f"imap.host: the server at {self._where} dropped the connection ({error}); every "
            "message read so far is kept, the rest are read next time"
        )


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


def _response(client: imaplib.IMAP4, code: str) -> str | None:
    _, data = client.response(code)
    return data[0].decode() if data and data[0] else None


_UID = re.compile(rb"UID (\d+)")


def _messages_by_uid(fetched: list[object]) -> dict[int, tuple[bytes, datetime | None]]:
    """UID -> (the start of the message, when it arrived on the server: INTERNALDATE, the
    server's clock, which stands in for a Date: header that cannot be true)."""
    found: dict[int, tuple[bytes, datetime | None]] = {}
    for part in fetched:
        if isinstance(part, tuple) and len(part) >= 2:
            match = _UID.search(part[0])
            if match:
                found[int(match.group(1))] = (part[1], _arrival(part[0]))
    return found


_INTERNALDATE = re.compile(rb'INTERNALDATE "([^"]+)"')


def _arrival(line: bytes) -> datetime | None:
    match = _INTERNALDATE.search(line)
    if not match:
        return None
    try:
        moment = datetime.strptime(match.group(1).decode("ascii"), "%d-%b-%Y %H:%M:%S %z")
    except (UnicodeDecodeError, ValueError):
        return None
    return moment if EARLIEST <= moment.date() <= LATEST else None
