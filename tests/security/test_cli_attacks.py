"""Hostile command lines: one line, exit 2, nothing changed; never a traceback."""

from __future__ import annotations

import pytest

from tests.e2e.conftest import DATA

HUGE = "99999999999999999999"

ATTACKS = [
    (
        ("log", "acme-ae", "offer", "--date", "9999-12-31"),
        "followup log: error: argument --date: expected a date from 2000-01-01 to 2099-12-31, "
        "got '9999-12-31' (see `followup log --help`)\n",
    ),
    (
        ("agenda", "--on", "0001-01-01"),
        "followup agenda: error: argument --on: expected a date from 2000-01-01 to 2099-12-31, "
        "got '0001-01-01' (see `followup agenda --help`)\n",
    ),
    (
        ("agenda", "--on", "2027-W01-1"),
        "followup agenda: error: argument --on: expected a date that exists, as YYYY-MM-DD, "
        "got '2027-W01-1' (see `followup agenda --help`)\n",
    ),
    (
        ("agenda", "--limit", HUGE),
        "followup agenda: error: argument --limit: expected a whole number from 0 to 1000, "
        f"got '{HUGE}' (see `followup agenda --help`)\n",
    ),
    (
        ("agenda", "--limit", "-3"),
        "followup agenda: error: argument --limit: expected a whole number from 0 to 1000, "
        "got '-3' (see `followup agenda --help`)\n",
    ),
    (
        ("add-interview", "acme-ae", "--date", "2027-01-12", "--round", HUGE, "--person", "Kim"),
        "followup add-interview: error: argument --round: expected a whole number from 1 to 99, "
        f"got '{HUGE}' (see `followup add-interview --help`)\n",
    ),
    (
        ("add-interview", "acme-ae", "--date", "2027-01-12", "--person", f"Kim; minutes={HUGE}"),
        f"followup: error: --person 1 minutes: expected whole minutes, 0 to 1440, got '{HUGE}'\n",
    ),
    (
        ("add-interview", "acme-ae", "--date", "2027-01-12"),
        "followup: error: --person: expected at least one person met\n",
    ),
    (
        ("serve", "--port", "99999"),
        "followup serve: error: argument --port: expected a whole number from 1 to 65535, "
        "got '99999' (see `followup serve --help`)\n",
    ),
    (
        ("send", "--limit", HUGE),
        "followup send: error: argument --limit: expected a whole number from 1 to 100000, "
        f"got '{HUGE}' (see `followup send --help`)\n",
    ),
    (
        ("outbox", "retry", HUGE),
        f"followup: error: ID: no letter in the outbox '{HUGE}'\n",
    ),
    (
        ("add-opportunity", "plain#2", "--company", "Plain"),
        "followup: error: ID: expected an id of letters, digits, '.', '_' and '-' (starting "
        "with a letter or digit, at most 64), got 'plain#2'\n",
    ),
    (
        ("add-interview", "acme-ae", "--date", "2027-01-12", "--id", "a/b", "--person", "Kim"),
        "followup: error: --id: expected an id of letters, digits, '.', '_' and '-' (starting "
        "with a letter or digit, at most 64), got 'a/b'\n",
    ),
    (
        ("log", "acme-ae", "offer", "--date", "2026-12-01"),
        "followup: error: --date: expected a date on or after the first interview (2026-12-23), "
        "got '2026-12-01'\n",
    ),
    (
        ("log", "acme-ae", "reply", "--contact", "Lee Park", "--time", "16:30+02:00"),
        "followup: error: --time: expected a time of day as HH:MM (24-hour), got '16:30+02:00'\n",
    ),
    (
        ("show", "acme\udcff"),
        "followup: error: argument 2: expected text in UTF-8, got 'acme\\udcff'\n",
    ),
    (
        ("log", "acme-ae", "offer", "--note", "bad \udcfe byte"),
        "followup: error: argument 5: expected text in UTF-8, got 'bad \\udcfe byte'\n",
    ),
]


@pytest.mark.parametrize(("argv", "error"), ATTACKS, ids=[" ".join(a) for a, _ in ATTACKS])
def test_a_hostile_argument_is_one_line_exit_2_and_changes_nothing(cli, argv, error):
    assert cli("import", str(DATA / "acme.json")).code == 0
    before = cli.dump()
    result = cli(*argv)
    assert (result.code, result.err) == (2, error)
    assert cli.dump() == before
