"""`followup card PHOTO`: DESIGN's JSON shape, adding the person to an interview, and bad photos.

The photos carry a QR code, so the fields are exact and the tests fast (a card whose code holds
all five fields is not OCR'd); the OCR itself is tested in tests/integration/test_card_photos.py.
"""

from __future__ import annotations

import io
import json
import random

import pytest

from tests.cards.generate import Card, shoot

from .conftest import DATA

DEJAVU = ("DejaVuSans.ttf", "DejaVuSans-Bold.ttf")


@pytest.fixture
def photo(tmp_path):
    card = Card(
        country="US",
        name="Avery Brooks",
        title="Head of Talent Acquisition",
        company="Acme Robotics Inc.",
        email="avery.brooks@acme-robotics.com",
        phone="(312) 555-0142",
        phone_e164="+13125550142",
        phone_label="T ",
        fax=None,
        fax_label="",
        web="www.acme-robotics.com",
        address=[],
        tagline=None,
        email_label="",
        fax_same_line=False,
        qr="vcard",
    )
    data, _, _ = shoot(card, random.Random(2), "tune", "classic", "scan", 0, "png", False, DEJAVU)
    path = tmp_path / "card.png"
    path.write_bytes(data)
    return path


def test_card_json_is_designs_shape_and_saves_nothing(cli, photo):
    cli("import", str(DATA / "acme.json"))
    before = cli.dump()
    result = cli("card", str(photo), "--json")
    assert (result.code, result.err) == (0, "")
    assert json.loads(result.out) == {
        "name": "Avery Brooks",
        "title": "Head of Talent Acquisition",
        "company": "Acme Robotics Inc.",
        "email": "avery.brooks@acme-robotics.com",
        "phone": "+1 312-555-0142",
        "confidence": {
            "name": 0.99,
            "title": 0.99,
            "company": 0.99,
            "email": 0.99,
            "phone": 0.99,
        },
    }
    assert list(json.loads(result.out)) == [
        "name",
        "title",
        "company",
        "email",
        "phone",
        "confidence",
    ]
    assert cli.dump() == before


def test_card_without_json_shows_the_fields_and_how_to_save_them(cli, photo):
    result = cli("card", str(photo))
    assert result.code == 0
    assert result.out.splitlines()[:7] == [
        "Name     Avery Brooks  (0.99 sure)",
        "Title    Head of Talent Acquisition  (0.99 sure)",
        "Company  Acme Robotics Inc.  (0.99 sure)",
        "Email    avery.brooks@acme-robotics.com  (0.99 sure)",
        "Phone    +1 312-555-0142  (0.99 sure)",
        "Read from the card's QR code.",
        "Nothing was saved. To add this person: followup card PHOTO --opportunity ID "
        "--interview ID --yes",
    ]


def test_card_yes_adds_the_person_to_the_interview_and_plans_their_thank_you(cli, photo):
    cli("import", str(DATA / "acme.json"))
    result = cli(
        "card",
        str(photo),
        "--opportunity",
        "acme-ae",
        "--interview",
        "acme-1",
        "--yes",
        "--minutes",
        "20",
        "--topics",
        "hiring plan, onboarding",
    )
    assert result.code == 0, result.err
    assert "Added Avery Brooks to interview acme-1 of acme-ae." in result.out
    show = json.loads(cli("show", "acme-ae", "--json").out)
    contacts = {c["name"]: c for iv in show["interviews"] for c in iv["contacts"]}
    assert contacts["Avery Brooks"]["title"] == "Head of Talent Acquisition"
    assert contacts["Avery Brooks"]["email"] == "avery.brooks@acme-robotics.com"
    assert contacts["Avery Brooks"]["minutes"] == 20
    assert contacts["Avery Brooks"]["topics"] == ["hiring plan", "onboarding"]
    plan = json.loads(cli("plan", "--json").out)
    assert any(t["contact"] == "Avery Brooks" and t["step"] == "thank_you" for t in plan)


def test_card_twice_adds_the_person_once(cli, photo):
    cli("import", str(DATA / "acme.json"))
    args = ("card", str(photo), "--opportunity", "acme-ae", "--interview", "acme-1", "--yes")
    assert cli(*args).code == 0
    once = cli.dump()
    assert cli(*args).code == 0
    assert cli.dump() == once


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("--opportunity", "acme-ae"), "--interview: expected both --opportunity and --interview"),
        (
            ("--opportunity", "nope", "--interview", "acme-1", "--yes"),
            "--opportunity: no opportunity 'nope'",
        ),
        (
            ("--opportunity", "acme-ae", "--interview", "nope", "--yes"),
            "--interview: no interview of acme-ae 'nope' (known: acme-1)",
        ),
        (
            ("--opportunity", "acme-ae", "--interview", "acme-1"),
            "--yes: expected, to add the person without asking",
        ),
    ],
    ids=[
        "interview-missing",
        "unknown-opportunity",
        "unknown-interview",
        "no-yes-without-a-terminal",
    ],
)
def test_card_with_bad_arguments_says_so_in_one_line_and_changes_nothing(
    cli, photo, monkeypatch, args, message
):
    cli("import", str(DATA / "acme.json"))
    monkeypatch.setattr("sys.stdin", io.StringIO(""))
    before = cli.dump()
    result = cli("card", str(photo), *args)
    assert result.code == 2
    assert result.err.startswith(f"followup: error: {message}"), result.err
    assert result.err.count("\n") == 1
    assert cli.dump() == before


def test_card_of_a_file_that_is_no_photo_exits_2_with_one_line(cli, tmp_path):
    bad = tmp_path / "card.jpg"
    bad.write_bytes(b"\xff\xd8\xff\xe0 not really a jpeg")
    result = cli("card", str(bad))
    assert (result.code, result.out) == (2, "")
    assert result.err == (
        f"followup: error: {bad}: expected a JPEG, PNG or HEIC photo; the file is not one, or is "
        "damaged\n"
    )


def test_card_of_an_empty_file_names_it_and_what_was_expected(cli, tmp_path):
    cli("import", str(DATA / "acme.json"))
    before = cli.dump()
    empty = tmp_path / "IMG_0412.HEIC"
    empty.write_bytes(b"")
    for args in ((), ("--opportunity", "acme-ae", "--interview", "acme-1", "--yes")):
        result = cli("card", str(empty), *args)
        assert (result.code, result.out) == (2, "")
        assert result.err == (
            f"followup: error: {empty}: expected a JPEG, PNG or HEIC photo, the file is empty\n"
        )
    assert cli.dump() == before


def test_card_of_a_missing_file_exits_2(cli, tmp_path):
    result = cli("card", str(tmp_path / "nowhere.jpg"))
    assert result.code == 2
    assert "does not exist" in result.err
