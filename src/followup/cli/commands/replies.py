"""Replies read for what they say: classify one message, review what replies proposed."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

from followup.cli.args import command, deps, group, read_input

if TYPE_CHECKING:
    from followup.cli.args import Subcommands


def cmd_inbox_classify(args: argparse.Namespace) -> int:
    """What a message from the hiring side says: invitation, rejection, offer, question,
    automatic or other, and the sentence that decided it. Only what the sender wrote this time
    is read (not the messages it quotes, its signature or its footer). Stores nothing."""
    from followup.adapters.mail.mailbox import MESSAGE_LIMIT, incoming
    from followup.domain.errors import BadInput
    from followup.services.replies import classify_message

    raw = read_input(args.file, MESSAGE_LIMIT)  # what is read of any message
    if not raw.strip():
        raise BadInput(f"FILE: expected a message (.eml), {args.file!r} is empty")
    if b"\x00" in raw[:4096]:  # a photo or an archive picked by mistake (headers hold no NUL)
        raise BadInput(f"FILE: expected a message (.eml), {args.file!r} is binary")
    found = classify_message(deps(args), incoming(raw))
    if args.json:
        from followup.adapters.json_shapes import classification_dict, dumps

        print(dumps(classification_dict(found)))
    elif found.evidence:
        print(f"{found.kind}: {found.evidence}")
    else:
        print(found.kind)
    return 0


def cmd_inbox_review(args: argparse.Namespace) -> int:
    """The events replies proposed (invited, rejected, offer), waiting for you: list them,
    confirm one (it is recorded on the day the message came, and the plan follows) or dismiss
    it (nothing is recorded)."""
    from followup.services import replies

    found = deps(args)
    if args.action in ("confirm", "dismiss"):
        reply_id = _reply_id(args)
        if args.action == "confirm":
            done = replies.confirm_proposal(found, reply_id)
            print(f"Recorded: {done.proposal} ({done.opportunity}), from {done.contact}'s message.")
        else:
            done = replies.dismiss_proposal(found, reply_id)
            print(f"Dismissed proposal #{done.id}: nothing recorded.")
        return 0
    pending = replies.pending_proposals(found)
    if args.json:
        from followup.adapters.json_shapes import dumps, proposal_dict

        print(dumps([proposal_dict(p) for p in pending]))
        return 0
    if not pending:
        print("Nothing to review: no reply proposes an event.")
    for p in pending:
        r = p.reply
        print(f"#{r.id:<4} {r.proposal:<8} {p.company} ({r.opportunity}) — {r.contact}, ", end="")
        print(f"{r.received_at.astimezone():%a %d %b}")
        print(f'      "{r.evidence}"')
    if pending:
        print("Confirm with `followup inbox review confirm ID`, or dismiss with `… dismiss ID`.")
    return 0


def _reply_id(args: argparse.Namespace) -> int:
    from followup.domain.errors import InvalidField

    if args.id is None or not str(args.id).isdigit():
        raise InvalidField("ID", "the proposal's number (see `followup inbox review`)", args.id)
    return int(args.id)


def register(sub: Subcommands) -> None:
    inbox = group(sub, "inbox", "Replies from the hiring side.")
    p = command(inbox, "classify", cmd_inbox_classify)
    p.prog = "followup inbox classify"
    p.add_argument("file", metavar="FILE", help="a message as an .eml file (- for standard input)")
    p.add_argument("--json", action="store_true", help='print {"kind", "evidence"}')
    p = command(inbox, "review", cmd_inbox_review)
    p.prog = "followup inbox review"
    p.add_argument("action", nargs="?", choices=("list", "confirm", "dismiss"), default="list")
    p.add_argument("id", nargs="?", metavar="ID", help="the proposal's number (confirm, dismiss)")
    p.add_argument("--json", action="store_true", help="machine-readable output")
