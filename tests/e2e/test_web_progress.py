"""The pictures, in process: Progress, the funnel and the weeks ahead, an opportunity's timeline;
the same figures as `followup stats`, with a table behind every chart; thin and odd data."""

from __future__ import annotations

import json
import re
from datetime import UTC, date, datetime

import pytest
from starlette.testclient import TestClient

from followup import bootstrap
from followup.adapters.files.dossier import parse_dossier
from followup.adapters.json_shapes import progress_dict
from followup.cli.format import progress_text
from followup.services.dossier import import_dossier
from followup.services.progress import follow_up_progress

from .web_support import DATA, web_client

# Mon 1 Feb 2027, noon in Chicago
NOW = datetime(2027, 2, 1, 18, 0, tzinfo=UTC)


def client_for(tmp_path, dossier: dict, now: datetime = NOW) -> TestClient:  # type: ignore[type-arg]
    deps = bootstrap.dependencies(str(tmp_path / "web.sqlite3"))
    deps.clock = lambda: now
    import_dossier(deps, parse_dossier(dossier))
    client = web_client(deps)
    client.deps = deps  # type: ignore[attr-defined]
    return client


@pytest.fixture
def acme(tmp_path):  # type: ignore[no-untyped-def]
    return client_for(tmp_path, json.loads((DATA / "acme.json").read_text()))


def chart_data(html: str, chart_id: str) -> dict:  # type: ignore[type-arg]
    found = re.search(
        rf'<script type="application/json" data-chart="{chart_id}" data-kind="\w+">(.*?)</script>',
        html,
        re.S,
    )
    assert found, f"no data for {chart_id}"
    return json.loads(found.group(1))


def cells(html: str) -> list[str]:
    return [
        re.sub(r"<[^>]+>", "", c).strip() for c in re.findall(r"<td[^>]*>(.*?)</td>", html, re.S)
    ]


def test_progress_shows_the_figures_counted_by_hand_for_the_worked_example(acme):  # type: ignore[no-untyped-def]
    page = acme.get("/progress")
    assert page.status_code == 200
    html = page.text
    figures = html[html.index('<table class="figures"') : html.index("</table>")]
    # windows: 4, 12, 52 weeks; Dana's thank-you (due 28 Dec) is in the 12- and 52-week ones
    assert cells(figures) == [
        "none yet", "1 of 1 (100%)", "1 of 1 (100%)",  # thank-yous on time
        "—", "1", "1",  # median business days to send
        "none yet", "none yet", "none yet",  # replies: ours was cancelled by the rejection
        "—", "—", "—",
        "0 of 4", "1 of 8", "1 of 8",  # touches due: done
        "0 / 3 / 1", "0 / 6 / 1", "0 / 6 / 1",  # skipped / cancelled / open
        "—", "1 of 1 (100%)", "1 of 1 (100%)",  # thank-you answered
        "—", "5", "5",  # after 5 business days (25 Dec and 1 Jan are holidays)
    ]  # fmt: skip


def test_the_web_the_terminal_and_json_say_the_same_numbers(acme):  # type: ignore[no-untyped-def]
    report = follow_up_progress(acme.deps)
    html = acme.get("/progress").text
    text = progress_text(report)
    data = progress_dict(report)
    for window, shown in zip(report.windows, data["windows"], strict=True):
        for share, key in (
            (window.thank_you, "thank_you_on_time"),
            (window.reply_same_day, "reply_same_day"),
        ):
            assert share.summary() in html and share.summary() in text
            assert (shown[key]["counted"], shown[key]["on_time"]) == (share.counted, share.met)
            assert shown[key]["how"] == share.how
        o = window.outcomes
        assert f"{o.skipped} / {o.cancelled} / {o.open}" in html
        assert f"{o.skipped} / {o.cancelled} / {o.open}" in text
        assert shown["touches"] == {
            "done": o.done,
            "skipped": o.skipped,
            "cancelled": o.cancelled,
            "open": o.open,
            "how": o.how,
        }
    widest = report.windows[-1]
    for how in (
        widest.thank_you.how,
        widest.reply_same_day.how,
        widest.answers_how,
        widest.outcomes.how,
    ):
        assert how in html.replace("&#39;", "'")
        assert " ".join(how.split()) in " ".join(text.split())


def test_every_chart_has_its_table_and_a_text_alternative(acme):  # type: ignore[no-untyped-def]
    for path, charts in (
        ("/progress", ("chart-on-time", "chart-answers", "chart-outcomes")),
        ("/pipeline", ("chart-funnel", "chart-ahead")),
        ("/", ("chart-ahead",)),
        ("/opportunities/acme-ae", ("chart-timeline",)),
    ):
        html = acme.get(path).text
        assert '<script src="/static/chart.umd.min.js" defer></script>' in html
        for chart in charts:
            assert f'<canvas id="{chart}" aria-hidden="true">' in html, (path, chart)
            table = rf'id="{chart}-table" class="chart-table chart-table-hidden">\s*<table>'
            assert re.search(table, html), (path, chart)
            caption = re.search(rf'<figcaption id="{chart}-caption">(.*?)<button', html, re.S)
            assert caption and len(caption.group(1).strip()) > 20, (path, chart)
    assert acme.get("/static/chart.umd.min.js").status_code == 200
    assert acme.get("/static/chartjs-adapter-date-fns.bundle.min.js").status_code == 200


