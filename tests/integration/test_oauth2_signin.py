"""Signing in with OAuth2 against a real authorization server on loopback: the device-code flow
(RFC 8628), the loopback-redirect flow with PKCE (RFC 8252, RFC 7636), who is signed in, signing
out (RFC 7009) — and every way it can go wrong: one line, exit 2, nothing stored."""

from __future__ import annotations

import json
import time
import urllib.error
import urllib.request
from datetime import datetime

import pytest

from .oauth_server import running
from .oauth_support import (
    Followup,
    finish,
    in_keyring,
    keyring_file,
    oauth_config,
    the_user_enters_the_code,
)


@pytest.fixture
def server():
    with running() as found:
        yield found


@pytest.fixture
def followup(tmp_path, server):
    oauth_config(tmp_path / "config", server, smtp_port=2525)
    return Followup(tmp_path)


def stored(folder) -> str:
    """Everything Followup wrote outside the keyring: the config folder and the database."""
    files = [p for p in (folder / "config").rglob("*") if p.is_file()]
    database = folder / "mail.sqlite3"
    return "".join(p.read_text(errors="replace") for p in files) + (
        database.read_bytes().decode(errors="replace") if database.exists() else ""
    )


def test_the_first_sign_in_shows_the_code_waits_for_the_user_and_keeps_the_token_in_the_keyring(
    followup, server, tmp_path
):
    server.consent = "wait"  # nobody has said yes yet: the client must poll
    login = followup.start("mail", "login")
    uri, code, complete = the_user_enters_the_code(login)
    status, out, err = finish(login)
    assert (status, err) == (0, "")
    assert uri == f"{server.url}/device"
    assert complete == f"{server.url}/device?user_code={code}"
    assert out.splitlines() == [
        "Waiting for you to finish; the code holds for 10 minutes.",
        "Signed in to custom as sam@example.com; the sign-in is kept in the system keyring "
        "(keyrings.alt.file.PlaintextKeyring).",
    ]
    assert server.log[0] == "device_authorization"
    assert server.log[-1] == "token:urn:ietf:params:oauth:grant-type:device_code"
    (refresh,) = server.refresh
    assert in_keyring(tmp_path, "followup-oauth2") == refresh
    assert refresh not in stored(tmp_path)  # never the config folder or the database
    (access,) = server.access
    assert access not in stored(tmp_path)


def test_status_says_who_is_signed_in_and_until_when_the_access_token_holds(followup, server):
    before = time.time()
    followup.login()
    status = json.loads(followup("mail", "status", "--json").stdout)
    expires = datetime.fromisoformat(status.pop("access_token_expires_at")).timestamp()
    assert before + 3600 - 1 <= expires <= time.time() + 3600 + 1
    assert status == {
        "provider": "custom",
        "account": "sam@example.com",
        "signed_in": True,
        "sign_in_needed": None,
        "keyring": "keyrings.alt.file.PlaintextKeyring",
    }
    text = followup("mail", "status").stdout.splitlines()
    assert text[0].startswith(
        "Signed in to custom as sam@example.com; the access token holds until "
    )
    assert text[1] == "Keyring: keyrings.alt.file.PlaintextKeyring."


def test_expires_in_as_a_string_and_fields_nobody_asked_for_are_taken(followup, server):
    server.expires_in_as_string = True
    followup.login()
    status = json.loads(followup("mail", "status", "--json").stdout)
    assert status["signed_in"] is True
    assert status["access_token_expires_at"] is not None


def test_slow_down_adds_five_seconds_to_the_polling_interval(followup, server):
    server.slow_down_once = True
    followup.login()
    first, second = server.polls
    assert second - first >= 1 + 5 - 0.1  # RFC 8628 §3.5


def test_the_loopback_flow_comes_back_to_this_machine_with_pkce(followup, server, tmp_path):
    login = followup.start("mail", "login", "--flow", "loopback", "--no-browser")
    assert login.stdout is not None
    assert (
        login.stdout.readline() == "To sign in, open this address in a browser on this machine:\n"
    )
    address = login.stdout.readline().strip()
    # the browser: the provider answers with a redirect to Followup on loopback
    opener = urllib.request.build_opener(_NoRedirect)
    with pytest.raises(urllib.error.HTTPError) as redirect:
        opener.open(address)
    assert redirect.value.code == 302
    back = redirect.value.headers["Location"]
    assert back.startswith("http://127.0.0.1:")
    with urllib.request.urlopen(back) as page:
        assert b"Followup is signed in" in page.read()
    status, out, err = finish(login)
    assert (status, err) == (0, "")
    assert out.splitlines()[-1].startswith("Signed in to custom as sam@example.com")
    assert server.log == ["token:authorization_code"]
    assert "code_challenge_method=S256" in address
    (refresh,) = server.refresh
    assert in_keyring(tmp_path, "followup-oauth2") == refresh


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):  # type: ignore[no-untyped-def]
        return None


def test_signing_out_revokes_the_refresh_token_and_the_keyring_forgets_it(
    followup, server, tmp_path
):
    followup.login()
    (refresh,) = server.refresh
    out = followup("mail", "logout").stdout
    assert out == "Signed out sam@example.com: custom revoked the sign-in; the keyring forgot it.\n"
    assert server.refresh[refresh].revoked
    assert in_keyring(tmp_path, "followup-oauth2") is None
    status = json.loads(followup("mail", "status", "--json").stdout)
    assert (status["signed_in"], status["access_token_expires_at"]) == (False, None)


# Bad input: one line, exit 2, nothing stored


def refused(followup, *argv: str, **env: str) -> str:
    result = followup(*argv, check=False, **env)
    assert result.returncode == 2, result.stderr
    assert result.stderr.count("\n") == 1, result.stderr
    return result.stderr


