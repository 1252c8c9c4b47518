"""Signing in to the mailbox: the device-code flow (RFC 8628: a code to enter on any device, for a
headless machine or over SSH) or the loopback-redirect flow (RFC 8252 with PKCE, RFC 7636: a
browser on this machine, for a provider whose device flow does not allow mail scopes), then the
refresh token into the system keyring. Also who is signed in, and signing out.

Nothing is stored unless the whole sign-in succeeded; each way it can fail is one line.
"""

from __future__ import annotations

import contextlib
import time
import urllib.parse
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from http.server import BaseHTTPRequestHandler, HTTPServer
from typing import Any

from followup.adapters.mail import oauth2_endpoint as endpoint
from followup.adapters.mail.oauth2 import OAuth2Settings
from followup.adapters.mail.oauth2_store import (
    AccountState,
    Vault,
    forget_state,
    keyring_name,
    read_state,
    write_state,
)
from followup.services.outbox import MailSignInFailed

Say = Callable[[str], None]


@dataclass(frozen=True, slots=True)
class SignedIn:
    account: str
    identity: str | None  # who the provider says signed in, when it says
    expires_at: float | None
    keyring: str


def login(
    settings: OAuth2Settings,
    account: str | None,
    say: Say,
    flow: str | None = None,
    open_browser: bool = True,
    timeout: float = 300,
    port: int = 0,
    clock: Callable[[], float] = time.time,
    sleep: Callable[[float], None] = time.sleep,
) -> SignedIn:
    """Sign in, and keep the refresh token in the keyring under `account` (else the address the
    provider says signed in)."""
    Vault(account or "").check()  # no keyring: say so before the user signs in for nothing
    if not account and "openid" not in settings.scopes:
        raise MailSignInFailed(
            "smtp.username: expected your mailbox address (XOAUTH2 sends it); set username in "
            "[smtp] or [imap]"
        )
    chosen = flow or settings.flow
    if chosen == "device":
        grant = _device(settings, say, clock, sleep)
    else:
        grant = _loopback(settings, say, clock, open_browser, timeout, port)
    if not grant.refresh_token:
        raise MailSignInFailed(
            "oauth2.token_endpoint: the provider gave no refresh_token, so the sign-in cannot be "
            "kept (Microsoft needs the offline_access scope, Google access_type=offline); "
            "nothing is stored"
        )
    who = account or grant.identity
    if not who:
        raise MailSignInFailed(
            "smtp.username: expected your mailbox address (XOAUTH2 sends it), and the provider "
            "did not say who signed in; set username in [smtp] or [imap]; nothing is stored"
        )
    Vault(who).save(grant.refresh_token, grant.access)
    with contextlib.suppress(OSError):  # shown by `mail status`; the keyring has what matters
        write_state(
            settings.folder,
            AccountState(
                provider=settings.provider,
                account=who,
                signed_in_at=datetime.fromtimestamp(clock(), UTC).isoformat(timespec="seconds"),
                access_expires_at=grant.access.expires_at,
                scope=grant.scope or " ".join(settings.scopes),
            ),
        )
    return SignedIn(who, grant.identity, grant.access.expires_at, keyring_name())


def _device(settings: OAuth2Settings, say: Say, clock: Callable[[], float], sleep: Any) -> Any:
    code = endpoint.device_authorization(settings)
    deadline = clock() + code.expires_in
    say(f"To sign in, open {code.verification_uri} and enter the code {code.user_code}")
    if code.verification_uri_complete:
        say(f"  (or open {code.verification_uri_complete}, which carries the code)")
    say(f"Waiting for you to finish; the code holds for {_duration(code.expires_in)}.")
    client = endpoint.session(settings)
    interval = code.interval
    unreachable: endpoint.Unreachable | None = None
    while clock() < deadline:
        sleep(max(0.2, min(interval, deadline - clock())))
        try:
            return endpoint.device_token(client, settings, code.device_code, clock())
        except endpoint.TokenError as error:
            unreachable = None
            if error.error == "authorization_pending":
                continue
            if error.error == "slow_down":  # RFC 8628 §3.5: 5 seconds more, from now on
                interval += 5
                continue
            raise
        except endpoint.Unreachable as error:
            unreachable = error
            interval *= 2  # RFC 8628 §3.5: back off while the server cannot be reached
    if unreachable is not None:
        raise unreachable
    raise MailSignInFailed(
        "oauth2: the code expired before the sign-in was finished; run `followup mail login` "
        "again; nothing is stored"
    )


