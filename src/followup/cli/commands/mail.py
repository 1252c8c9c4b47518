"""Mail: approving letters, the outbox, sending, the morning digest, and reading replies."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

from followup.cli.args import (
    command,
    deps,
    group,
    mail_settings,
    read_input,
    whole,
)

if TYPE_CHECKING:
    from followup.cli.args import Subcommands


def cmd_approve(args: argparse.Namespace) -> int:
    """Approve a letter for sending: the draft, or your edited text with --file. It goes out
    from the outbox at the next moment inside your send window (weekday mornings by default),
    when `followup send` runs."""
    from followup.services.letters import MAX_LETTER_BYTES, read_letter, split_subject
    from followup.services.outbox import approve_letter

    settings = mail_settings()
    subject = body = None
    if args.file:
        text = read_letter(read_input(args.file, MAX_LETTER_BYTES + 1), args.file)
        found_subject, body = split_subject(text)
        subject = found_subject or None
    item = approve_letter(
        deps(args),
        args.opportunity,
        args.to,
        args.kind,
        subject,
        body,
        (settings.window_start, settings.window_end),
    )
    local = item.send_after.astimezone()
    print(
        f"Approved: {item.subject!r} to {item.to_name} <{item.to_address}>, "
        f"outbox #{item.id}, goes after {local:%a %d %b %H:%M}."
    )
    return 0


def cmd_outbox(args: argparse.Namespace) -> int:
    """The letters approved for sending: queued, sent, failed, or uncertain (the dispatcher
    stopped while handing one over: it may or may not have gone). Retry or cancel by number."""
    from followup.services import outbox

    found = deps(args)
    if args.action == "retry":
        item = outbox.retry(found, _item_id(args))
        print(f"Letter #{item.id} to {item.to_name} is queued again.")
        return 0
    if args.action == "cancel":
        item = outbox.cancel(found, _item_id(args))
        print(f"Letter #{item.id} to {item.to_name} is cancelled.")
        return 0
    items = outbox.list_outbox(found)
    if args.json:
        from followup.adapters.json_shapes import dumps, outbox_dict

        print(dumps([outbox_dict(i) for i in items]))
        return 0
    if not items:
        print("The outbox is empty. Approve a letter with `followup approve`.")
    for i in items:
        print(f"#{i.id:<4} {i.status:<9} {i.to_name} ({i.opportunity}) — {i.subject}")
        if i.last_error:
            print(f"      {i.last_error}")
    return 0


def _item_id(args: argparse.Namespace) -> int:
    from followup.domain.errors import InvalidField, NotFound

    if args.id is None or not (str(args.id).isascii() and str(args.id).isdigit()):
        raise InvalidField("ID", "the letter's number in the outbox", args.id)
    if len(str(args.id)) > 18:  # larger than any number the outbox can hold
        raise NotFound("ID", "letter in the outbox", str(args.id))
    return int(args.id)


def cmd_send(args: argparse.Namespace) -> int:
    """Send the approved letters whose time has come, over SMTP (settings in followup.toml in
    your config folder; the password from its environment variable or the system keyring).
    On a shared server it sends every candidate's (with --user, one's), and several may run at
    once."""
    from followup.adapters.mail.smtp import SmtpMailer
    from followup.domain.errors import BadInput
    from followup.services.outbox import dispatch

    settings = mail_settings()
    if settings.smtp is None:
        raise BadInput(
            "smtp: expected an [smtp] section in followup.toml (host, port, security, username)"
        )
    with SmtpMailer(settings.smtp) as mailer:
        report = dispatch(deps(args), mailer, args.limit)
    if report.recovered:
        print(
            f"{report.recovered} letter(s) were being sent when a dispatcher stopped: marked "
            "uncertain (see `followup outbox`)."
        )
    print(f"Sent {report.sent}, failed {report.failed}.")
    return 0


def cmd_digest(args: argparse.Namespace) -> int:
    """The morning digest: what is overdue, due today and this week. Printed, or with --send
    mailed to you (over the SMTP settings in followup.toml), for a scheduler to run daily."""
    from followup.cli.format import agenda_text

    if not args.send:
        from followup.services.agenda import agenda

        print(agenda_text(agenda(deps(args))) + "\n", end="")
        return 0
    from followup.adapters.mail.smtp import SmtpMailer
    from followup.domain.errors import BadInput
    from followup.services.outbox import send_digest

    settings = mail_settings()
    if settings.smtp is None:
        raise BadInput(
            "digest --send: expected an [smtp] section in followup.toml and your "
            "email in your profile"
        )
    with SmtpMailer(settings.smtp) as mailer:
        item = send_digest(deps(args), mailer, agenda_text)
    print(f"Digest sent to {item.to_address}.")
    return 0


def cmd_inbox_import(args: argparse.Namespace) -> int:
    """Read replies from an mbox file or a Maildir folder: a message answering a letter you
    sent, or from someone you met, becomes a reply (out-of-office answers do not)."""
    from pathlib import Path

    from followup.adapters.mail.mailbox import read_folder
    from followup.cli.progress import progress_for
    from followup.services.inbox import import_replies

    report = import_replies(deps(args), read_folder(Path(args.file)), progress_for())
    print(
        f"Read {report.read} messages: {report.replies} replies recorded, "
        f"{report.automatic} automatic answers left alone."
    )
    _proposals_hint(report.proposals)
    _print_skipped(report.skipped)
    return 0


def _print_skipped(skipped: tuple[tuple[str, str], ...]) -> None:
    for where, why in skipped:
        print(f"Skipped {where}: {why}")


def cmd_inbox_poll(args: argparse.Namespace) -> int:
    """Read new messages from your mailbox over IMAP (settings in followup.toml); only what
    came since the last time is read."""
    from followup.adapters.mail.imap import ImapMailbox
    from followup.cli.progress import progress_for
    from followup.domain.errors import BadInput
    from followup.services.inbox import poll_inbox

    settings = mail_settings()
    if settings.imap is None:
        raise BadInput(
            "imap: expected an [imap] section in followup.toml (host, port, security, username)"
        )
    with ImapMailbox(settings.imap) as mailbox:
        report = poll_inbox(deps(args), mailbox, progress_for())
    print(
        f"Read {report.read} new messages: {report.replies} replies recorded, "
        f"{report.automatic} automatic answers left alone."
    )
    _proposals_hint(report.proposals)
    _print_skipped(report.skipped)
    return 0


def _proposals_hint(proposals: int) -> None:
    if proposals:
        print(
            f"{proposals} of them propose an event (invited, rejected, offer): review with "
            "`followup inbox review`."
        )


def register(sub: Subcommands) -> None:
    from followup.domain.letters.context import LETTER_KINDS

    p = command(sub, "approve", cmd_approve)
    p.add_argument("--opportunity", required=True, metavar="ID", help="the opportunity's id")
    p.add_argument("--to", required=True, metavar="NAME", help="the person the letter is for")
    p.add_argument("--kind", choices=LETTER_KINDS, help="default: their next planned touch")
    p.add_argument("--file", metavar="FILE", help="your edited letter (a Subject: line first)")

    p = command(sub, "outbox", cmd_outbox)
    p.add_argument("action", nargs="?", choices=("list", "retry", "cancel"), default="list")
    p.add_argument("id", nargs="?", metavar="ID", help="the letter's number (retry, cancel)")
    p.add_argument("--json", action="store_true", help="machine-readable output")

    p = command(sub, "digest", cmd_digest)
    p.add_argument("--send", action="store_true", help="mail it to yourself")

    p = command(sub, "send", cmd_send)
    p.add_argument("--limit", type=whole(1, 100_000), help="send at most this many")

    inbox = group(sub, "inbox", "Replies from the hiring side.")
    p = command(inbox, "import", cmd_inbox_import)
    p.prog = "followup inbox import"
    p.add_argument("file", metavar="FILE", help="an mbox file or a Maildir folder")
    p = command(inbox, "poll", cmd_inbox_poll)
    p.prog = "followup inbox poll"
