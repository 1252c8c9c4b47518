"""The import tour on the web: files other tools wrote, chosen on the Import page of a real
browser (Debian's Chromium, driven by Playwright) at a phone-sized viewport.

    .venv/bin/python bench/import_tour_web.py [--shots DIR] FILE ...

It starts `followup serve` on a throwaway database (loopback, a free port), then for each file:
chooses it, asks what will change, imports it, and chooses it again: the second preview must say
nothing to add and nothing to update. A refused file must give one clear alert. On every page the
content must fit the phone's width (no sideways scrolling). Exit status 1 when a file broke one
of these promises.
"""

from __future__ import annotations

import argparse
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PHONE = {"width": 390, "height": 844}


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def serve(database: Path) -> tuple[subprocess.Popen[bytes], str]:
    port = free_port()
    env = dict(os.environ, FOLLOWUP_DATABASE=str(database))
    process = subprocess.Popen(
        [str(ROOT / ".venv" / "bin" / "followup"), "serve", "--port", str(port)],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        try:
            urllib.request.urlopen(url + "/transfer", timeout=2).close()
            return process, url
        except OSError:
            time.sleep(0.2)
    process.terminate()
    raise SystemExit("followup serve did not start")


def fits(page) -> bool:  # type: ignore[no-untyped-def]
    return bool(page.evaluate("document.documentElement.scrollWidth <= window.innerWidth"))


def preview(page, url: str, path: Path) -> str:  # type: ignore[no-untyped-def]
    page.goto(url + "/transfer")
    page.set_input_files("#file", str(path))
    page.get_by_role("button", name="See what will change").click()
    page.wait_for_selector("#preview, [role=alert]")
    alert = page.locator("[role=alert]")
    if alert.count():
        return "refused: " + alert.first.inner_text().strip()
    return page.locator("#preview").inner_text().strip()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("files", nargs="+", type=Path)
    parser.add_argument("--shots", type=Path)
    options = parser.parse_args()
    from playwright.sync_api import sync_playwright

    chromium = os.environ.get("FOLLOWUP_CHROMIUM") or shutil.which("chromium")
    if not chromium:
        raise SystemExit("no chromium: apt-get install chromium")
    broken = 0
    with tempfile.TemporaryDirectory(prefix="tour-web-") as folder:
        process, url = serve(Path(folder) / "followup.db")
        try:
            with sync_playwright() as playwright:
                browser = playwright.chromium.launch(
                    executable_path=chromium, args=["--no-sandbox", "--disable-gpu"]
                )
                page = browser.new_page(viewport=PHONE)
                for number, path in enumerate(options.files):
                    problems = []
                    first = preview(page, url, path)
                    if not fits(page):
                        problems.append("the preview is wider than the phone")
                    if options.shots:
                        options.shots.mkdir(parents=True, exist_ok=True)
                        page.screenshot(
                            path=str(options.shots / f"{number:02d}-preview.png"), full_page=True
                        )
                    if first.startswith("refused: "):
                        if "\n" in first:
                            problems.append("the refusal is more than one line")
                    else:
                        page.get_by_role("button", name="Import it").click()
                        page.wait_for_selector(".ok[role=status], [role=alert]")
                        done = page.locator("[role=status]").first.inner_text().strip()
                        if not fits(page):
                            problems.append("the report is wider than the phone")
                        if options.shots:
                            page.screenshot(
                                path=str(options.shots / f"{number:02d}-done.png"), full_page=True
                            )
                        again = preview(page, url, path)
                        if "0 to add, 0 to update" not in again:
                            problems.append(f"again: {again[:200]}")
                        first = first.splitlines()[0] + " → " + done.splitlines()[0]
                    verdict = "BROKEN: " + " | ".join(problems) if problems else "ok"
                    broken += bool(problems)
                    print(f"{path.name}\t{first[:300]}\t{verdict}", flush=True)
                browser.close()
        finally:
            process.terminate()
            process.wait(timeout=10)
    return 1 if broken else 0


if __name__ == "__main__":
    sys.exit(main())
