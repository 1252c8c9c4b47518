"""The web interface against a hostile browser: DNS rebinding, cross-site requests, forged and
absent CSRF tokens, oversized bodies, open redirects, odd ids and odd parameters."""

from __future__ import annotations

import pytest

from followup.web.app import WebConfig, create_app
from tests.e2e.web_support import make_services

from .web_client import ORIGIN, client, token

DONE = {"opportunity": "acme-ae", "step": "thank_you", "contact": "Lee Park"}


@pytest.fixture
def web(tmp_path):
    return client(tmp_path)


def _events(web) -> int:  # type: ignore[no-untyped-def]
    with web.services.store.unit_of_work(readonly=True) as uow:
        return len(uow.get_opportunity("acme-ae").events)


# -- DNS rebinding: only the hosts the server was started for -----------------------------------
@pytest.mark.parametrize(
    "host",
    [
        "evil.example:8765",
        "evil.example",
        "127.0.0.1.evil.example:8765",
        "localhost.evil.example",
        "evil.example:8765@127.0.0.1",
        "",
        "[::2]:8765",
        "0.0.0.0:8765",
    ],
)
def test_a_request_for_another_host_name_is_refused(web, host):
    response = web.get("/export", headers={"host": host})
    assert response.status_code == 421
    assert "followup-dossier" not in response.headers.get("content-disposition", "")
    assert "host: expected" in response.text


@pytest.mark.parametrize(
    "host", ["127.0.0.1:8765", "localhost:8765", "LOCALHOST", "localhost.", "[::1]:8765"]
)
def test_loopback_names_are_served(web, host):
    assert web.get("/export", headers={"host": host}).status_code == 200


def test_a_configured_name_behind_a_proxy_is_served(tmp_path):
    web = client(tmp_path, WebConfig(allowed_hosts=("followup.office.example",)))
    assert web.get("/", headers={"host": "followup.office.example"}).status_code == 200
    assert web.get("/", headers={"host": "other.office.example"}).status_code == 421


def test_a_rebound_page_cannot_record_an_event_even_with_a_token(web):
    form = {"csrf": token(web), **DONE}
    before = _events(web)
    response = web.post(
        "/touches/done",
        data=form,
        headers={"host": "evil.example:8765", "origin": "http://evil.example:8765"},
    )
    assert response.status_code == 421
    assert _events(web) == before


# -- Origin on every unsafe request -------------------------------------------------------------
@pytest.mark.parametrize(
    "headers",
    [
        {"origin": "http://evil.example"},
        {"origin": "null"},
        {"origin": "http://127.0.0.1:9999"},
        {"origin": "http://localhost.evil.example:8765"},
        {"origin": "", "referer": "http://evil.example/page"},
        {"origin": ""},
    ],
    ids=["other site", "null", "other port", "look-alike", "referer elsewhere", "neither"],
)
def test_a_cross_site_post_is_refused_before_anything_happens(web, headers):
    form = {"csrf": token(web), **DONE}
    before = _events(web)
    response = web.post("/touches/done", data=form, headers=headers, follow_redirects=False)
    assert response.status_code == 403
    assert "came from another site" in response.text
    assert _events(web) == before


def test_a_same_site_referer_stands_in_for_a_missing_origin(web):
    form = {"csrf": token(web), **DONE}
    response = web.post(
        "/touches/done",
        data=form,
        headers={"origin": "", "referer": f"{ORIGIN}/"},
        follow_redirects=False,
    )
    assert response.status_code == 303


# -- CSRF tokens are signed by the server --------------------------------------------------------
def test_a_cookie_and_a_field_of_the_attackers_choosing_are_refused(web):
    web.cookies.set("followup_csrf", "chosen-by-attacker")
    before = _events(web)
    response = web.post("/touches/done", data={"csrf": "chosen-by-attacker", **DONE})
    assert response.status_code == 403
    assert _events(web) == before


