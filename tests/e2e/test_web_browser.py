"""The main journeys in a real browser (Debian's Chromium, driven by Playwright), at a phone and a
desktop size. Every page visited is saved as a screenshot in test-artifacts/ to look at."""

from __future__ import annotations

import os
import socket
import threading
import time
from pathlib import Path

import pytest
import uvicorn

from followup.web.app import WebConfig, create_app

from ..system import require_program
from .web_support import make_services

ARTIFACTS = Path(__file__).parents[2] / "test-artifacts"
VIEWPORTS = {"phone": {"width": 390, "height": 844}, "desktop": {"width": 1280, "height": 900}}


@pytest.fixture
def server(tmp_path):
    deps = make_services(tmp_path, "acme-first.json")
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    app = create_app(deps, WebConfig(port=port))
    config = uvicorn.Config(app, host="127.0.0.1", port=port, log_level="error")
    running = uvicorn.Server(config)
    thread = threading.Thread(target=running.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 10
    while not running.started and time.monotonic() < deadline:
        time.sleep(0.02)
    yield f"http://127.0.0.1:{port}"
    running.should_exit = True
    thread.join(5)


@pytest.fixture(scope="module")
def browser():
    from playwright.sync_api import sync_playwright

    chromium = os.environ.get("FOLLOWUP_CHROMIUM") or require_program("chromium")
    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(
            executable_path=chromium,
            args=[
                "--no-sandbox",
                "--disable-gpu",
                "--disable-background-networking",
                "--disable-component-update",
                "--no-first-run",
                "--disable-sync",
            ],
        )
        yield launched
        launched.close()


def shot(page, name: str) -> None:
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"{name}.png"), full_page=True)


@pytest.mark.parametrize("size", list(VIEWPORTS))
def test_capture_draft_check_send_and_the_call_follows(server, browser, size):
    page = browser.new_page(viewport=VIEWPORTS[size])
    page.goto(server + "/capture")
    shot(page, f"{size}-capture")
    page.get_by_label("Company (if new)").fill("Initech")
    page.get_by_label("Role").fill("Inside Sales Representative")
    page.locator("#people-0-name").fill("Bill Lumbergh")
    page.locator("#people-0-title").fill("Sales Director")
    page.locator("#people-0-minutes").fill("40")
    page.locator("#people-0-topics").fill("TPS reporting, upselling existing clients")
    page.locator("input[name=people-0-dm]").check()
    page.get_by_label("They said").first.fill("the TPS reports are late every Friday")
    page.get_by_label("You bring").first.fill("I automated weekly reporting for 30 reps")
    page.get_by_label("You promised to send").first.fill("my reporting checklist")
    page.locator("#people-1-name").fill("Joanna Park")
    page.get_by_role("button", name="+ Add a person").click()
    page.locator("#people-2-name").wait_for()
    page.locator("#people-2-name").fill("Milton Waddams")
    page.get_by_role("button", name="Save interview").click()
    page.wait_for_url("**/opportunities/initech*")
    shot(page, f"{size}-opportunity")

    page.goto(server + "/")
    shot(page, f"{size}-today")
    for name in ("Bill Lumbergh", "Joanna Park", "Milton Waddams"):
        assert page.get_by_text(f"Send thank-you to {name}").count() == 1

    item = page.locator("li.touch", has_text="Send thank-you to Bill Lumbergh")
    item.get_by_role("link", name="Open draft").click()
    page.wait_for_url("**/letters?**")
    page.locator(".verdict").wait_for()
    assert page.locator(".verdict").inner_text() == "No findings: ready to go."
    text = page.locator("#text")
    original = text.input_value()
    assert "the TPS reports are late every Friday" in original  # the notes make the letter
    assert "my reporting checklist" in original
    text.fill(original.replace("Dear Bill,", "Dear Dana,\n\nDid I get the job?"))
    page.locator('mark[data-rule="wrong-name"]').wait_for()
    assert page.locator('mark[data-rule="asks-decision"]').inner_text() == "Did I get the job?"
    shot(page, f"{size}-letter-findings")
    text.fill(original)
    page.get_by_text("No findings: ready to go.").wait_for()
    shot(page, f"{size}-letter")
    page.get_by_role("button", name="Mark as sent").click()
    page.wait_for_url(server + "/")
    assert page.get_by_text("Send thank-you to Bill Lumbergh").count() == 0
    call = page.locator("li.touch", has_text="Call Bill Lumbergh")
    assert "due Mon 4 Jan" in call.inner_text()  # sent Mon 28 Dec: the call a week later

    page.goto(server + "/pipeline")
    shot(page, f"{size}-pipeline")
    page.goto(server + "/settings")
    shot(page, f"{size}-settings")
    page.goto(server + "/transfer")
    shot(page, f"{size}-transfer")
    page.goto(server + "/opportunities/nope")
    shot(page, f"{size}-not-found")
    assert page.get_by_role("heading", name="We could not find that").count() == 1
    page.close()


@pytest.mark.parametrize("size", list(VIEWPORTS))
def test_a_rejection_brings_the_stay_in_touch_letter(server, browser, size):
    page = browser.new_page(viewport=VIEWPORTS[size])
    page.goto(server + "/opportunities/acme-ae")
    page.get_by_label("What").select_option("rejected")
    page.get_by_role("button", name="Record").click()
    page.wait_for_url("**/opportunities/acme-ae")
    plan = page.locator(".timeline")
    assert "stay-in-touch · Dana Reyes" in plan.inner_text()
    page.goto(server + "/")
    item = page.locator("li.touch", has_text="Send stay-in-touch to Dana Reyes")
    assert "due Wed 30 Dec" in item.inner_text()
    item.get_by_role("link", name="Open draft").click()
    page.get_by_text("No findings: ready to go.").wait_for()
    assert "disappointed" in page.locator("#text").input_value()
    shot(page, f"{size}-stay-in-touch")
    page.close()


def test_the_today_page_works_from_the_keyboard(server, browser):
    page = browser.new_page(viewport=VIEWPORTS["desktop"])
    page.goto(server + "/")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.textContent") == "Skip to content"
    page.keyboard.press("Enter")
    for _ in range(30):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.textContent") == "Mark done":
            break
    page.keyboard.press("Enter")
    page.get_by_text("Send thank-you to Lee Park").wait_for(state="detached")
    page.close()
