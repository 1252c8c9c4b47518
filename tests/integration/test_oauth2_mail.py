"""Sending and reading with OAuth2: the loopback SMTP server and Dovecot check each XOAUTH2 token
against the authorization server's introspection endpoint (RFC 7662), and offer no other way in.
Tokens are refreshed before they end, once more when a server refuses one, and a revoked sign-in
stops everything with one line and the Today banner, every letter still queued."""

from __future__ import annotations

import json
import shutil
import tempfile
import time
from pathlib import Path

import pytest

from .dovecot_support import start_dovecot
from .mail_support import always_open_dossier, received, start_smtp
from .oauth_server import USER, introspection_url, running
from .oauth_support import Followup, oauth_config

REVOKED = (
    "followup: error: oauth2: the sign-in for sam@example.com has ended (invalid_grant: refresh "
    "token revoked); sending and reading mail are stopped, every letter stays queued — sign in "
    "again with `followup mail login`\n"
)


@pytest.fixture
def server():
    with running() as found:
        yield found


@pytest.fixture
def smtp(tmp_path, server):
    process, port = start_smtp(
        tmp_path / "box", "--xoauth2", introspection_url(server), "--only-xoauth2"
    )
    yield port
    process.terminate()
    process.wait()


@pytest.fixture
def followup(tmp_path, server, smtp):
    oauth_config(tmp_path / "config", server, smtp_port=smtp)
    found = Followup(tmp_path)
    dossier = tmp_path / "dossier.json"
    dossier.write_text(json.dumps(always_open_dossier()))
    found("import", str(dossier))
    return found


def approve(followup, *names: str) -> None:
    for name in names:
        followup("approve", "--opportunity", "acme-ae", "--to", name, "--kind", "call")


def test_a_letter_goes_over_xoauth2_to_a_server_that_offers_nothing_else(
    followup, server, tmp_path
):
    followup.login()
    approve(followup, "Lee Park")
    assert followup("send").stdout == "Sent 1, failed 0.\n"
    (message,) = received(tmp_path / "box")
    assert message["To"] == "Lee Park <lee@acme.example>"
    assert server.count("introspect:active") == 1
    assert server.count("token:refresh_token") == 0  # the token from the sign-in was fresh


def test_an_access_token_about_to_end_is_refreshed_before_it_is_used(followup, server):
    server.lifetime = 4  # refreshed with 2 seconds left (half of a short life)
    followup.login()
    time.sleep(2.2)
    approve(followup, "Lee Park")
    assert followup("send").stdout == "Sent 1, failed 0.\n"
    assert server.count("token:refresh_token") == 1
    assert server.count("introspect:inactive") == 0  # never offered a dying token


def test_a_token_the_server_refuses_with_535_is_refreshed_and_tried_once_more(followup, server):
    followup.login()
    server.revoke_access()  # the access token dies before its time; the sign-in lives on
    approve(followup, "Lee Park", "Dana Reyes")
    assert followup("send").stdout == "Sent 2, failed 0.\n"
    assert server.count("introspect:inactive") == 1
    assert server.count("token:refresh_token") == 1
    # the refreshed token is kept: the next run needs no refresh
    approve(followup, "Lee Park")
    assert followup("send").stdout == "Sent 1, failed 0.\n"
    assert server.count("token:refresh_token") == 1


def test_a_mail_server_clock_running_ahead_within_the_margin_costs_no_refused_sign_in(
    followup, server
):
    server.lifetime, server.skew = 6, 2.5  # the token ends 2.5 s early by our clock
    followup.login()
    time.sleep(3.2)  # by our clock 2.8 s are left; the margin (3 s) says refresh
    approve(followup, "Lee Park")
    assert followup("send").stdout == "Sent 1, failed 0.\n"
    assert (server.count("token:refresh_token"), server.count("introspect:inactive")) == (1, 0)


def test_a_mail_server_clock_running_further_ahead_costs_one_refused_sign_in(followup, server):
    server.lifetime, server.skew = 20, 15  # ends at 5 s by our clock; we refresh from 10 s
    followup.login()
    time.sleep(5.5)
    approve(followup, "Lee Park")
    assert followup("send").stdout == "Sent 1, failed 0.\n"
    assert (server.count("token:refresh_token"), server.count("introspect:inactive")) == (1, 1)


