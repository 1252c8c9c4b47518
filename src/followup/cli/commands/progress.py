"""How the follow-up is going: the articles' claims checked on your own history."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

from followup.cli.args import command, deps

if TYPE_CHECKING:
    from followup.cli.args import Subcommands


def cmd_stats(args: argparse.Namespace) -> int:
    """How the follow-up is going over the last 4, 12 and 52 weeks: thank-yous sent on time and
    how fast (001, 003), replies to the hiring side the same business day (002), which letters
    get answers and how soon, and what became of the touches that fell due. Each figure says
    how it was counted."""
    from followup.services.progress import follow_up_progress

    report = follow_up_progress(deps(args))
    if args.json:
        from followup.adapters.json_shapes import dumps, progress_dict

        print(dumps(progress_dict(report)))
    else:
        from followup.cli.format import progress_text

        print(progress_text(report))
    return 0


def register(sub: Subcommands) -> None:
    p = command(sub, "stats", cmd_stats)
    p.add_argument("--json", action="store_true", help="machine-readable output")
