"""Every route of the web interface, in process, with its error paths."""

from __future__ import annotations

import email
import email.policy
import json
import re

import pytest

from .web_support import DATA, csrf_of, make_services, web_client


@pytest.fixture
def web(tmp_path, database):
    """The web app over the worked example: on a SQLite file, or on a shared server signed in
    as Sam (`services` then acts as Sam, to read what the pages stored). Spoken to as a browser
    on this machine: Host and Origin agree."""
    deps = make_services(tmp_path, database=database)
    if database.kind == "sqlite":
        client = web_client(deps)
    else:
        from followup import bootstrap

        from .server_support import sign_in

        served = bootstrap.dependencies(database.location)
        served.clock = deps.clock
        client = web_client(served)
        assert sign_in(client, database.user).status_code == 303
    client.services = deps  # type: ignore[attr-defined]
    return client


def token(client) -> str:
    return csrf_of(client.get("/capture").text)


def test_today_lists_what_is_due_with_its_actions(web):
    page = web.get("/")
    assert page.status_code == 200
    assert "Send thank-you to Lee Park" in page.text  # due today, Mon 28 Dec
    assert 'href="/letters?opportunity=acme-ae&to=Lee%20Park&kind=thank_you"' in page.text
    # the page's own time, and apart from it the time it waited for its turn to run
    assert re.fullmatch(r"app;dur=\d+\.\d, queue;dur=\d+\.\d", page.headers["server-timing"])
    assert web.cookies.get("followup_csrf")  # given on the first visit (the sign-in, on a server)


def test_a_touch_months_ahead_is_not_shown_as_due_in_the_next_seven_days(tmp_path):
    from datetime import UTC, datetime

    deps = make_services(tmp_path, "acme.json")  # rejected; the stay-in-touch letter is late
    deps.clock = lambda: datetime(2027, 1, 26, 15, 0, tzinfo=UTC)  # check-ins months ahead
    page = web_client(deps).get("/").text
    heading = re.search(r"<h2>(Coming next|Next seven days) ", page)
    assert heading is not None and heading.group(1) == "Coming next"
    assert "Nothing in the next seven days." not in page


def test_pipeline_shows_each_opportunity_in_its_stage_with_the_next_touch(web):
    page = web.get("/pipeline")
    assert page.status_code == 200
    interviewing = page.text.split('id="stage-1"')[1].split('id="stage-2"')[0]
    assert "Acme Corp" in interviewing and "Next: send thank-you to Lee Park" in interviewing


def test_opportunity_page_shows_people_timeline_events_plan_and_warnings(web):
    page = web.get("/opportunities/acme-ae")
    assert page.status_code == 200
    for text in (
        "Dana Reyes</strong>, Regional Sales Manager · 45 min",
        "new Midwest territories",
        "Preliminary interviews end: Fri 8 Jan",
        "done thank-you · Dana Reyes",
        "article 003",
        "Departs from 003",
    ):
        assert text in page.text, text


def test_an_unknown_opportunity_is_a_friendly_404(web):
    page = web.get("/opportunities/nope")
    assert page.status_code == 404
    assert "We could not find that" in page.text
    assert "id: no opportunity &#39;nope&#39; (known: acme-ae)" in page.text
    assert web.get("/no/such/page").status_code == 404


def test_mark_done_records_the_touch_and_the_call_follows(web):
    response = web.post(
        "/touches/done",
        data={
            "csrf": token(web),
            "opportunity": "acme-ae",
            "step": "thank_you",
            "contact": "Lee Park",
        },
        follow_redirects=False,
    )
    assert (response.status_code, response.headers["location"]) == (303, "/")
    with web.services.store.unit_of_work(readonly=True) as uow:
        events = uow.get_opportunity("acme-ae").events
    assert (events[-1].kind, events[-1].contact, events[-1].date.isoformat()) == (
        "done",
        "Lee Park",
        "2026-12-28",
    )


def test_htmx_actions_answer_with_the_refreshed_agenda(web):
    response = web.post(
        "/touches/done",
        headers={"HX-Request": "true"},
        data={
            "csrf": token(web),
            "opportunity": "acme-ae",
            "step": "thank_you",
            "contact": "Lee Park",
        },
    )
    assert response.status_code == 200
    assert response.text.lstrip().startswith('<div id="agenda">')
    assert "Send thank-you to Lee Park" not in response.text


def test_snooze_needs_a_reason(web):
    form = {
        "csrf": token(web),
        "opportunity": "acme-ae",
        "step": "call",
        "contact": "Dana Reyes",
        "due": "2026-12-31",
        "until": "2027-01-02",
        "reason": "",
    }
    response = web.post("/touches/snooze", data=form)
    assert response.status_code == 400
    assert "reason: expected why the touch waits" in response.text
    form["reason"] = "at a conference"
    assert web.post("/touches/snooze", data=form, follow_redirects=False).status_code == 303
    assert "snoozed to Sat 2 Jan: at a conference" in web.get("/").text