def test_a_token_from_another_server_is_refused(tmp_path, web):
    other = client(tmp_path / "other")
    stolen = token(other)
    web.cookies.set("followup_csrf", stolen)
    response = web.post("/touches/done", data={"csrf": stolen, **DONE})
    assert response.status_code == 403


def test_a_forged_cookie_is_replaced_by_a_signed_one(web):
    web.cookies.set("followup_csrf", "chosen-by-attacker")
    page = web.get("/")
    assert "followup_csrf=" in page.headers["set-cookie"]
    assert "chosen-by-attacker" not in page.headers["set-cookie"]


def test_the_signed_token_works_in_a_form_field_a_header_and_the_query(web):
    csrf = token(web)
    ok = {"follow_redirects": False}
    assert web.post("/touches/done", data={"csrf": csrf, **DONE}, **ok).status_code == 303
    snooze = {
        "opportunity": "acme-ae",
        "step": "call",
        "contact": "Dana Reyes",
        "due": "2026-12-31",
        "until": "2027-01-02",
        "reason": "travel",
    }
    headed = web.post("/touches/snooze", data=snooze, headers={"x-csrf-token": csrf}, **ok)
    assert headed.status_code == 303


# -- bodies: the token and the size before a byte is read ----------------------------------------
class Exploding:
    """A body that fails the test if the server reads any of it."""

    def __iter__(self):  # type: ignore[no-untyped-def]
        raise AssertionError("the server read the body before checking the token")
        yield b""


def test_a_multipart_upload_without_a_token_is_refused_before_its_body_is_read(web):
    token(web)  # a cookie, but no token with the request
    for size in (1000, 40 << 20):  # within the limit: it is the missing token that stops it
        response = web.post(
            "/import",
            content=Exploding(),
            headers={
                "content-type": "multipart/form-data; boundary=x",
                "content-length": str(size),
            },
        )
        assert response.status_code == 403


def test_a_declared_gigabyte_is_refused_before_its_body_is_read(web):
    csrf = token(web)
    response = web.post(
        f"/import?csrf={csrf}",
        content=Exploding(),
        headers={
            "content-type": "multipart/form-data; boundary=x",
            "content-length": str(1 << 30),
        },
    )
    assert response.status_code == 413
    assert "at most 50 MB" in response.text


def test_a_chunked_body_is_cut_off_at_the_limit(web):
    csrf = token(web)
    sent = []

    def chunks():  # type: ignore[no-untyped-def]
        for _ in range(64):
            sent.append(1)
            yield b"x" * (1 << 20)

    response = web.post(
        "/touches/done",
        content=chunks(),
        headers={"content-type": "application/x-www-form-urlencoded", "x-csrf-token": csrf},
    )
    assert response.status_code == 413  # (the test client buffers what it sends: no count)


def test_a_form_body_larger_than_any_form_is_refused_unread(web):
    response = web.post(
        "/touches/done",
        content=Exploding(),
        headers={
            "content-type": "application/x-www-form-urlencoded",
            "content-length": str(100 << 20),
        },
    )
    assert response.status_code == 413


def test_the_import_form_carries_its_token_where_it_is_checked_first(web):
    page = web.get("/transfer").text
    csrf = token(web)
    assert f'action="/import?csrf={csrf}"' in page


# -- redirects, ids, parameters ------------------------------------------------------------------
@pytest.mark.parametrize(
    "target",
    ["//evil.example/x", "/\\evil.example", "https://evil.example", "/%2F%2Fevil", "\\\\x"],
)
def test_after_an_action_the_redirect_stays_on_this_site(web, target):
    form = {"csrf": token(web), **DONE, "next": target}
    response = web.post("/touches/done", data=form, follow_redirects=False)
    assert response.status_code == 303
    location = response.headers["location"]
    assert location.startswith("/") and not location.startswith(("//", "/\\"))
    assert "evil" not in location or location.startswith("/%2F")


