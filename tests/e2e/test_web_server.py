"""The web on a shared server (PostgreSQL): signing in and out, sessions, roles, a coach's view
and comments, and what each person sees."""

from __future__ import annotations

import re
from datetime import date, timedelta

import pytest
from starlette.routing import Route

from followup.services.accounts import disable_user

from .server_support import (
    KIM_MARKERS,
    account_id,
    sign_in,
    two_candidates,
    web_client,
)
from .web_support import csrf_of


@pytest.fixture
def server(postgres_database):
    client = web_client(two_candidates(postgres_database))
    client.database = postgres_database  # type: ignore[attr-defined]
    return client


def routes(client):  # type: ignore[no-untyped-def]
    return [r for r in client.app.app.routes if isinstance(r, Route)]


def test_the_sign_in_form_has_fields_labelled_email_and_password(server):
    page = server.get("/login")
    assert page.status_code == 200
    assert '<label for="email">Email</label>' in page.text
    assert '<label for="password">Password</label>' in page.text
    assert 'name="csrf"' in page.text
    assert "Today" not in page.text.split("<main")[0]  # no candidate's menu before signing in


def test_a_visitor_is_sent_to_sign_in_from_every_page(server):
    # a visitor's form carries a valid token (without one the guard refuses before any page:
    # tests/security/test_web_attacks.py); signed in they are not, so every page sends them away
    token = csrf_of(server.get("/login").text)
    for route in routes(server):
        if route.name in ("login", "calendar_feed"):
            continue
        path = re.sub(
            r"\{(\w+)(?::\w+)?\}", lambda m: "acme-ae" if m[1] == "id" else "1", route.path
        )
        for method in sorted(route.methods or {"GET"}):
            if method == "HEAD":
                continue
            form = None if method == "GET" else {"csrf": token}
            response = server.request(method, path, data=form, follow_redirects=False)
            assert response.status_code == 303, (method, path)
            location = response.headers["location"]
            assert location.startswith("/login?next="), (method, path, location)


def test_signing_in_opens_today_with_only_ones_own_touches(server):
    response = sign_in(server, "sam@example.com")
    assert (response.status_code, response.headers["location"]) == (303, "/")
    cookie = response.headers["set-cookie"]
    assert "followup_session=" in cookie and "HttpOnly" in cookie and "SameSite=lax" in cookie
    page = server.get("/")
    assert page.status_code == 200
    assert "Send thank-you to Lee Park" in page.text and "Acme Corp" in page.text
    assert "sam@example.com" in page.text and "Sign out" in page.text
    assert not [m for m in KIM_MARKERS if m in page.text]


def test_signing_in_goes_back_to_the_page_asked_for_and_only_within_the_site(server):
    token = csrf_of(server.get("/login").text)
    form = {"csrf": token, "email": "sam@example.com", "password": "correct horse battery"}
    response = server.post("/login", data={**form, "next": "/pipeline"}, follow_redirects=False)
    assert response.headers["location"] == "/pipeline"
    server.cookies.clear()
    token = csrf_of(server.get("/login").text)
    form["csrf"] = token
    elsewhere = server.post(
        "/login", data={**form, "next": "//evil.example/"}, follow_redirects=False
    )
    assert elsewhere.headers["location"] == "/"


def test_a_wrong_password_is_refused_without_saying_which_part_was_wrong(server):
    response = sign_in(server, "sam@example.com", "not the password")
    assert response.status_code == 401
    assert "that email and password do not match an account" in response.text
    assert "followup_session" not in response.headers.get("set-cookie", "")
    unknown = sign_in(server, "nobody@example.com", "not the password")
    assert unknown.status_code == 401
    assert "that email and password do not match an account" in unknown.text
    assert server.get("/", follow_redirects=False).status_code == 303


def test_too_many_failed_sign_ins_are_refused_for_a_while_even_with_the_right_password(server):
    for _ in range(5):
        assert sign_in(server, "sam@example.com", "wrong password").status_code == 401
    refused = sign_in(server, "sam@example.com")
    assert refused.status_code == 429
    assert "too many failed sign-ins; try again in 15 minutes" in refused.text
    assert sign_in(server, "kim@example.com").status_code == 303  # another email is not held up


