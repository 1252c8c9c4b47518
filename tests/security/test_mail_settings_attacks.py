"""Mail settings and addresses that are wrong: nothing is sent, the letter stays queued (never
marked uncertain), and one line says what to fix."""

from __future__ import annotations

import json
from dataclasses import replace

import pytest

from tests.e2e.conftest import DATA
from tests.integration.mail_support import always_open_dossier, free_port


@pytest.fixture
def approved(cli, tmp_path, monkeypatch):  # type: ignore[no-untyped-def]
    monkeypatch.setenv("PYTHON_KEYRING_BACKEND", "keyring.backends.fail.Keyring")
    monkeypatch.delenv("TEST_SMTP_PASSWORD", raising=False)
    (tmp_path / "config").mkdir()
    (tmp_path / "config" / "followup.toml").write_text(
        '[send_window]\nstart = "00:00"\nend = "24:00"\n'
    )
    dossier = tmp_path / "d.json"
    dossier.write_text(json.dumps(always_open_dossier()))
    assert cli("import", str(dossier)).code == 0
    assert cli("approve", "--opportunity", "acme-ae", "--to", "Lee Park").code == 0
    return cli


def _config(tmp_path, smtp: str, window: str = 'start = "00:00"\nend = "24:00"\n') -> None:  # type: ignore[no-untyped-def]
    folder = tmp_path / "config"
    folder.mkdir(exist_ok=True)
    (folder / "followup.toml").write_text(f"[smtp]\n{smtp}\n[send_window]\n{window}")


def _statuses(cli) -> list[tuple[str, str | None]]:  # type: ignore[no-untyped-def]
    return [(i["status"], i["error"]) for i in json.loads(cli("outbox", "--json").out)]


def test_a_username_without_a_password_keeps_the_letter_queued(approved, tmp_path):
    port = free_port()  # nothing listens: the password is looked for before connecting
    _config(
        tmp_path,
        f'host = "127.0.0.1"\nport = {port}\nsecurity = "none"\nusername = "sam"\n'
        'password_env = "TEST_SMTP_PASSWORD"\n',
    )
    result = approved("send")
    assert result.code == 2
    assert result.err == (
        "followup: error: smtp.password: expected the password in $TEST_SMTP_PASSWORD or in "
        "the system keyring (service followup-smtp, user sam)\n"
    )
    assert [s for s, _ in _statuses(approved)] == ["queued"]


def test_a_missing_ca_file_is_named_and_the_letter_stays_queued(approved, tmp_path):
    missing = tmp_path / "nope" / "ca.pem"
    _config(
        tmp_path,
        f'host = "127.0.0.1"\nport = {free_port()}\nsecurity = "starttls"\ncafile = "{missing}"\n',
    )
    result = approved("send")
    assert result.code == 2
    assert result.err == (
        f"followup: error: smtp.cafile: expected a readable certificate file (PEM), "
        f"'{missing}' does not exist\n"
    )
    assert [s for s, _ in _statuses(approved)] == ["queued"]


def test_a_ca_file_that_is_not_a_certificate_is_named(approved, tmp_path):
    bogus = tmp_path / "ca.pem"
    bogus.write_text("not a certificate")
    _config(
        tmp_path,
        f'host = "127.0.0.1"\nport = {free_port()}\nsecurity = "tls"\ncafile = "{bogus}"\n',
    )
    result = approved("send")
    assert result.code == 2
    assert result.err.startswith(
        f"followup: error: smtp.cafile: expected a readable certificate file (PEM), '{bogus}' "
    )
    assert [s for s, _ in _statuses(approved)] == ["queued"]


@pytest.mark.parametrize(
    ("window", "error"),
    [
        ("", None),
        ('start = "8"\n', "send_window.start: expected a time as HH:MM, got '8'"),
        ('start = "08:30+02:00"\n', "send_window.start: expected a time as HH:MM"),
        ("start = 8\n", "send_window.start: expected a time as HH:MM, got 8"),
        ("start = [1]\n", "send_window.start: expected a time as HH:MM, got [1]"),
        ("start = 1979-05-27\n", "send_window.start: expected a time as HH:MM"),
    ],
)
def test_a_send_window_that_is_not_a_time_is_one_line(approved, tmp_path, window, error):
    _config(tmp_path, f'host = "127.0.0.1"\nport = {free_port()}\nsecurity = "none"\n', window)
    result = approved("approve", "--opportunity", "acme-ae", "--to", "Dana Reyes")
    if error is None:
        assert result.code == 0
        return
    assert result.code == 2
    assert result.err.startswith(f"followup: error: {error}")
    assert result.err.count("\n") == 1


