"""A real IMAP server for the mail tests: Debian's Dovecot, started on loopback with its own
throwaway configuration, one user, and a Maildir the tests fill through IMAP APPEND."""

from __future__ import annotations

import os
import pwd
import subprocess
import time
from pathlib import Path

from ..system import require_program
from .mail_support import free_port

USER, PASSWORD = "sam", "imap-secret"


def start_dovecot(
    folder: Path, introspection: str | None = None
) -> tuple[subprocess.Popen[bytes], int]:
    """With `introspection` (an RFC 7662 endpoint with credentials in it), Dovecot signs users in
    with its oauth2 passdb only, and offers XOAUTH2 and OAUTHBEARER alone."""
    dovecot = require_program("dovecot", apt="dovecot-imapd", path="/usr/sbin/dovecot")
    port = free_port()
    owner = pwd.getpwnam("nobody")
    for sub in ("run", "state", "mail", "home"):
        (folder / sub).mkdir(parents=True, exist_ok=True)
    for sub in ("mail", "home"):
        os.chown(folder / sub, owner.pw_uid, owner.pw_gid)
    os.chmod(folder, 0o755)
    (folder / "passwd").write_text(f"{USER}:{{PLAIN}}{PASSWORD}::::::\n")
    config = folder / "dovecot.conf"
    mechanisms, passdb = (
        "plain login",
        f"""passdb {{
  driver = passwd-file
  args = scheme=PLAIN username_format=%u {folder}/passwd
}}""",
    )
    if introspection:
        (folder / "dovecot-oauth2.conf.ext").write_text(
            f"introspection_mode = post\nintrospection_url = {introspection}\n"
            "username_attribute = username\nactive_attribute = active\nactive_value = true\n"
            "force_introspection = yes\n"
        )
        mechanisms, passdb = (
            "xoauth2 oauthbearer",
            f"""passdb {{
  driver = oauth2
  mechanisms = xoauth2 oauthbearer
  args = {folder}/dovecot-oauth2.conf.ext
}}""",
        )
    internal = "dovecot" if _exists("dovecot") else "nobody"
    login = "dovenull" if _exists("dovenull") else "nobody"
    config.write_text(f"""
base_dir = {folder}/run
state_dir = {folder}/state
log_path = {folder}/dovecot.log
protocols = imap
listen = 127.0.0.1
ssl = no
disable_plaintext_auth = no
auth_mechanisms = {mechanisms}
auth_failure_delay = 0
mail_location = maildir:{folder}/mail/%u
first_valid_uid = {owner.pw_uid}
default_internal_user = {internal}
default_login_user = {login}
{passdb}
userdb {{
  driver = static
  args = uid={owner.pw_uid} gid={owner.pw_gid} home={folder}/home/%u
}}
service imap-login {{
  inet_listener imap {{
    address = 127.0.0.1
    port = {port}
  }}
  inet_listener imaps {{
    port = 0
  }}
}}
service anvil {{
  chroot =
}}
service imap-login {{
  chroot =
}}
""")
    process = subprocess.Popen(
        [dovecot, "-F", "-c", str(config)], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE
    )
    deadline = time.monotonic() + 15
    import socket

    while time.monotonic() < deadline:
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.5):
                return process, port
        except OSError as refused:
            if process.poll() is not None:
                error = process.stderr.read().decode() if process.stderr else ""
                log = (
                    (folder / "dovecot.log").read_text()
                    if (folder / "dovecot.log").exists()
                    else ""
                )
                raise RuntimeError(f"dovecot did not start: {error} {log}") from refused
            time.sleep(0.1)
    raise RuntimeError("dovecot did not open its port in time")


def _exists(user: str) -> bool:
    try:
        pwd.getpwnam(user)
        return True
    except KeyError:
        return False


def append(port: int, raw: bytes) -> None:
    import imaplib

    client = imaplib.IMAP4("127.0.0.1", port)
    client.login(USER, PASSWORD)
    client.append("INBOX", None, None, raw)
    client.logout()


def poll_mailbox(deps, settings):  # type: ignore[no-untyped-def]
    """What `followup inbox poll` does: the adapter reads the mailbox, the use case records."""
    from followup.adapters.mail.imap import ImapMailbox
    from followup.services.inbox import poll_inbox

    with ImapMailbox(settings) as mailbox:
        return poll_inbox(deps, mailbox)
