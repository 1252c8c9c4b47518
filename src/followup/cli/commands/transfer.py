"""Moving the search in and out: the JSON dossier (DESIGN's exchange format), and the demo."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

from followup.cli.args import command, deps, input_source, write_output

if TYPE_CHECKING:
    from followup.cli.args import Subcommands


def cmd_import(args: argparse.Namespace) -> int:
    """Read a JSON dossier (DESIGN's exchange format) into the database.

    Import is idempotent on ids: importing the same file twice changes nothing. A file with any
    error changes nothing at all.
    """
    from followup.cli.progress import progress_for
    from followup.services.imports import import_file

    report = import_file(deps(args), input_source(args.file), progress=progress_for())
    n = report.read
    print(
        f"Imported {n} opportunit{'y' if n == 1 else 'ies'}: {report.added} added, "
        f"{report.updated} updated, {report.unchanged} unchanged; "
        f"{report.touches} touches planned."
    )
    return 0


def cmd_export(args: argparse.Namespace) -> int:
    """Write every opportunity and the candidate as a JSON dossier (standard output by default)."""
    from followup.adapters.json_shapes import dossier_json
    from followup.services.dossier import export_dossier

    candidate, opportunities = export_dossier(deps(args))
    write_output(args.output, dossier_json(candidate, opportunities))
    return 0


def cmd_demo(args: argparse.Namespace) -> int:
    """Sample data, a plan, an agenda and a checked draft, on a throwaway database."""
    from followup.cli.demo import run_demo

    return run_demo()


def register(sub: Subcommands) -> None:
    p = command(sub, "import", cmd_import)
    p.add_argument("file", metavar="FILE", help="a JSON dossier, or - for standard input")

    p = command(sub, "export", cmd_export)
    p.add_argument("-o", "--output", metavar="FILE", help="write here instead of standard output")

    command(sub, "demo", cmd_demo)
