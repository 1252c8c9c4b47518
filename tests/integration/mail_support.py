"""Starting the loopback SMTP server and a Followup set-up that sends to it."""

from __future__ import annotations

import json
import mailbox
import socket
import subprocess
import sys
from email import message_from_bytes
from email.policy import default
from pathlib import Path

from ..system import require_program

SERVER = Path(__file__).with_name("smtp_server.py")
DATA = Path(__file__).parents[1] / "data"


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def start_smtp(folder: Path, *extra: str) -> tuple[subprocess.Popen[str], int]:
    port = free_port()
    process = subprocess.Popen(
        [sys.executable, str(SERVER), str(port), str(folder), *extra],
        stdout=subprocess.PIPE,
        text=True,
    )
    assert process.stdout is not None and process.stdout.readline().strip() == "ready"
    return process, port


def received(folder: Path) -> list:  # type: ignore[type-arg]
    return [message_from_bytes(bytes(m), policy=default) for m in mailbox.Maildir(folder)]


def write_config(
    config: Path,
    port: int,
    user: str = "",
    window: str = "00:00-24:00",
    security: str = "none",
    cafile: Path | None = None,
) -> None:
    config.mkdir(parents=True, exist_ok=True)
    start, end = window.split("-")
    ca = f'cafile = "{cafile}"\n' if cafile else ""
    (config / "followup.toml").write_text(
        f'[smtp]\nhost = "127.0.0.1"\nport = {port}\nsecurity = "{security}"\n'
        f'username = "{user}"\npassword_env = "TEST_SMTP_PASSWORD"\n{ca}\n'
        f'[send_window]\nstart = "{start}"\nend = "{end}"\n'
    )


def make_certificates(folder: Path) -> tuple[Path, Path, Path]:
    """A throwaway certificate authority and a server certificate for 127.0.0.1 it signed:
    (ca.pem, server.pem, server.key)."""
    folder.mkdir(parents=True, exist_ok=True)
    program = require_program("openssl")

    def openssl(*args: str) -> None:
        subprocess.run([program, *args], cwd=folder, check=True, capture_output=True)

    openssl(
        "req",
        "-x509",
        "-newkey",
        "rsa:2048",
        "-nodes",
        "-days",
        "2",
        "-subj",
        "/CN=Followup test CA",
        "-keyout",
        "ca.key",
        "-out",
        "ca.pem",
    )
    openssl(
        "req",
        "-newkey",
        "rsa:2048",
        "-nodes",
        "-subj",
        "/CN=127.0.0.1",
        "-keyout",
        "server.key",
        "-out",
        "server.csr",
    )
    (folder / "ext.cnf").write_text("subjectAltName = IP:127.0.0.1\n")
    openssl(
        "x509",
        "-req",
        "-in",
        "server.csr",
        "-CA",
        "ca.pem",
        "-CAkey",
        "ca.key",
        "-CAcreateserial",
        "-days",
        "2",
        "-extfile",
        "ext.cnf",
        "-out",
        "server.pem",
    )
    return folder / "ca.pem", folder / "server.pem", folder / "server.key"


def always_open_dossier(letters: int = 0) -> dict:  # type: ignore[type-arg]
    """The worked example, every day a business day (no holidays, a seven-day week), plus
    `letters` opportunities with one person each, for sending in bulk."""
    dossier = json.loads((DATA / "acme-first.json").read_text())
    dossier["candidate"].update({"country": None, "subdivision": None, "weekmask": "1111111"})
    acme = dossier["opportunities"][0]  # interviewed in the past, whatever day the tests run
    acme["interviews"][0]["date"] = "2026-11-20"
    acme["timeline"] = {"preliminary_deadline": "2026-12-04", "second_round_deadline": "2026-12-18"}
    acme["events"][0]["date"] = "2026-11-21"
    for i in range(letters):
        dossier["opportunities"].append(
            {
                "id": f"bulk-{i:04d}",
                "company": f"Company {i}",
                "role": "Account Executive",
                "interviews": [
                    {
                        "id": f"bulk-{i:04d}-1",
                        "date": "2026-11-20",
                        "contacts": [
                            {
                                "name": "Pat Doe",
                                "email": f"pat{i}@bulk.example",
                                "minutes": 30,
                                "decision_maker": True,
                                "topics": ["territory planning"],
                            }
                        ],
                    }
                ],
            }
        )
    return dossier
