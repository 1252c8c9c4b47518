"""Today lists what replies proposed, with Confirm and Dismiss."""

from __future__ import annotations

from datetime import datetime

import pytest

from followup.services.inbox import Incoming, record_replies
from followup.services.planning import plan_touches

from .web_support import csrf_of, make_services, web_client

REJECTION = (
    "Hi Sam,\n\nThanks for coming in. Unfortunately we have decided to move forward with another "
    "candidate for this role.\n\nBest,\nDana\n\nOn Wed, Dec 23, 2026 at 5:00 PM Sam Ortiz "
    "<sam@example.com> wrote:\n> I would welcome an invitation to the next round.\n"
)


@pytest.fixture
def web(tmp_path):
    deps = make_services(tmp_path)
    record_replies(
        deps,
        [
            Incoming(
                "dana@acme.example",
                (),
                datetime.fromisoformat("2026-12-28T08:30:00-06:00"),
                "Re: Thank you <for> the interview",
                text=REJECTION,
                message_id="<r1@acme.example>",
            )
        ],
    )
    client = web_client(deps)
    client.services = deps  # type: ignore[attr-defined]
    return client


def stay_in_touch(deps) -> list[str]:  # type: ignore[no-untyped-def]
    return [
        r.touch.due.isoformat()
        for r in plan_touches(deps)
        if r.touch.step == "stay_in_touch" and r.touch.status == "planned"
    ]


def test_today_shows_the_proposal_with_the_sentence_that_decided_it(web):
    page = web.get("/")
    assert "Replies to confirm" in page.text
    assert "Rejected?" in page.text
    assert (
        "Unfortunately we have decided to move forward with another candidate for this role."
        in page.text
    )
    assert "Re: Thank you &lt;for&gt; the interview" in page.text  # escaped
    assert 'action="/replies/1/confirm"' in page.text
    assert 'action="/replies/1/dismiss"' in page.text


def test_confirming_records_the_rejection_and_the_plan_follows(web):
    page = web.get("/")
    assert stay_in_touch(web.services) == []
    response = web.post(
        "/replies/1/confirm", data={"csrf": csrf_of(page.text)}, follow_redirects=False
    )
    assert (response.status_code, response.headers["location"]) == (303, "/")
    assert stay_in_touch(web.services) == ["2026-12-30"]
    assert "Replies to confirm" not in web.get("/").text


def test_dismissing_records_nothing(web):
    page = web.get("/")
    response = web.post(
        "/replies/1/dismiss", data={"csrf": csrf_of(page.text)}, follow_redirects=False
    )
    assert response.status_code == 303
    assert stay_in_touch(web.services) == []
    assert "Replies to confirm" not in web.get("/").text


def test_confirm_and_dismiss_need_the_csrf_token_and_a_known_proposal(web):
    web.get("/")
    forged = web.post("/replies/1/confirm", data={"csrf": "forged"})
    assert forged.status_code == 403
    token = csrf_of(web.get("/").text)
    unknown = web.post("/replies/7/dismiss", data={"csrf": token})
    assert unknown.status_code == 404
    assert "ID: no proposal &#39;7&#39; (known: 1)" in unknown.text
    web.post("/replies/1/confirm", data={"csrf": token})
    twice = web.post("/replies/1/confirm", data={"csrf": token})
    assert twice.status_code == 409
    assert stay_in_touch(web.services) == ["2026-12-30"]