def test_a_local_next_page_is_kept(web):
    form = {"csrf": token(web), **DONE, "next": "/pipeline?x=1"}
    response = web.post("/touches/done", data=form, follow_redirects=False)
    assert response.headers["location"] == "/pipeline?x=1"


def test_links_to_an_opportunity_encode_its_id(tmp_path):
    deps = make_services(tmp_path)
    with deps.store.unit_of_work() as uow:  # an id stored before ids were restricted
        opp = uow.get_opportunity("acme-ae")
        opp.id = "plain#2"
        uow.save_opportunity(opp)
        uow.commit()
    from starlette.testclient import TestClient

    web = TestClient(create_app(deps, WebConfig()), base_url=ORIGIN, headers={"origin": ORIGIN})
    page = web.get("/pipeline").text
    assert 'href="/opportunities/plain%232"' in page
    assert web.get("/opportunities/plain%232").status_code == 200


@pytest.mark.parametrize("i", ["abc", "-1", "1e9", "99999999999999999999"])
def test_a_person_row_with_a_bad_index_is_a_400(web, i):
    response = web.get(f"/capture/person?i={i}")
    assert response.status_code == 400
    assert "i: expected" in response.text


@pytest.mark.parametrize("guess", ["é", "%C3%A9", "\u2603" * 40, "a" * 5000])
def test_a_calendar_feed_guess_of_any_text_is_a_404(web, guess):
    assert web.get(f"/calendar/{guess}.ics").status_code == 404


def test_the_feed_address_in_settings_comes_from_the_server_not_the_request(web, tmp_path):
    page = web.get("/settings", headers={"host": "localhost:8765"}).text
    assert 'value="http://127.0.0.1:8765/calendar/' in page
    proxied = client(tmp_path / "p", WebConfig(public_url="https://followup.office.example"))
    page = proxied.get("/settings").text
    assert 'value="https://followup.office.example/calendar/' in page


def test_pages_say_not_to_be_framed_nor_to_leak_their_address(web):
    headers = web.get("/").headers
    assert headers["x-frame-options"] == "DENY"
    assert headers["referrer-policy"] == "same-origin"
    assert headers["x-content-type-options"] == "nosniff"


# -- the server refuses to open beyond this machine without a login ------------------------------
@pytest.mark.parametrize("host", ["0.0.0.0", "::", "192.0.2.10", "myhost.example"])
def test_serving_beyond_loopback_without_a_login_is_refused(cli, host):
    if cli.database.kind == "postgresql":
        # A shared server has accounts, so everyone signs in: it may listen beyond loopback
        # (serving it for real would not return; building its app is what refuses or not).
        from followup import bootstrap

        app = bootstrap.web_app(bootstrap.dependencies(cli.database.location), host=host)
        assert app.config.login is True
        return
    result = cli("serve", "--host", host, "--port", "1")
    assert result.code == 2
    assert result.err.count("\n") == 1
    assert result.err.startswith(f"followup: error: --host: refusing to listen on {host}")


def test_a_login_would_let_it_listen_beyond_loopback(tmp_path):
    deps = make_services(tmp_path)
    create_app(deps, WebConfig(host="0.0.0.0", login=True))  # no error


@pytest.mark.parametrize(
    ("field", "value", "said"),
    [
        ("other_interviews", "99999999999999999999", "other_interviews: expected a whole number"),
        ("name", "Sam\r\nBcc: x@evil.example", "name: expected text without control characters"),
        ("email", "sam@example.com, x@evil.example", "email: expected an email address"),
    ],
)
def test_settings_refuse_values_that_cannot_be_stored(web, field, value, said):
    form = {
        "csrf": token(web),
        "name": "Sam Ortiz",
        "email": "sam@example.com",
        "timezone": "America/Chicago",
        "country": "US",
        "weekmask": "1111100",
        "default_policy": "persistent",
        field: value,
    }
    response = web.post("/settings", data=form)
    assert response.status_code == 400
    assert said in response.text
