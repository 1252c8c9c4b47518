"""Notes that make a letter personal: what they said, what you bring, what you promised."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

from followup.cli.args import command, deps

if TYPE_CHECKING:
    from followup.cli.args import Subcommands


def cmd_note(args: argparse.Namespace) -> int:
    """Add a topic you discussed with someone, or change your notes on it: what they said about
    it, what you bring to it, what you promised to send. The letters to them are built from
    these few words; where one they need is missing, the draft shows a [[...]] marker instead.

    A note you leave out stays as it was; --said "" clears one. With --strength (repeat it), set
    what you bring to this opportunity in particular instead.
    """
    found = deps(args)
    if args.strength is not None:
        from followup.services.notes import set_strengths

        if args.to or args.topic:
            from followup.domain.errors import BadInput

            raise BadInput("--strength: expected on its own, without --to or --topic")
        opportunity = set_strengths(found, args.opportunity, args.strength)
        if opportunity.strengths:
            print(f"Strengths for {opportunity.id}:")
            for strength in opportunity.strengths:
                print(f"  - {strength}")
        else:
            print(f"No strengths of its own for {opportunity.id}: your profile's are used.")
        return 0
    if not (args.to and args.topic):
        from followup.domain.errors import BadInput

        raise BadInput("--to and --topic: expected both (or --strength on its own)")
    from followup.services.notes import note_topic

    person, topic = note_topic(
        found, args.opportunity, args.to, args.topic, args.said, args.bring, args.promised
    )
    print(f"{person} — {topic.name}")
    for key, label in (("said", "they said"), ("bring", "you bring"), ("promised", "you promised")):
        value = getattr(topic, key)
        print(f"  {label + ':':<14}{value if value else '—'}")
    return 0


def register(sub: Subcommands) -> None:
    p = command(sub, "note", cmd_note)
    p.add_argument("opportunity", metavar="OPPORTUNITY", help="the opportunity's id")
    p.add_argument("--to", metavar="NAME", help="the person you discussed it with")
    p.add_argument("--topic", metavar="TOPIC", help="what you discussed, like 'CRM adoption'")
    p.add_argument("--said", metavar="TEXT", help="what they said about it")
    p.add_argument("--bring", metavar="TEXT", help="what you bring to it")
    p.add_argument("--promised", metavar="TEXT", help="what you promised to send them")
    p.add_argument(
        "--strength",
        action="append",
        metavar="TEXT",
        help="what you bring to this opportunity (repeat; replaces the list)",
    )
