"""Capture from a business card on the web: photo, the fields beside it to correct, save to an
interview, then minutes and topics (001). In process; the photo carries a QR code so no OCR runs."""

from __future__ import annotations

import random
import re

import pytest

from followup.services.planning import show_opportunity
from tests.cards.generate import Card, shoot

from .web_support import csrf_of, make_services, web_client

DEJAVU = ("DejaVuSans.ttf", "DejaVuSans-Bold.ttf")


@pytest.fixture
def web(tmp_path):
    deps = make_services(tmp_path)
    client = web_client(deps)
    client.services = deps  # type: ignore[attr-defined]
    return client


@pytest.fixture(scope="module")
def photo() -> bytes:
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
        qr="mecard",
    )
    data, _, _ = shoot(card, random.Random(2), "tune", "classic", "scan", 0, "jpg", False, DEJAVU)
    return data


def _read(web, photo: bytes):
    page = web.get("/capture/card")
    return web.post(  # an upload's token travels in its form's action (web/security.py)
        f"/capture/card/read?csrf={csrf_of(page.text)}",
        files={"photo": ("card.jpg", photo, "image/jpeg")},
    )


def test_capture_links_to_the_card_page_which_asks_for_the_phones_camera(web):
    assert 'href="/capture/card"' in web.get("/capture").text
    page = web.get("/capture/card")
    assert page.status_code == 200
    assert (
        '<input id="photo" name="photo" type="file" accept="image/*" capture="environment"'
        in page.text
    )
    assert 'enctype="multipart/form-data"' in page.text


def test_the_fields_read_are_shown_beside_the_photo_for_review(web, photo):
    page = _read(web, photo)
    assert page.status_code == 200
    assert '<img class="card-photo" src="data:image/jpeg;base64,' in page.text
    for key, value in (
        ("name", "Avery Brooks"),
        ("title", "Head of Talent Acquisition"),
        ("company", "Acme Robotics Inc."),
        ("email", "avery.brooks@acme-robotics.com"),
        ("phone", "+1 312-555-0142"),
    ):
        assert re.search(rf'id="card-{key}" name="{key}" value="{re.escape(value)}"', page.text)
    assert '<option value="acme-ae|acme-1"' in page.text


def test_saving_the_corrected_fields_adds_the_person_then_asks_minutes_and_topics(web, photo):
    page = _read(web, photo)
    token = csrf_of(page.text)
    saved = web.post(
        "/capture/card/save",
        data={
            "csrf": token,
            "name": "Avery  Brooks-Hale",  # corrected by hand
            "title": "Head of Talent",
            "company": "Acme Robotics Inc.",
            "email": "avery.brooks@acme-robotics.com",
            "phone": "+1 312-555-0142",
            "interview": "acme-ae|acme-1",
        },
        follow_redirects=False,
    )
    assert saved.status_code == 303
    assert saved.headers["location"].startswith("/capture/card/conversation?")
    asked = web.get(saved.headers["location"])
    assert "How did it go with Avery Brooks-Hale?" in asked.text
    done = web.post(
        "/capture/card/conversation",
        data={
            "csrf": token,
            "opportunity": "acme-ae",
            "interview": "acme-1",
            "name": "Avery Brooks-Hale",
            "minutes": "25",
            "topics": "hiring plan, onboarding",
            "dm": "on",
        },
        follow_redirects=False,
    )
    assert (done.status_code, done.headers["location"]) == (
        303,
        "/opportunities/acme-ae?captured=1",
    )
    view = show_opportunity(web.services, "acme-ae")
    met = {c.name: c for iv in view.opportunity.interviews for c in iv.contacts}
    person = met["Avery Brooks-Hale"]
    assert (person.title, person.minutes, person.topics, person.decision_maker) == (
        "Head of Talent",
        25,
        ("hiring plan", "onboarding"),
        True,
    )


def test_saving_without_a_name_re_renders_with_the_message_and_saves_nothing(web, photo):
    page = _read(web, photo)
    before = show_opportunity(web.services, "acme-ae").opportunity.interviews
    answer = web.post(
        "/capture/card/save",
        data={"csrf": csrf_of(page.text), "name": " ", "interview": "acme-ae|acme-1"},
    )
    assert answer.status_code == 400
    assert "name: expected the person&#39;s name" in answer.text
    assert show_opportunity(web.services, "acme-ae").opportunity.interviews == before


def test_a_file_that_is_no_photo_is_a_clear_message(web):
    answer = _read(web, b"this is not a photo")
    assert answer.status_code == 400
    assert "photo: expected a JPEG, PNG or HEIC photo; the file is not one, or is damaged" in (
        answer.text
    )


def test_a_photo_too_large_is_refused_before_its_body_is_read(web):
    page = web.get("/capture/card")
    answer = web.post(
        "/capture/card/read",
        content=b"x" * 100,
        headers={
            "content-type": "multipart/form-data; boundary=b",
            "content-length": str(50 * 1024 * 1024),
            "x-csrf-token": csrf_of(page.text),
        },
    )
    assert answer.status_code == 413
    assert "photo: expected a photo of at most 20 MB" in answer.text


def test_a_photo_too_large_without_a_declared_length_is_cut_off(web):
    page = web.get("/capture/card")
    chunks = (b"x" * (1024 * 1024) for _ in range(25))
    answer = web.post(
        "/capture/card/read",
        content=chunks,
        headers={
            "content-type": "multipart/form-data; boundary=b",
            "x-csrf-token": csrf_of(page.text),
        },
    )
    assert answer.status_code == 413
