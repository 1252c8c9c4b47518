"""The command line on a shared server: accounts, acting as one with --user, coaches' access,
and moving a person's own SQLite file into their account."""

from __future__ import annotations

import io
import json
import subprocess
import sys

import pytest

from .conftest import DATA, Cli


@pytest.fixture
def server(postgres_database, tmp_path, monkeypatch, capsys) -> Cli:
    monkeypatch.setenv("FOLLOWUP_DATABASE", postgres_database.location)
    monkeypatch.delenv("FOLLOWUP_USER", raising=False)
    monkeypatch.setenv("FOLLOWUP_CONFIG", str(tmp_path / "config"))
    return Cli(postgres_database, capsys, tmp_path)


def typed(monkeypatch, text: str) -> None:
    monkeypatch.setattr(sys, "stdin", io.StringIO(text))


def test_users_are_added_listed_and_disabled(server, monkeypatch):
    typed(monkeypatch, "a long enough password\n")
    added = server("users", "add", "Pat@Example.COM", "--role", "coach")
    assert (added.code, added.out) == (0, "Added coach pat@example.com.\n")
    listed = server("users", "list")
    assert listed.out.splitlines() == [
        "admin@example.com                admin     0 session(s)",
        "coach@example.com                coach     0 session(s)",
        "kim@example.com                  candidate 0 session(s)",
        "pat@example.com                  coach     0 session(s)",
        "sam@example.com                  candidate 0 session(s)",
    ]
    assert server("users", "disable", "pat@example.com").out == (
        "Disabled pat@example.com; its sessions have ended.\n"
    )
    rows = json.loads(server("users", "list", "--json").out)
    assert {
        (r["email"], r["role"], r["disabled"]) for r in rows if r["email"] == "pat@example.com"
    } == {("pat@example.com", "coach", True)}
    assert set(rows[0]) == {"email", "role", "disabled", "created", "sessions"}
    stored = server.database.sql(
        "SELECT password_hash FROM account WHERE email = 'pat@example.com'"
    )
    assert stored[0][0].startswith("$argon2id$") and "long enough" not in stored[0][0]


@pytest.mark.parametrize(
    ("argv", "stdin", "error"),
    [
        (
            ("users", "add", "sam@example.com", "--role", "candidate"),
            "another password!\n",
            "followup: error: EMAIL: an account sam@example.com already exists\n",
        ),
        (
            ("users", "add", "new@example.com", "--role", "candidate"),
            "short\n",
            "followup: error: password: expected at least 10 characters\n",
        ),
        (
            ("users", "add", "not-an-email", "--role", "coach"),
            "long enough password\n",
            "followup: error: EMAIL: expected an email address like name@example.com, "
            "got 'not-an-email'\n",
        ),
        (
            ("users", "disable", "nobody@example.com"),
            "",
            "followup: error: EMAIL: no account 'nobody@example.com'\n",
        ),
        (
            ("--user", "sam@example.com", "users", "list"),
            "",
            "followup: error: --user: sam@example.com is a candidate; expected a admin\n",
        ),
        (
            ("grant", "coach@example.com"),
            "",
            "followup: error: --user: expected the email of the account to act as\n",
        ),
        (
            ("--user", "sam@example.com", "grant", "kim@example.com"),
            "",
            "followup: error: COACH_EMAIL: expected the email of a current coach account, "
            "got 'kim@example.com'\n",
        ),
        (
            ("--user", "sam@example.com", "revoke", "coach@example.com"),
            "",
            "followup: error: COACH_EMAIL: no access given to 'coach@example.com'\n",
        ),
        (
            ("--user", "nobody@example.com", "agenda"),
            "",
            "followup: error: --user: no account 'nobody@example.com'\n",
        ),
        (
            ("--user", "coach@example.com", "agenda"),
            "",
            "followup: error: --user: coach@example.com is a coach; expected a candidate account "
            "for this command\n",
        ),
        (
            ("agenda",),
            "",
            "followup: error: --user: expected the email of the account to act as "
            "(postgresql://followup_app@127.0.0.1:{port}/{db} serves many people; or set "
            "FOLLOWUP_USER)\n",
        ),
    ],
)
def test_bad_account_input_is_one_clear_line_and_changes_nothing(
    server, monkeypatch, argv, stdin, error
):
    typed(monkeypatch, stdin)
    before = server.dump()
    result = server(*argv)
    port, db = server.database.location.rsplit(":", 1)[1].split("/")
    assert (result.code, result.err) == (2, error.format(port=port, db=db))
    assert server.dump() == before


