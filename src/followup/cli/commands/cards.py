"""Business cards (001: collect everyone's card): read a photo of one, and add its person to an
interview."""

from __future__ import annotations

import argparse
import sys
from typing import TYPE_CHECKING

from followup.cli.args import command, deps, plan_hint, read_input

if TYPE_CHECKING:
    from followup.cli.args import Subcommands
    from followup.domain.cards import BusinessCard


def cmd_card(args: argparse.Namespace) -> int:
    """Read a business card from a photo (JPEG, PNG or HEIC): name, title, company, email, phone.

    Nothing is saved unless --opportunity and --interview say where the person was met; then they
    are added to that interview and their thank-you is planned. A QR code on the card wins over
    the printed text. Reading runs offline.
    """
    from followup.domain.errors import BadInput
    from followup.services.cards import add_card_person, read_card

    if bool(args.opportunity) != bool(args.interview):
        raise BadInput("--interview: expected both --opportunity and --interview, or neither")
    found = deps(args)
    # a message names the file the user gave ("PHOTO" for standard input)
    field = "PHOTO" if args.photo == "-" else args.photo
    card = read_card(found, read_input(args.photo), field)
    if args.json:
        from followup.adapters.json_shapes import dumps

        print(dumps(card.as_dict()))
    else:
        _show(card)
    if not args.opportunity:
        if not args.json:
            print(
                "Nothing was saved. To add this person: followup card PHOTO "
                "--opportunity ID --interview ID --yes"
            )
        return 0
    if not args.yes and not _confirmed(card, args.opportunity, args.interview):
        print("Nothing was saved.", file=sys.stderr if args.json else sys.stdout)
        return 1
    topics = tuple(args.topics.split(",")) if args.topics is not None else None
    opportunity, contact = add_card_person(
        found, args.opportunity, args.interview, card, args.minutes, topics
    )
    out = sys.stderr if args.json else sys.stdout
    print(
        f"Added {contact.name} to interview {args.interview} of {opportunity.id}.",
        file=out,
    )
    if contact.minutes == 0 and not contact.topics:
        print(
            "How long did you talk, and about what? followup card … --minutes 30 "
            '--topics "first topic, second topic" (the thank-you is written from it)',
            file=out,
        )
    if not args.json:
        plan_hint(opportunity.id)
    return 0


def _show(card: BusinessCard) -> None:
    for key, label in (
        ("name", "Name"),
        ("title", "Title"),
        ("company", "Company"),
        ("email", "Email"),
        ("phone", "Phone"),
    ):
        value = getattr(card, key)
        sureness = f"  ({card.confidence.get(key, 0.0):.2f} sure)" if value else ""
        print(f"{label:<8} {value or '—'}{sureness}")
    print("Read from the card's QR code." if card.source == "qr" else "Read from the printed text.")


def _confirmed(card: BusinessCard, opportunity: str, interview: str) -> bool:
    from followup.domain.errors import BadInput

    if not sys.stdin.isatty():
        raise BadInput(
            "--yes: expected, to add the person without asking (standard input is not a terminal)"
        )
    answer = input(
        f"Add {card.name or 'this person'} to interview {interview} of {opportunity}? [y/N] "
    )
    return answer.strip().lower() in ("y", "yes")


def _minutes(text: str) -> int:
    if not text.isdigit():
        raise argparse.ArgumentTypeError(f"expected whole minutes, 0 or more, got {text!r}")
    return int(text)


def register(sub: Subcommands) -> None:
    p = command(sub, "card", cmd_card)
    p.add_argument(
        "photo", metavar="PHOTO", help="a photo of the card: JPEG, PNG or HEIC (- for stdin)"
    )
    p.add_argument("--json", action="store_true", help="machine-readable output")
    p.add_argument("--opportunity", metavar="ID", help="add the person to this opportunity's …")
    p.add_argument("--interview", metavar="ID", help="… interview (its id, see `followup show`)")
    p.add_argument("--yes", action="store_true", help="add without asking")
    p.add_argument("--minutes", type=_minutes, help="how long you talked with them (001)")
    p.add_argument("--topics", metavar="LIST", help='what you talked about: "topic one, topic two"')
