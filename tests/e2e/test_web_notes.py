"""The few words that make a letter, on the web: per person met at capture, per topic on the
opportunity page, and strengths per opportunity."""

from __future__ import annotations

import pytest

from followup.domain.model import Topic

from .web_support import csrf_of, make_services, web_client


@pytest.fixture
def web(tmp_path):
    deps = make_services(tmp_path)
    client = web_client(deps)
    client.services = deps  # type: ignore[attr-defined]
    return client


def _opportunity(web, opportunity_id="acme-ae"):
    with web.services.store.unit_of_work(readonly=True) as uow:
        return uow.get_opportunity(opportunity_id)


def test_capture_asks_each_person_for_what_they_said_what_you_bring_and_promised(web):
    page = web.get("/capture").text
    for field in ("people-0-said", "people-0-bring", "people-0-promised"):
        assert f'name="{field}"' in page
    row = web.get("/capture/person?i=2").text
    assert 'name="people-2-promised"' in row


def test_notes_typed_at_capture_belong_to_the_first_topic(web):
    form = {
        "csrf": csrf_of(web.get("/capture").text),
        "opportunity": "",
        "company": "Initech",
        "date": "2026-12-28",
        "people-0-name": "Bill Lumbergh",
        "people-0-dm": "on",
        "people-0-topics": "TPS reports, upselling",
        "people-0-said": "  the reports  are late every Friday ",
        "people-0-promised": "my reporting checklist",
    }
    response = web.post("/capture", data=form, follow_redirects=False)
    assert response.headers["location"] == "/opportunities/initech?captured=1"
    bill = _opportunity(web, "initech").interviews[0].contacts[0]
    assert bill.noted_topics() == (
        Topic(
            "TPS reports",
            said="the reports are late every Friday",
            promised="my reporting checklist",
        ),
        Topic("upselling"),
    )
    page = web.get("/opportunities/initech?captured=1").text
    assert "Now the few words that make each letter" in page
    assert (
        "they said: the reports are late every Friday · you promised: my reporting checklist"
        in page
    )
    assert '<details class="note-edit" open>' in page  # upselling has no notes yet


def test_notes_without_a_topic_are_refused_and_nothing_is_stored(web):
    form = {
        "csrf": csrf_of(web.get("/capture").text),
        "opportunity": "",
        "company": "Initech",
        "date": "2026-12-28",
        "people-0-name": "Bill Lumbergh",
        "people-0-bring": "ten years of reporting",
    }
    response = web.post("/capture", data=form)
    assert response.status_code == 400
    assert "people-0-topics: expected the topic your notes are about" in response.text
    assert 'value="ten years of reporting"' in response.text
    assert web.get("/opportunities/initech").status_code == 404


def test_the_opportunity_page_edits_a_topics_notes(web):
    page = web.get("/opportunities/acme-ae").text
    assert 'action="/opportunities/acme-ae/notes"' in page
    response = web.post(
        "/opportunities/acme-ae/notes",
        data={
            "csrf": csrf_of(page),
            "to": "Dana Reyes",
            "topic": "CRM adoption",
            "said": "half the team uses spreadsheets",
            "bring": "",
            "promised": "",
        },
        follow_redirects=False,
    )
    assert (response.status_code, response.headers["location"]) == (303, "/opportunities/acme-ae")
    dana = _opportunity(web).interviews[0].contacts[0]
    assert dana.noted_topics()[1] == Topic("CRM adoption", said="half the team uses spreadsheets")
    assert "they said: half the team uses spreadsheets" in web.get("/opportunities/acme-ae").text


def test_the_opportunity_page_adds_a_topic_for_someone(web):
    page = web.get("/opportunities/acme-ae").text
    web.post(
        "/opportunities/acme-ae/notes",
        data={"csrf": csrf_of(page), "to": "Lee Park", "topic": "relocation", "promised": "my CV"},
    )
    lee = _opportunity(web).interviews[0].contacts[1]
    assert lee.noted_topics() == (Topic("relocation", promised="my CV"),)


def test_a_note_for_someone_unknown_is_a_404_naming_who_is_known(web):
    page = web.get("/opportunities/acme-ae").text
    response = web.post(
        "/opportunities/acme-ae/notes", data={"csrf": csrf_of(page), "to": "Nobody", "topic": "x"}
    )
    assert response.status_code == 404
    assert "no person &#39;Nobody&#39;" in response.text


def test_the_opportunity_page_sets_its_strengths_one_a_line(web):
    page = web.get("/opportunities/acme-ae").text
    web.post(
        "/opportunities/acme-ae/strengths",
        data={
            "csrf": csrf_of(page),
            "strengths": "ran the Chicago territory\r\n\r\n speak Spanish ",
        },
    )
    assert _opportunity(web).strengths == ("ran the Chicago territory", "speak Spanish")
    assert (
        "ran the Chicago territory\nspeak Spanish</textarea>"
        in web.get("/opportunities/acme-ae").text
    )


def test_the_letter_editor_says_when_a_kind_is_not_in_the_persons_plan(web):
    page = web.get("/letters?opportunity=acme-ae&to=Lee%20Park&kind=secondary").text
    assert (
        "Note: no secondary is planned for Lee Park under the persistent policy; make sure it "
        "is wanted before it goes out." in page
    )
    assert (
        "Note: " not in web.get("/letters?opportunity=acme-ae&to=Dana%20Reyes&kind=secondary").text
    )
