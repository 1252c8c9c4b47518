"""A Followup set-up that signs in with OAuth2 against the loopback authorization server: the
settings, a real file-backed keyring in a temporary folder, and the CLI as a subprocess."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import urllib.request
from pathlib import Path
from typing import Any

from .oauth_server import CLIENT_ID, AuthServer

FOLLOWUP = [sys.executable, "-m", "followup"]
FILE_KEYRING = "keyrings.alt.file.PlaintextKeyring"


def keyring_env(folder: Path, backend: str = FILE_KEYRING) -> dict[str, str]:
    """A real keyring backend, keeping its file in `folder`, whatever the user's is."""
    return {
        "PYTHON_KEYRING_BACKEND": backend,
        "XDG_DATA_HOME": str(folder / "keyring-data"),
        "XDG_CONFIG_HOME": str(folder / "keyring-config"),
    }


def keyring_file(folder: Path) -> Path:
    return folder / "keyring-data" / "python_keyring" / "keyring_pass.cfg"


def in_keyring(folder: Path, service: str, user: str = "sam@example.com") -> str | None:
    """What the keyring in `folder` holds, read back through keyring itself."""
    code = f"import keyring; print(keyring.get_password({service!r}, {user!r}) or '')"
    found = subprocess.run(
        [sys.executable, "-c", code],
        env={**os.environ, **keyring_env(folder)},
        capture_output=True,
        text=True,
        check=True,
    ).stdout.strip()
    return found or None


def oauth_config(
    config: Path,
    server: AuthServer,
    smtp_port: int | None = None,
    imap_port: int | None = None,
    client_id: str = CLIENT_ID,
    **extra: str,
) -> None:
    """followup.toml for a custom provider on loopback; servers with auth = "oauth2"."""
    config.mkdir(parents=True, exist_ok=True)
    text = ""
    for kind, port in (("smtp", smtp_port), ("imap", imap_port)):
        if port:
            text += (
                f'[{kind}]\nhost = "127.0.0.1"\nport = {port}\nsecurity = "none"\n'
                f'username = "sam@example.com"\nauth = "oauth2"\n\n'
            )
    lines = {
        "provider": "custom",
        "client_id": client_id,
        "device_authorization_endpoint": f"{server.url}/device_authorization",
        "authorization_endpoint": f"{server.url}/authorize",
        "token_endpoint": f"{server.url}/token",
        "revocation_endpoint": f"{server.url}/revoke",
        **extra,
    }
    text += "[oauth2]\n" + "".join(f"{k} = {json.dumps(v)}\n" for k, v in lines.items())
    text += 'scopes = ["mail", "offline_access"]\n'
    text += '\n[send_window]\nstart = "00:00"\nend = "24:00"\n'
    (config / "followup.toml").write_text(text)


class Followup:
    """The CLI over one database, config folder and keyring."""

    def __init__(self, folder: Path, **env: str) -> None:
        self.folder = folder
        self.env = dict(
            os.environ,
            FOLLOWUP_DATABASE=str(folder / "mail.sqlite3"),
            FOLLOWUP_CONFIG=str(folder / "config"),
            **keyring_env(folder),
        )
        self.env.update(env)

    def __call__(
        self, *argv: str, check: bool = True, **env: str
    ) -> subprocess.CompletedProcess[str]:
        result = subprocess.run(
            [*FOLLOWUP, *argv], capture_output=True, text=True, env={**self.env, **env}, timeout=120
        )
        if check:
            assert result.returncode == 0, result.stderr
        return result

    def start(self, *argv: str, **env: str) -> subprocess.Popen[str]:
        return subprocess.Popen(
            [*FOLLOWUP, *argv],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            env={**self.env, **env},
        )

    def login(self) -> subprocess.CompletedProcess[str]:
        """Sign in with the device flow, the server's user consenting at once."""
        return self("mail", "login")

    def outbox(self) -> list[dict[str, Any]]:
        return json.loads(self("outbox", "--json").stdout)  # type: ignore[no-any-return]


def finish(process: subprocess.Popen[str]) -> tuple[int, str, str]:
    """(exit status, the rest of its output, its errors); not communicate(), which would skip
    what readline() already buffered."""
    assert process.stdout is not None and process.stderr is not None
    out, err = process.stdout.read(), process.stderr.read()
    return process.wait(timeout=60), out, err


def the_user_enters_the_code(process: subprocess.Popen[str]) -> tuple[str, str, str]:
    """Read what `mail login` prints, and do what a person would: open the address (the one
    carrying the code) in a browser. (verification_uri, user_code, verification_uri_complete)."""
    assert process.stdout is not None
    first = process.stdout.readline()
    found = re.fullmatch(r"To sign in, open (\S+) and enter the code (\S+)\n", first)
    assert found, first
    second = process.stdout.readline()
    complete = re.fullmatch(r"  \(or open (\S+), which carries the code\)\n", second)
    assert complete, second
    with urllib.request.urlopen(complete.group(1)) as answer:
        assert answer.status == 200
    return found.group(1), found.group(2), complete.group(1)