def test_signing_out_ends_the_session_at_once(server):
    sign_in(server, "sam@example.com")
    old = server.cookies.get("followup_session")
    token = csrf_of(server.get("/").text)
    response = server.post("/logout", data={"csrf": token}, follow_redirects=False)
    assert (response.status_code, response.headers["location"]) == (303, "/login")
    server.cookies.set("followup_session", old)  # someone who kept the cookie
    again = server.get("/", follow_redirects=False)
    assert again.status_code == 303
    assert again.headers["location"] == "/login?ended=1&next=%2F"


def test_disabling_an_account_ends_its_sessions_and_its_sign_ins(server):
    sign_in(server, "kim@example.com")
    assert server.get("/").status_code == 200
    disable_user(server.services, "kim@example.com")
    assert server.get("/", follow_redirects=False).status_code == 303
    server.cookies.clear()
    refused = sign_in(server, "kim@example.com")
    assert refused.status_code == 401
    assert "the account kim@example.com is disabled" in refused.text
    wrong = sign_in(server, "kim@example.com", "a wrong password")
    assert "do not match an account" in wrong.text  # a guess learns nothing of the account


def test_an_expired_session_sends_back_to_sign_in_with_a_note(server):
    sign_in(server, "sam@example.com")
    server.database.sql("UPDATE session SET expires_at = now() - interval '1 second'")
    response = server.get("/pipeline", follow_redirects=False)
    assert response.headers["location"] == "/login?ended=1&next=%2Fpipeline"
    assert 'followup_session=""' in response.headers["set-cookie"]  # the cookie is removed
    page = server.get(response.headers["location"])
    assert "Your session has ended; sign in again." in page.text


def test_an_idle_session_ends(server):
    sign_in(server, "sam@example.com")
    server.database.sql("UPDATE session SET seen_at = now() - interval '13 hours'")
    assert server.get("/", follow_redirects=False).status_code == 303


def test_two_candidates_with_the_same_opportunity_id_each_see_their_own(server):
    sign_in(server, "sam@example.com")
    sams = server.get("/opportunities/acme-ae")
    assert "Acme Corp" in sams.text and "Dana Reyes" in sams.text
    assert not [m for m in KIM_MARKERS if m in sams.text]
    server.cookies.clear()
    sign_in(server, "kim@example.com")
    kims = server.get("/opportunities/acme-ae")
    assert "Kimberly Acme Holdings" in kims.text and "Morgan Secretkeeper" in kims.text
    assert "Dana Reyes" not in kims.text


def test_another_persons_opportunity_is_a_404_never_a_403(server):
    sign_in(server, "sam@example.com")
    page = server.get("/opportunities/kim-only")
    assert page.status_code == 404
    assert "no opportunity &#39;kim-only&#39; (known: acme-ae)" in page.text
    assert not [m for m in KIM_MARKERS if m in page.text]
    draft = server.get("/letters?opportunity=kim-only&to=Riley%20Hiddenname")
    assert draft.status_code == 404


def grant(client, coach: str = "coach@example.com", until: str = ""):  # type: ignore[no-untyped-def]
    token = csrf_of(client.get("/sharing").text)
    return client.post(
        "/sharing", data={"csrf": token, "coach": coach, "until": until}, follow_redirects=False
    )


def test_a_coach_sees_a_client_only_while_access_lasts(server):
    database = server.database
    sam, kim = account_id(database, "sam@example.com"), account_id(database, "kim@example.com")
    sign_in(server, "sam@example.com")
    assert grant(server).status_code == 303
    assert "coach@example.com" in server.get("/sharing").text
    server.cookies.clear()
    response = sign_in(server, "coach@example.com")
    assert response.headers["location"] == "/clients"
    clients = server.get("/clients")
    assert "Sam Ortiz" in clients.text and "sam@example.com" in clients.text
    assert not [m for m in KIM_MARKERS if m in clients.text]
    view = server.get(f"/clients/{sam}/opportunities/acme-ae")
    assert view.status_code == 200 and "Dana Reyes" in view.text
    assert server.get(f"/clients/{kim}").status_code == 404  # Kim gave no access
    assert server.get(f"/clients/{kim}/opportunities/acme-ae").status_code == 404
    assert server.get("/opportunities/acme-ae").status_code == 404  # not a candidate's page
    # the grant ended yesterday (by the database's calendar)
    yesterday = date.today() - timedelta(days=1)
    database.sql("UPDATE access_grant SET until = %s", yesterday)
    assert server.get(f"/clients/{sam}").status_code == 404
    assert "Sam Ortiz" not in server.get("/clients").text