def test_the_opportunity_timeline_has_a_mark_for_everything(acme):  # type: ignore[no-untyped-def]
    data = chart_data(acme.get("/opportunities/acme-ae").text, "chart-timeline")
    assert data["lanes"] == ["Interviews", "Dana Reyes", "Lee Park", "Decisions", "Deadlines"]
    kinds = [(m["kind"], m["status"]) for m in data["marks"]]
    assert kinds.count(("interview", "held")) == 1
    assert kinds.count(("touch", "done")) == 1
    assert kinds.count(("touch", "cancelled")) == 6
    assert kinds.count(("touch", "planned")) == 6  # the stay-in-touch letter and 5 check-ins
    assert ("message", "received") in kinds and ("decision", "rejected") in kinds
    assert kinds.count(("deadline", "deadline")) == 2
    assert data["today"] == "2027-02-01"
    done = next(m for m in data["marks"] if m["status"] == "done")
    assert done == {
        "day": "2026-12-24", "lane": "Dana Reyes", "kind": "touch", "status": "done",
        "label": "Thank-you letter to Dana Reyes — done Thu 24 Dec 2026 (due Mon 28 Dec 2026)",
    }  # fmt: skip
    assert data["start"] <= "2026-12-23" and data["end"] >= "2028-04-17"


def test_the_funnel_and_the_weeks_ahead_on_pipeline_and_today(tmp_path):  # type: ignore[no-untyped-def]
    # 100 opportunities interviewed on one day: 200 thank-yous due on the same day
    day = date(2027, 1, 27)
    dossier = {
        "candidate": {"name": "Sam Ortiz", "timezone": "UTC", "country": "US"},
        "opportunities": [
            {"id": f"o{i}", "company": f"Company {i}", "interviews": [{"id": f"o{i}-1",
             "date": day.isoformat(), "contacts": [{"name": "Ann Lee", "minutes": 30},
                                                   {"name": "Bo Chen", "minutes": 20}]}]}
            for i in range(100)
        ],
    }  # fmt: skip
    client = client_for(tmp_path, dossier, datetime(2027, 1, 27, 12, 0, tzinfo=UTC))
    pipeline = client.get("/pipeline").text
    funnel = chart_data(pipeline, "chart-funnel")
    assert funnel["values"] == [100, 100, 0, 0]
    assert funnel["labels"] == ["Opportunities", "Interviewed", "Next round", "Offer"]
    ahead = chart_data(pipeline, "chart-ahead")
    assert len(ahead["labels"]) == 28 and ahead["labels"][0] == "Wed 27"
    due = ahead["datasets"][0]["values"]
    assert due[2] == 200  # Fri 29 Jan: two business days after the interview
    assert due[9] == 100  # Fri 5 Feb: the call to each primary contact, a week after
    assert sum(due) == 300
    assert "40 more — show every card" in pipeline  # 100 interviewing, 60 shown
    assert client.get("/pipeline?all=1").text.count('class="card opp"') == 100
    today = client.get("/").text
    assert chart_data(today, "chart-ahead") == ahead


@pytest.mark.parametrize(
    "opportunity",
    [
        {"id": "bare", "company": "Bare"},  # no interviews
        {"id": "one", "company": "One", "policy": "etiquette",
         "interviews": [{"id": "one-1", "date": "2027-02-01", "contacts": [{"name": "Al"}]}]},
    ],
)  # fmt: skip
def test_thin_data_still_draws(tmp_path, opportunity):  # type: ignore[no-untyped-def]
    dossier = {
        "candidate": {"name": "Sam Ortiz", "timezone": "UTC"},
        "opportunities": [opportunity],
    }
    client = client_for(tmp_path, dossier)
    for path in ("/progress", "/pipeline", "/", f"/opportunities/{opportunity['id']}"):
        assert client.get(path).status_code == 200, path
    data = chart_data(client.get(f"/opportunities/{opportunity['id']}").text, "chart-timeline")
    assert data["marks"][-1]["kind"] == "today" or data["marks"][0]["kind"] in (
        "today",
        "interview",
    )
    assert data["start"] < data["today"] < data["end"]
    assert "none yet" in client.get("/progress").text


def test_an_empty_search_has_progress_too(tmp_path):  # type: ignore[no-untyped-def]
    client = client_for(tmp_path, {"candidate": {"name": "Sam Ortiz"}, "opportunities": []})
    page = client.get("/progress")
    assert page.status_code == 200 and "none yet" in page.text
    assert chart_data(client.get("/pipeline").text, "chart-funnel")["values"] == [0, 0, 0, 0]
