"""Hostile dossiers: every one is refused in one line naming the field, exit 2, and the database
is exactly as before; none is taken silently."""

from __future__ import annotations

import copy
import json

import pytest

from tests.e2e.conftest import DATA

GOOD = json.loads((DATA / "acme.json").read_text())


def _file(change) -> str:  # type: ignore[no-untyped-def]
    dossier = copy.deepcopy(GOOD)
    change(dossier["opportunities"][0], dossier)
    return json.dumps(dossier)


def _set(*path):  # type: ignore[no-untyped-def]
    *keys, value = path

    def change(opp, dossier):  # type: ignore[no-untyped-def]
        target = dossier["candidate"] if keys[0] == "candidate" else opp
        rest = keys[1:] if keys[0] == "candidate" else keys
        for key in rest[:-1]:
            target = target[key]
        target[rest[-1]] = value

    return change


ATTACKS = [
    (
        "year 9999 in an interview date",
        _file(_set("interviews", 0, "date", "9999-12-31")),
        "opportunities[0].interviews[0].date: expected a date from 2000-01-01 to 2099-12-31, "
        "got '9999-12-31'",
    ),
    (
        "year 9999 in an event date",
        _file(_set("events", 2, "date", "9999-12-31")),
        "opportunities[0].events[2].date: expected a date from 2000-01-01 to 2099-12-31",
    ),
    (
        "year 1 in a deadline",
        _file(_set("timeline", "preliminary_deadline", "0001-01-01")),
        "opportunities[0].timeline.preliminary_deadline: expected a date from 2000-01-01",
    ),
    (
        "an ISO week date",
        _file(_set("interviews", 0, "date", "2027-W01-1")),
        "opportunities[0].interviews[0].date: expected a date that exists, as YYYY-MM-DD, "
        "got '2027-W01-1'",
    ),
    (
        "an ordinal date",
        _file(_set("events", 0, "date", "2026-358")),
        "opportunities[0].events[0].date: expected a date that exists, as YYYY-MM-DD",
    ),
    (
        "a date in full-width digits",
        _file(_set("events", 0, "date", "２０２６-12-24")),
        "opportunities[0].events[0].date: expected a date that exists, as YYYY-MM-DD",
    ),
    (
        "a date with a time",
        _file(_set("events", 0, "date", "2026-12-24T10:00")),
        "opportunities[0].events[0].date: expected a date that exists, as YYYY-MM-DD",
    ),
    (
        "a time with a UTC offset",
        _file(_set("events", 1, "time", "16:30+02:00")),
        "opportunities[0].events[1].time: expected a time of day as HH:MM (24-hour), "
        "got '16:30+02:00'",
    ),
    (
        "a short UTC offset that fits the old length check",
        _file(_set("events", 1, "time", "16:30+01")),
        "opportunities[0].events[1].time: expected a time of day as HH:MM (24-hour)",
    ),
    (
        "a time in Zulu",
        _file(_set("events", 1, "time", "16:30Z")),
        "opportunities[0].events[1].time: expected a time of day as HH:MM (24-hour)",
    ),
    (
        "a fraction of a second",
        _file(_set("events", 1, "time", "16:30:00.5")),
        "opportunities[0].events[1].time: expected a time of day as HH:MM (24-hour)",
    ),
    (
        "minutes of 2**63",
        _file(_set("interviews", 0, "contacts", 0, "minutes", 2**63)),
        "opportunities[0].interviews[0].contacts[0].minutes: expected whole minutes spent, "
        "0 to 1440, got 9223372036854775808",
    ),
    (
        "a round of 2**64",
        _file(_set("interviews", 0, "round", 2**64)),
        "opportunities[0].interviews[0].round: expected a round number, 1 to 99",
    ),
    (
        "minutes as a float",
        _file(_set("interviews", 0, "contacts", 0, "minutes", 45.5)),
        "opportunities[0].interviews[0].contacts[0].minutes: expected whole minutes spent",
    ),
    (
        "other interviews of 10**30",
        _file(_set("candidate", "other_interviews", 10**30)),
        "candidate.other_interviews: expected a whole number, 0 to 999",
    ),
    (
        "a timeline that is a list",
        _file(_set("timeline", [])),
        "opportunities[0].timeline: expected a JSON object, got []",
    ),
    (
        "a timeline that is an empty string",
        _file(_set("timeline", "")),
        "opportunities[0].timeline: expected a JSON object, got ''",
    ),
    (
        "a timeline that is zero",
        _file(_set("timeline", 0)),
        "opportunities[0].timeline: expected a JSON object, got 0",
    ),
    (
        "a lone surrogate in a company",
        '{"opportunities": [{"id": "x-1", "company": "Acme \\ud800"}]}',
        "opportunities[0].company: expected text without control characters or lone surrogates",
    ),
    (
        "a lone surrogate in a topic",
        _file(_set("interviews", 0, "contacts", 0, "topics", ["fine", "bad \udfff"])),
        "opportunities[0].interviews[0].contacts[0].topics[1]: expected text without control "
        "characters or lone surrogates",
    ),
    (
        "a carriage return in a name",
        _file(_set("interviews", 0, "contacts", 1, "name", "Lee\r\nBcc: x@evil.example")),
        "opportunities[0].interviews[0].contacts[1].name: expected text without control characters",
    ),
    (
        "nesting deeper than the recursion limit",
        "[" * 200_000 + "]" * 200_000,
        "expected JSON nested at most",
    ),
    (
        "an interview with nobody met",
        _file(_set("interviews", 0, "contacts", [])),
        "opportunities[0].interviews[0].contacts: expected at least one person met",
    ),
    (
        "two interviews with one id",
        _file(
            lambda opp, d: opp["interviews"].append(
                dict(opp["interviews"][0], date="2027-01-12", round=2)
            )
        ),
        "opportunities[0].interviews[1].id: expected an id used by one interview only, "
        "got 'acme-1'",
    ),
    (
        "an event before the interview",
        _file(_set("events", 0, "date", "2026-12-20")),
        "opportunities[0].events[0].date: expected a date on or after the first interview "
        "(2026-12-23), got '2026-12-20'",
    ),
    (
        "an opportunity id with a hash",
        _file(_set("id", "plain#2")),
        "opportunities[0].id: expected an id of letters, digits, '.', '_' and '-' "
        "(starting with a letter or digit, at most 64), got 'plain#2'",
    ),
    (
        "an opportunity id with a slash",
        _file(_set("id", "../etc")),
        "opportunities[0].id: expected an id of letters, digits",
    ),
    (
        "an interview id with a space",
        _file(_set("interviews", 0, "id", "acme 1")),
        "opportunities[0].interviews[0].id: expected an id of letters, digits",
    ),
]