def test_a_revoked_sign_in_stops_sending_with_one_line_and_keeps_every_letter_queued(
    followup, server, tmp_path, monkeypatch
):
    followup.login()
    approve(followup, "Lee Park", "Dana Reyes")
    server.revoke_grants()
    result = followup("send", check=False)
    assert (result.returncode, result.stderr, result.stdout) == (2, REVOKED, "")
    assert [o["status"] for o in followup.outbox()] == ["queued", "queued"]
    assert followup.outbox()[0]["error"] == REVOKED.removeprefix("followup: error: ").strip()
    assert received(tmp_path / "box") == []
    again = followup("send", check=False)  # and again, the same, nothing uncertain
    assert (again.returncode, again.stderr) == (2, REVOKED)
    status = json.loads(followup("mail", "status", "--json").stdout)
    assert (status["signed_in"], status["sign_in_needed"]) == (
        False,
        "the sign-in for sam@example.com has ended (invalid_grant: refresh token revoked)",
    )
    assert today_banner(tmp_path, monkeypatch) == (
        "Sign in again to your mailbox: the sign-in for sam@example.com has ended "
        "(invalid_grant: refresh token revoked). Run followup mail login; until then nothing is "
        "sent and every letter stays queued."
    )
    followup.login()  # signing in again lifts the stop
    assert today_banner(tmp_path, monkeypatch) is None
    assert followup("send").stdout == "Sent 2, failed 0.\n"
    assert len(received(tmp_path / "box")) == 2


def today_banner(folder, monkeypatch) -> str | None:  # type: ignore[no-untyped-def]
    """The banner on the web's Today page, for the database and settings of `folder`."""
    import re

    from followup import bootstrap
    from tests.e2e.web_support import web_client

    monkeypatch.setenv("FOLLOWUP_CONFIG", str(folder / "config"))
    page = web_client(bootstrap.dependencies(str(folder / "mail.sqlite3"))).get("/")
    assert page.status_code == 200
    found = re.search(
        r'<p class="error" role="alert" id="sign-in-needed">(.*?)</p>', page.text, re.S
    )
    if not found:
        return None
    return " ".join(re.sub(r"<[^>]+>", "", found.group(1)).split())


def test_never_signed_in_is_one_line_and_the_letter_waits(followup, tmp_path):
    approve(followup, "Lee Park")
    result = followup("send", check=False)
    assert (result.returncode, result.stderr) == (
        2,
        "followup: error: oauth2: not signed in to the mailbox as sam@example.com; sending and "
        "reading mail are stopped, every letter stays queued — sign in again with "
        "`followup mail login`\n",
    )
    assert [o["status"] for o in followup.outbox()] == ["queued"]


def test_a_token_response_missing_fields_at_refresh_sends_nothing(followup, server, tmp_path):
    followup.login()
    server.revoke_access()
    server.token_override = {"token_type": "Bearer", "expires_in": 60}
    approve(followup, "Lee Park")
    result = followup("send", check=False)
    assert (result.returncode, result.stderr) == (
        2,
        "followup: error: oauth2.token_endpoint: the token response has no access_token "
        "(RFC 6749 §5.1)\n",
    )
    assert [o["status"] for o in followup.outbox()] == ["queued"]
    assert received(tmp_path / "box") == []


def test_a_server_that_does_not_offer_xoauth2_is_named_and_the_letter_waits(tmp_path, server):
    process, port = start_smtp(tmp_path / "box", "--user", "sam", "--password", "right")
    try:
        oauth_config(tmp_path / "config", server, smtp_port=port)
        followup = Followup(tmp_path)
        dossier = tmp_path / "dossier.json"
        dossier.write_text(json.dumps(always_open_dossier()))
        followup("import", str(dossier))
        followup.login()
        approve(followup, "Lee Park")
        result = followup("send", check=False)
    finally:
        process.terminate()
        process.wait()
    assert (result.returncode, result.stderr) == (
        2,
        f"followup: error: smtp.auth: the server at 127.0.0.1:{port} does not offer XOAUTH2 "
        '(it offers LOGIN PLAIN); use auth = "password"\n',
    )
    assert [o["status"] for o in followup.outbox()] == ["queued"]


