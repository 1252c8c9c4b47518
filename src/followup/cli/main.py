"""`followup`: the command line.

Each command lives beside its arguments in `cli/commands/<subject>.py`: it parses, calls one use
case and formats the result. Errors are turned into one line and an exit status here, in `main`,
and nowhere else.
"""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Sequence

from followup.cli.args import Handler, Parser
from followup.cli.commands import MODULES
from followup.domain.errors import FollowupError


def build_parser() -> Parser:
    parser = Parser(
        prog="followup",
        description="Followup plans every follow-up touch after a job interview, on a business-"
        "day calendar, and says what is due today.",
    )
    parser.add_argument(
        "--database",
        metavar="PATH",
        help="SQLite file (default: $FOLLOWUP_DATABASE, else a file in your data folder)",
    )
    from followup import __version__

    parser.add_argument("--version", action="version", version=f"followup {__version__}")
    sub = parser.add_subparsers(title="commands", metavar="COMMAND", parser_class=Parser)
    for name in MODULES:
        importlib.import_module(f"followup.cli.commands.{name}").register(sub)
    return parser


def _as_option(error: FollowupError, parser: argparse.ArgumentParser) -> FollowupError:
    """Name a field the way this command's user typed it: `contact` -> `--contact`."""
    field = error.field
    if not field or "[" in field:
        return error  # a path inside a file, like opportunities[0].policy
    last = field.rsplit(".", 1)[-1]
    for action in parser._actions:
        if action.dest == last and action.dest != "help":
            if action.option_strings:
                return error.renamed(max(action.option_strings, key=len))
            return error.renamed(str(action.metavar or action.dest.upper()))
    return error


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    handler: Handler | None = getattr(args, "handler", None)
    if handler is None:
        getattr(args, "group_parser", parser).print_help()
        return 2
    try:
        return handler(args)
    except FollowupError as error:
        shown = _as_option(error, getattr(args, "command_parser", parser))
        sys.stderr.write(f"followup: error: {shown}\n")
        return error.exit_code
    except KeyboardInterrupt:
        sys.stderr.write("followup: interrupted\n")
        return 130
    except BrokenPipeError:
        return 0
