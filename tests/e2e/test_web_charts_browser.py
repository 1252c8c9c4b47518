"""The charts in a real browser (Debian's Chromium via Playwright) at phone and desktop sizes:
drawn, named on hover or tap, their numbers a click away, and printable. Each page is saved in
test-artifacts/ to look at."""

from __future__ import annotations

import json
import socket
import threading
import time
from datetime import UTC, datetime

import pytest
import uvicorn

from followup import bootstrap
from followup.adapters.files.dossier import parse_dossier
from followup.services.dossier import import_dossier
from followup.web.app import create_app

from .test_web_browser import VIEWPORTS, browser, shot
from .web_support import DATA

__all__ = ["browser"]  # the Chromium fixture, shared with the journeys' tests

NOW = datetime(2027, 2, 1, 18, 0, tzinfo=UTC)  # Mon 1 Feb 2027, noon in Chicago
PAGES = {
    "progress": ("/progress", ("chart-on-time", "chart-answers", "chart-outcomes")),
    "pipeline-charts": ("/pipeline", ("chart-funnel", "chart-ahead")),
    "today-charts": ("/", ("chart-ahead",)),
    "opportunity-timeline": ("/opportunities/acme-ae", ("chart-timeline",)),
}


@pytest.fixture(scope="module")
def server(tmp_path_factory):  # type: ignore[no-untyped-def]
    folder = tmp_path_factory.mktemp("charts")
    deps = bootstrap.dependencies(str(folder / "web.sqlite3"))
    deps.clock = lambda: NOW
    import_dossier(deps, parse_dossier(json.loads((DATA / "acme.json").read_text())))
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    running = uvicorn.Server(
        uvicorn.Config(create_app(deps), host="127.0.0.1", port=port, log_level="error")
    )
    thread = threading.Thread(target=running.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 10
    while not running.started and time.monotonic() < deadline:
        time.sleep(0.02)
    yield f"http://127.0.0.1:{port}"
    running.should_exit = True
    thread.join(5)


def drawn(page, chart_id: str) -> int:  # type: ignore[no-untyped-def]
    """How many data points the chart drew (0 if it did not draw)."""
    return int(
        page.evaluate(
            """(id) => { const c = Chart.getChart(id); if (!c) return 0;
                 return c.data.datasets.reduce((n, d) => n + d.data.length, 0); }""",
            chart_id,
        )
    )


@pytest.mark.parametrize("size", list(VIEWPORTS))
def test_every_chart_draws_at_phone_and_desktop_size(server, browser, size):  # type: ignore[no-untyped-def]
    page = browser.new_page(viewport=VIEWPORTS[size])
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    for name, (path, charts) in PAGES.items():
        page.goto(server + path)
        page.wait_for_function("() => window.Chart !== undefined")
        for chart in charts:
            assert drawn(page, chart) > 0, (path, chart)
            box = page.locator(f"#{chart}").bounding_box()
            assert box and box["height"] > 100, (path, chart)
        # nothing sticks out sideways but what is meant to scroll
        width = page.evaluate("document.documentElement.scrollWidth")
        assert width <= VIEWPORTS[size]["width"], (path, width)
        shot(page, f"{size}-{name}")
    assert errors == []
    page.close()


def _point(page, chart_id: str, dataset: str):  # type: ignore[no-untyped-def]
    """Where a dataset's first point is on the page, and the label it carries."""
    found = page.evaluate(
        """([id, name]) => { const c = Chart.getChart(id);
             const i = c.data.datasets.findIndex((d) => d.label === name);
             const p = c.getDatasetMeta(i).data[0];
             return {x: p.x, y: p.y, label: c.data.datasets[i].data[0].label}; }""",
        [chart_id, dataset],
    )
    page.locator(f"#{chart_id}").scroll_into_view_if_needed()
    box = page.locator(f"#{chart_id}").bounding_box()
    return box["x"] + found["x"], box["y"] + found["y"], found["label"]


def _tooltip(page, chart_id: str) -> list[str]:  # type: ignore[no-untyped-def]
    return page.evaluate(
        """(id) => { const t = Chart.getChart(id).tooltip;
             return t.getActiveElements().length ? t.body.flatMap((b) => b.lines) : []; }""",
        chart_id,
    )


def test_hovering_a_mark_on_the_timeline_names_it(server, browser):  # type: ignore[no-untyped-def]
    page = browser.new_page(viewport=VIEWPORTS["desktop"])
    page.goto(server + "/opportunities/acme-ae")
    page.wait_for_function("() => Chart.getChart('chart-timeline') !== undefined")
    x, y, label = _point(page, "chart-timeline", "Done")
    page.mouse.move(x, y)
    page.wait_for_function("() => Chart.getChart('chart-timeline').tooltip.opacity > 0")
    assert _tooltip(page, "chart-timeline") == [label]
    assert label == "Thank-you letter to Dana Reyes — done Thu 24 Dec 2026 (due Mon 28 Dec 2026)"
    shot(page, "desktop-timeline-tooltip")
    page.close()


def test_tapping_a_mark_on_a_phone_names_it(server, browser):  # type: ignore[no-untyped-def]
    context = browser.new_context(viewport=VIEWPORTS["phone"], has_touch=True, is_mobile=True)
    page = context.new_page()
    page.goto(server + "/opportunities/acme-ae")
    page.wait_for_function("() => Chart.getChart('chart-timeline') !== undefined")
    x, y, label = _point(page, "chart-timeline", "Interview")
    page.touchscreen.tap(x, y)
    page.wait_for_function("() => Chart.getChart('chart-timeline').tooltip.opacity > 0")
    assert _tooltip(page, "chart-timeline") == [label]
    assert label.startswith("Interview, round 1, with Dana Reyes, Lee Park")
    shot(page, "phone-timeline-tap")
    context.close()


def test_the_numbers_behind_a_chart_show_on_request_and_in_print(server, browser):  # type: ignore[no-untyped-def]
    page = browser.new_page(viewport=VIEWPORTS["phone"])
    page.goto(server + "/progress")
    table = page.locator("#chart-outcomes-table")
    assert table.bounding_box()["height"] <= 1  # type: ignore[index]
    button = page.locator('[aria-controls="chart-outcomes-table"]')
    button.click()
    assert button.get_attribute("aria-expanded") == "true"
    assert table.bounding_box()["height"] > 50  # type: ignore[index]
    assert "Last 52 weeks" in table.inner_text()
    page.goto(server + "/opportunities/acme-ae")
    page.emulate_media(media="print")
    hidden = page.locator("#chart-timeline-table")
    assert hidden.bounding_box()["height"] > 100  # type: ignore[index]
    assert page.locator("header.top").is_hidden()
    shot(page, "phone-opportunity-print")
    page.close()
