"""The README's short tour, run as written on a fresh database: a new user copies those
commands on any day, also before the tour's interview date."""

from __future__ import annotations

import re
import shlex
from datetime import UTC, datetime
from pathlib import Path

import pytest

README = Path(__file__).parents[2] / "README.md"


def tour_commands() -> list[list[str]]:
    """The `followup` commands of the README's tour, from its first to the `unlog` line, each
    as its arguments (continued lines joined, comments dropped)."""
    text = README.read_text()
    tour = text[text.index("## A short tour") : text.index("## The web interface")]
    commands: list[list[str]] = []
    for block in re.findall(r"```sh\n(.*?)```", tour, re.S):
        for line in block.replace("\\\n", " ").splitlines():
            words = shlex.split(line, comments=True)
            if words and words[0] == ".venv/bin/followup":
                commands.append(words[1:])
    cut = next(i for i, c in enumerate(commands) if c[0] == "unlog")
    return commands[: cut + 1]


@pytest.mark.parametrize("today", [datetime(2026, 11, 30, 15, 0, tzinfo=UTC)])
def test_the_tour_runs_as_written_before_the_interview_date(cli, monkeypatch, today):
    import followup.services.dependencies as context

    monkeypatch.setattr(context, "_utc_now", lambda: today)
    commands = tour_commands()
    assert [c[0] for c in commands] == [
        "profile",
        "add-opportunity",
        "add-interview",
        "set-timeline",
        "agenda",
        "log",
        "log",
        "log",
        "show",
        "unlog",
    ]
    for argv in commands:
        if argv[0] == "unlog":
            argv = [*argv, "--yes"]  # the README's asks first; the test says yes
        result = cli(*argv)
        assert (argv, result.code, result.err) == (argv, 0, "")
    shown = cli("show", "acme-ae").out
    assert "  2. Mon 4 Jan 16:30  reply — Dana Reyes" in shown
    assert "rejected" not in shown  # event 3, taken back
