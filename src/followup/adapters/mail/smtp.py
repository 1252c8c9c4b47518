"""Sending over SMTP: STARTTLS or implicit TLS, a login (a password, or SASL XOAUTH2 with an
OAuth2 access token), and one connection for many letters.

Errors are sorted by what they mean for the letter: a connection or login that fails means
nothing was sent (MailUnavailable); a message the server refuses will not go as it is
(MailRejected); anything that breaks while the message is being handed over leaves it
uncertain, and the dispatcher treats it so.
"""

from __future__ import annotations

import smtplib
from collections.abc import Callable
from datetime import datetime
from email.headerregistry import Address
from email.message import EmailMessage
from email.utils import format_datetime
from typing import TYPE_CHECKING

from followup.adapters.mail.settings import ServerSettings
from followup.domain.errors import FollowupError
from followup.domain.model import Candidate
from followup.services.outbox import (
    MailNotConfigured,
    MailRejected,
    MailSignInFailed,
    MailUnavailable,
)
from followup.services.storage import OutboxItem

if TYPE_CHECKING:
    from followup.adapters.mail.oauth2 import MailboxTokens

# What a server says at MAIL FROM when it holds a session to its OAuth2 token's life and the
# token has ended: nothing was taken, so a new connection with a new token may try once more.
SIGN_IN_LAPSED = (454, 530, 535)


def outbox_message(item: OutboxItem, sender: Candidate, now: datetime) -> EmailMessage:
    message = EmailMessage()
    user, _, domain = sender.email.rpartition("@")
    message["From"] = Address(display_name=sender.name, username=user, domain=domain)
    to_user, _, to_domain = item.to_address.rpartition("@")
    message["To"] = Address(display_name=item.to_name, username=to_user, domain=to_domain)
    message["Subject"] = item.subject
    message["Date"] = format_datetime(now)
    message["Message-ID"] = item.message_id
    message.set_content(item.body, charset="utf-8")
    return message


