"""What signing in with OAuth2 costs each run of `followup send` or `inbox poll` (issue 14).

    cached:  the access token from the keyring, still fresh          (every run within its life)
    refresh: a refresh at the token endpoint, kept in the keyring    (about once an hour)
    sending: approved letters over SMTP with XOAUTH2 through the real dispatcher, one connection
    status:  `followup mail status`, the whole command, wall time

Against the tests' authorization server and aiosmtpd on loopback, with a file keyring in a
temporary folder: the figures are Followup's own work plus loopback HTTP, not a provider's.

Run: .venv/bin/python bench/oauth2_bench.py [--runs 20] [--letters 300]
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import time as clock_time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parents[1]))

from tests.integration.mail_support import always_open_dossier, start_smtp
from tests.integration.oauth_server import introspection_url, running
from tests.integration.oauth_support import keyring_env, oauth_config

from followup import bootstrap
from followup.adapters.files.dossier import parse_dossier
from followup.adapters.mail.oauth2 import MailboxTokens
from followup.adapters.mail.oauth2_signin import login
from followup.adapters.mail.settings import load_mail_settings
from followup.adapters.mail.smtp import SmtpMailer
from followup.services.dossier import import_dossier
from followup.services.outbox import approve_letter, dispatch


def median_ms(samples: list[float]) -> str:
    return f"{statistics.median(samples) * 1000:.1f} ms"


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=20)
    parser.add_argument("--letters", type=int, default=300)
    args = parser.parse_args()
    import keyring
    from keyrings.alt.file import PlaintextKeyring

    with tempfile.TemporaryDirectory() as name, running(interval=0) as server:
        folder = Path(name)
        os.environ.update(keyring_env(folder))
        keyring.set_keyring(PlaintextKeyring())
        smtp, port = start_smtp(folder / "box", "--xoauth2", introspection_url(server))
        try:
            oauth_config(folder / "config", server, smtp_port=port)
            settings = load_mail_settings(folder / "config" / "followup.toml")
            assert settings.oauth2 is not None and settings.smtp is not None
            login(settings.oauth2, "sam@example.com", lambda _: None, sleep=lambda _: None)
            tokens = MailboxTokens(settings.oauth2, "sam@example.com")

            cached = []
            for _ in range(args.runs):
                started = time.perf_counter()
                tokens.access_token()
                cached.append(time.perf_counter() - started)
            refreshed = []
            for _ in range(args.runs):
                started = time.perf_counter()
                tokens.refreshed(tokens.access_token())
                refreshed.append(time.perf_counter() - started)

            deps = bootstrap.dependencies(str(folder / "send.sqlite3"))
            import_dossier(deps, parse_dossier(always_open_dossier(args.letters)))
            window = (clock_time(0, 0), clock_time(23, 59, 59))
            for i in range(args.letters):
                approve_letter(deps, f"bulk-{i:04d}", "Pat Doe", "thank_you", window=window)
            started = time.perf_counter()
            with SmtpMailer(settings.smtp) as mailer:
                report = dispatch(deps, mailer)
            spent = time.perf_counter() - started
            assert report.sent == args.letters

            env = dict(os.environ, FOLLOWUP_CONFIG=str(folder / "config"))
            status = []
            for _ in range(max(5, args.runs // 4)):
                started = time.perf_counter()
                subprocess.run(
                    [sys.executable, "-m", "followup", "mail", "status"],
                    env=env,
                    check=True,
                    capture_output=True,
                )
                status.append(time.perf_counter() - started)
        finally:
            smtp.terminate()
            smtp.wait()
    print(f"access token, cached in the keyring: median {median_ms(cached)} ({args.runs} runs)")
    print(f"access token, refreshed:             median {median_ms(refreshed)} ({args.runs} runs)")
    print(f"sending with XOAUTH2: {args.letters / spent:.0f} letters/s ({args.letters} letters)")
    print(f"followup mail status: median {median_ms(status)} ({len(status)} runs)")


if __name__ == "__main__":
    main()
