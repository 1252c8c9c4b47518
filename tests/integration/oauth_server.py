"""A real OAuth2 authorization server on loopback for the sign-in tests, written from the RFCs
(not from the library Followup uses, so a shared misreading cannot hide):

    POST /device_authorization   RFC 8628 §3.1-3.2   (user codes approved by the test, or by
    GET  /device                 the "browser" visiting verification_uri_complete)
    GET  /authorize              RFC 6749 §4.1.1-4.1.2 with PKCE S256 (RFC 7636), loopback only
    POST /token                  RFC 6749 §4.1.3, §5, §6; RFC 8628 §3.4-3.5
    POST /revoke                 RFC 7009
    POST /introspect             RFC 7662, for the resource servers (Dovecot, the SMTP server),
                                 which authenticate with HTTP Basic

Its clock for access tokens can run ahead of the client's (`skew`), as a mail server's may; each
refresh may rotate the refresh token (RFC 6749 §6), revoking the old one, as strict providers do.
"""

from __future__ import annotations

import base64
import hashlib
import json
import secrets
import threading
import time
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qsl, urlencode, urlsplit

DEVICE_GRANT = "urn:ietf:params:oauth:grant-type:device_code"
CLIENT_ID = "followup-test-client"  # a public client: its id in the body, no secret
DESKTOP_ID, DESKTOP_SECRET = "followup-desktop", "desktop-secret"  # Google's desktop app kind
RESOURCE = ("mailserver", "resource-secret")  # how Dovecot and the SMTP server introspect
USER = "sam@example.com"


@dataclass
class Device:
    client_id: str
    scope: str
    user_code: str
    expires_at: float
    interval: float
    decision: str | None = None  # allow or deny
    last_poll: float = 0.0
    used: bool = False


@dataclass
class Access:
    user: str
    client_id: str
    scope: str
    expires_at: float  # by the authorization server's clock (the client's)
    refresh: str | None
    revoked: bool = False


@dataclass
class Refresh:
    user: str
    client_id: str
    scope: str
    revoked: bool = False


@dataclass
class Code:
    client_id: str
    redirect_uri: str
    challenge: str
    scope: str
    used: bool = False


@dataclass
class AuthServer:
    """The server's state and the knobs the tests turn."""

    lifetime: int = 3600
    skew: float = 0.0  # seconds the resource servers' clock runs ahead of the client's
    rotate: bool = True
    expires_in: int = 600  # device codes
    interval: int = 1
    expires_in_as_string: bool = False
    send_id_token: bool = True
    consent: str = "allow"  # what the "user" answers: allow, deny, or wait (never answers)
    slow_down_once: bool = False  # answer the first poll with slow_down
    bare_401: bool = False  # refuse an unknown client with a bare 401, no JSON error
    polls: list[float] = field(default_factory=list)  # when the device code was polled
    token_override: dict[str, Any] | None = None  # the next successful token answer, as given
    user: str = USER
    devices: dict[str, Device] = field(default_factory=dict)
    access: dict[str, Access] = field(default_factory=dict)
    refresh: dict[str, Refresh] = field(default_factory=dict)
    codes: dict[str, Code] = field(default_factory=dict)
    log: list[str] = field(default_factory=list)  # grant types and introspection results
    lock: threading.Lock = field(default_factory=threading.Lock)
    url: str = ""

    # what the tests do as the user or the provider's admin
    def approve(self, user_code: str, decision: str = "allow") -> None:
        with self.lock:
            for device in self.devices.values():
                if device.user_code == user_code:
                    device.decision = decision

    def revoke_access(self) -> None:
        """Every access token stops working before its time (the server was restarted, say)."""
        with self.lock:
            for token in self.access.values():
                token.revoked = True

    def revoke_grants(self) -> None:
        """The user removed the application's access: every refresh token is dead."""
        with self.lock:
            for grant in self.refresh.values():
                grant.revoked = True
            for token in self.access.values():
                token.revoked = True

    def mint(self, user: str = USER, scope: str = "mail") -> str:
        """An access token for the tests' own use (filling a mailbox over IMAP)."""
        with self.lock:
            return self._issue(user, CLIENT_ID, scope, None)["access_token"]  # type: ignore[no-any-return]

    def count(self, entry: str) -> int:
        return sum(1 for e in self.log if e == entry)

    # the protocol
    def _issue(self, user: str, client_id: str, scope: str, refresh: str | None) -> dict[str, Any]:
        token = secrets.token_urlsafe(24)
        self.access[token] = Access(user, client_id, scope, time.time() + self.lifetime, refresh)
        answer: dict[str, Any] = {
            "access_token": token,
            "token_type": "Bearer",
            "expires_in": str(self.lifetime) if self.expires_in_as_string else self.lifetime,
            "scope": scope,
            "ext_expires_in": self.lifetime,  # a field nobody asked for, as Microsoft sends
        }
        if refresh:
            answer["refresh_token"] = refresh
        if self.send_id_token:
            answer["id_token"] = _unsigned_jwt({"email": user, "sub": user, "aud": client_id})
        return answer

    def resource_clock(self) -> float:
        """The mail servers' clock, which may run ahead of the authorization server's."""
        return time.time() + self.skew


