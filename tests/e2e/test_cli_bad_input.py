"""Bad input: one line naming the field and what is expected, exit status 2, and the database
exactly as before."""

from __future__ import annotations

import copy
import json

import pytest

from .conftest import DATA

GOOD = json.loads((DATA / "acme.json").read_text())


def _edit(change):
    dossier = copy.deepcopy(GOOD)
    dossier["opportunities"][0]["id"] = "other-ae"  # a new opportunity, so a merge can't hide it
    change(dossier, dossier["opportunities"][0])
    return json.dumps(dossier)


def _set(path, value):
    def change(dossier, opp):
        target = dossier if path[0] == "candidate" else opp
        keys = path[1:] if path[0] == "candidate" else path
        if path[0] == "candidate":
            target = dossier["candidate"]
        for key in keys[:-1]:
            target = target[key]
        target[keys[-1]] = value

    return change


def _drop(key):
    return lambda dossier, opp: opp.pop(key)


BAD_FILES = [
    ("malformed JSON", '{"opportunities": [', "expected JSON, Expecting value at line 1"),
    ("empty file", "", "expected a JSON dossier, the file is empty"),
    ("not an object", "[1, 2]", "dossier: expected a JSON object"),
    (
        "missing company",
        _edit(_drop("company")),
        "opportunities[0].company: expected a value (the field is required)",
    ),
    (
        "unknown policy",
        _edit(_set(["policy"], "pushy")),
        "opportunities[0].policy: no policy 'pushy' (known: etiquette, persistent)",
    ),
    (
        "unknown contact in an event",
        _edit(_set(["events", 0, "contact"], "Pat Doe")),
        "opportunities[0].events[0].contact: expected a person met at an interview of other-ae "
        "(Dana Reyes, Lee Park), got 'Pat Doe'",
    ),
    (
        "impossible date",
        _edit(_set(["interviews", 0, "date"], "2027-02-30")),
        "opportunities[0].interviews[0].date: expected a date that exists, as YYYY-MM-DD, "
        "got '2027-02-30'",
    ),
    (
        "impossible time",
        _edit(_set(["events", 1, "time"], "25:61")),
        "opportunities[0].events[1].time: expected a time of day as HH:MM (24-hour), got '25:61'",
    ),
    (
        "unknown event kind",
        _edit(_set(["events", 2, "kind"], "ghosted")),
        "opportunities[0].events[2].kind: expected one of done, reply, invited, offer, rejected, "
        "withdrawn, got 'ghosted'",
    ),
    (
        "unknown step",
        _edit(_set(["events", 0, "step"], "flowers")),
        "opportunities[0].events[0].step: expected the step done, one of thank_you, secondary, "
        "final, call, reply, stay_in_touch, check_in, got 'flowers'",
    ),
    (
        "time zone that does not exist",
        _edit(_set(["candidate", "timezone"], "America/Gotham")),
        "candidate.timezone: expected an IANA time zone like America/Chicago, got 'America/Gotham'",
    ),
    (
        "country that does not exist",
        _edit(_set(["candidate", "country"], "QQ")),
        "candidate.country: expected an ISO 3166 country code the holidays package knows, like US, "
        "got 'QQ'",
    ),
    (
        "subdivision that does not exist",
        _edit(_set(["candidate", "subdivision"], "XY")),
        "candidate.subdivision: expected a subdivision of US (AK, AL, AR, AS, AZ, CA, CO, CT, DC, "
        "DE, FL, GA, …), got 'XY'",
    ),
    (
        "deadline before the interview",
        _edit(_set(["timeline", "second_round_deadline"], "2026-12-01")),
        "opportunities[0].timeline.second_round_deadline: expected a date on or after the first "
        "interview (2026-12-23), got '2026-12-01'",
    ),
    (
        "negative minutes",
        _edit(_set(["interviews", 0, "contacts", 0, "minutes"], -5)),
        "opportunities[0].interviews[0].contacts[0].minutes: expected whole minutes spent, 0 to "
        "1440, got -5",
    ),
]


@pytest.mark.parametrize(("case", "content", "message"), BAD_FILES, ids=[c[0] for c in BAD_FILES])
def test_a_bad_dossier_is_one_clear_line_and_changes_nothing(cli, tmp_path, case, content, message):
    assert cli("import", str(DATA / "acme.json")).code == 0
    before = cli.dump()
    bad = tmp_path / "bad.json"
    bad.write_text(content)
    result = cli("import", str(bad))
    assert result.code == 2
    assert result.out == ""
    assert result.err.count("\n") == 1, result.err
    assert result.err.startswith("followup: error: ")
    assert message in result.err
    assert cli.dump() == before