@pytest.mark.parametrize(
    ("method", "path"),
    [
        ("post", "/touches/done"),
        ("post", "/touches/snooze"),
        ("post", "/capture"),
        ("post", "/settings"),
        ("post", "/import"),
        ("post", "/import/apply"),
        ("post", "/letters/check"),
        ("post", "/letters/eml"),
        ("post", "/letters/pdf"),
        ("post", "/opportunities/acme-ae/events"),
    ],
)
def test_every_form_needs_its_csrf_token(web, method, path):
    web.get("/")  # the cookie
    response = getattr(web, method)(path, data={"csrf": "forged", "opportunity": "acme-ae"})
    assert response.status_code == 403
    assert "csrf: the form expired or came from another site" in response.text


def test_capture_records_an_interview_with_everyone_met(web):
    form = {
        "csrf": token(web),
        "opportunity": "",
        "company": "Initech",
        "role": "Inside Sales",
        "date": "2026-12-28",
        "round": "1",
        "people-0-name": "Bill Lumbergh",
        "people-0-title": "Director",
        "people-0-minutes": "40",
        "people-0-dm": "on",
        "people-0-topics": "TPS reports, upselling",
        "people-1-name": "Joanna Park",
        "people-1-minutes": "15",
    }
    response = web.post("/capture", data=form, follow_redirects=False)
    assert (response.status_code, response.headers["location"]) == (
        303,
        "/opportunities/initech?captured=1",
    )
    page = web.get("/opportunities/initech").text
    assert "Bill Lumbergh</strong>, Director · 40 min" in page
    assert '<span class="tag">TPS reports</span>' in page
    today = web.get("/").text  # the interview was today, Mon 28 Dec: thanks due Wed 30 Dec
    assert "Send thank-you to Bill Lumbergh" in today and "Send thank-you to Joanna Park" in today


def test_a_bad_capture_re_renders_with_the_fields_message_and_keeps_what_was_typed(web):
    form = {
        "csrf": token(web),
        "opportunity": "",
        "company": "Initech",
        "date": "2027-02-30",
        "people-0-name": "Bill Lumbergh",
        "people-0-minutes": "forty",
    }
    response = web.post("/capture", data=form)
    assert response.status_code == 400
    assert (
        "people-0-minutes: expected whole minutes, 0 to 1440, got &#39;forty&#39;" in response.text
    )
    assert 'value="Bill Lumbergh"' in response.text
    form["people-0-minutes"] = "40"
    response = web.post("/capture", data=form)
    assert response.status_code == 400
    assert (
        "date: expected a date that exists, as YYYY-MM-DD, got &#39;2027-02-30&#39;"
        in response.text
    )
    assert web.get("/opportunities/initech").status_code == 404  # nothing half-stored


def test_a_person_row_can_be_added(web):
    row = web.get("/capture/person?i=3").text
    assert 'name="people-3-name"' in row and "Person 4" in row


def test_text_a_user_typed_is_escaped_everywhere(web):
    form = {
        "csrf": token(web),
        "opportunity": "",
        "company": "<b>Evil</b> Corp",
        "date": "2026-12-28",
        "people-0-name": "<script>alert(1)</script>",
        "people-0-topics": "<img src=x onerror=alert(2)>",
    }
    assert web.post("/capture", data=form, follow_redirects=False).status_code == 303
    for path in ("/", "/pipeline", "/opportunities/b-evil-b-corp"):
        html = web.get(path).text
        assert "<script>alert(1)</script>" not in html and "<img src=x" not in html
        assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html or path == "/pipeline"


def test_the_letter_editor_starts_from_the_draft(web):
    page = web.get("/letters?opportunity=acme-ae&to=Dana%20Reyes&kind=thank_you")
    assert page.status_code == 200
    assert "Thank you for meeting with me on December 23" in page.text
    assert web.get("/letters?opportunity=acme-ae&to=Kim").status_code == 404
    assert web.get("/letters").status_code == 400


def test_the_live_check_highlights_each_finding(web):
    text = "Dear Grace,\n\nHave you made a decision yet?\n\nSam Ortiz"
    response = web.post(
        "/letters/check",
        data={
            "csrf": token(web),
            "opportunity": "acme-ae",
            "to": "Dana Reyes",
            "kind": "thank_you",
            "text": text,
            "subject": "Hi",
            "email": "dana@acme.example",
        },
    )
    assert response.status_code == 200
    assert '<mark data-rule="wrong-name"' in response.text
    assert '<mark data-rule="asks-decision"' in response.text
    assert '<li data-rule="missing-recap">' in response.text  # listed, not marked
    assert '<mark data-rule="missing-recap"' not in response.text
    assert "mailto:dana@acme.example?subject=Hi&amp;body=Dear%20Grace%2C%0D%0A" in response.text