def _unsigned_jwt(claims: dict[str, Any]) -> str:
    def part(data: dict[str, Any]) -> str:
        return base64.urlsafe_b64encode(json.dumps(data).encode()).rstrip(b"=").decode()

    return f"{part({'alg': 'none', 'typ': 'JWT'})}.{part(claims)}."


class _Handler(BaseHTTPRequestHandler):
    server: Any

    def log_message(self, format: str, *args: Any) -> None:
        pass

    @property
    def state(self) -> AuthServer:
        return self.server.state  # type: ignore[no-any-return]

    # plumbing
    def _form(self) -> dict[str, str] | None:
        kind = self.headers.get("Content-Type", "").split(";")[0].strip()
        length = int(self.headers.get("Content-Length") or 0)
        body = self.rfile.read(length).decode()
        if kind != "application/x-www-form-urlencoded":
            self._json(400, {"error": "invalid_request", "error_description": "form only"})
            return None
        pairs = parse_qsl(body, keep_blank_values=True)
        names = [k for k, _ in pairs]
        if len(names) != len(set(names)):  # RFC 6749 §3.1: no parameter twice
            self._json(400, {"error": "invalid_request", "error_description": "repeated"})
            return None
        return dict(pairs)

    def _json(
        self, status: int, body: dict[str, Any], headers: dict[str, str] | None = None
    ) -> None:
        data = json.dumps(body).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Cache-Control", "no-store")
        self.send_header("Pragma", "no-cache")
        for name, value in (headers or {}).items():
            self.send_header(name, value)
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def _client(self, form: dict[str, str]) -> str | None:
        """A public client (RFC 6749 §2.1) names itself in the body with no secret; the desktop
        client authenticates with its secret, in the body or by HTTP Basic (§2.3.1)."""
        client = form.get("client_id")
        basic = self.headers.get("Authorization", "")
        if basic.startswith("Basic "):
            client, _, secret = base64.b64decode(basic[6:]).decode().partition(":")
        else:
            secret = form.get("client_secret", "")
        public = client == CLIENT_ID and not secret
        desktop = client == DESKTOP_ID and secret == DESKTOP_SECRET
        if not (public or desktop) and self.state.bare_401:
            self.send_response(401)
            self.send_header("WWW-Authenticate", 'Basic realm="test"')
            self.send_header("Content-Type", "text/plain")
            self.send_header("Content-Length", "12")
            self.end_headers()
            self.wfile.write(b"unauthorized")
            return None
        if not (public or desktop):
            self._json(
                401,
                {"error": "invalid_client", "error_description": "unknown client"},
                {"WWW-Authenticate": 'Basic realm="test"'},
            )
            return None
        return client

    # endpoints
    def do_POST(self) -> None:
        path = urlsplit(self.path).path
        if path == "/introspect":
            return self._introspect()
        form = self._form()
        if form is None:
            return None
        if path == "/device_authorization":
            return self._device_authorization(form)
        if path == "/token":
            return self._token(form)
        if path == "/revoke":
            return self._revoke(form)
        return self._json(404, {"error": "not_found"})

    def do_GET(self) -> None:
        parts = urlsplit(self.path)
        query = dict(parse_qsl(parts.query))
        if parts.path == "/device":  # the user's browser at verification_uri_complete
            self.state.approve(query.get("user_code", ""), query.get("decision", "allow"))
            return self._json(200, {"ok": True})
        if parts.path == "/authorize":
            return self._authorize(query)
        return self._json(404, {"error": "not_found"})

    def _device_authorization(self, form: dict[str, str]) -> None:
        client = self._client(form)
        if client is None:
            return
        state = self.state
        code = secrets.token_urlsafe(24)
        user_code = "-".join(
            "".join(secrets.choice("BCDFGHJKLMNPQRSTVWXZ") for _ in range(4)) for _ in range(2)
        )
        with state.lock:
            state.devices[code] = Device(
                client,
                form.get("scope", ""),
                user_code,
                time.time() + state.expires_in,
                state.interval,
                decision=state.consent if state.consent != "wait" else None,
            )
            state.log.append("device_authorization")
        uri = f"{state.url}/device"
        self._json(
            200,
            {
                "device_code": code,
                "user_code": user_code,
                "verification_uri": uri,
                "verification_uri_complete": f"{uri}?{urlencode({'user_code': user_code})}",
                "expires_in": str(state.expires_in)
                if state.expires_in_as_string
                else state.expires_in,
                "interval": state.interval,
                "message": "a field nobody asked for",
            },
        )

    def _token(self, form: dict[str, str]) -> None:
        client = self._client(form)
        if client is None:
            return
        grant = form.get("grant_type")
        state = self.state
        with state.lock:
            state.log.append(f"token:{grant}")
            if grant == DEVICE_GRANT:
                status, answer = self._device_grant(form, client)
            elif grant == "refresh_token":
                status, answer = self._refresh_grant(form, client)
            elif grant == "authorization_code":
                status, answer = self._code_grant(form, client)
            else:
                status, answer = 400, {"error": "unsupported_grant_type"}
            if status == 200 and state.token_override is not None:
                answer, state.token_override = state.token_override, None
        self._json(status, answer)

    def _device_grant(self, form: dict[str, str], client: str) -> tuple[int, dict[str, Any]]:
        state = self.state
        device = state.devices.get(form.get("device_code", ""))
        if device is None or device.used or device.client_id != client:
            return 400, {"error": "invalid_grant"}
        now = time.time()
        state.polls.append(now)
        too_soon = now - device.last_poll < device.interval - 0.05
        if state.slow_down_once:
            state.slow_down_once, too_soon = False, True
        device.last_poll = now
        if now >= device.expires_at:
            return 400, {"error": "expired_token"}
        if too_soon:  # RFC 8628 §3.5: the interval grows by 5 seconds
            device.interval += 5
            return 400, {"error": "slow_down"}
        if device.decision is None:
            return 400, {"error": "authorization_pending"}
        if device.decision == "deny":
            return 400, {
                "error": "access_denied",
                "error_description": "The user said no.\r\nTrace: 1",
            }
        device.used = True
        return 200, self._grant(device.client_id, device.scope)

    def _grant(self, client_id: str, scope: str) -> dict[str, Any]:
        state = self.state
        refresh = secrets.token_urlsafe(32)
        state.refresh[refresh] = Refresh(state.user, client_id, scope)
        return state._issue(state.user, client_id, scope, refresh)

    def _refresh_grant(self, form: dict[str, str], client: str) -> tuple[int, dict[str, Any]]:
        state = self.state
        old = form.get("refresh_token", "")
        grant = state.refresh.get(old)
        if grant is None or grant.revoked or grant.client_id != client:
            return 400, {"error": "invalid_grant", "error_description": "refresh token revoked"}
        asked = form.get("scope")
        if asked is not None and not set(asked.split()) <= set(grant.scope.split()):
            return 400, {"error": "invalid_scope"}
        refresh = old
        if state.rotate:
            grant.revoked = True
            refresh = secrets.token_urlsafe(32)
            state.refresh[refresh] = Refresh(grant.user, grant.client_id, grant.scope)
        answer = state._issue(grant.user, grant.client_id, grant.scope, refresh)
        if not state.rotate:
            del answer["refresh_token"]  # RFC 6749 §6: the client keeps the one it has
        return 200, answer

    def _code_grant(self, form: dict[str, str], client: str) -> tuple[int, dict[str, Any]]:
        code = self.state.codes.get(form.get("code", ""))
        if code is None or code.used or code.redirect_uri != form.get("redirect_uri"):
            return 400, {"error": "invalid_grant"}
        if code.client_id != client:
            return 400, {"error": "invalid_grant"}
        verifier = form.get("code_verifier", "")
        digest = hashlib.sha256(verifier.encode("ascii")).digest()
        if base64.urlsafe_b64encode(digest).rstrip(b"=").decode() != code.challenge:
            return 400, {"error": "invalid_grant", "error_description": "PKCE verifier mismatch"}
        code.used = True
        return 200, self._grant(code.client_id, code.scope)

    def _authorize(self, query: dict[str, str]) -> None:
        redirect = query.get("redirect_uri", "")
        host = urlsplit(redirect).hostname
        if query.get("client_id") not in (CLIENT_ID, DESKTOP_ID) or host not in (
            "127.0.0.1",
            "localhost",
            "::1",
        ):
            return self._json(400, {"error": "invalid_request"})  # never redirect to a stranger
        answer: dict[str, str] = {"state": query.get("state", "")}
        if query.get("response_type") != "code" or query.get("code_challenge_method") != "S256":
            answer["error"] = "invalid_request"
        elif self.state.consent == "deny":
            answer["error"] = "access_denied"
        else:
            code = secrets.token_urlsafe(16)
            with self.state.lock:
                self.state.codes[code] = Code(
                    query["client_id"],
                    redirect,
                    query.get("code_challenge", ""),
                    query.get("scope", ""),
                )
            answer["code"] = code
        self.send_response(302)
        self.send_header("Location", f"{redirect}?{urlencode(answer)}")
        self.send_header("Content-Length", "0")
        self.end_headers()

    def _revoke(self, form: dict[str, str]) -> None:
        if self._client(form) is None:
            return
        state = self.state
        token = form.get("token", "")
        with state.lock:
            state.log.append("revoke")
            if token in state.refresh:  # RFC 7009 §2.1: and the access tokens it gave
                state.refresh[token].revoked = True
                for access in state.access.values():
                    if access.refresh == token:
                        access.revoked = True
            elif token in state.access:
                state.access[token].revoked = True
        self._json(200, {})  # §2.2: 200 also for a token it does not know

    def _introspect(self) -> None:
        expected = base64.b64encode(":".join(RESOURCE).encode()).decode()
        if self.headers.get("Authorization") != f"Basic {expected}":
            self.rfile.read(int(self.headers.get("Content-Length") or 0))
            self._json(401, {"error": "invalid_client"}, {"WWW-Authenticate": 'Basic realm="x"'})
            return
        form = self._form()
        if form is None:
            return
        state = self.state
        with state.lock:
            token = state.access.get(form.get("token", ""))
            active = (
                token is not None
                and not token.revoked
                and state.resource_clock() < token.expires_at
            )
            state.log.append("introspect:active" if active else "introspect:inactive")
            if not active or token is None:
                return self._json(200, {"active": False})
            body = {
                "active": True,
                "scope": token.scope,
                "client_id": token.client_id,
                "username": token.user,
                "token_type": "Bearer",
                "exp": int(token.expires_at),
                "sub": token.user,
            }
        self._json(200, body)


class running:
    """`with running() as server:` — the server on a free loopback port, in a thread."""

    def __init__(self, **knobs: Any) -> None:
        self.state = AuthServer(**knobs)

    def __enter__(self) -> AuthServer:
        self._http = ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
        self._http.daemon_threads = True
        self._http.state = self.state  # type: ignore[attr-defined]
        self.state.url = f"http://127.0.0.1:{self._http.server_address[1]}"
        self._thread = threading.Thread(target=self._http.serve_forever, daemon=True)
        self._thread.start()
        return self.state

    def __exit__(self, *exc: object) -> None:
        self._http.shutdown()
        self._http.server_close()


def introspection_url(server: AuthServer) -> str:
    """The introspection endpoint with the resource server's credentials in it (Dovecot's way)."""
    user, secret = RESOURCE
    return server.url.replace("http://", f"http://{user}:{secret}@") + "/introspect"