class _Redirect(BaseHTTPRequestHandler):
    """The one request the browser brings back: `/?code=…&state=…` or `/?error=…`."""

    def do_GET(self) -> None:
        query = urllib.parse.urlsplit(self.path).query
        params = dict(urllib.parse.parse_qsl(query))
        if "code" not in params and "error" not in params:
            self.send_error(404)
            return
        server: Any = self.server
        server.answer = params
        done = "error" not in params
        body = (
            "<!doctype html><title>Followup</title><p>"
            + ("Followup is signed in. You can close this tab." if done else "Sign-in declined.")
        ).encode()
        self.send_response(200)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format: str, *args: Any) -> None:
        pass


def _loopback(
    settings: OAuth2Settings,
    say: Say,
    clock: Callable[[], float],
    open_browser: bool,
    timeout: float,
    port: int,
) -> Any:
    import socket

    from authlib.common.security import generate_token

    bind = "::1" if settings.redirect_host == "[::1]" else "127.0.0.1"

    class _Server(HTTPServer):
        address_family = socket.AF_INET6 if bind == "::1" else socket.AF_INET
        answer: dict[str, str] | None = None

    try:
        server = _Server((bind, port), _Redirect)
    except OSError as error:
        raise MailSignInFailed(
            f"--port: expected a free port on this machine for the browser to come back to, "
            f"{port} is not ({error.strerror})"
        ) from None
    with server:
        redirect_uri = f"http://{settings.redirect_host}:{server.server_address[1]}/"
        verifier = generate_token(64)  # RFC 7636 §4.1: 43 to 128 unreserved characters
        client = endpoint.session(
            settings,
            scope=" ".join(settings.scopes) or None,
            redirect_uri=redirect_uri,
            code_challenge_method="S256",
        )
        assert settings.authorization_endpoint is not None
        url, state = client.create_authorization_url(
            settings.authorization_endpoint,
            code_verifier=verifier,
            **dict(settings.authorization_params),
        )
        say("To sign in, open this address in a browser on this machine:")
        say(f"  {url}")
        if open_browser and _has_display():
            import webbrowser

            webbrowser.open(url)
        say(f"Waiting for you to finish (at most {_duration(timeout)}).")
        deadline = clock() + timeout
        server.timeout = 0.5
        while server.answer is None and clock() < deadline:
            server.handle_request()
        answer = server.answer
    if answer is None:
        raise MailSignInFailed(
            f"oauth2: the sign-in was not finished within {_duration(timeout)}; run "
            "`followup mail login` again; nothing is stored"
        )
    if answer.get("state") != state:
        raise MailSignInFailed(
            "oauth2: the browser came back without this sign-in's state (RFC 6749 §10.12); "
            "nothing is stored"
        )
    if "error" in answer:
        raise endpoint.error_for(
            "oauth2.authorization_endpoint", answer["error"], answer.get("error_description", "")
        )
    return endpoint.token(
        client,
        settings,
        clock(),
        grant_type="authorization_code",
        code=answer["code"],
        code_verifier=verifier,
    )


def status(settings: OAuth2Settings, account: str | None) -> dict[str, Any]:
    """Who is signed in, until when the access token holds, and whether sending is stopped."""
    state = read_state(settings.folder)
    who = account or (state.account if state else "") or None
    vault = Vault(who or "")
    refresh = vault.refresh_token() if who else None
    access = vault.access_token() if who else None
    needed = state.sign_in_needed if state else None
    expires = access.expires_at if access else None
    return {
        "provider": settings.provider,
        "account": who,
        "signed_in": bool(refresh) and not needed,
        "access_token_expires_at": (
            datetime.fromtimestamp(expires, UTC).isoformat(timespec="seconds") if expires else None
        ),
        "sign_in_needed": needed,
        "keyring": keyring_name(),
    }


def logout(settings: OAuth2Settings, account: str | None) -> tuple[str | None, bool]:
    """Forget the sign-in; revoke its refresh token where the provider can (RFC 7009).
    (account, whether the provider confirmed the revocation)."""
    state = read_state(settings.folder)
    who = account or (state.account if state else "") or None
    revoked = False
    if who:
        vault = Vault(who)
        refresh = vault.refresh_token()
        if refresh:
            revoked = endpoint.revoke(settings, refresh)
        vault.forget()
    forget_state(settings.folder)
    return who, revoked


def _has_display() -> bool:
    """A browser can open here (without a display, Linux would start a text browser in this
    terminal, if it started any)."""
    import os
    import sys

    return sys.platform != "linux" or bool(
        os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")
    )


def _duration(seconds: float) -> str:
    if seconds >= 90:
        return f"{round(seconds / 60)} minutes"
    return f"{round(seconds)} seconds"
