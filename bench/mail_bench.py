"""Speed of mail (issue: mail and calendar).

    sending: approved letters to a local SMTP server (aiosmtpd, loopback) over one reused
             connection, through the real dispatcher        target: at least 50 messages/s
    replies: reading and matching a 10,000-message mbox    target: at least 1,000 messages/s

Run: .venv/bin/python bench/mail_bench.py [--letters 500] [--messages 10000] [--runs 3]
(aiosmtpd must be installed in the same environment: it is a test dependency)
"""

from __future__ import annotations

import argparse
import json
import mailbox
import random
import statistics
import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta
from datetime import time as clock_time
from email.message import EmailMessage
from email.utils import format_datetime
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parents[1]))

from tests.integration.mail_support import always_open_dossier, start_smtp

from followup import bootstrap
from followup.adapters.files.dossier import parse_dossier
from followup.adapters.mail.mailbox import read_folder
from followup.adapters.mail.settings import ServerSettings
from followup.adapters.mail.smtp import SmtpMailer
from followup.services.dossier import import_dossier
from followup.services.inbox import record_replies
from followup.services.outbox import approve_letter, dispatch


def sending(letters: int) -> float:
    with tempfile.TemporaryDirectory() as folder:
        deps = bootstrap.dependencies(str(Path(folder) / "send.sqlite3"))
        import_dossier(deps, parse_dossier(always_open_dossier(letters)))
        window = (clock_time(0, 0), clock_time(23, 59, 59))
        for i in range(letters):
            approve_letter(deps, f"bulk-{i:04d}", "Pat Doe", "thank_you", window=window)
        server, port = start_smtp(Path(folder) / "box")
        try:
            settings = ServerSettings("smtp", "127.0.0.1", port, "none", "", "UNUSED")
            started = time.perf_counter()
            with SmtpMailer(settings) as mailer:
                report = dispatch(deps, mailer)
            elapsed = time.perf_counter() - started
        finally:
            server.terminate()
        assert report.sent == letters, report
        return letters / elapsed


def replies(messages: int) -> float:
    with tempfile.TemporaryDirectory() as folder:
        deps = bootstrap.dependencies(str(Path(folder) / "read.sqlite3"))
        dossier = always_open_dossier(300)
        import_dossier(deps, parse_dossier(json.loads(json.dumps(dossier))))
        rng = random.Random(3)
        box = mailbox.mbox(Path(folder) / "in.mbox")
        start = datetime(2026, 11, 24, 9, 0, tzinfo=UTC)
        for n in range(messages):
            m = EmailMessage()
            kind = rng.random()
            if kind < 0.05:  # a reply from someone met
                m["From"] = f"Pat Doe <pat{rng.randrange(300)}@bulk.example>"
                m["Subject"] = "Re: our conversation"
            elif kind < 0.10:
                m["From"] = "Pat Doe <pat1@bulk.example>"
                m["Subject"] = "Automatic reply: away"
            else:  # everything else a mailbox holds
                m["From"] = f"News {n} <news{n}@lists.example>"
                m["Subject"] = f"Weekly digest {n}"
            m["Date"] = format_datetime(start + timedelta(minutes=n))
            m["Message-ID"] = f"<m{n}@bench.example>"
            m.set_content("Hello\n" * rng.randint(5, 200))
            box.add(m)
        box.flush()
        started = time.perf_counter()
        report = record_replies(deps, read_folder(Path(folder) / "in.mbox"))
        elapsed = time.perf_counter() - started
        assert report.read == messages
        return messages / elapsed


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--letters", type=int, default=500)
    parser.add_argument("--messages", type=int, default=10000)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    sent = [sending(args.letters) for _ in range(args.runs)]
    read = [replies(args.messages) for _ in range(args.runs)]
    print(
        f"sending:  median {statistics.median(sent):6.0f} messages/s over one connection "
        f"({args.letters} letters, {args.runs} runs; target at least 50)"
    )
    print(
        f"replies:  median {statistics.median(read):6.0f} messages/s matched "
        f"({args.messages}-message mbox, {args.runs} runs; target at least 1,000)"
    )


if __name__ == "__main__":
    main()
