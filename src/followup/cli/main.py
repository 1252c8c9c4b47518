"""`followup`: the command line.

Each command parses its arguments, calls one use case and formats the result. Errors are turned
into one line and an exit status here, in `main`, and nowhere else.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Sequence
from datetime import date
from typing import TYPE_CHECKING, Any, NoReturn

from followup.domain.errors import FollowupError
from followup.domain.model import EVENT_KINDS, PROFILE_FIELDS, STEPS

if TYPE_CHECKING:
    from followup.adapters.mail.settings import MailSettings
    from followup.services.context import Services

Handler = Callable[[argparse.Namespace], int]


class Parser(argparse.ArgumentParser):
    """argparse, with bad arguments reported in one line and exit status 2."""

    def error(self, message: str) -> NoReturn:
        sys.stderr.write(f"{self.prog}: error: {message} (see `{self.prog} --help`)\n")
        raise SystemExit(2)


def _date(text: str) -> date:
    from followup.adapters.files.dossier import parse_date
    from followup.domain.errors import InvalidField

    try:
        return parse_date(text, "date")
    except InvalidField as error:
        raise argparse.ArgumentTypeError(f"expected {error.expected}, got {text!r}") from None


def _services(args: argparse.Namespace) -> Services:
    from followup import bootstrap

    return bootstrap.services(args.database)


# -- commands -------------------------------------------------------------------------------
def cmd_import(args: argparse.Namespace) -> int:
    """Read a JSON dossier (DESIGN's exchange format) into the database.

    Import is idempotent on ids: importing the same file twice changes nothing. A file with any
    error changes nothing at all.
    """
    from followup.adapters.files.dossier import parse_dossier, read_dossier_text
    from followup.services.dossier import import_dossier

    dossier = parse_dossier(read_dossier_text(_read_input(args.file), args.file))
    report = import_dossier(_services(args), dossier)
    n = len(dossier.opportunities)
    print(
        f"Imported {n} opportunit{'y' if n == 1 else 'ies'}: {report.added} added, "
        f"{report.updated} updated, {report.unchanged} unchanged; "
        f"{report.touches} touches planned."
    )
    return 0


def cmd_export(args: argparse.Namespace) -> int:
    """Write every opportunity and the candidate as a JSON dossier (standard output by default)."""
    from followup.adapters.files.dossier import dossier_to_dict
    from followup.cli.jsonout import dumps
    from followup.services.dossier import export_dossier

    candidate, opportunities = export_dossier(_services(args))
    _write_output(args.output, dumps(dossier_to_dict(candidate, opportunities)) + "\n")
    return 0


def cmd_plan(args: argparse.Namespace) -> int:
    """Every planned, done, skipped and cancelled touch, with due dates and reasons."""
    from followup.services.planning import stream_plan

    rows = stream_plan(_services(args), args.opportunity)
    if args.json:
        from followup.cli.jsonout import plan_json

        out = sys.stdout
        for piece in plan_json(r.touch for r in rows):
            out.write(piece)
        out.write("\n")
    else:
        from followup.cli.format import plan_text

        print(plan_text(list(rows)))
    return 0


def cmd_agenda(args: argparse.Namespace) -> int:
    """What is overdue, what is due today (or on --on DATE), and what comes next."""
    from followup.services.agenda import agenda

    result = agenda(_services(args), args.on, limit=args.limit)
    if args.json:
        from followup.cli.jsonout import agenda_dict, dumps

        print(dumps(agenda_dict(result)))
    else:
        from followup.cli.format import agenda_text

        print(agenda_text(result))
    return 0


def cmd_list(args: argparse.Namespace) -> int:
    """Every opportunity with its stage and next touch."""
    from followup.services.agenda import list_opportunities

    services = _services(args)
    items = list_opportunities(services)
    if args.json:
        from followup.cli.jsonout import dumps, summary_dict

        print(dumps([summary_dict(i) for i in items]))
    else:
        from followup.cli.format import opportunities_text

        print(opportunities_text(items, services.today(None)))
    return 0


def cmd_show(args: argparse.Namespace) -> int:
    """One opportunity: interviews and people met, timeline, events, plan and warnings."""
    from followup.services.planning import show_opportunity

    view = show_opportunity(_services(args), args.id)
    if args.json:
        from followup.cli.jsonout import dumps, view_dict

        print(dumps(view_dict(view)))
    else:
        from followup.cli.format import opportunity_text

        print(opportunity_text(view))
    return 0


def cmd_add_opportunity(args: argparse.Namespace) -> int:
    """Add an opportunity: a role at a company, followed up by a policy (`followup policies`)."""
    from followup.services.recording import add_opportunity

    opp = add_opportunity(_services(args), args.id, args.company, args.role or "", args.policy)
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
    from followup.cli.people import parse_person
    from followup.domain.model import Interview
    from followup.services.recording import add_interview

    contacts = tuple(parse_person(spec, f"--person {i + 1}") for i, spec in enumerate(args.person))
    interview_id = args.id or f"{args.opportunity}-{args.date.isoformat()}"
    interview = Interview(interview_id, args.date, args.round, contacts)
    opp = add_interview(_services(args), args.opportunity, interview)
    print(
        f"Recorded interview {interview_id} with {len(contacts)} "
        f"{'person' if len(contacts) == 1 else 'people'} at {opp.company}."
    )
    return _show_plan_hint(args, opp.id)


def cmd_set_timeline(args: argparse.Namespace) -> int:
    """Set the deadlines the company gave: preliminary interviews and second interviews."""
    from followup.services.recording import set_timeline

    if not (args.preliminary_deadline or args.second_round_deadline):
        raise _usage(
            "--preliminary-deadline or --second-round-deadline: expected at least one of them"
        )
    opp = set_timeline(
        _services(args), args.opportunity, args.preliminary_deadline, args.second_round_deadline
    )
    print(f"Timeline of {opp.id} set.")
    return _show_plan_hint(args, opp.id)


def cmd_log(args: argparse.Namespace) -> int:
    """Record what happened: a touch done, a reply, an invitation, an offer, a rejection or a
    withdrawal. The plan follows (a reply stops the chasing; a rejection starts the
    stay-in-touch letter)."""
    from followup.cli.people import parse_time_arg
    from followup.domain.model import Event
    from followup.services.recording import log_event

    services = _services(args)
    on = args.date
    if on is None:
        from followup.services.recording import get_profile

        on = services.today(get_profile(services))
    event = Event(
        date=on,
        kind=args.kind,
        contact=args.contact,
        step=args.step,
        time=parse_time_arg(args.time),
        note=args.note or "",
    )
    opp = log_event(services, args.opportunity, event)
    print(f"Logged {args.kind} on {on.isoformat()} for {opp.id}.")
    return _show_plan_hint(args, opp.id, services)


def cmd_snooze(args: argparse.Namespace) -> int:
    """Put a planned touch off until a later day, with the reason; the agenda shows it then."""
    from followup.services.recording import snooze_touch

    snooze_touch(
        _services(args),
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
    from followup.services.recording import get_profile, update_profile

    services = _services(args)
    changes: dict[str, Any] = {
        key: getattr(args, key) for key in PROFILE_FIELDS if getattr(args, key) is not None
    }
    for key in ("country", "subdivision"):
        if key in changes:
            changes[key] = changes[key].strip().upper() or None
    candidate = update_profile(services, **changes) if changes else get_profile(services)
    fields = {key: getattr(candidate, key) for key in PROFILE_FIELDS}
    if args.json:
        from followup.cli.jsonout import dumps

        print(dumps(fields))
    else:
        for key, value in fields.items():
            print(f"{key.replace('_', ' '):<15} {value if value else '—'}")
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


def cmd_draft(args: argparse.Namespace) -> int:
    """Draft a letter for one person from the templates and your interview notes.

    The kind defaults to that person's next planned touch. --format eml writes an email message,
    mailto a link that opens your mail client, pdf a printable letter for the post. With --check,
    the letter's findings follow it (on standard error) and the exit status is 1 if there are any.
    """
    from followup.services.letters import draft_letter

    services = _services(args)
    draft = draft_letter(services, args.opportunity, args.to, args.kind)
    if args.format == "text":
        subject = f"Subject: {draft.subject}\n\n" if draft.subject else ""
        _write_output(args.output, subject + draft.body)
    elif args.format == "mailto":
        from followup.adapters.files.letter_formats import to_mailto

        _write_output(args.output, to_mailto(draft) + "\n")
    else:
        from followup.adapters.files.letter_formats import to_eml, to_pdf

        now = services.clock()
        if args.format == "eml":
            data = to_eml(draft, now)
        else:
            data = to_pdf(draft, services.today(draft.sender))
        _write_bytes(args.output, data)
    if not args.check:
        return 0
    findings = services.checker().check(draft.body, draft.context)
    for finding in findings:
        sys.stderr.write(f"{finding.rule}: {finding.message}\n")
    return 1 if findings else 0


def cmd_check(args: argparse.Namespace) -> int:
    """Check a letter before it goes out: wrong name or company, leftover placeholders, flattery,
    neediness, asking for the decision, too long, no thanks, no contact details, no recap,
    unrelated matters, spelling.

    Exit status 0 when there is nothing to report, 1 when there are findings, 2 on bad input.
    """
    from followup.services.letters import check_letter, read_letter

    text = read_letter(_read_input(args.file), args.file)
    ctx, findings = check_letter(_services(args), text, args.opportunity, args.to, args.kind)
    if args.json:
        from followup.cli.jsonout import dumps

        print(dumps({"findings": [f.as_dict() for f in findings]}))
    else:
        from followup.cli.format import findings_text

        print(findings_text(text, ctx.kind, findings))
    return 1 if findings else 0


def cmd_serve(args: argparse.Namespace) -> int:
    """The web interface on this machine: Today, Pipeline, Opportunity, Quick capture, the
    letter editor, Settings and Import/Export. Listens on 127.0.0.1 unless --host says
    otherwise."""
    import uvicorn

    from followup.web.app import create_app

    app = create_app(_services(args))
    url = f"http://{args.host}:{args.port}/"
    print(f"Followup is at {url} (Ctrl-C to stop)")
    if args.open:
        import threading
        import webbrowser

        threading.Timer(1.0, webbrowser.open, args=(url,)).start()
    uvicorn.run(app, host=args.host, port=args.port, log_level="warning")
    return 0


def _mail_settings() -> MailSettings:
    from followup import bootstrap
    from followup.adapters.mail.settings import load_mail_settings

    return load_mail_settings(bootstrap.config_dir() / "followup.toml")


def cmd_approve(args: argparse.Namespace) -> int:
    """Approve a letter for sending: the draft, or your edited text with --file. It goes out
    from the outbox at the next moment inside your send window (weekday mornings by default),
    when `followup send` runs."""
    from followup.services.letters import read_letter, split_subject
    from followup.services.outbox import approve_letter

    settings = _mail_settings()
    subject = body = None
    if args.file:
        text = read_letter(_read_input(args.file), args.file)
        found_subject, body = split_subject(text)
        subject = found_subject or None
    item = approve_letter(
        _services(args),
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

    services = _services(args)
    if args.action == "retry":
        item = outbox.retry(services, _item_id(args))
        print(f"Letter #{item.id} to {item.to_name} is queued again.")
        return 0
    if args.action == "cancel":
        item = outbox.cancel(services, _item_id(args))
        print(f"Letter #{item.id} to {item.to_name} is cancelled.")
        return 0
    items = outbox.list_outbox(services)
    if args.json:
        from followup.cli.jsonout import dumps

        print(
            dumps(
                [
                    {
                        "id": i.id,
                        "opportunity": i.opportunity,
                        "step": i.step,
                        "to": i.to_address,
                        "subject": i.subject,
                        "status": i.status,
                        "message_id": i.message_id,
                        "send_after": i.send_after.isoformat(),
                        "sent_at": i.sent_at.isoformat() if i.sent_at else None,
                        "error": i.last_error,
                    }
                    for i in items
                ]
            )
        )
        return 0
    if not items:
        print("The outbox is empty. Approve a letter with `followup approve`.")
    for i in items:
        print(f"#{i.id:<4} {i.status:<9} {i.to_name} ({i.opportunity}) — {i.subject}")
        if i.last_error:
            print(f"      {i.last_error}")
    return 0


def _item_id(args: argparse.Namespace) -> int:
    from followup.domain.errors import InvalidField

    if args.id is None or not str(args.id).isdigit():
        raise InvalidField("ID", "the letter's number in the outbox", args.id)
    return int(args.id)


def cmd_send(args: argparse.Namespace) -> int:
    """Send the approved letters whose time has come, over SMTP (settings in followup.toml in
    your config folder; the password from its environment variable or the system keyring)."""
    from followup.adapters.mail.smtp import SmtpMailer
    from followup.domain.errors import BadInput
    from followup.services.outbox import dispatch

    settings = _mail_settings()
    if settings.smtp is None:
        raise BadInput(
            "smtp: expected an [smtp] section in followup.toml (host, port, security, username)"
        )
    services = _services(args)
    with _dispatch_lock(services.store.location), SmtpMailer(settings.smtp) as mailer:
        report = dispatch(services, mailer, args.limit)
    if report.recovered:
        print(
            f"{report.recovered} letter(s) were being sent when a dispatcher stopped: marked "
            "uncertain (see `followup outbox`)."
        )
    print(f"Sent {report.sent}, failed {report.failed}.")
    return 0


def _dispatch_lock(location: str):  # type: ignore[no-untyped-def]
    """One dispatcher at a time: it is what lets it treat 'sending' letters as interrupted."""
    import contextlib
    import fcntl

    from followup.domain.errors import Conflict

    @contextlib.contextmanager
    def held():  # type: ignore[no-untyped-def]
        with open(f"{location}.send-lock", "w") as handle:
            try:
                fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except BlockingIOError:
                raise Conflict(
                    "send: another `followup send` is running; try again when it ends"
                ) from None
            yield

    return held()


def cmd_digest(args: argparse.Namespace) -> int:
    """The morning digest: what is overdue, due today and this week. Printed, or with --send
    mailed to you (over the SMTP settings in followup.toml), for a scheduler to run daily."""
    from email.utils import make_msgid

    from followup.cli.format import agenda_text
    from followup.domain.errors import BadInput
    from followup.services.agenda import agenda
    from followup.services.recording import get_profile

    services = _services(args)
    result = agenda(services)
    text = agenda_text(result) + "\n"
    if not args.send:
        print(text, end="")
        return 0
    from followup.adapters.mail.smtp import SmtpMailer
    from followup.services.storage import OutboxItem

    settings = _mail_settings()
    me = get_profile(services)
    if settings.smtp is None or not me.email:
        raise BadInput(
            "digest --send: expected an [smtp] section in followup.toml and your "
            "email in your profile"
        )
    item = OutboxItem(
        0,
        "",
        "",
        me.name,
        me.name,
        me.email,
        f"Followup: {len(result.overdue)} overdue, {len(result.today)} due today",
        text,
        make_msgid(domain=me.email.rpartition("@")[2]),
        services.clock(),
        "queued",
    )
    with SmtpMailer(settings.smtp) as mailer:
        mailer.send(item, me)
    print(f"Digest sent to {me.email}.")
    return 0


def cmd_inbox_import(args: argparse.Namespace) -> int:
    """Read replies from an mbox file or a Maildir folder: a message answering a letter you
    sent, or from someone you met, becomes a reply (out-of-office answers do not)."""
    from pathlib import Path

    from followup.adapters.mail.mailbox import read_folder
    from followup.services.inbox import record_replies

    report = record_replies(_services(args), read_folder(Path(args.file)))
    print(
        f"Read {report.read} messages: {report.replies} replies recorded, "
        f"{report.automatic} automatic answers left alone."
    )
    return 0


def cmd_inbox_poll(args: argparse.Namespace) -> int:
    """Read new messages from your mailbox over IMAP (settings in followup.toml); only what
    came since the last time is read."""
    from followup.adapters.mail.imap import poll_mailbox
    from followup.domain.errors import BadInput

    settings = _mail_settings()
    if settings.imap is None:
        raise BadInput(
            "imap: expected an [imap] section in followup.toml (host, port, security, username)"
        )
    report = poll_mailbox(_services(args), settings.imap)
    print(
        f"Read {report.read} new messages: {report.replies} replies recorded, "
        f"{report.automatic} automatic answers left alone."
    )
    return 0


def cmd_calendar_export(args: argparse.Namespace) -> int:
    """The planned touches as an iCalendar file, one all-day event each with a reminder at
    09:00 (standard output without -o). Importing a newer export updates the same events."""
    from followup.adapters.files.calendar import plan_to_ics
    from followup.services.planning import stream_plan

    services = _services(args)
    _write_bytes(args.output, plan_to_ics(stream_plan(services), services.clock()))
    return 0


def cmd_demo(args: argparse.Namespace) -> int:
    """Sample data, a plan, an agenda and a checked draft, on a throwaway database."""
    from followup.cli.demo import run_demo

    return run_demo()


def _show_plan_hint(
    args: argparse.Namespace, opportunity_id: str, services: Services | None = None
) -> int:
    print(f"See the plan: followup show {opportunity_id}")
    return 0


def _usage(message: str) -> FollowupError:
    from followup.domain.errors import BadInput

    return BadInput(message)


def _read_input(path: str) -> bytes:
    from followup.domain.errors import BadInput

    if path == "-":
        return sys.stdin.buffer.read()
    try:
        with open(path, "rb") as handle:
            return handle.read()
    except FileNotFoundError:
        raise BadInput(f"FILE: expected a readable file, {path!r} does not exist") from None
    except IsADirectoryError:
        raise BadInput(f"FILE: expected a file, {path!r} is a folder") from None
    except PermissionError:
        raise BadInput(f"FILE: expected a readable file, {path!r} cannot be read") from None


def _write_bytes(path: str | None, data: bytes) -> None:
    if not path or path == "-":
        sys.stdout.flush()
        sys.stdout.buffer.write(data)
        return
    from followup.domain.errors import BadInput

    try:
        with open(path, "wb") as handle:
            handle.write(data)
    except OSError as error:
        raise BadInput(
            f"--output: expected a writable file path, {error.strerror}: {path!r}"
        ) from None


def _write_output(path: str | None, text: str) -> None:
    if not path or path == "-":
        sys.stdout.write(text)
        return
    from followup.domain.errors import BadInput

    try:
        with open(path, "w", encoding="utf-8") as handle:
            handle.write(text)
    except OSError as error:
        raise BadInput(
            f"--output: expected a writable file path, {error.strerror}: {path!r}"
        ) from None


# -- the parser -----------------------------------------------------------------------------
def _add(sub: argparse._SubParsersAction[Parser], name: str, handler: Handler) -> Parser:
    doc = (handler.__doc__ or "").strip()
    summary = doc.split("\n\n")[0].replace("\n", " ")
    parser: Parser = sub.add_parser(
        name, help=summary, description=doc, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.set_defaults(handler=handler, command_parser=parser)
    return parser


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

    p = _add(sub, "agenda", cmd_agenda)
    p.add_argument("--on", type=_date, metavar="DATE", help="the day to look at (YYYY-MM-DD)")
    p.add_argument("--limit", type=int, default=10, help="at most this many lines per section")
    p.add_argument("--json", action="store_true", help="machine-readable output")

    p = _add(sub, "plan", cmd_plan)
    p.add_argument("--opportunity", metavar="ID", help="only this opportunity")
    p.add_argument("--json", action="store_true", help="machine-readable output (DESIGN contract)")

    p = _add(sub, "list", cmd_list)
    p.add_argument("--json", action="store_true", help="machine-readable output")

    p = _add(sub, "show", cmd_show)
    p.add_argument("id", metavar="ID", help="the opportunity's id")
    p.add_argument("--json", action="store_true", help="machine-readable output")

    p = _add(sub, "import", cmd_import)
    p.add_argument("file", metavar="FILE", help="a JSON dossier, or - for standard input")

    p = _add(sub, "export", cmd_export)
    p.add_argument("-o", "--output", metavar="FILE", help="write here instead of standard output")

    p = _add(sub, "add-opportunity", cmd_add_opportunity)
    p.add_argument("id", metavar="ID", help="a short id you choose, like acme-ae")
    p.add_argument("--company", required=True, help="the company's name")
    p.add_argument("--role", help="the job title")
    p.add_argument("--policy", help="persistent (default) or etiquette, or your own")

    p = _add(sub, "add-interview", cmd_add_interview)
    p.add_argument("opportunity", metavar="OPPORTUNITY", help="the opportunity's id")
    p.add_argument("--date", type=_date, required=True, help="the interview's date (YYYY-MM-DD)")
    p.add_argument("--round", type=int, default=1, help="1 for the first interview (default)")
    p.add_argument("--id", help="an id for the interview (default: OPPORTUNITY-DATE)")
    p.add_argument(
        "--person",
        action="append",
        default=[],
        metavar="SPEC",
        help='someone you met: "Dana Reyes; title=Sales Manager; email=dana@acme.example; '
        'minutes=45; decision-maker; topics=territories, CRM" (repeat for each person)',
    )

    p = _add(sub, "set-timeline", cmd_set_timeline)
    p.add_argument("opportunity", metavar="OPPORTUNITY", help="the opportunity's id")
    p.add_argument(
        "--preliminary-deadline",
        type=_date,
        metavar="DATE",
        help="when preliminary interviews end (YYYY-MM-DD)",
    )
    p.add_argument(
        "--second-round-deadline",
        type=_date,
        metavar="DATE",
        help="when second interviews end (YYYY-MM-DD)",
    )

    p = _add(sub, "log", cmd_log)
    p.add_argument("opportunity", metavar="OPPORTUNITY", help="the opportunity's id")
    p.add_argument("kind", choices=EVENT_KINDS, help="what happened")
    p.add_argument("--date", type=_date, help="when (YYYY-MM-DD; default today)")
    p.add_argument("--time", metavar="HH:MM", help="what time a reply came (default: morning)")
    p.add_argument("--contact", metavar="NAME", help="who it was with (done, reply)")
    p.add_argument("--step", choices=STEPS, help="which touch was done (done)")
    p.add_argument("--note", help="anything worth remembering")

    p = _add(sub, "snooze", cmd_snooze)
    p.add_argument("opportunity", metavar="OPPORTUNITY", help="the opportunity's id")
    p.add_argument("--step", choices=STEPS, required=True, help="which touch")
    p.add_argument("--contact", required=True, metavar="NAME", help="to whom")
    p.add_argument("--due", type=_date, required=True, help="its due date (YYYY-MM-DD)")
    p.add_argument("--until", type=_date, required=True, help="show it again on (YYYY-MM-DD)")
    p.add_argument("--reason", required=True, help="why it waits")

    p = _add(sub, "profile", cmd_profile)
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
    p.add_argument("--json", action="store_true", help="machine-readable output")

    from followup.domain.letters.context import LETTER_KINDS

    p = _add(sub, "draft", cmd_draft)
    p.add_argument("--opportunity", required=True, metavar="ID", help="the opportunity's id")
    p.add_argument("--to", required=True, metavar="NAME", help="the person the letter is for")
    p.add_argument("--kind", choices=LETTER_KINDS, help="default: their next planned touch")
    p.add_argument(
        "--format",
        choices=("text", "eml", "mailto", "pdf"),
        default="text",
        help="text (default), eml, mailto or pdf",
    )
    p.add_argument("-o", "--output", metavar="FILE", help="write here instead of standard output")
    p.add_argument("--check", action="store_true", help="check the draft too")

    p = _add(sub, "check", cmd_check)
    p.add_argument("file", metavar="FILE", help="the letter, as UTF-8 text (- for standard input)")
    p.add_argument("--opportunity", required=True, metavar="ID", help="the opportunity's id")
    p.add_argument("--to", required=True, metavar="NAME", help="the person the letter is for")
    p.add_argument("--kind", choices=LETTER_KINDS, help="default: their next planned touch")
    p.add_argument("--json", action="store_true", help="machine-readable output (DESIGN contract)")

    p = _add(sub, "approve", cmd_approve)
    p.add_argument("--opportunity", required=True, metavar="ID", help="the opportunity's id")
    p.add_argument("--to", required=True, metavar="NAME", help="the person the letter is for")
    p.add_argument("--kind", choices=LETTER_KINDS, help="default: their next planned touch")
    p.add_argument("--file", metavar="FILE", help="your edited letter (a Subject: line first)")

    p = _add(sub, "outbox", cmd_outbox)
    p.add_argument("action", nargs="?", choices=("list", "retry", "cancel"), default="list")
    p.add_argument("id", nargs="?", metavar="ID", help="the letter's number (retry, cancel)")
    p.add_argument("--json", action="store_true", help="machine-readable output")

    p = _add(sub, "digest", cmd_digest)
    p.add_argument("--send", action="store_true", help="mail it to yourself")

    p = _add(sub, "send", cmd_send)
    p.add_argument("--limit", type=int, help="send at most this many")

    inbox = sub.add_parser(
        "inbox", help="replies from the hiring side", description="Replies from the hiring side."
    )
    inbox_sub = inbox.add_subparsers(title="commands", metavar="COMMAND", parser_class=Parser)
    p = _add(inbox_sub, "import", cmd_inbox_import)
    p.prog = "followup inbox import"
    p.add_argument("file", metavar="FILE", help="an mbox file or a Maildir folder")
    p = _add(inbox_sub, "poll", cmd_inbox_poll)
    p.prog = "followup inbox poll"

    calendar = sub.add_parser(
        "calendar", help="the plan in your calendar", description="The plan in your calendar."
    )
    calendar_sub = calendar.add_subparsers(title="commands", metavar="COMMAND", parser_class=Parser)
    p = _add(calendar_sub, "export", cmd_calendar_export)
    p.prog = "followup calendar export"
    p.add_argument("-o", "--output", metavar="FILE", help="write here instead of standard output")

    p = _add(sub, "serve", cmd_serve)
    p.add_argument("--host", default="127.0.0.1", help="address to listen on (default 127.0.0.1)")
    p.add_argument("--port", type=int, default=8765, help="port (default 8765)")
    p.add_argument("--open", action="store_true", help="open it in your browser")

    _add(sub, "policies", cmd_policies)
    _add(sub, "demo", cmd_demo)
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
        parser.print_help()
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