def test_a_disabled_account_cannot_be_acted_as(server):
    server("users", "disable", "kim@example.com")
    result = server("--user", "kim@example.com", "agenda")
    assert (result.code, result.err) == (
        2,
        "followup: error: --user: the account kim@example.com is disabled\n",
    )


def test_an_admin_acting_as_themselves_manages_users(server, monkeypatch):
    typed(monkeypatch, "a long enough password\n")
    added = server(
        "--user", "admin@example.com", "users", "add", "x@example.com", "--role", "candidate"
    )
    assert added.code == 0


def test_a_candidate_grants_and_revokes_a_coachs_access(server):
    granted = server(
        "--user", "sam@example.com", "grant", "coach@example.com", "--until", "2099-12-31"
    )
    assert (granted.code, granted.out) == (
        0,
        "coach@example.com can read your search until the end of Thu 31 Dec 2099.\n",
    )
    forever = server("--user", "sam@example.com", "grant", "COACH@example.com")
    assert forever.out == "coach@example.com can read your search until you revoke it.\n"
    assert server.database.sql("SELECT until FROM access_grant") == [(None,)]
    past = server(
        "--user", "sam@example.com", "grant", "coach@example.com", "--until", "2001-01-01"
    )
    assert past.code == 2 and past.err.startswith("followup: error: --until: expected today (")
    revoked = server("--user", "sam@example.com", "revoke", "coach@example.com")
    assert revoked.out == "coach@example.com can no longer read your search.\n"
    assert server.database.sql("SELECT count(*) FROM access_grant") == [(0,)]


def test_two_candidates_plan_the_same_ids_apart(server):
    for user in ("sam@example.com", "kim@example.com"):
        assert server("--user", user, "import", str(DATA / "acme.json")).code == 0
    sams = server("--user", "sam@example.com", "plan", "--json").out
    assert sams == (DATA / "acme.plan.json").read_text()
    assert server("--user", "kim@example.com", "plan", "--json").out == sams
    server("--user", "kim@example.com", "log", "acme-ae", "offer", "--date", "2027-01-21")
    assert server("--user", "sam@example.com", "plan", "--json").out == sams


def test_a_persons_sqlite_file_moves_into_their_account_on_the_server(server, tmp_path):
    """`followup export | followup --database URL --user EMAIL import -`"""
    import os

    own = tmp_path / "mine.sqlite3"
    env = dict(os.environ, FOLLOWUP_CONFIG=str(tmp_path / "config"))
    env.pop("FOLLOWUP_USER", None)

    def run(*argv: str, stdin: str | None = None) -> str:
        done = subprocess.run(
            [sys.executable, "-m", "followup", *argv],
            input=stdin,
            env=env,
            capture_output=True,
            text=True,
            check=True,
        )
        return done.stdout

    run("--database", str(own), "import", str(DATA / "acme.json"))
    run("--database", str(own), "snooze", "acme-ae", "--help")  # a real command, read-only
    exported = run("--database", str(own), "export")
    url = server.database.location
    shell = subprocess.run(
        f"{sys.executable} -m followup --database {own} export | "
        f"{sys.executable} -m followup --database {url} --user kim@example.com import -",
        shell=True,
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )
    assert shell.stdout == (
        "Imported 1 opportunity: 1 added, 0 updated, 0 unchanged; 13 touches planned.\n"
    )
    assert run("--database", url, "--user", "kim@example.com", "export") == exported
    assert run("--database", url, "--user", "kim@example.com", "plan", "--json") == run(
        "--database", str(own), "plan", "--json"
    )
    assert run("--database", url, "--user", "sam@example.com", "plan", "--json") == "[]\n"
