"""An event logged by mistake can be taken back, from the command line and the web, and the
plan follows; even one dated 9999 by a version that did not bound dates."""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import date

from followup import bootstrap
from tests.e2e.conftest import DATA

from .web_client import client, token


def test_unlog_removes_the_event_and_the_plan_follows(cli):
    assert cli("import", str(DATA / "acme.json")).code == 0
    before = json.loads(cli("plan", "--json").out)
    assert any(t["step"] == "stay_in_touch" for t in before)
    result = cli("unlog", "acme-ae", "3", "--yes")
    assert (result.code, result.err) == (0, "")
    assert result.out.startswith("Removed event 3 of acme-ae: rejected on 2027-01-20.")
    after = json.loads(cli("plan", "--json").out)
    assert not any(t["step"] == "stay_in_touch" for t in after)
    events = json.loads(cli("export").out)["opportunities"][0]["events"]
    assert [e["kind"] for e in events] == ["done", "reply"]


def test_show_numbers_the_events_as_unlog_counts_them(cli):
    assert cli("import", str(DATA / "acme.json")).code == 0
    shown = cli("show", "acme-ae").out
    assert "  1. " in shown and "  3. " in shown and "rejected" in shown.split("  3. ")[1]


def test_unlog_of_an_event_that_does_not_exist_is_one_line(cli):
    assert cli("import", str(DATA / "acme.json")).code == 0
    before = cli.dump()
    for number in ("0", "4", "99999999999999999999"):
        result = cli("unlog", "acme-ae", number, "--yes")
        assert result.code == 2
        assert result.err.startswith("followup: error: N: expected an event number from 1 to 3")
    assert cli.dump() == before


def test_unlog_asks_first_unless_told_yes(cli, monkeypatch):
    assert cli("import", str(DATA / "acme.json")).code == 0
    before = cli.dump()
    result = cli("unlog", "acme-ae", "3")  # standard input is not a terminal here
    assert result.code == 2
    assert result.err == (
        "followup: error: --yes: expected --yes to remove event 3 of acme-ae "
        "(rejected on 2027-01-20) without asking\n"
    )
    assert cli.dump() == before


def test_an_event_dated_9999_stored_before_dates_were_bounded_can_be_removed(cli):
    assert cli("import", str(DATA / "acme.json")).code == 0
    deps = bootstrap.dependencies(cli.database.location, cli.database.user)
    with deps.store.unit_of_work() as uow:  # as an older version let it in
        opp = uow.get_opportunity("acme-ae")
        opp.events.append(replace(opp.events[-1], date=date(9999, 12, 31), kind="offer"))
        uow.save_opportunity(opp)
        uow.commit()
    assert cli("unlog", "acme-ae", "4", "--yes").code == 0
    assert cli("calendar", "export").code == 0


def test_the_web_removes_an_event_with_its_button(tmp_path):
    web = client(tmp_path)
    page = web.get("/opportunities/acme-ae").text
    assert 'action="/opportunities/acme-ae/events/1/remove"' in page
    response = web.post(
        "/opportunities/acme-ae/events/1/remove", data={"csrf": token(web)}, follow_redirects=False
    )
    assert (response.status_code, response.headers["location"]) == (303, "/opportunities/acme-ae")
    with web.services.store.unit_of_work(readonly=True) as uow:
        assert uow.get_opportunity("acme-ae").events == []
    missing = web.post("/opportunities/acme-ae/events/7/remove", data={"csrf": token(web)})
    assert missing.status_code == 400


def test_unlog_of_what_is_no_event_number_quotes_what_was_typed(cli):
    assert cli("import", str(DATA / "acme.json")).code == 0
    before = cli.dump()
    for typed in ("-1", "two", "3.0", "99999999999999999999"):
        result = cli("unlog", "acme-ae", typed, "--yes")
        assert (result.code, result.err) == (
            2,
            "followup: error: N: expected an event number from 1 to 3 (see followup show "
            f"acme-ae), got {typed!r}\n",
        )
    assert cli("unlog", "acme-ae", "7", "--yes").err.endswith(", got 7\n")
    assert cli.dump() == before


def test_the_web_names_what_was_given_for_an_event_number(tmp_path):
    web = client(tmp_path)
    for given in ("-1", "x"):
        response = web.post(
            f"/opportunities/acme-ae/events/{given}/remove", data={"csrf": token(web)}
        )
        assert response.status_code == 400
        assert f"got &#39;{given}&#39;" in response.text
