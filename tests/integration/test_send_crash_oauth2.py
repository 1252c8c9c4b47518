"""The crash test's guarantees with OAuth2 tokens ending mid-queue: access tokens live a second,
the SMTP server holds each session to its token's life (530 at MAIL FROM once it ends), refresh
tokens rotate, and the dispatcher is killed (SIGKILL) at random moments — also between a
refresh and keeping its result, which can cost the sign-in (then the candidate signs in again).
Every letter must still be delivered exactly once, or be flagged uncertain; none twice, none
lost, none left uncertain by a token."""

from __future__ import annotations

import os
import random
import signal
import subprocess
from collections import Counter
from datetime import time as clock_time

import pytest

from followup import bootstrap
from followup.adapters.files.dossier import parse_dossier
from followup.services.dossier import import_dossier
from followup.services.outbox import approve_letter

from .mail_support import always_open_dossier, received, start_smtp
from .oauth_server import introspection_url, running
from .oauth_support import Followup, keyring_env, oauth_config

LETTERS = int(os.environ.get("FOLLOWUP_OAUTH_CRASH_LETTERS", "300"))
# A kill after the provider rotated the refresh token and before it was kept ends the sign-in;
# one in the middle of keyrings.alt rewriting its file (in place) empties the keyring.
SIGN_IN_LOST = (
    "followup: error: oauth2: the sign-in for sam@example.com has ended",
    "followup: error: oauth2: not signed in to the mailbox as sam@example.com",
)
WINDOW = (clock_time(0, 0), clock_time(23, 59, 59))


def approve_bulk(folder, letters: int) -> set[str]:  # type: ignore[no-untyped-def]
    deps = bootstrap.dependencies(str(folder / "mail.sqlite3"))
    import_dossier(deps, parse_dossier(always_open_dossier(letters)))
    return {
        approve_letter(deps, f"bulk-{i:04d}", "Pat Doe", "thank_you", window=WINDOW).message_id
        for i in range(letters)
    }


def test_tokens_ending_mid_queue_cost_no_letter_and_no_uncertainty(tmp_path, monkeypatch):
    """In one run: the server stops taking the session's token after the second letter."""
    import keyring
    from keyrings.alt.file import PlaintextKeyring

    from followup.adapters.mail.settings import load_mail_settings
    from followup.adapters.mail.smtp import SmtpMailer
    from followup.services.outbox import dispatch

    approved = approve_bulk(tmp_path, 5)
    with running() as server:
        smtp, port = start_smtp(
            tmp_path / "box", "--xoauth2", introspection_url(server), "--hold-session"
        )
        try:
            oauth_config(tmp_path / "config", server, smtp_port=port)
            Followup(tmp_path).login()
            for name, value in keyring_env(tmp_path).items():  # the same keyring, in process
                monkeypatch.setenv(name, value)
            before = keyring.get_keyring()
            keyring.set_keyring(PlaintextKeyring())
            try:
                settings = load_mail_settings(tmp_path / "config" / "followup.toml").smtp
                assert settings is not None
                deps = bootstrap.dependencies(str(tmp_path / "mail.sqlite3"))
                with SmtpMailer(settings) as mailer:
                    report = dispatch(deps, _EndingAfter(mailer, server, 2))
            finally:
                keyring.set_keyring(before)
        finally:
            smtp.terminate()
            smtp.wait()
    assert (report.sent, report.failed) == (5, 0)
    delivered = Counter(m["Message-ID"] for m in received(tmp_path / "box"))
    assert set(delivered) == approved and set(delivered.values()) == {1}
    assert server.count("introspect:inactive") == 1  # MAIL FROM of the third: 530
    assert server.count("token:refresh_token") == 1


class _EndingAfter:
    """The mailer, with every access token ended by the server after `after` letters."""

    def __init__(self, mailer, server, after: int) -> None:  # type: ignore[no-untyped-def]
        self.mailer, self.server, self.after, self.sent = mailer, server, after, 0

    def send(self, item, sender) -> None:  # type: ignore[no-untyped-def]
        if self.sent == self.after:
            self.server.revoke_access()
        self.mailer.send(item, sender)
        self.sent += 1


@pytest.mark.slow
def test_killing_the_dispatcher_while_tokens_end_never_sends_a_letter_twice_or_loses_one(
    tmp_path, capsys
):
    approved = approve_bulk(tmp_path, LETTERS)
    rng = random.Random(20261129)
    kills = sign_ins = runs = 0
    with running(lifetime=1) as server:
        smtp, port = start_smtp(
            tmp_path / "box",
            "--xoauth2",
            introspection_url(server),
            "--only-xoauth2",
            "--hold-session",
        )
        try:
            oauth_config(tmp_path / "config", server, smtp_port=port)
            followup = Followup(tmp_path)
            followup.login()
            for runs in range(1, 800):  # noqa: B007 - reported below
                dispatcher = followup.start("send")
                try:
                    dispatcher.wait(timeout=rng.uniform(0.5, 2.5))
                except subprocess.TimeoutExpired:
                    dispatcher.send_signal(signal.SIGKILL)
                    dispatcher.wait()
                    kills += 1
                    continue
                assert dispatcher.stderr is not None
                error = dispatcher.stderr.read()
                if dispatcher.returncode == 2 and error.startswith(SIGN_IN_LOST):
                    followup.login()  # letters wait queued meanwhile
                    sign_ins += 1
                    continue
                assert dispatcher.returncode == 0, error
                outbox = followup.outbox()
                if not any(o["status"] in ("queued", "sending") for o in outbox):
                    break
            else:
                pytest.fail("the outbox never emptied")
        finally:
            smtp.terminate()
            smtp.wait()
    delivered = Counter(m["Message-ID"] for m in received(tmp_path / "box"))
    status = {o["message_id"]: o["status"] for o in outbox}
    assert set(status) == approved
    assert set(delivered) <= approved
    twice = [m for m, n in delivered.items() if n > 1]
    lost = [m for m, s in status.items() if s == "sent" and delivered[m] != 1]
    stuck = [m for m, s in status.items() if s not in ("sent", "uncertain")]
    assert (twice, lost, stuck) == ([], [], [])
    uncertain = [m for m, s in status.items() if s == "uncertain"]
    assert len(uncertain) <= kills  # only a kill leaves a letter uncertain, never a token
    ended_mid_session = server.count("introspect:inactive")
    assert ended_mid_session > 0, Counter(server.log)  # tokens did end mid-queue
    with capsys.disabled():
        print(
            f"\noauth2 crash test: {LETTERS} letters, {runs} runs, {kills} kills, "
            f"{server.count('token:refresh_token')} refreshes, {ended_mid_session} tokens "
            f"refused mid-queue, {sign_ins} sign-ins lost to a kill; sent exactly once "
            f"{sum(1 for s in status.values() if s == 'sent')}, uncertain {len(uncertain)}, "
            f"delivered twice {len(twice)}, lost {len(lost)}"
        )