def nothing_stored(folder) -> bool:
    keyring = keyring_file(folder)
    return not (folder / "config" / "oauth2-state.json").exists() and (
        not keyring.exists() or "followup_2Doauth2" not in keyring.read_text()
    )


def test_a_wrong_client_id_is_one_line(tmp_path, server):
    oauth_config(tmp_path / "config", server, smtp_port=2525, client_id="not-registered")
    followup = Followup(tmp_path)
    assert refused(followup, "mail", "login") == (
        "followup: error: oauth2.client_id: the provider does not accept this application "
        "(invalid_client: unknown client); check client_id (and client_secret) against "
        "docs/mail.md\n"
    )
    assert nothing_stored(tmp_path)


def test_a_wrong_client_id_refused_without_a_json_body_is_the_same_line(tmp_path, server):
    server.bare_401 = True
    oauth_config(tmp_path / "config", server, smtp_port=2525, client_id="not-registered")
    assert refused(Followup(tmp_path), "mail", "login") == (
        "followup: error: oauth2.client_id: the provider does not accept this application "
        "(invalid_client: HTTP 401); check client_id (and client_secret) against docs/mail.md\n"
    )


@pytest.mark.parametrize("flow", ["device", "loopback"])
def test_a_denied_consent_is_one_line(followup, server, tmp_path, flow):
    server.consent = "deny"
    if flow == "device":
        error = refused(followup, "mail", "login")
        said = "access_denied: The user said no."  # the description's first line only
    else:
        login = followup.start("mail", "login", "--flow", "loopback", "--no-browser")
        assert login.stdout is not None
        login.stdout.readline()
        with pytest.raises(urllib.error.HTTPError) as redirect:
            urllib.request.build_opener(_NoRedirect).open(login.stdout.readline().strip())
        # the browser follows the provider's redirect, which carries error=access_denied
        with urllib.request.urlopen(redirect.value.headers["Location"]) as page:
            assert b"Sign-in declined" in page.read()
        status, _, error = finish(login)
        assert status == 2
        said = "access_denied"
    assert (
        error == f"followup: error: oauth2: the sign-in was declined ({said}); nothing is stored\n"
    )
    assert nothing_stored(tmp_path)


def test_a_device_code_that_times_out_is_one_line(followup, server, tmp_path):
    server.consent, server.expires_in = "wait", 2
    error = refused(followup, "mail", "login")
    # the server said expired_token, or the client saw expires_in pass first
    assert error.startswith(
        "followup: error: oauth2: the code expired before the sign-in was finished"
    )
    assert error.endswith("; run `followup mail login` again; nothing is stored\n")
    assert nothing_stored(tmp_path)


def test_no_keyring_says_so_and_how_to_fix_it_before_anyone_signs_in(followup, server, tmp_path):
    error = refused(
        followup, "mail", "login", PYTHON_KEYRING_BACKEND="keyring.backends.fail.Keyring"
    )
    assert error == (
        "followup: error: keyring: no system keyring to keep the mailbox sign-in in "
        "(keyring.backends.fail.Keyring); install one — a Secret Service such as GNOME Keyring "
        "or KWallet, or `pip install keyrings.alt` for a file in your home folder — then run "
        "`followup mail login`\n"
    )
    assert server.log == []  # the user was not sent to sign in for nothing
    assert nothing_stored(tmp_path)


@pytest.mark.parametrize(
    ("answer", "said"),
    [
        ({"token_type": "Bearer", "expires_in": 3600}, "the token response has no access_token"),
        ({"access_token": "abc", "expires_in": 3600}, "the token response has no token_type"),
        (
            {"access_token": "abc", "token_type": "Bearer", "expires_in": "soon"},
            "expected expires_in as a number of seconds, got 'soon'",
        ),
    ],
)
def test_a_token_response_missing_fields_is_one_line(followup, server, tmp_path, answer, said):
    server.token_override = answer
    error = refused(followup, "mail", "login")
    assert error.startswith(f"followup: error: oauth2.token_endpoint: {said}")
    assert nothing_stored(tmp_path)


def test_a_token_response_without_a_refresh_token_keeps_nothing(followup, server, tmp_path):
    server.token_override = {"access_token": "abc", "token_type": "bearer", "expires_in": 60}
    assert refused(followup, "mail", "login") == (
        "followup: error: oauth2.token_endpoint: the provider gave no refresh_token, so the "
        "sign-in cannot be kept (Microsoft needs the offline_access scope, Google "
        "access_type=offline); nothing is stored\n"
    )
    assert nothing_stored(tmp_path)


def test_plain_http_is_refused_for_an_endpoint_off_this_machine(tmp_path, server):
    oauth_config(tmp_path / "config", server, token_endpoint="http://login.example.com/token")
    assert refused(Followup(tmp_path), "mail", "login") == (
        "followup: error: oauth2.token_endpoint: expected an https:// URL (http:// only for a "
        "loopback host such as 127.0.0.1), got 'http://login.example.com/token'\n"
    )


def test_status_without_an_oauth2_table_says_what_is_missing(tmp_path):
    (tmp_path / "config").mkdir()
    (tmp_path / "config" / "followup.toml").write_text('[smtp]\nhost = "smtp.example.com"\n')
    assert refused(Followup(tmp_path), "mail", "status") == (
        "followup: error: oauth2: expected an [oauth2] table in followup.toml (provider, "
        "client_id); see docs/mail.md\n"
    )


def test_the_status_of_nobody_signed_in(followup):
    assert followup("mail", "status").stdout.splitlines() == [
        "Not signed in to custom. Run `followup mail login`.",
        "Keyring: keyrings.alt.file.PlaintextKeyring.",
    ]