def test_revoking_ends_a_coachs_access_at_once(server):
    sam = account_id(server.database, "sam@example.com")
    sign_in(server, "sam@example.com")
    grant(server)
    token = csrf_of(server.get("/sharing").text)
    server.post("/sharing", data={"csrf": token, "revoke": "coach@example.com"})
    assert "No coach reads your search." in server.get("/sharing").text
    server.cookies.clear()
    sign_in(server, "coach@example.com")
    assert server.get(f"/clients/{sam}").status_code == 404


def test_a_coachs_comment_is_shown_to_the_candidate_on_the_opportunity(server):
    sam = account_id(server.database, "sam@example.com")
    sign_in(server, "sam@example.com")
    grant(server)
    server.cookies.clear()
    sign_in(server, "coach@example.com")
    page = server.get(f"/clients/{sam}/opportunities/acme-ae")
    form = {"csrf": csrf_of(page.text), "comment": "Call Dana before Thursday <b>please</b>."}
    response = server.post(
        f"/clients/{sam}/opportunities/acme-ae/comments", data=form, follow_redirects=False
    )
    assert response.status_code == 303
    empty = server.post(
        f"/clients/{sam}/opportunities/acme-ae/comments", data={**form, "comment": "  "}
    )
    assert empty.status_code == 400 and "comment: expected the comment&#39;s text" in empty.text
    server.cookies.clear()
    sign_in(server, "sam@example.com")
    mine = server.get("/opportunities/acme-ae").text
    assert "coach@example.com" in mine
    assert "Call Dana before Thursday &lt;b&gt;please&lt;/b&gt;." in mine  # escaped
    server.cookies.clear()
    sign_in(server, "kim@example.com")
    assert "Call Dana" not in server.get("/opportunities/acme-ae").text  # Kim's own acme-ae


def test_a_coach_finds_no_page_that_sends_edits_or_approves(server):
    sign_in(server, "sam@example.com")
    grant(server)
    server.cookies.clear()
    sign_in(server, "coach@example.com")
    token = csrf_of(server.get("/clients").text)
    for route in routes(server):
        if "POST" not in (route.methods or ()) or route.name in ("logout", "comment", "login"):
            continue
        path = re.sub(
            r"\{(\w+)(?::\w+)?\}", lambda m: "acme-ae" if m[1] == "id" else "1", route.path
        )
        response = server.post(path, data={"csrf": token, "opportunity": "acme-ae"})
        assert response.status_code == 404, (route.name, response.status_code)


def test_the_clients_page_says_what_needs_attention(server):
    sign_in(server, "sam@example.com")
    grant(server, until="2027-03-31")
    server.cookies.clear()
    sign_in(server, "coach@example.com")
    row = server.get("/clients").text.split("<tbody>")[1].split("</tr>")[0]
    cells = [" ".join(re.sub(r"<[^>]+>", " ", c).split()) for c in row.split("<td")[1:]]
    cells = [c.split(">", 1)[1].strip() for c in cells]
    assert cells == [
        "Sam Ortiz sam@example.com",
        "0",  # Lee's thank-you is due today, not overdue
        "4 days",  # Dana's thank-you went on Thu 24 Dec
        "0",
        "1 interviewing",
        "Wed 31 Mar 2027",
    ]


def test_the_admin_manages_accounts_and_reads_no_ones_search(server):
    response = sign_in(server, "admin@example.com")
    assert response.headers["location"] == "/accounts"
    page = server.get("/accounts")
    assert "sam@example.com" in page.text and "coach@example.com" in page.text
    token = csrf_of(page.text)
    added = server.post(
        "/accounts",
        data={"csrf": token, "email": "New@Example.com", "role": "coach", "password": "x" * 12},
        follow_redirects=False,
    )
    assert added.status_code == 303
    short = server.post(
        "/accounts",
        data={"csrf": token, "email": "b@example.com", "role": "coach", "password": "short"},
    )
    assert short.status_code == 400 and "password: expected at least 10 characters" in short.text
    assert "new@example.com" in server.get("/accounts").text
    for path in ("/", "/pipeline", "/opportunities/acme-ae", "/letters?opportunity=acme-ae&to=x"):
        assert server.get(path).status_code == 404, path
    server.post("/accounts", data={"csrf": token, "disable": "kim@example.com"})
    assert "disabled" in server.get("/accounts").text
