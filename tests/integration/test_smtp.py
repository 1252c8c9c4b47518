"""Sending through a real SMTP server on loopback: approval, the outbox, the dispatcher."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from datetime import datetime
from zoneinfo import ZoneInfo

import pytest

from .mail_support import always_open_dossier, received, start_smtp, write_config

FOLLOWUP = [sys.executable, "-m", "followup"]


@pytest.fixture
def setup(tmp_path):
    def run(*argv: str, check: bool = True, env_extra: dict | None = None):  # type: ignore[type-arg]
        env = dict(
            os.environ,
            FOLLOWUP_DATABASE=str(tmp_path / "mail.sqlite3"),
            FOLLOWUP_CONFIG=str(tmp_path / "config"),
            **(env_extra or {}),
        )
        result = subprocess.run([*FOLLOWUP, *argv], capture_output=True, text=True, env=env)
        if check:
            assert result.returncode == 0, result.stderr
        return result

    dossier = tmp_path / "dossier.json"
    dossier.write_text(json.dumps(always_open_dossier()))
    run("import", str(dossier))
    return run, tmp_path


def test_an_approved_letter_is_sent_once_and_the_touch_is_done(setup):
    run, folder = setup
    server, port = start_smtp(folder / "box")
    try:
        write_config(folder / "config", port)
        approved = run("approve", "--opportunity", "acme-ae", "--to", "Lee Park")
        assert approved.stdout.startswith(
            "Approved: 'With thanks for November 20' to Lee Park <lee@acme.example>, outbox #1"
        )
        assert received(folder / "box") == []  # approval sends nothing
        assert run("send").stdout.strip() == "Sent 1, failed 0."
        assert run("send").stdout.strip() == "Sent 0, failed 0."  # nothing twice
    finally:
        server.terminate()
    messages = received(folder / "box")
    assert len(messages) == 1
    message = messages[0]
    assert message["To"] == "Lee Park <lee@acme.example>"
    assert message["From"] == "Sam Ortiz <sam@example.com>"
    assert message.get_content().startswith("Dear Lee,")
    outbox = json.loads(run("outbox", "--json").stdout)
    assert [(o["status"], o["message_id"]) for o in outbox] == [("sent", message["Message-ID"])]
    plan = json.loads(run("plan", "--json").stdout)
    assert ("thank_you", "Lee Park", "done") in {
        (t["step"], t["contact"], t["status"]) for t in plan
    }


def test_the_edited_letter_is_what_goes_out(setup):
    run, folder = setup
    server, port = start_smtp(folder / "box")
    try:
        write_config(folder / "config", port)
        edited = folder / "edited.txt"
        edited.write_text("Subject: Thank you, Zoë\n\nDear Lee,\n\nThank you — Zoë\n")
        run("approve", "--opportunity", "acme-ae", "--to", "Lee Park", "--file", str(edited))
        run("send")
    finally:
        server.terminate()
    message = received(folder / "box")[0]
    assert message["Subject"] == "Thank you, Zoë"
    assert message.get_content() == "Dear Lee,\n\nThank you — Zoë\n"


def test_outside_the_send_window_the_letter_waits(setup):
    run, folder = setup
    server, port = start_smtp(folder / "box")
    try:
        # a minute of the day half a day away from now in the candidate's zone (a fixed window
        # would hold the clock's own minute once a day)
        hour = datetime.now(ZoneInfo("America/Chicago")).hour
        write_config(folder / "config", port, window="20:00-20:01" if hour < 12 else "08:00-08:01")
        run("approve", "--opportunity", "acme-ae", "--to", "Lee Park")
        assert run("send").stdout.strip() == "Sent 0, failed 0."
    finally:
        server.terminate()
    assert json.loads(run("outbox", "--json").stdout)[0]["status"] == "queued"


def test_a_wrong_password_sends_nothing_and_keeps_the_letter(setup):
    run, folder = setup
    server, port = start_smtp(folder / "box", "--user", "sam", "--password", "right")
    try:
        write_config(folder / "config", port, user="sam")
        run("approve", "--opportunity", "acme-ae", "--to", "Lee Park")
        result = run("send", check=False, env_extra={"TEST_SMTP_PASSWORD": "wrong"})
        assert result.returncode == 3
        assert result.stderr == (
            f"followup: error: smtp.password: the server at 127.0.0.1:{port} "
            "refused the login for sam; check the password\n"
        )
        assert json.loads(run("outbox", "--json").stdout)[0]["status"] == "queued"
        assert run("send", env_extra={"TEST_SMTP_PASSWORD": "right"}).stdout.strip() == (
            "Sent 1, failed 0."
        )
    finally:
        server.terminate()


def test_no_server_at_all_is_a_clear_message(setup):
    run, folder = setup
    from .mail_support import free_port

    write_config(folder / "config", free_port())
    run("approve", "--opportunity", "acme-ae", "--to", "Lee Park")
    result = run("send", check=False)
    assert result.returncode == 3
    assert result.stderr.startswith("followup: error: smtp.host: could not reach the mail server")
    assert json.loads(run("outbox", "--json").stdout)[0]["status"] == "queued"


def test_a_refused_address_fails_that_letter_only(setup):
    run, folder = setup
    server, port = start_smtp(folder / "box", "--refuse", "lee@acme.example")
    try:
        write_config(folder / "config", port)
        run("approve", "--opportunity", "acme-ae", "--to", "Lee Park")
        run("approve", "--opportunity", "acme-ae", "--to", "Dana Reyes", "--kind", "call")
        assert run("send").stdout.strip() == "Sent 1, failed 1."
    finally:
        server.terminate()
    outbox = {o["to"]: o for o in json.loads(run("outbox", "--json").stdout)}
    assert outbox["lee@acme.example"]["status"] == "failed"
    assert outbox["lee@acme.example"]["error"].startswith(
        "lee@acme.example: the server refused the address (550"
    )
    assert outbox["dana@acme.example"]["status"] == "sent"
    assert run("outbox", "retry", "1").stdout.strip() == "Letter #1 to Lee Park is queued again."
    assert run("outbox", "cancel", "1").stdout.strip() == "Letter #1 to Lee Park is cancelled."
    bad = run("outbox", "retry", "2", check=False)
    assert (bad.returncode, bad.stderr) == (
        2,
        "followup: error: ID: letter 2 is sent; expected one that is failed or uncertain\n",
    )


def test_the_morning_digest_is_mailed_to_the_candidate(setup):
    run, folder = setup
    server, port = start_smtp(folder / "box")
    try:
        write_config(folder / "config", port)
        printed = run("digest").stdout
        assert printed.startswith("Agenda for ")
        assert run("digest", "--send").stdout.strip() == "Digest sent to sam@example.com."
    finally:
        server.terminate()
    (digest,) = received(folder / "box")
    assert digest["To"] == "Sam Ortiz <sam@example.com>"
    assert digest["Subject"].startswith("Followup: ")
    assert digest.get_content() == printed


def test_a_busy_server_keeps_the_letter_queued(setup):
    run, folder = setup
    server, port = start_smtp(folder / "box", "--busy")
    try:
        write_config(folder / "config", port)
        run("approve", "--opportunity", "acme-ae", "--to", "Lee Park")
        result = run("send", check=False)
    finally:
        server.terminate()
    assert result.returncode == 3
    assert result.stderr == (
        "followup: error: smtp.host: the mail server is not taking mail now "
        "(421 4.3.2 too busy, try later); the letter waits for the next run\n"
    )
    assert json.loads(run("outbox", "--json").stdout)[0]["status"] == "queued"


def test_a_connection_dropped_mid_send_marks_that_letter_uncertain_and_loses_nothing(setup):
    run, folder = setup
    server, port = start_smtp(folder / "box", "--drop")
    try:
        write_config(folder / "config", port)
        run("approve", "--opportunity", "acme-ae", "--to", "Lee Park")
        run("approve", "--opportunity", "acme-ae", "--to", "Dana Reyes", "--kind", "call")
        result = run("send", check=False)
        assert result.returncode == 3
        assert result.stderr == (
            "followup: error: send: the connection broke while letter #1 to Lee Park was being "
            "sent; it is marked uncertain (see `followup outbox`), the others wait\n"
        )
        assert run("send").stdout.strip() == "Sent 1, failed 0."
    finally:
        server.terminate()
    outbox = {o["to"]: o["status"] for o in json.loads(run("outbox", "--json").stdout)}
    assert outbox == {"lee@acme.example": "uncertain", "dana@acme.example": "sent"}


@pytest.mark.parametrize("security", ["starttls", "tls"])
def test_letters_go_over_a_verified_tls_connection_with_a_login(setup, security):
    from .mail_support import make_certificates

    run, folder = setup
    ca, cert, key = make_certificates(folder / "certs")
    server, port = start_smtp(
        folder / "box", f"--{security}", str(cert), str(key), "--user", "sam", "--password", "right"
    )
    try:
        write_config(folder / "config", port, user="sam", security=security, cafile=ca)
        run("approve", "--opportunity", "acme-ae", "--to", "Lee Park")
        sent = run("send", env_extra={"TEST_SMTP_PASSWORD": "right"})
        assert sent.stdout.strip() == "Sent 1, failed 0."
        # without the CA, the server's certificate is not trusted: nothing is sent
        write_config(folder / "config", port, user="sam", security=security)
        run("approve", "--opportunity", "acme-ae", "--to", "Dana Reyes", "--kind", "call")
        refused = run("send", check=False, env_extra={"TEST_SMTP_PASSWORD": "right"})
        assert refused.returncode == 3
        assert "CERTIFICATE_VERIFY_FAILED" in refused.stderr
    finally:
        server.terminate()
    assert len(received(folder / "box")) == 1
