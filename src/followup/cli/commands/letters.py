"""Letters: a draft for one person, and the check before a letter goes out."""

from __future__ import annotations

import sys

from followup.cli.args import command, deps, read_input, write_bytes, write_output

TYPE_CHECKING = False  # argparse and typing are not loaded by the check read without argparse
if TYPE_CHECKING:
    import argparse

    from followup.cli.args import Subcommands


def cmd_draft(args: argparse.Namespace) -> int:
    """Draft a letter for one person from the templates and your interview notes.

    The kind defaults to that person's next planned touch. --format eml writes an email message,
    mailto a link that opens your mail client, pdf a printable letter for the post. With --check,
    the letter's findings follow it (on standard error) and the exit status is 1 if there are any.
    """
    from followup.services.letters import draft_letter

    found = deps(args)
    draft = draft_letter(found, args.opportunity, args.to, args.kind)
    for warning in draft.warnings:
        sys.stderr.write(f"warning: {warning}\n")
    if args.format == "text":
        subject = f"Subject: {draft.subject}\n\n" if draft.subject else ""
        write_output(args.output, subject + draft.body)
    elif args.format == "mailto":
        from followup.adapters.files.letter_formats import to_mailto

        write_output(args.output, to_mailto(draft) + "\n")
    else:
        from followup.adapters.files.letter_formats import to_eml, to_pdf

        now = found.clock()
        if args.format == "eml":
            data = to_eml(draft, now)
        else:
            data = to_pdf(draft, found.today(draft.sender))
        write_bytes(args.output, data)
    if not args.check:
        return 0
    findings = found.checker().check(draft.body, draft.context)
    for finding in findings:
        sys.stderr.write(f"{finding.rule}: {finding.message}\n")
    return 1 if findings else 0


def cmd_check(args: argparse.Namespace) -> int:
    """Check a letter before it goes out: wrong name or company, leftover placeholders, flattery,
    neediness, asking for the decision, too long, no thanks, no contact details, no recap,
    unrelated matters, spelling.

    Exit status 0 when there is nothing to report, 1 when there are findings, 2 on bad input.
    """
    from followup.services.letters import MAX_LETTER_BYTES, check_letter, read_letter

    text = read_letter(read_input(args.file, MAX_LETTER_BYTES + 1), args.file)
    ctx, findings = check_letter(deps(args), text, args.opportunity, args.to, args.kind)
    if args.json:
        from followup.adapters.json_shapes import dumps, findings_dict

        print(dumps(findings_dict(findings)))
    else:
        from followup.cli.format import findings_text

        print(findings_text(text, ctx.kind, findings))
    return 1 if findings else 0


def register(sub: Subcommands) -> None:
    from followup.domain.letters.context import LETTER_KINDS

    p = command(sub, "draft", cmd_draft)
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

    p = command(sub, "check", cmd_check)
    p.add_argument("file", metavar="FILE", help="the letter, as UTF-8 text (- for standard input)")
    p.add_argument("--opportunity", required=True, metavar="ID", help="the opportunity's id")
    p.add_argument("--to", required=True, metavar="NAME", help="the person the letter is for")
    p.add_argument("--kind", choices=LETTER_KINDS, help="default: their next planned touch")
    p.add_argument("--json", action="store_true", help="machine-readable output (DESIGN contract)")
