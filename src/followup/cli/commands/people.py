"""The address book: everyone the candidate knows, met at an interview or imported."""

from __future__ import annotations

import argparse
import sys
from typing import TYPE_CHECKING

from followup.cli.args import command, deps
from followup.cli.parser import Parser

if TYPE_CHECKING:
    from followup.cli.args import Subcommands


def cmd_people(args: argparse.Namespace) -> int:
    """List the address book: everyone met at an interview or imported (vCard, LinkedIn,
    Google Contacts, invitations), by name. One email address is one person; without one, the
    same name at the same company is."""
    from followup.services.people import list_people

    people = list_people(deps(args))
    if args.json:
        from followup.adapters.json_shapes import people_json

        for piece in people_json(people):
            sys.stdout.write(piece)
        sys.stdout.write("\n")
        return 0
    from followup.cli.capture import people_text

    print(people_text(people))
    return 0


def cmd_people_export(args: argparse.Namespace) -> int:
    """Write the address book as vCard 3.0, which phones' contact apps accept (standard output
    without -o)."""
    from followup.adapters.files.vcard import write_vcards
    from followup.cli.args import output_stream
    from followup.services.people import list_people

    people = list_people(deps(args))
    with output_stream(args.output) as out:
        write_vcards(people, out)
    return 0


def register(sub: Subcommands) -> None:
    p = command(sub, "people", cmd_people)
    p.add_argument("--json", action="store_true", help="machine-readable output")
    inner = p.add_subparsers(title="commands", metavar="COMMAND", parser_class=Parser)
    e = command(inner, "export", cmd_people_export)
    e.add_argument("-o", "--output", metavar="FILE", help="write here instead of standard output")
