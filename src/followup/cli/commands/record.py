"""Recording by hand: opportunities, interviews and the people met, the timeline, what happened,
a snoozed touch, and the candidate's profile."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING, Any

from followup.cli.args import command, date_arg, deps, plan_hint, whole
from followup.domain.model import PROFILE_FIELDS
from followup.domain.vocabulary import EVENT_KINDS, STEPS

if TYPE_CHECKING:
    from followup.cli.args import Subcommands


def cmd_add_opportunity(args: argparse.Namespace) -> int:
    """Add an opportunity: a role at a company, followed up by a policy (`followup policies`)."""
    from followup.services.recording import add_opportunity

    opp = add_opportunity(deps(args), args.id, args.company, args.role or "", args.policy)
    print(
        f"Added {opp.id}: {opp.company}{' — ' + opp.role if opp.role else ''} "
        f"(policy {opp.policy}). Next: `followup add-interview {opp.id} --date … --person …`"
    )
    return 0


def cmd_add_interview(args: argparse.Namespace) -> int:
    """Record an interview and everyone met at it; their thank-yous are planned at once.

    Each --person is "Name; title=…; email=…; phone=…; minutes=45; decision-maker;
    topics=first topic, second topic" (only the name is required).
    """
    from followup.domain.parsing import parse_person
    from followup.services.recording import capture_interview

    contacts = tuple(parse_person(spec, f"--person {i + 1}") for i, spec in enumerate(args.person))
    opp, interview = capture_interview(
        deps(args), args.date, contacts, args.opportunity, args.round, args.id
    )
    print(
        f"Recorded interview {interview.id} with {len(contacts)} "
        f"{'person' if len(contacts) == 1 else 'people'} at {opp.company}."
    )
    return plan_hint(opp.id)


def cmd_set_timeline(args: argparse.Namespace) -> int:
    """Set the deadlines the company gave: preliminary interviews and second interviews."""
    from followup.domain.errors import BadInput
    from followup.services.recording import set_timeline

    if not (args.preliminary_deadline or args.second_round_deadline):
        raise BadInput(
            "--preliminary-deadline or --second-round-deadline: expected at least one of them"
        )
    opp = set_timeline(
        deps(args), args.opportunity, args.preliminary_deadline, args.second_round_deadline
    )
    print(f"Timeline of {opp.id} set.")
    return plan_hint(opp.id)


def cmd_log(args: argparse.Namespace) -> int:
    """Record what happened: a touch done, a reply, an invitation, an offer, a rejection or a
    withdrawal. The plan follows (a reply stops the chasing; a rejection starts the
    stay-in-touch letter)."""
    from followup.domain.parsing import parse_time
    from followup.services.recording import log_event

    event = log_event(
        deps(args),
        args.opportunity,
        args.kind,
        contact=args.contact,
        step=args.step,
        on=args.date,
        at=parse_time(args.time, "--time"),
        note=args.note or "",
    )
    print(f"Logged {args.kind} on {event.date.isoformat()} for {args.opportunity}.")
    return plan_hint(args.opportunity)


def cmd_unlog(args: argparse.Namespace) -> int:
    """Take back an event logged by mistake (N as `followup show` numbers them); the plan
    follows as if it had never happened. Asks first unless --yes."""
    import sys

    from followup.domain.errors import InvalidField
    from followup.services.recording import describe_event, event_of, remove_event

    found = deps(args)
    number = args.number.strip()
    if not args.yes:
        event = event_of(found, args.opportunity, number)
        what = f"event {number} of {args.opportunity} ({describe_event(event)})"
        if not sys.stdin.isatty():
            raise InvalidField("yes", f"--yes to remove {what} without asking")
        answer = input(f"Remove {what}? [y/N] ")
        if answer.strip().lower() not in ("y", "yes"):
            print("Nothing removed.")
            return 1
    event = remove_event(found, args.opportunity, number)
    print(f"Removed event {number} of {args.opportunity}: {describe_event(event)}.")
    return plan_hint(args.opportunity)


def cmd_snooze(args: argparse.Namespace) -> int:
    """Put a planned touch off until a later day, with the reason; the agenda shows it then."""
    from followup.services.recording import snooze_touch

    snooze_touch(
        deps(args),
        args.opportunity,
        args.step,
        args.contact,
        args.due,
        args.until,
        args.reason,
    )
    print(
        f"Snoozed the {args.step.replace('_', '-')} to {args.contact} until "
        f"{args.until.isoformat()}: {args.reason}"
    )
    return 0


def cmd_profile(args: argparse.Namespace) -> int:
    """Show or change the candidate's details; country, subdivision and week mask set the
    business-day calendar (changing them re-plans everything)."""
    from followup.domain.parsing import parse_region
    from followup.services.recording import get_profile, update_profile

    found = deps(args)
    changes: dict[str, Any] = {
        key: getattr(args, key) for key in PROFILE_FIELDS if getattr(args, key) is not None
    }
    for key in ("country", "subdivision"):
        if key in changes:
            changes[key] = parse_region(changes[key])
    if args.course:  # what changed on the resume: the final letter leads with it (001)
        kept = get_profile(found).courses
        added = [" ".join(c.split()) for c in args.course if c.strip()]
        changes["courses"] = tuple(dict.fromkeys([*kept, *added]))
    if args.other_interviews is not None:
        changes["other_interviews"] = args.other_interviews
    candidate = update_profile(found, **changes) if changes else get_profile(found)
    fields = {key: getattr(candidate, key) for key in PROFILE_FIELDS}
    if args.json:
        from followup.adapters.json_shapes import dumps, profile_dict

        print(dumps(profile_dict(candidate)))
    else:
        for key, value in fields.items():
            print(f"{key.replace('_', ' '):<15} {value if value else '—'}")
    return 0


def _count(text: str) -> int:
    if not text.isdigit():
        raise argparse.ArgumentTypeError(f"expected a whole number, 0 or more, got {text!r}")
    return int(text)


def register(sub: Subcommands) -> None:
    p = command(sub, "add-opportunity", cmd_add_opportunity)
    p.add_argument("id", metavar="ID", help="a short id you choose, like acme-ae")
    p.add_argument("--company", required=True, help="the company's name")
    p.add_argument("--role", help="the job title")
    p.add_argument("--policy", help="persistent (default) or etiquette, or your own")

    p = command(sub, "add-interview", cmd_add_interview)
    p.add_argument("opportunity", metavar="OPPORTUNITY", help="the opportunity's id")
    p.add_argument("--date", type=date_arg, required=True, help="the interview's date (YYYY-MM-DD)")
    p.add_argument(
        "--round", type=whole(1, 99), default=1, help="1 for the first interview (default)"
    )
    p.add_argument(
        "--id", help="an id for the interview (default: OPPORTUNITY-DATE, and -rN for round N > 1)"
    )
    p.add_argument(
        "--person",
        action="append",
        default=[],
        metavar="SPEC",
        help='someone you met: "Dana Reyes; title=Sales Manager; email=dana@acme.example; '
        'minutes=45; decision-maker; topics=territories, CRM" (repeat for each person)',
    )

    p = command(sub, "set-timeline", cmd_set_timeline)
    p.add_argument("opportunity", metavar="OPPORTUNITY", help="the opportunity's id")
    p.add_argument(
        "--preliminary-deadline",
        type=date_arg,
        metavar="DATE",
        help="when preliminary interviews end (YYYY-MM-DD)",
    )
    p.add_argument(
        "--second-round-deadline",
        type=date_arg,
        metavar="DATE",
        help="when second interviews end (YYYY-MM-DD)",
    )

    p = command(sub, "log", cmd_log)
    p.add_argument("opportunity", metavar="OPPORTUNITY", help="the opportunity's id")
    p.add_argument("kind", choices=EVENT_KINDS, help="what happened")
    p.add_argument("--date", type=date_arg, help="when (YYYY-MM-DD; default today)")
    p.add_argument("--time", metavar="HH:MM", help="what time a reply came (default: morning)")
    p.add_argument("--contact", metavar="NAME", help="who it was with (done, reply)")
    p.add_argument("--step", choices=STEPS, help="which touch was done (done)")
    p.add_argument("--note", help="anything worth remembering")

    p = command(sub, "unlog", cmd_unlog)
    p.add_argument("opportunity", metavar="OPPORTUNITY", help="the opportunity's id")
    p.add_argument("number", metavar="N", help="which event, as `followup show` numbers them")
    p.add_argument("--yes", action="store_true", help="do not ask first")

    p = command(sub, "snooze", cmd_snooze)
    p.add_argument("opportunity", metavar="OPPORTUNITY", help="the opportunity's id")
    p.add_argument("--step", choices=STEPS, required=True, help="which touch")
    p.add_argument("--contact", required=True, metavar="NAME", help="to whom")
    p.add_argument("--due", type=date_arg, required=True, help="its due date (YYYY-MM-DD)")
    p.add_argument("--until", type=date_arg, required=True, help="show it again on (YYYY-MM-DD)")
    p.add_argument("--reason", required=True, help="why it waits")

    p = command(sub, "profile", cmd_profile)
    for key, text in (
        ("name", "your name, for letters"),
        ("email", "your email address"),
        ("phone", "your phone number"),
        ("timezone", "your IANA time zone, like America/Chicago"),
        ("country", "your country, for public holidays (ISO code, like US)"),
        ("subdivision", "your state or province, for public holidays (like IL)"),
        ("weekmask", "your working days Mon..Sun, like 1111100"),
        ("default-policy", "the policy for new opportunities"),
    ):
        p.add_argument(f"--{key}", help=text)
    p.add_argument(
        "--course",
        action="append",
        metavar="TEXT",
        help="a sales course taken since the interviews (repeat; added to the list)",
    )
    p.add_argument(
        "--other-interviews",
        type=_count,
        metavar="N",
        help="how many other interviews you have had since",
    )
    p.add_argument("--json", action="store_true", help="machine-readable output")
