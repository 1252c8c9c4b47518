"""A real SMTP server for the mail tests: aiosmtpd on loopback, in its own process, recording
every message it accepts (Message-ID, then the raw message) in a Maildir.

    python tests/integration/smtp_server.py PORT MAILDIR [--user NAME --password SECRET]
        [--refuse ADDRESS]
"""

from __future__ import annotations

import argparse
import mailbox
import signal
import threading
from pathlib import Path

from aiosmtpd.controller import Controller
from aiosmtpd.smtp import AuthResult, LoginPassword


class Recorder:
    def __init__(self, folder: Path, refuse: set[str]) -> None:
        self.box = mailbox.Maildir(folder, create=True)
        self.refuse = refuse
        self.lock = threading.Lock()

    async def handle_RCPT(self, server, session, envelope, address, options):
        if address.lower() in self.refuse:
            return "550 5.1.1 no such user here"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    busy = False
    drop = False

    async def handle_DATA(self, server, session, envelope):
        if self.busy:
            return "421 4.3.2 too busy, try later"
        if self.drop:
            self.drop = False
            server.transport.close()  # the message is lost on the way; the client hears nothing
            return None
        with self.lock:
            self.box.add(envelope.original_content or envelope.content)
        return "250 Message accepted for delivery"


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("port", type=int)
    parser.add_argument("maildir")
    parser.add_argument("--user")
    parser.add_argument("--password")
    parser.add_argument("--refuse", action="append", default=[])
    parser.add_argument("--busy", action="store_true", help="answer DATA with 421")
    parser.add_argument("--starttls", nargs=2, metavar=("CERT", "KEY"))
    parser.add_argument("--tls", nargs=2, metavar=("CERT", "KEY"), help="implicit TLS")
    parser.add_argument("--drop", action="store_true", help="hang up during DATA, once")
    args = parser.parse_args()
    recorder = Recorder(Path(args.maildir), {a.lower() for a in args.refuse})
    recorder.busy = args.busy
    recorder.drop = args.drop
    options: dict = {}  # type: ignore[type-arg]
    if args.user:

        def authenticate(server, session, envelope, mechanism, data):  # type: ignore[no-untyped-def]
            ok = (
                isinstance(data, LoginPassword)
                and data.login.decode() == args.user
                and (data.password.decode() == args.password)
            )
            return AuthResult(success=ok, handled=False)  # aiosmtpd then answers 535

        options = {"authenticator": authenticate, "auth_require_tls": False, "auth_required": True}
    import ssl

    for pair, key in ((args.starttls, "tls_context"), (args.tls, "ssl_context")):
        if pair:
            context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
            context.load_cert_chain(*pair)
            options[key] = context
            if key == "tls_context":
                options["require_starttls"] = True
    controller = Controller(recorder, hostname="127.0.0.1", port=args.port, **options)
    controller.start()
    print("ready", flush=True)
    stop = threading.Event()
    signal.signal(signal.SIGTERM, lambda *_: stop.set())
    stop.wait()
    controller.stop()


if __name__ == "__main__":
    main()
