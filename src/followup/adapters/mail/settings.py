"""Mail settings, from `<config>/followup.toml`; passwords from the environment or the keyring.

    [smtp]
    host = "smtp.example.com"
    port = 587
    security = "starttls"        # or "tls" (implicit, port 465) or "none" (loopback tests)
    username = "sam@example.com"
    password_env = "FOLLOWUP_SMTP_PASSWORD"   # else the system keyring, service "followup-smtp"
    cafile = "/path/to/ca.pem"                # only for a server with a private certificate

    [imap]
    host = "imap.example.com"
    port = 993
    security = "tls"
    username = "sam@example.com"
    mailbox = "INBOX"
    password_env = "FOLLOWUP_IMAP_PASSWORD"   # else the keyring, service "followup-imap"

    [send_window]
    start = "08:30"
    end = "11:30"                            # "24:00": up to midnight

Passwords are never written to the database or to this file. A mailbox that takes no password
says `auth = "oauth2"` in [smtp] and [imap], and an [oauth2] table says how to sign in
(adapters/mail/oauth2.py; the sign-in is kept in the system keyring).
"""

from __future__ import annotations

import os
import ssl
import tomllib
from dataclasses import dataclass, replace
from datetime import time
from pathlib import Path
from typing import Any

from followup.adapters.mail.oauth2 import OAuth2Settings, parse_oauth2
from followup.domain.errors import BadInput, InvalidField

SECURITY = ("starttls", "tls", "none")
AUTH = ("password", "oauth2")


@dataclass(frozen=True, slots=True)
class ServerSettings:
    kind: str  # smtp or imap
    host: str
    port: int
    security: str
    username: str
    password_env: str
    mailbox: str = "INBOX"
    cafile: str | None = None  # a certificate authority to trust besides the system's
    auth: str = "password"  # or oauth2: SASL XOAUTH2 with a token from the [oauth2] sign-in
    oauth2: OAuth2Settings | None = None

    def tls_context(self) -> ssl.SSLContext:
        """Verifies the server's certificate and name, always. A CA file that is missing or not
        a certificate is a settings error naming the file, not an unreachable server."""
        field = f"{self.kind}.cafile"
        expected = "a readable certificate file (PEM)"
        if self.cafile is not None and not os.path.isfile(self.cafile):
            raise InvalidField(field, f"{expected}, {self.cafile!r} does not exist")
        try:
            return ssl.create_default_context(cafile=self.cafile)
        except (ssl.SSLError, OSError) as error:
            reason = getattr(error, "reason", None) or getattr(error, "strerror", None) or error
            raise InvalidField(
                field, f"{expected}, {self.cafile!r} is not one ({reason})"
            ) from None

    def password(self) -> str:
        """From the environment variable, else the system keyring; never stored by Followup."""
        found = os.environ.get(self.password_env)
        if found:
            return found
        try:
            import keyring

            stored = keyring.get_password(f"followup-{self.kind}", self.username)
        except Exception:
            stored = None
        if stored:
            return str(stored)
        raise BadInput(
            f"{self.kind}.password: expected the password in ${self.password_env} or in the "
            f"system keyring (service followup-{self.kind}, user {self.username})"
        )


@dataclass(frozen=True, slots=True)
class MailSettings:
    smtp: ServerSettings | None
    imap: ServerSettings | None
    window_start: time = time(8, 30)
    window_end: time = time(11, 30)
    oauth2: OAuth2Settings | None = None  # how to sign in, for `followup mail login`


def load_mail_settings(path: Path) -> MailSettings:
    data: dict[str, Any] = {}
    if path.is_file():
        try:
            data = tomllib.loads(path.read_text(encoding="utf-8"))
        except tomllib.TOMLDecodeError as error:
            raise BadInput(f"{path}: expected TOML, {error}") from None
    window = data.get("send_window", {})
    if not isinstance(window, dict):
        raise InvalidField("send_window", "a table with start and end", window)
    start = _time(window.get("start", "08:30"), "send_window.start")
    # "24:00" ends the window at midnight, so that 00:00 to 24:00 is the whole day (an end of
    # 23:59 would leave out the day's last minute)
    end_value = window.get("end", "11:30")
    end = time.max if end_value == "24:00" else _time(end_value, "send_window.end")
    if end <= start:
        raise InvalidField(
            "send_window.end", f"a time after the start ({start:%H:%M})", f"{end:%H:%M}"
        )
    smtp, imap = _server(data, "smtp", 587), _server(data, "imap", 993)
    oauth2 = _oauth2(data, [s for s in (smtp, imap) if s is not None], path.parent)
    if oauth2 is not None:
        smtp, imap = _signing_in(smtp, oauth2), _signing_in(imap, oauth2)
    return MailSettings(smtp, imap, start, end, oauth2)


def _signing_in(server: ServerSettings | None, oauth2: OAuth2Settings) -> ServerSettings | None:
    return replace(server, oauth2=oauth2) if server and server.auth == "oauth2" else server


def _oauth2(
    data: dict[str, Any], servers: list[ServerSettings], folder: Path
) -> OAuth2Settings | None:
    users = [s for s in servers if s.auth == "oauth2"]
    if "oauth2" not in data:
        if users:
            raise InvalidField(
                "oauth2", f"an [oauth2] table (provider, client_id): {users[0].kind}.auth is oauth2"
            )
        return None
    names = {s.username.lower() for s in users if s.username}
    if len(names) > 1:
        raise InvalidField(
            "imap.username",
            "the same address as smtp.username (one [oauth2] sign-in serves both)",
            next(s.username for s in users if s.kind == "imap"),
        )
    kinds = [s.kind for s in users] or ["smtp", "imap"]
    return parse_oauth2(data["oauth2"], kinds, folder)


def _server(data: dict[str, Any], kind: str, default_port: int) -> ServerSettings | None:
    section = data.get(kind)
    if section is None:
        return None
    if not isinstance(section, dict) or not section.get("host"):
        raise InvalidField(f"{kind}.host", "the mail server's host name")
    security = str(section.get("security", "starttls" if kind == "smtp" else "tls"))
    if security not in SECURITY:
        raise InvalidField(f"{kind}.security", f"one of {', '.join(SECURITY)}", security)
    auth = section.get("auth", "password")
    if auth not in AUTH:
        raise InvalidField(f"{kind}.auth", f"one of {', '.join(AUTH)}", auth)
    port = section.get("port", default_port)
    if not isinstance(port, int) or isinstance(port, bool) or not 0 < port < 65536:
        raise InvalidField(f"{kind}.port", "a port number", port)
    return ServerSettings(
        kind=kind,
        host=str(section["host"]),
        port=port,
        security=security,
        username=str(section.get("username", "")),
        password_env=str(section.get("password_env", f"FOLLOWUP_{kind.upper()}_PASSWORD")),
        mailbox=str(section.get("mailbox", "INBOX")),
        cafile=str(section["cafile"]) if section.get("cafile") else None,
        auth=auth,
    )


def _time(value: Any, field: str) -> time:
    """`"08:30"`, or a TOML local time (08:30): a local time of day without a zone."""
    if isinstance(value, time) and value.tzinfo is None:
        return value.replace(second=0, microsecond=0)
    if isinstance(value, str):
        from followup.domain.parsing import parse_time

        try:
            found = parse_time(value, field)
        except InvalidField:
            found = None
        if found is not None:
            return found
    raise InvalidField(field, "a time as HH:MM", value)
