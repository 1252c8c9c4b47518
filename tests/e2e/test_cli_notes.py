"""`followup note`: the few words that make a letter, per topic and per person; strengths per
opportunity; and `--person "…; topics=…"` as before."""

from __future__ import annotations

import json

import pytest

from .conftest import DATA


@pytest.fixture
def acme(cli):
    assert cli("import", str(DATA / "notes.json")).code == 0
    return cli


def _dana(cli) -> dict:
    out = cli("export")
    assert out.code == 0
    return json.loads(out.out)["opportunities"][0]["interviews"][0]["contacts"][0]


def test_note_changes_only_the_notes_it_is_given(acme):
    result = acme(
        "note",
        "acme-ae",
        "--to",
        "dana reyes",
        "--topic",
        "CRM adoption",
        "--bring",
        "a Salesforce rollout",
    )
    assert result.code == 0
    assert result.out == (
        "Dana Reyes — CRM adoption\n"
        "  they said:    half the team still keeps its pipeline in spreadsheets\n"
        "  you bring:    a Salesforce rollout\n"
        "  you promised: —\n"
    )
    assert _dana(acme)["topics"][1] == {
        "name": "CRM adoption",
        "said": "half the team still keeps its pipeline in spreadsheets",
        "bring": "a Salesforce rollout",
    }


def test_note_adds_a_new_topic_and_an_empty_note_clears_one(acme):
    assert (
        acme(
            "note", "acme-ae", "--to", "Lee Park", "--topic", "relocation", "--said", "we help"
        ).code
        == 0
    )
    assert (
        acme("note", "acme-ae", "--to", "Dana Reyes", "--topic", "CRM adoption", "--said", "").code
        == 0
    )
    export = json.loads(acme("export").out)["opportunities"][0]["interviews"][0]["contacts"]
    assert export[1]["topics"] == [{"name": "relocation", "said": "we help"}]
    assert export[0]["topics"][1] == "CRM adoption"  # no notes left: a plain string again
    assert export[0]["topics"][2] == "quarterly business reviews"


def test_note_sets_the_strengths_of_one_opportunity(acme):
    result = acme(
        "note",
        "acme-ae",
        "--strength",
        "ran the Chicago territory",
        "--strength",
        "  speak  Spanish ",
    )
    assert result.code == 0
    assert json.loads(acme("export").out)["opportunities"][0]["strengths"] == [
        "ran the Chicago territory",
        "speak Spanish",
    ]


@pytest.mark.parametrize(
    ("argv", "error"),
    [
        (
            ["--to", "Nobody", "--topic", "x"],
            "--to: no person 'Nobody' (known: Dana Reyes, Lee Park)",
        ),
        (["--to", "Dana Reyes"], "--to and --topic: expected both"),
        (["--to", "Dana Reyes", "--topic", "  "], "--topic: expected the topic's name"),
        (
            ["--to", "Dana Reyes", "--topic", "x", "--said", "y" * 501],
            "--said: expected a few words",
        ),
        (["--strength", "x", "--to", "Dana Reyes"], "--strength: expected on its own"),
    ],
)
def test_bad_notes_are_one_line_and_change_nothing(acme, argv, error):
    before = acme.dump()
    result = acme("note", "acme-ae", *argv)
    assert result.code == 2
    assert error in result.err
    assert len(result.err.strip().splitlines()) == 1
    assert acme.dump() == before


def test_a_person_typed_with_topics_still_records_plain_topics(cli):
    assert cli("add-opportunity", "globex", "--company", "Globex").code == 0
    result = cli(
        "add-interview",
        "globex",
        "--date",
        "2027-02-01",
        "--person",
        "Marcus Webb; decision-maker; topics=Nordic expansion, quota planning",
    )
    assert result.code == 0
    contact = json.loads(cli("export").out)["opportunities"][0]["interviews"][0]["contacts"][0]
    assert contact["topics"] == ["Nordic expansion", "quota planning"]


def test_show_lists_the_notes_beside_the_topics(acme):
    lines = acme("show", "acme-ae").out.splitlines()
    assert (
        "      topics: new Midwest territories, CRM adoption, quarterly business reviews" in lines
    )
    assert any(line.startswith("      CRM adoption: they said: half the team") for line in lines)