def test_a_send_window_that_is_not_a_table_is_one_line(approved, tmp_path):
    folder = tmp_path / "config"
    folder.mkdir(exist_ok=True)
    (folder / "followup.toml").write_text('send_window = "08:30-11:30"\n')
    result = approved("approve", "--opportunity", "acme-ae", "--to", "Dana Reyes")
    assert (result.code, result.err) == (
        2,
        "followup: error: send_window: expected a table with start and end, got '08:30-11:30'\n",
    )


def test_a_port_that_is_true_is_not_port_1(approved, tmp_path):
    _config(tmp_path, 'host = "127.0.0.1"\nport = true\n')
    result = approved("send")
    assert (result.code, result.err) == (
        2,
        "followup: error: smtp.port: expected a port number, got True\n",
    )


# -- addresses ------------------------------------------------------------------------------------
BAD_ADDRESSES = [
    "fay@exa mple.com>, x@evil.example",
    "fay@example.com\r\nBcc: x@evil.example",
    "Fay <fay@example.com>",
    "fay@example.com, x@evil.example",
    "fay",
    "fay@localhost",
]


@pytest.mark.parametrize("address", BAD_ADDRESSES)
def test_an_address_in_a_dossier_must_be_one_real_address(cli, tmp_path, address):
    dossier = json.loads((DATA / "acme.json").read_text())
    dossier["opportunities"][0]["interviews"][0]["contacts"][1]["email"] = address
    path = tmp_path / "bad.json"
    path.write_text(json.dumps(dossier))
    result = cli("import", str(path))
    assert result.code == 2
    assert result.err.startswith(
        "followup: error: opportunities[0].interviews[0].contacts[1].email: expected "
    )  # an email address like name@example.com, or text without control characters (CR/LF)
    assert result.err.count("\n") == 1


@pytest.mark.parametrize("address", BAD_ADDRESSES[:3])
def test_an_address_on_the_command_line_must_be_one_real_address(cli, address):
    assert cli("import", str(DATA / "acme.json")).code == 0
    result = cli(
        "add-interview", "acme-ae", "--date", "2027-01-12", "--person", f"Kim Lo; email={address}"
    )
    assert result.code == 2
    assert "expected an email address like name@example.com" in result.err
    result = cli("profile", "--email", address)
    assert result.code == 2
    assert result.err.startswith("followup: error: --email: expected an email address like")


def test_a_bad_address_stored_before_addresses_were_checked_is_never_approved(cli):
    assert cli("import", str(DATA / "acme.json")).code == 0
    from followup import bootstrap

    deps = bootstrap.dependencies(cli.database.location, cli.database.user)
    with deps.store.unit_of_work() as uow:
        opp = uow.get_opportunity("acme-ae")
        first = opp.interviews[0]
        bad = replace(first.contacts[1], email="fay@exa mple.com>, x@evil.example")
        opp.interviews[0] = replace(first, contacts=(first.contacts[0], bad))
        uow.save_opportunity(opp)
        uow.commit()
    result = cli("approve", "--opportunity", "acme-ae", "--to", "Lee Park")
    assert result.code == 2
    assert result.err.startswith("followup: error: --to: expected an email address like")
    assert json.loads(cli("outbox", "--json").out) == []


def test_the_web_capture_refuses_a_smuggled_address(tmp_path):
    from .web_client import client, token

    web = client(tmp_path)
    form = {
        "csrf": token(web),
        "opportunity": "acme-ae",
        "date": "2027-01-12",
        "round": "2",
        "people-0-name": "Kim Lo",
        "people-0-email": "kim@acme.example>, x@evil.example",
    }
    response = web.post("/capture", data=form)
    assert response.status_code == 400
    assert "expected an email address like name@example.com" in response.text