def test_a_file_that_is_not_utf8_is_refused(cli, tmp_path):
    bad = tmp_path / "latin1.json"
    bad.write_bytes('{"opportunities": [{"id": "caf\xe9"}]}'.encode("latin-1"))
    result = cli("import", str(bad))
    assert (result.code, result.err) == (
        2,
        f"followup: error: {bad}: expected UTF-8 JSON, found a byte that is not UTF-8 at "
        "offset 30\n",
    )


def test_a_missing_file_is_named(cli, tmp_path):
    result = cli("import", str(tmp_path / "nope.json"))
    assert result.code == 2
    assert result.err == (
        f"followup: error: FILE: expected a readable file, "
        f"'{tmp_path / 'nope.json'}' does not exist\n"
    )


BAD_COMMANDS = [
    (
        ("plan", "--opportunity", "nope"),
        "followup: error: --opportunity: no opportunity 'nope' (known: acme-ae)\n",
    ),
    (("show", "nope"), "followup: error: ID: no opportunity 'nope' (known: acme-ae)\n"),
    (
        ("log", "nope", "offer"),
        "followup: error: OPPORTUNITY: no opportunity 'nope' (known: acme-ae)\n",
    ),
    (
        ("log", "acme-ae", "reply", "--date", "2027-01-05", "--contact", "Kim Lo"),
        "followup: error: --contact: expected a person met at an interview of acme-ae "
        "(Dana Reyes, Lee Park), got 'Kim Lo'\n",
    ),
    (
        ("log", "acme-ae", "reply", "--date", "2027-01-05"),
        "followup: error: --contact: expected the name of the person who wrote\n",
    ),
    (
        (
            "log",
            "acme-ae",
            "reply",
            "--date",
            "2027-01-05",
            "--contact",
            "Lee Park",
            "--time",
            "5pm",
        ),
        "followup: error: --time: expected a time of day as HH:MM (24-hour), got '5pm'\n",
    ),
    (
        ("agenda", "--on", "2027-02-30"),
        "followup agenda: error: argument --on: expected a date that exists, as YYYY-MM-DD, "
        "got '2027-02-30' (see `followup agenda --help`)\n",
    ),
    (
        ("set-timeline", "acme-ae", "--preliminary-deadline", "2026-12-22"),
        "followup: error: --preliminary-deadline: expected a date on or after the first interview "
        "(2026-12-23), got '2026-12-22'\n",
    ),
    (
        ("add-opportunity", "acme-ae", "--company", "Acme Again"),
        "followup: error: ID: opportunity 'acme-ae' already exists; choose another id\n",
    ),
    (
        ("add-opportunity", "new-one", "--company", "New", "--policy", "pushy"),
        "followup: error: --policy: no policy 'pushy' (known: etiquette, persistent)\n",
    ),
    (
        ("add-interview", "acme-ae", "--date", "2027-01-12", "--person", "title=VP"),
        'followup: error: --person 1: expected the name first, like "Dana Reyes; minutes=45", '
        "got 'title=VP'\n",
    ),
    (
        (
            "add-interview",
            "acme-ae",
            "--date",
            "2027-01-12",
            "--person",
            "Kim Lo; minutes=45; title=VP; Minutes=50",
        ),
        "followup: error: --person 1 minutes: expected it once, but it is given again, got '50'\n",
    ),
    (
        ("profile", "--timezone", "Europe/Atlantis"),
        "followup: error: --timezone: expected an IANA time zone like America/Chicago, "
        "got 'Europe/Atlantis'\n",
    ),
    (
        ("profile", "--weekmask", "1111111x"),
        "followup: error: --weekmask: expected seven 0/1 flags Monday..Sunday (like 1111100) or "
        "day names (like 'Mon Tue Wed Thu Fri'), got '1111111x'\n",
    ),
]


@pytest.mark.parametrize(
    ("argv", "error"), BAD_COMMANDS, ids=[" ".join(a) for a, _ in BAD_COMMANDS]
)
def test_a_bad_argument_is_one_clear_line_and_changes_nothing(cli, argv, error):
    assert cli("import", str(DATA / "acme.json")).code == 0
    before = cli.dump()
    result = cli(*argv)
    assert (result.code, result.err) == (2, error)
    assert cli.dump() == before


def test_a_postgresql_server_that_is_down_is_one_line(cli):
    from ..integration.mail_support import free_port

    port = free_port()  # nothing listens there
    url = f"postgresql://followup_app:secret@127.0.0.1:{port}/followup"
    result = cli("--database", url, "--user", "sam@example.com", "agenda")
    assert (result.code, result.out) == (3, "")
    assert result.err == (
        f"followup: error: database: PostgreSQL at postgresql://followup_app@127.0.0.1:{port}/"
        f'followup is not reachable (connection to server at "127.0.0.1", port {port} failed: '
        "Connection refused); nothing was changed\n"
    )  # one line, and the password is not in it
