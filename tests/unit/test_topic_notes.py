"""Notes that make a letter personal: a topic is a string or {"name", "said", "bring",
"promised"} in the dossier; strengths belong to the candidate and to each opportunity."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from followup.adapters.files.dossier import (
    dossier_to_dict,
    parse_dossier,
    parse_topic,
    topic_to_json,
)
from followup.domain.errors import InvalidField
from followup.domain.model import Contact, Topic

NOTES = json.loads((Path(__file__).parents[1] / "data" / "notes.json").read_text())


def test_a_topic_with_notes_is_read_with_each_note():
    dana = parse_dossier(NOTES).opportunities[0].interviews[0].contacts[0]
    assert dana.topics == ("new Midwest territories", "CRM adoption", "quarterly business reviews")
    assert dana.noted_topics() == (
        Topic(
            "new Midwest territories",
            said="the Midwest needs someone who can open accounts from a standing start",
            bring="I opened forty new accounts in my first year in Chicago",
            promised="my 30-60-90 day plan for Wisconsin",
        ),
        Topic("CRM adoption", said="half the team still keeps its pipeline in spreadsheets"),
        Topic("quarterly business reviews"),
    )


def test_export_writes_plain_topics_as_strings_and_noted_ones_as_objects():
    dossier = parse_dossier(NOTES)
    out = dossier_to_dict(dossier.candidate, dossier.opportunities)
    assert (
        out["opportunities"][0]["interviews"][0]["contacts"][0]["topics"]
        == (NOTES["opportunities"][0]["interviews"][0]["contacts"][0]["topics"])
    )
    assert out["opportunities"][0]["strengths"] == ["ran the Chicago territory for three years"]


def test_a_dossier_round_trips_through_export_and_import():
    dossier = parse_dossier(NOTES)
    again = parse_dossier(
        json.loads(json.dumps(dossier_to_dict(dossier.candidate, dossier.opportunities)))
    )
    assert again.opportunities == dossier.opportunities
    assert again.candidate == dossier.candidate


def test_an_opportunity_without_strengths_exports_as_it_always_did():
    data = json.loads(json.dumps(NOTES))
    del data["opportunities"][0]["strengths"]
    dossier = parse_dossier(data)
    out = dossier_to_dict(dossier.candidate, dossier.opportunities)
    assert "strengths" not in out["opportunities"][0]


@pytest.mark.parametrize(
    ("value", "topic"),
    [
        ("  CRM   adoption ", Topic("CRM adoption")),
        ({"name": "CRM adoption"}, Topic("CRM adoption")),
        ({"name": "CRM", "promised": " the deck "}, Topic("CRM", promised="the deck")),
        ({"name": "CRM", "said": "slow", "colour": "blue"}, Topic("CRM", said="slow")),
    ],
)
def test_parse_topic_reads_strings_and_objects(value, topic):
    assert parse_topic(value, "t") == topic


@pytest.mark.parametrize(
    ("value", "field", "expected"),
    [
        (3, "t", "a topic: a string, or"),
        ({"said": "x"}, "t.name", "a value (the field is required)"),
        ({"name": "CRM", "said": 4}, "t.said", "a string"),
        ({"name": " "}, "t.name", "a non-empty string"),
    ],
)
def test_a_malformed_topic_is_named_by_its_path(value, field, expected):
    with pytest.raises(InvalidField) as caught:
        parse_topic(value, "t")
    assert caught.value.field == field
    assert expected in str(caught.value)


@pytest.mark.parametrize(
    ("topic", "json_value"),
    [
        (Topic("CRM"), "CRM"),
        (Topic("CRM", bring="ten years"), {"name": "CRM", "bring": "ten years"}),
    ],
)
def test_topic_to_json_keeps_a_plain_topic_plain(topic, json_value):
    assert topic_to_json(topic) == json_value


def test_noting_a_topic_adds_it_or_replaces_its_notes():
    dana = Contact("Dana Reyes", topics=("CRM adoption",))
    noted = dana.with_topic(Topic("crm adoption", said="spreadsheets everywhere"))
    assert noted.topics == ("CRM adoption",)
    assert noted.noted_topics() == (Topic("CRM adoption", said="spreadsheets everywhere"),)
    added = noted.with_topic(Topic("pricing", promised="the deck"))
    assert added.topics == ("CRM adoption", "pricing")
    cleared = added.with_topic(Topic("pricing"))
    assert cleared.notes == (Topic("crm adoption", said="spreadsheets everywhere"),)
    assert cleared.topics == ("CRM adoption", "pricing")