@pytest.mark.parametrize(("case", "content", "message"), ATTACKS, ids=[a[0] for a in ATTACKS])
def test_a_hostile_dossier_is_one_line_exit_2_and_changes_nothing(
    cli, tmp_path, case, content, message
):
    assert cli("import", str(DATA / "acme.json")).code == 0
    before = cli.dump()
    bad = tmp_path / "bad.json"
    bad.write_text(content, encoding="utf-8", errors="surrogatepass")
    result = cli("import", str(bad))
    assert (result.code, result.out) == (2, ""), result.err
    assert result.err.count("\n") == 1, result.err
    assert message in result.err, result.err
    assert cli.dump() == before


def test_event_times_with_seconds_import_once(cli, tmp_path):
    dossier = copy.deepcopy(GOOD)
    dossier["opportunities"][0]["events"][1]["time"] = "16:30:59"
    path = tmp_path / "seconds.json"
    path.write_text(json.dumps(dossier))
    assert cli("import", str(path)).code == 0
    first = cli.dump()
    second = cli("import", str(path))
    assert second.code == 0
    assert "0 added, 0 updated, 1 unchanged" in second.out
    assert cli.dump() == first


@pytest.mark.parametrize("timeline", [[], "", 0, False])
def test_a_timeline_of_the_wrong_type_never_erases_the_deadlines(cli, tmp_path, timeline):
    assert cli("import", str(DATA / "acme.json")).code == 0
    dossier = copy.deepcopy(GOOD)
    dossier["opportunities"][0]["timeline"] = timeline
    path = tmp_path / "timeline.json"
    path.write_text(json.dumps(dossier))
    assert cli("import", str(path)).code == 2
    shown = json.loads(cli("export").out)
    assert shown["opportunities"][0]["timeline"] == GOOD["opportunities"][0]["timeline"]


def test_a_null_timeline_still_clears_the_deadlines_on_purpose(cli, tmp_path):
    assert cli("import", str(DATA / "acme.json")).code == 0
    dossier = copy.deepcopy(GOOD)
    dossier["opportunities"][0]["timeline"] = None
    path = tmp_path / "timeline.json"
    path.write_text(json.dumps(dossier))
    assert cli("import", str(path)).code == 0
    assert json.loads(cli("export").out)["opportunities"][0]["timeline"] == {}


def test_renaming_a_contact_by_reimport_carries_their_events_along(cli, tmp_path):
    assert cli("import", str(DATA / "acme.json")).code == 0
    exported = json.loads(cli("export").out)
    text = json.dumps(exported).replace("Dana Reyes", "Dana Reyes-Smith")
    path = tmp_path / "renamed.json"
    path.write_text(text)
    result = cli("import", str(path))
    assert result.code == 0, result.err
    after = json.loads(cli("export").out)["opportunities"][0]
    assert [e.get("contact") for e in after["events"]] == [
        "Dana Reyes-Smith",
        "Dana Reyes-Smith",
        None,
    ]
    assert cli("import", str(path)).out.startswith("Imported 1 opportunity: 0 added, 0 updated")


def test_a_file_that_drops_a_person_still_named_by_a_stored_event_says_which_event(cli, tmp_path):
    assert cli("import", str(DATA / "acme.json")).code == 0
    dossier = copy.deepcopy(GOOD)
    opp = dossier["opportunities"][0]
    opp["interviews"][0]["contacts"] = opp["interviews"][0]["contacts"][1:]  # Dana gone
    opp["events"] = []
    path = tmp_path / "dropped.json"
    path.write_text(json.dumps(dossier))
    result = cli("import", str(path))
    assert result.code == 2
    assert result.err == (
        "followup: error: opportunities[0]: the stored event done thank_you on 2026-12-24 "
        "names Dana Reyes, who is not among the people met in the file (Lee Park); "
        "remove the event first (followup unlog acme-ae 1) or keep the person\n"
    )
