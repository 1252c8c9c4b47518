"""Reading the plan: the agenda, every touch, the opportunities, one opportunity, the policies and
the calendar export."""

from __future__ import annotations

import sys

from followup.cli.args import command, date_arg, deps, group, whole, write_bytes

TYPE_CHECKING = False  # typing is not loaded at start-up

if TYPE_CHECKING:
    import argparse

    from followup.cli.args import Subcommands


def cmd_agenda(args: argparse.Namespace) -> int:
    """What is overdue, what is due today (or on --on DATE), and what comes next."""
    from followup.services.agenda import agenda

    result = agenda(deps(args), args.on, limit=args.limit)
    if args.json:
        from followup.adapters.json_shapes import agenda_dict, dumps

        print(dumps(agenda_dict(result)))
    else:
        from followup.cli.format import agenda_text

        print(agenda_text(result))
    return 0


def cmd_plan(args: argparse.Namespace) -> int:
    """Every planned, done, skipped and cancelled touch, with due dates and reasons."""
    from followup.services.planning import stream_plan

    rows = stream_plan(deps(args), args.opportunity)
    if args.json:
        from followup.adapters.json_shapes import plan_json

        out = sys.stdout
        for piece in plan_json(r.touch for r in rows):
            out.write(piece)
        out.write("\n")
    else:
        from followup.cli.format import plan_text

        print(plan_text(list(rows)))
    return 0


def cmd_list(args: argparse.Namespace) -> int:
    """Every opportunity with its stage and next touch."""
    from followup.services.agenda import list_opportunities

    found = deps(args)
    items = list_opportunities(found)
    if args.json:
        from followup.adapters.json_shapes import dumps, summary_dict

        print(dumps([summary_dict(i) for i in items]))
    else:
        from followup.cli.format import opportunities_text

        print(opportunities_text(items, found.today(None)))
    return 0


def cmd_show(args: argparse.Namespace) -> int:
    """One opportunity: interviews and people met, timeline, events, plan and warnings."""
    from followup.services.planning import show_opportunity

    view = show_opportunity(deps(args), args.id)
    if args.json:
        from followup.adapters.json_shapes import dumps, view_dict

        print(dumps(view_dict(view)))
    else:
        from followup.cli.format import opportunity_text

        print(opportunity_text(view))
    return 0


def cmd_policies(args: argparse.Namespace) -> int:
    """The follow-up policies, the articles each follows and where it departs from the others."""
    from followup import bootstrap
    from followup.adapters.policies import PolicyBook

    book = PolicyBook(bootstrap.config_dir() / "policies")
    for i, name in enumerate(book.names()):
        policy = book.get(name)
        if i:
            print()
        print(f"{policy.name}: {policy.title}")
        print(f"  steps: {', '.join(policy.steps)}")
        print(f"  follows articles {', '.join(policy.follows)}")
        for source, why in policy.departs_from:
            print(f"  departs from {source}: {why}")
        print(f"  file: {book.source(name)}")
    return 0


def cmd_calendar_export(args: argparse.Namespace) -> int:
    """The planned touches as an iCalendar file, one all-day event each with a reminder at
    09:00 (standard output without -o). Importing a newer export updates the same events."""
    from followup.adapters.files.calendar import plan_to_ics
    from followup.services.planning import stream_plan

    found = deps(args)
    write_bytes(args.output, plan_to_ics(stream_plan(found), found.clock()))
    return 0


def register(sub: Subcommands) -> None:
    p = command(sub, "agenda", cmd_agenda)
    p.add_argument("--on", type=date_arg, metavar="DATE", help="the day to look at (YYYY-MM-DD)")
    p.add_argument(
        "--limit", type=whole(0, 1000), default=10, help="at most this many lines per section"
    )
    p.add_argument("--json", action="store_true", help="machine-readable output")

    p = command(sub, "plan", cmd_plan)
    p.add_argument("--opportunity", metavar="ID", help="only this opportunity")
    p.add_argument("--json", action="store_true", help="machine-readable output (DESIGN contract)")

    p = command(sub, "list", cmd_list)
    p.add_argument("--json", action="store_true", help="machine-readable output")

    p = command(sub, "show", cmd_show)
    p.add_argument("id", metavar="ID", help="the opportunity's id")
    p.add_argument("--json", action="store_true", help="machine-readable output")

    command(sub, "policies", cmd_policies)

    calendar = group(sub, "calendar", "The plan in your calendar.")
    p = command(calendar, "export", cmd_calendar_export)
    p.prog = "followup calendar export"
    p.add_argument("-o", "--output", metavar="FILE", help="write here instead of standard output")
