"""Sending over SMTP: STARTTLS or implicit TLS, a login, and one connection for many letters.

Errors are sorted by what they mean for the letter: a connection or login that fails means
nothing was sent (MailUnavailable); a message the server refuses will not go as it is
(MailRejected); anything that breaks while the message is being handed over leaves it
uncertain, and the dispatcher treats it so.
"""

from __future__ import annotations

import smtplib
from datetime import datetime
from email.headerregistry import Address
from email.message import EmailMessage
from email.utils import format_datetime

from followup.adapters.mail.settings import ServerSettings
from followup.domain.model import Candidate
from followup.services.outbox import MailRejected, MailUnavailable
from followup.services.storage import OutboxItem


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

    def __enter__(self) -> SmtpMailer:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def send(self, item: OutboxItem, sender: Candidate) -> None:
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
        try:
            context = settings.tls_context()
            if settings.security == "tls":
                connection: smtplib.SMTP = smtplib.SMTP_SSL(
                    settings.host, settings.port, timeout=self._timeout, context=context
                )
            else:
                connection = smtplib.SMTP(settings.host, settings.port, timeout=self._timeout)
                if settings.security == "starttls":
                    connection.starttls(context=context)
            if settings.username:
                connection.login(settings.username, settings.password())
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


def _reason(recipients: dict[str, tuple[int, bytes]]) -> str:
    return "; ".join(
        f"{code} {text.decode(errors='replace')}" for code, text in recipients.values()
    )
