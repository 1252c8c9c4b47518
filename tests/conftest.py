"""Under CI every test runs: a skip for a missing program or missing shared data
(tests/system.py) is a failure there, so a green CI never hides a test that did not run."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from .system import NEEDS, in_ci


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item: pytest.Item, call: pytest.CallInfo[None]) -> Iterator[None]:
    outcome = yield
    report = outcome.get_result()
    if not (report.skipped and in_ci()):
        return
    reason = report.longrepr[2] if isinstance(report.longrepr, tuple) else str(report.longrepr)
    if reason.removeprefix("Skipped: ").startswith(NEEDS):
        report.outcome = "failed"
        report.longrepr = f"CI must run every test, but this one was skipped: {reason}"