def test_downloads_carry_the_edited_letter(web):
    form = {
        "csrf": token(web),
        "opportunity": "acme-ae",
        "to": "Dana Reyes",
        "kind": "thank_you",
        "subject": "Thanks, Dana",
        "text": "Dear Dana,\n\nThank you — edited.\n\nSam",
    }
    eml = web.post("/letters/eml", data=form)
    assert eml.headers["content-disposition"] == 'attachment; filename="thank-you-dana-reyes.eml"'
    message = email.message_from_bytes(eml.content, policy=email.policy.default)
    assert message["Subject"] == "Thanks, Dana"
    assert message.get_content() == "Dear Dana,\n\nThank you — edited.\n\nSam\n"
    pdf = web.post("/letters/pdf", data=form)
    assert pdf.headers["content-type"] == "application/pdf" and pdf.content.startswith(b"%PDF-")


@pytest.mark.parametrize("route", ["/letters/check", "/letters/eml", "/letters/pdf"])
@pytest.mark.parametrize("missing", ["opportunity", "to"])
def test_a_letter_form_without_its_opportunity_or_person_names_the_field(web, route, missing):
    form = {"csrf": token(web), "opportunity": "acme-ae", "to": "Dana Reyes", "text": "Dear Dana"}
    del form[missing]
    response = web.post(route, data=form)
    assert response.status_code == 400
    assert f"{missing}: expected a value (the field is required)" in response.text
    assert "None" not in response.text


def test_settings_save_and_refuse_an_unknown_time_zone(web):
    page = web.get("/settings").text
    assert 'value="America/Chicago"' in page
    form = {
        "csrf": csrf_of(page),
        "name": "Sam Ortiz",
        "email": "sam@example.com",
        "phone": "+1 312 555 0100",
        "timezone": "Mars/Base",
        "country": "US",
        "subdivision": "IL",
        "weekmask": "1111100",
        "default_policy": "persistent",
        "strengths": "opened forty accounts\n",
        "courses": "",
        "other_interviews": "1",
    }
    bad = web.post("/settings", data=form)
    assert bad.status_code == 400
    assert "timezone: expected an IANA time zone like America/Chicago" in bad.text
    assert 'id="timezone" name="timezone" value="Mars/Base" aria-invalid="true"' in bad.text
    form["timezone"] = "America/Chicago"
    assert web.post("/settings", data=form, follow_redirects=False).status_code == 303
    assert "opened forty accounts" in web.get("/settings").text


def test_import_shows_what_will_change_and_applies_it_on_confirmation(web):
    exported = web.get("/export")
    assert exported.headers["content-disposition"].startswith("attachment;")
    assert json.loads(exported.text)["opportunities"][0]["id"] == "acme-ae"
    before = web.get("/export").text
    files = {"file": ("acme.json", (DATA / "acme.json").read_bytes(), "application/json")}
    preview = web.post(f"/import?csrf={token(web)}", files=files)  # the upload form's action
    assert preview.status_code == 200
    assert "Nothing is changed yet." in preview.text
    assert "0 to add, 1 to update, 0 already as the file says" in preview.text
    assert web.get("/export").text == before  # the dry run changed nothing
    confirm = re.search(r'name="token" value="([^"]+)"', preview.text).group(1)
    done = web.post("/import/apply", data={"csrf": token(web), "token": confirm})
    assert done.status_code == 200
    assert "0 added, 1 updated, 0 unchanged; 13 touches planned." in done.text
    again = web.post("/import/apply", data={"csrf": token(web), "token": confirm})
    assert again.status_code == 400
    assert "token: the file to import is no longer here; choose it again" in again.text
    bad = {"file": ("bad.json", b"{not json", "application/json")}
    page = web.post(f"/import?csrf={token(web)}", files=bad)
    assert page.status_code == 400
    assert "bad.json: expected JSON" in page.text


def test_record_a_rejection_from_the_opportunity_page(web):
    response = web.post(
        "/opportunities/acme-ae/events",
        data={"csrf": token(web), "kind": "rejected", "date": "2026-12-28", "contact": ""},
        follow_redirects=False,
    )
    assert response.status_code == 303
    page = web.get("/opportunities/acme-ae").text
    assert "stay-in-touch · Dana Reyes" in page
    bad = web.post(
        "/opportunities/acme-ae/events",
        data={"csrf": token(web), "kind": "reply", "date": "2026-12-28", "contact": "Nobody"},
    )
    assert bad.status_code == 400


def test_the_calendar_feed_needs_its_secret_token(web):
    import icalendar

    settings = web.get("/settings").text
    feed = re.search(r'value="(http://127.0.0.1:8765/calendar/[^"]+\.ics)"', settings).group(1)
    response = web.get(feed.replace("http://127.0.0.1:8765", ""))
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/calendar")
    calendar = icalendar.Calendar.from_ical(response.content)
    assert {str(e["summary"]) for e in calendar.walk("VEVENT")} >= {
        "Send thank-you to Lee Park (Acme Corp)"
    }
    assert web.get("/calendar/guess.ics").status_code == 404