class SmtpMailer:
    """Connects on the first letter, not before, and reuses the connection after."""

    def __init__(self, settings: ServerSettings, timeout: float = 30) -> None:
        self._settings = settings
        self._timeout = timeout
        self._connection: smtplib.SMTP | None = None
        self._tokens: MailboxTokens | None = None  # with auth = "oauth2"
        self._token: str | None = None  # the access token this connection signed in with
        self._refused: str | None = None  # one the server stopped taking

    def __enter__(self) -> SmtpMailer:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def send(self, item: OutboxItem, sender: Candidate) -> None:
        self._send(item, sender, again=self._settings.auth == "oauth2")

    def _send(self, item: OutboxItem, sender: Candidate, again: bool) -> None:
        connection = self._connected()
        message = outbox_message(item, sender, datetime.now().astimezone())
        try:
            refused = connection.send_message(message)
        except smtplib.SMTPRecipientsRefused as error:
            raise MailRejected(
                f"{item.to_address}: the server refused the address ({_reason(error.recipients)})"
            ) from None
        except (smtplib.SMTPSenderRefused, smtplib.SMTPDataError) as error:
            text = error.smtp_error
            said = text.decode(errors="replace") if isinstance(text, bytes) else text
            lapsed = isinstance(error, smtplib.SMTPSenderRefused) and self._token is not None
            if again and lapsed and error.smtp_code in SIGN_IN_LAPSED:
                self._refused = self._token
                self.close()
                return self._send(item, sender, again=False)
            if 500 <= error.smtp_code < 600:
                raise MailRejected(
                    f"the server refused the letter ({error.smtp_code} {said})"
                ) from None
            if 400 <= error.smtp_code < 500:  # "not now": the server kept nothing
                self._connection = None
                raise MailUnavailable(
                    f"smtp.host: the mail server is not taking mail now ({error.smtp_code} "
                    f"{said}); the letter waits for the next run"
                ) from None
            raise
        if refused:
            raise MailRejected(f"{item.to_address}: the server refused the address")

    def close(self) -> None:
        if self._connection is not None:
            try:
                self._connection.quit()
            except (smtplib.SMTPException, OSError):
                self._connection.close()
            self._connection = None

    def _connected(self) -> smtplib.SMTP:
        if self._connection is not None:
            try:
                if self._connection.noop()[0] == 250:
                    return self._connection
            except (smtplib.SMTPException, OSError):
                pass
            self._connection = None  # dropped while idle: a new one, before anything is sent
        settings = self._settings
        where = f"{settings.host}:{settings.port}"
        try:  # the settings first: a missing password or CA file is not an unreachable server
            signs_in = settings.username and settings.auth != "oauth2"
            password = settings.password() if signs_in else ""
            context = settings.tls_context()
        except FollowupError as error:
            raise MailNotConfigured(str(error), error.field) from None
        try:
            if settings.security == "tls":
                connection: smtplib.SMTP = smtplib.SMTP_SSL(
                    settings.host, settings.port, timeout=self._timeout, context=context
                )
            else:
                connection = smtplib.SMTP(settings.host, settings.port, timeout=self._timeout)
                if settings.security == "starttls":
                    connection.starttls(context=context)
            if settings.auth == "oauth2":
                self._xoauth2(connection, where)
            elif settings.username:
                connection.login(settings.username, password)
        except smtplib.SMTPAuthenticationError:
            raise MailUnavailable(
                f"smtp.password: the server at {where} refused the login for "
                f"{settings.username}; check the password"
            ) from None
        except (smtplib.SMTPException, OSError) as error:
            raise MailUnavailable(
                f"smtp.host: could not reach the mail server at {where} ({error})"
            ) from None
        self._connection = connection
        return connection

    def _xoauth2(self, connection: smtplib.SMTP, where: str) -> None:
        """SASL XOAUTH2; a token the server refuses is refreshed and tried once more."""
        from followup.adapters.mail.oauth2 import mailbox_tokens

        settings = self._settings
        assert settings.oauth2 is not None
        try:
            connection.ehlo_or_helo_if_needed()
            offered = connection.esmtp_features.get("auth", "").upper().split()
            if "XOAUTH2" not in offered:
                raise MailSignInFailed(
                    f"smtp.auth: the server at {where} does not offer XOAUTH2 (it offers "
                    f'{" ".join(offered) or "no AUTH at all"}); use auth = "password"'
                )
            if self._tokens is None:
                self._tokens = mailbox_tokens(settings.oauth2, settings.username, "smtp")
            tokens = self._tokens
            token = tokens.refreshed(self._refused) if self._refused else tokens.access_token()
            self._refused = None
            try:
                connection.auth("XOAUTH2", _responder(tokens.account, token))
            except smtplib.SMTPAuthenticationError:
                token = tokens.refreshed(token)  # refused before its time: once more, fresh
                try:
                    connection.auth("XOAUTH2", _responder(tokens.account, token))
                except smtplib.SMTPAuthenticationError as error:
                    if 400 <= error.smtp_code < 500:  # 454: it could not check the token now
                        raise MailUnavailable(
                            f"smtp.host: the server at {where} could not check the sign-in now "
                            f"({error.smtp_code} {_text(error.smtp_error)}); the letters wait"
                        ) from None
                    raise MailSignInFailed(
                        f"smtp.username: the server at {where} refused XOAUTH2 for "
                        f"{tokens.account} even with a fresh token ({error.smtp_code} "
                        f"{_text(error.smtp_error)}); check the address and that the mailbox "
                        "allows SMTP sign-in"
                    ) from None
        except BaseException:
            connection.close()
            raise
        self._token = token


def _responder(user: str, token: str) -> Callable[..., str]:
    """smtplib's SASL callback: the XOAUTH2 string first; to an error challenge (a JSON status
    the server sends before its 535), the empty answer that ends the exchange."""
    from followup.adapters.mail.oauth2 import xoauth2

    def respond(challenge: bytes | None = None) -> str:
        return xoauth2(user, token) if challenge is None else ""

    return respond


def _text(said: bytes | str) -> str:
    return said.decode(errors="replace") if isinstance(said, bytes) else said


def _reason(recipients: dict[str, tuple[int, bytes]]) -> str:
    return "; ".join(
        f"{code} {text.decode(errors='replace')}" for code, text in recipients.values()
    )
