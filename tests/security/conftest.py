"""The attacks: each test here is an input an adversary tried, and what Followup must do."""

from __future__ import annotations

from tests.e2e.conftest import Cli, Result, cli, sqlite_cli  # noqa: F401 - fixtures shared with e2e
