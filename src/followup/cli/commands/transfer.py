"""Moving the search in and out: the JSON dossier (DESIGN's exchange format), invitations,
people and applications from other tools, spreadsheets out, and the demo."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

from followup.cli.args import command, deps, write_output

if TYPE_CHECKING:
    from followup.cli.args import Subcommands

KINDS = ("dossier", "invite", "vcard", "linkedin", "google", "applications")


def cmd_import(args: argparse.Namespace) -> int:
    """Bring a file in: a JSON dossier (DESIGN's exchange format), an interview invitation (.ics,
    or an .eml carrying one), people (vCard 2.1/3.0/4.0, LinkedIn's Connections.csv, a Google
    Contacts CSV), or applications (LinkedIn's Job Applications.csv and Saved Jobs.csv, a job
    tracker's CSV export, or any CSV with --mapping).

    The kind is found from the content unless --kind says. Every import is idempotent (the
    same file twice changes nothing) and all-or-nothing (a file with any error changes nothing
    at all); --dry-run says what would change and changes nothing.
    """
    from followup.cli.args import input_source, read_mapping
    from followup.cli.progress import progress_for
    from followup.services.imports import import_file
    from followup.services.ports import ImportOptions

    options = ImportOptions(
        opportunity=args.opportunity,
        mapping=read_mapping(args.mapping) if args.mapping else None,
    )
    report = import_file(
        deps(args),
        input_source(args.file),
        kind=args.kind,
        dry_run=args.dry_run,
        progress=None if args.json else progress_for(),
        options=options,
    )
    if args.json:
        from followup.adapters.json_shapes import dumps, import_dict

        print(dumps(import_dict(report)))
        return 0
    from followup.cli.capture import import_report

    print(import_report(report))
    return 0


def cmd_export(args: argparse.Namespace) -> int:
    """Write every opportunity and the candidate as a JSON dossier (standard output by default),
    or, with --format csv, a spreadsheet of the opportunities, the people or the touches (a cell
    that a spreadsheet would take for a formula is written with a leading ')."""
    if args.format == "csv":
        return _export_csv(args)
    if args.what is not None:
        from followup.domain.errors import BadInput

        raise BadInput("--what: expected --format csv with it (the dossier holds everything)")
    from followup.adapters.json_shapes import dossier_json
    from followup.services.dossier import export_dossier

    candidate, opportunities = export_dossier(deps(args))
    write_output(args.output, dossier_json(candidate, opportunities))
    return 0


def _export_csv(args: argparse.Namespace) -> int:
    from followup.adapters.files.spreadsheet import write_csv
    from followup.cli.args import output_stream
    from followup.services.exports import export_table

    if args.what is None:
        from followup.domain.errors import BadInput

        raise BadInput("--what: expected opportunities, people or touches with --format csv")
    rows = export_table(deps(args), args.what)
    with output_stream(args.output) as out:
        write_csv(rows, out)
    return 0


def cmd_demo(args: argparse.Namespace) -> int:
    """Sample data, a plan, an agenda and a checked draft, on a throwaway database."""
    from followup.cli.demo import run_demo

    return run_demo()


def register(sub: Subcommands) -> None:
    p = command(sub, "import", cmd_import)
    p.add_argument("file", metavar="FILE", help="the file to import, or - for standard input")
    p.add_argument("--kind", choices=KINDS, help="the kind of file (default: found from it)")
    p.add_argument(
        "--opportunity", metavar="ID", help="the opportunity an invitation is for (invitations)"
    )
    p.add_argument(
        "--mapping",
        metavar="FILE",
        help="a JSON object from Followup's fields (company, role, applied, url, stage, notes) "
        'to the CSV\'s columns, like {"company": "Firm", "role": "Job"} (applications)',
    )
    p.add_argument("--dry-run", action="store_true", help="say what would change; change nothing")
    p.add_argument("--json", action="store_true", help="machine-readable report")

    p = command(sub, "export", cmd_export)
    p.add_argument("-o", "--output", metavar="FILE", help="write here instead of standard output")
    p.add_argument(
        "--format", choices=("json", "csv"), default="json", help="json (a dossier) or csv"
    )
    p.add_argument(
        "--what",
        choices=("opportunities", "people", "touches"),
        help="which table, with --format csv",
    )

    command(sub, "demo", cmd_demo)