def test_a_server_that_cannot_check_tokens_now_keeps_the_letter_for_the_next_run(tmp_path, server):
    process, port = start_smtp(
        tmp_path / "box", "--xoauth2", introspection_url(server), "--auth-busy"
    )
    try:
        oauth_config(tmp_path / "config", server, smtp_port=port)
        followup = Followup(tmp_path)
        dossier = tmp_path / "dossier.json"
        dossier.write_text(json.dumps(always_open_dossier()))
        followup("import", str(dossier))
        followup.login()
        approve(followup, "Lee Park")
        result = followup("send", check=False)
    finally:
        process.terminate()
        process.wait()
    assert (result.returncode, result.stderr) == (
        3,
        f"followup: error: smtp.host: the server at 127.0.0.1:{port} could not check the "
        "sign-in now (454 4.7.0 Try again later); the letters wait\n",
    )
    assert [o["status"] for o in followup.outbox()] == ["queued"]
    assert server.count("token:refresh_token") == 1  # refreshed once, in case it was the token


# IMAP: Dovecot's own oauth2 passdb decides


@pytest.fixture
def dovecot(server):
    # Dovecot's own processes run as its users: its folder must be one they can reach
    folder = Path(tempfile.mkdtemp(prefix="followup-dovecot-"))
    folder.chmod(0o755)
    process, port = start_dovecot(folder / "dovecot", introspection_url(server))
    yield port
    process.terminate()
    process.wait(10)
    shutil.rmtree(folder, ignore_errors=True)


def reply_in_mailbox(port: int, server) -> None:  # type: ignore[no-untyped-def]
    """Dana's reply to the thank-you, put in the mailbox over IMAP with a token of its own."""
    import imaplib

    from followup.adapters.mail.oauth2 import xoauth2

    token = server.mint()
    client = imaplib.IMAP4("127.0.0.1", port)
    client.authenticate("XOAUTH2", lambda _: xoauth2(USER, token).encode())
    client.append(
        "INBOX",
        None,
        None,
        b"From: Dana Reyes <dana@acme.example>\r\nTo: sam@example.com\r\n"
        b"Subject: Re: thank you\r\nDate: Mon, 28 Dec 2026 10:00:00 -0600\r\n\r\nThanks!\r\n",
    )
    client.logout()


@pytest.fixture
def reader(tmp_path, server, dovecot):
    oauth_config(tmp_path / "config", server, imap_port=dovecot)
    found = Followup(tmp_path)
    dossier = tmp_path / "dossier.json"
    dossier.write_text(json.dumps(always_open_dossier()))
    found("import", str(dossier))
    return found


def test_dovecot_reads_the_mailbox_for_a_signed_in_candidate(reader, server, dovecot):
    reader.login()
    reply_in_mailbox(dovecot, server)
    out = reader("inbox", "poll").stdout
    assert out == "Read 1 new messages: 1 replies recorded, 0 automatic answers left alone.\n"
    assert server.count("token:refresh_token") == 0


def test_an_authenticate_no_from_dovecot_is_refreshed_and_tried_once_more(reader, server, dovecot):
    reader.login()
    reply_in_mailbox(dovecot, server)
    server.revoke_access()
    out = reader("inbox", "poll").stdout
    assert out == "Read 1 new messages: 1 replies recorded, 0 automatic answers left alone.\n"
    assert server.count("token:refresh_token") == 1


def test_a_revoked_sign_in_stops_reading_with_the_same_line(reader, server):
    reader.login()
    server.revoke_grants()
    result = reader("inbox", "poll", check=False)
    assert (result.returncode, result.stderr) == (2, REVOKED)


def test_a_dovecot_that_offers_only_xoauth2_turns_a_password_away(tmp_path, dovecot):
    (tmp_path / "config").mkdir(exist_ok=True)
    (tmp_path / "config" / "followup.toml").write_text(
        f'[imap]\nhost = "127.0.0.1"\nport = {dovecot}\nsecurity = "none"\n'
        'username = "sam@example.com"\npassword_env = "TEST_IMAP_PASSWORD"\n'
    )
    result = Followup(tmp_path)("inbox", "poll", check=False, TEST_IMAP_PASSWORD="anything")
    assert result.returncode == 3
    assert "refused the login" in result.stderr
