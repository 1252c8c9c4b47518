"""A real SMTP server for the mail tests: aiosmtpd on loopback, in its own process, recording
every message it accepts (Message-ID, then the raw message) in a Maildir.

    python tests/integration/smtp_server.py PORT MAILDIR [--user NAME --password SECRET]
        [--refuse ADDRESS] [--xoauth2 INTROSPECTION_URL [--only-xoauth2] [--hold-session]]

With --xoauth2 it takes SASL XOAUTH2 (as Google and Microsoft document it), asking the
authorization server whether the bearer token is active and whose it is (RFC 7662); a refused
token gets the JSON error challenge, then 535. --hold-session asks again at each MAIL FROM and
answers 530 once the token has ended, as a server that holds a session to its token's life.
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
    delay = 0.0  # seconds before answering DATA, as a relay across a network takes

    async def handle_DATA(self, server, session, envelope):
        if self.delay:
            import asyncio

            await asyncio.sleep(self.delay)
        if self.busy:
            return "421 4.3.2 too busy, try later"
        if self.drop:
            self.drop = False
            server.transport.close()  # the message is lost on the way; the client hears nothing
            return None
        with self.lock:
            self.box.add(envelope.original_content or envelope.content)
        return "250 Message accepted for delivery"


class OAuthRecorder(Recorder):
    """Takes AUTH XOAUTH2 against the authorization server's introspection endpoint."""

    def __init__(self, folder: Path, refuse: set[str], introspection: str, hold: bool) -> None:
        super().__init__(folder, refuse)
        self.introspection = introspection
        self.hold = hold
        self.auth_busy = False

    async def auth_XOAUTH2(self, server, args):  # type: ignore[no-untyped-def]
        import asyncio
        import base64
        import binascii

        if len(args) == 2:
            blob = args[1].encode()
            try:
                raw = base64.b64decode(blob, validate=True)
            except binascii.Error:
                return AuthResult(success=False, handled=False)
        else:
            raw = await server.challenge_auth("")
            if not isinstance(raw, bytes):
                return AuthResult(success=False, handled=True)
        if self.auth_busy:
            return AuthResult(success=False, handled=False, message="454 4.7.0 Try again later")
        fields = raw.decode(errors="replace").split("\x01")
        user = fields[0][5:] if fields[0].startswith("user=") else ""
        auth = next((f[5:] for f in fields if f.startswith("auth=")), "")
        token = auth[7:] if auth.startswith("Bearer ") else ""
        ok = raw.endswith(b"\x01\x01") and bool(user) and bool(token)
        if ok:
            ok = await asyncio.get_running_loop().run_in_executor(None, self.active, token, user)
        if not ok:
            status = '{"status":"401","schemes":"bearer","scope":"https://mail.google.com/"}'
            await server.challenge_auth(status)  # the client answers with an empty line
            return AuthResult(success=False, handled=False)
        return AuthResult(success=True, auth_data=(user, token))

    def active(self, token: str, user: str) -> bool:
        import json
        import urllib.parse
        import urllib.request

        parts = urllib.parse.urlsplit(self.introspection)
        url = parts._replace(netloc=parts.hostname + f":{parts.port}").geturl()
        request = urllib.request.Request(
            url,
            data=urllib.parse.urlencode(
                {"token": token, "token_type_hint": "access_token"}
            ).encode(),
            headers={"Content-Type": "application/x-www-form-urlencoded"},
        )
        import base64

        basic = base64.b64encode(f"{parts.username}:{parts.password}".encode()).decode()
        request.add_header("Authorization", f"Basic {basic}")
        with urllib.request.urlopen(request, timeout=10) as answer:
            found = json.load(answer)
        return bool(found.get("active")) and found.get("username") == user

    async def handle_MAIL(self, server, session, envelope, address, options):  # type: ignore[no-untyped-def]
        import asyncio

        if self.hold and session.auth_data:
            user, token = session.auth_data
            alive = await asyncio.get_running_loop().run_in_executor(None, self.active, token, user)
            if not alive:
                return "530 5.7.0 Authentication required: the token has expired"
        envelope.mail_from = address
        envelope.mail_options.extend(options)
        return "250 OK"


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
    parser.add_argument(
        "--delay", type=float, default=0.0, help="seconds to wait before DATA's answer"
    )
    parser.add_argument("--xoauth2", metavar="INTROSPECTION_URL")
    parser.add_argument("--only-xoauth2", action="store_true", help="offer no other mechanism")
    parser.add_argument("--hold-session", action="store_true", help="530 once the token ends")
    parser.add_argument("--auth-busy", action="store_true", help="454 to every AUTH XOAUTH2")
    args = parser.parse_args()
    refuse = {a.lower() for a in args.refuse}
    recorder = (
        OAuthRecorder(Path(args.maildir), refuse, args.xoauth2, args.hold_session)
        if args.xoauth2
        else Recorder(Path(args.maildir), refuse)
    )
    if args.xoauth2:
        recorder.auth_busy = args.auth_busy
    recorder.busy = args.busy
    recorder.drop = args.drop
    recorder.delay = args.delay
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
    if args.xoauth2:
        options = {"auth_require_tls": False, "auth_required": True}
        if args.only_xoauth2:
            options["auth_exclude_mechanism"] = ["PLAIN", "LOGIN"]
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
