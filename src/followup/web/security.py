"""What stands between the network and the pages: which host names are served, where an unsafe
request may come from, the CSRF token, and how large a body may be — all decided before a
single byte of a body is read.

- **Host** (DNS rebinding): a page on any site can make its own name resolve to 127.0.0.1; the
  browser then sends that name as `Host`. Only the names the server was started for are served:
  loopback names, the `--host` it listens on, and names configured for a proxy.
- **Origin** on every unsafe request (or, without it, the `Referer`): same host and port as the
  request's `Host`. A browser always sends one of them on a POST.
- **CSRF token**: a random value signed with a key kept in the database, in a cookie and again
  in the form (or the `X-CSRF-Token` header, or the `csrf` query parameter of an upload). A
  cookie the server did not sign is replaced; a token it did not sign is refused.
- **Bodies**: a declared `Content-Length` over the limit is refused unread; a chunked body is
  counted as it streams. A multipart body (an upload) is read only once the token in the
  header or the query has been checked; an urlencoded form (small) is read, in memory and
  bounded, to find its token, before any page sees it.

When accounts come (issue 9), `WebConfig.login` says so; serving beyond loopback needs it.
"""

from __future__ import annotations

import hashlib
import hmac
import ipaddress
import secrets
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any
from urllib.parse import parse_qs, urlsplit

from followup.domain.errors import BadInput, FollowupError
from followup.web.common import waited

CSRF_COOKIE = "followup_csrf"
CSRF_FIELD = "csrf"
CSRF_HEADER = "x-csrf-token"
SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})
LOOPBACK_NAMES = frozenset({"localhost", "localhost.localdomain", "ip6-localhost"})
UPLOAD_LIMIT = 50 * 1024 * 1024 + 64 * 1024  # the 50 MB dossier and its multipart wrapping
FORM_LIMIT = 2 * 1024 * 1024  # the largest form is a letter of at most 1 MB


@dataclass(frozen=True, slots=True)
class WebConfig:
    """How the web interface is served: where it listens, the names it answers to, the address
    it gives out (the calendar feed), and whether visitors must log in."""

    host: str = "127.0.0.1"
    port: int = 8765
    allowed_hosts: tuple[str, ...] = ()
    public_url: str | None = None  # https://followup.office.example behind a proxy
    login: bool = False  # accounts and sessions (issue 9): required beyond loopback

    @property
    def base_url(self) -> str:
        if self.public_url:
            return self.public_url.rstrip("/")
        host = self.host
        if host in ("0.0.0.0", "::", ""):
            host = "127.0.0.1"
        if ":" in host:
            host = f"[{host}]"
        return f"http://{host}:{self.port}"

    def host_names(self) -> frozenset[str]:
        names = {_bare(n) for n in self.allowed_hosts}
        if self.host not in ("0.0.0.0", "::", ""):
            names.add(_bare(self.host))
        if self.public_url:
            names.add(_bare(urlsplit(self.public_url).hostname or ""))
        return frozenset(n for n in names if n)


class Exposed(BadInput):
    """Serving beyond this machine without a login."""


def is_loopback(host: str) -> bool:
    name = _bare(host)
    if name in LOOPBACK_NAMES:
        return True
    try:
        return ipaddress.ip_address(name).is_loopback
    except ValueError:
        return False


def refuse_exposure(config: WebConfig) -> None:
    """Beyond loopback, only with a login: without one, anyone on the network would read and
    change the whole dossier."""
    if not config.login and not is_loopback(config.host):
        raise Exposed(
            f"--host: refusing to listen on {config.host}: the web interface has no login, so "
            "anyone on the network could read and change your data; use 127.0.0.1 (a reverse "
            "proxy on this machine can forward to it, with --allowed-host NAME)",
            "host",
        )


def _bare(host: str) -> str:
    """A host name as compared: lower case, no brackets, no trailing dot."""
    host = host.strip().lower()
    if host.startswith("[") and host.endswith("]"):
        host = host[1:-1]
    return host[:-1] if host.endswith(".") else host


def _split_host(header: str) -> tuple[str, str] | None:
    """(name, port) of a Host header, or None when it is not one."""
    if not header or any(c in header for c in "@/\\ ?#"):
        return None
    if header.startswith("["):
        end = header.find("]")
        if end < 0:
            return None
        name, rest = header[: end + 1], header[end + 1 :]
        if rest and not rest.startswith(":"):
            return None
        port = rest[1:]
    else:
        name, _, port = header.partition(":")
    if port and not (port.isascii() and port.isdigit()):
        return None
    return _bare(name), port


class Signer:
    """CSRF tokens: `nonce.signature`, signed with the server's key. A later login can bind the
    token to a session by signing the session id with the nonce (`binding`)."""

    def __init__(self, key: bytes | Callable[[], bytes]) -> None:
        # the key, or how to get it: from the database, on the first request (a shared server
        # whose database is down starts all the same, and answers 503 until it is back)
        self._key = key if isinstance(key, bytes) else b""
        self._load = None if isinstance(key, bytes) else key

    @property
    def ready(self) -> bool:
        return self._load is None

    def load(self) -> None:
        if self._load is not None:
            self._key = self._load()
            self._load = None

    def make(self, binding: str = "") -> str:
        nonce = secrets.token_urlsafe(24)
        return f"{nonce}.{self._sign(nonce, binding)}"

    def valid(self, token: str, binding: str = "") -> bool:
        nonce, dot, signature = token.partition(".")
        if not dot or not nonce or len(token) > 200 or not token.isascii():
            return False
        return hmac.compare_digest(signature, self._sign(nonce, binding))

    def _sign(self, nonce: str, binding: str) -> str:
        mac = hmac.new(self._key, f"{binding}\x00{nonce}".encode(), hashlib.sha256)
        return mac.hexdigest()[:40]


class BodyTooLarge(FollowupError):
    exit_code = 2
    http_status = 413


class Guard:
    """The ASGI middleware in front of every page (and the Server-Timing of each answer)."""

    def __init__(self, app: Any, config: WebConfig, signer: Signer) -> None:
        self.app = app
        self.config = config
        self.signer = signer
        self.names = config.host_names()

    async def __call__(self, scope: Any, receive: Any, send: Any) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        started = time.perf_counter()
        headers = _headers(scope)
        host = _split_host(headers.get("host", ""))
        if host is None or not self._served(host[0]):
            expected = ", ".join(sorted(LOOPBACK_NAMES | self.names | {"127.0.0.1", "[::1]"}))
            await _refuse(
                send,
                421,
                f"host: expected one of {expected}; this server does not answer to that name",
            )
            return
        if not self.signer.ready:
            from starlette.concurrency import run_in_threadpool

            try:
                await run_in_threadpool(self.signer.load)
            except FollowupError as error:  # the database is not answering: say so, retry soon
                await _refuse(send, error.http_status, str(error), _TITLES.get(error.http_status))
                return
        cookie = _cookie(headers.get("cookie", ""), CSRF_COOKIE)
        valid_cookie = cookie if cookie and self.signer.valid(cookie) else None
        token = valid_cookie or self.signer.make()
        scope.setdefault("state", {})["csrf"] = token
        if scope["method"] not in SAFE_METHODS:
            refusal = self._unsafe_refusal(headers, host)
            if refusal:
                await _refuse(send, 403, refusal)
                return
            limited = _limited(scope, receive, headers)
            if isinstance(limited, str):
                await _refuse(send, 413, limited)
                return
            receive = limited
            sent = headers.get(CSRF_HEADER) or _query(scope, CSRF_FIELD)
            if not sent and _content_type(headers) == "application/x-www-form-urlencoded":
                try:
                    body = await _read_all(receive)
                except BodyTooLarge as error:
                    await _refuse(send, 413, str(error))
                    return
                sent = (parse_qs(body.decode("latin-1")).get(CSRF_FIELD) or [""])[0]
                receive = _replay(body)
            if not (
                valid_cookie
                and sent
                and hmac.compare_digest(sent.encode("utf-8", "replace"), valid_cookie.encode())
            ):
                await _refuse(
                    send,
                    403,
                    "csrf: the form expired or came from another site; reload the page",
                )
                return

        in_line: list[float] = []
        waited.set(in_line)

        async def sending(message: Any) -> None:
            if message["type"] == "http.response.start":
                out = list(message.get("headers", []))
                spent = (time.perf_counter() - started) * 1000
                queued = sum(in_line) * 1000  # waiting for a turn to run (web/common.py)
                timing = f"app;dur={spent - queued:.1f}, queue;dur={queued:.1f}"
                out.append((b"server-timing", timing.encode()))
                out += [
                    (b"x-frame-options", b"DENY"),
                    (b"referrer-policy", b"same-origin"),
                    (b"x-content-type-options", b"nosniff"),
                ]
                if token != cookie:
                    value = f"{CSRF_COOKIE}={token}; Path=/; HttpOnly; SameSite=Strict"
                    out.append((b"set-cookie", value.encode()))
                message["headers"] = out
            await send(message)

        await self.app(scope, receive, sending)

    def _served(self, name: str) -> bool:
        return is_loopback(name) or name in self.names

    def _unsafe_refusal(self, headers: dict[str, str], host: tuple[str, str]) -> str | None:
        """Why an unsafe request did not come from these pages, or None when it did."""
        source = headers.get("origin") or headers.get("referer") or ""
        parts = urlsplit(source) if source and source != "null" else None
        if parts is None or parts.scheme not in ("http", "https") or not parts.hostname:
            return "origin: the request came from another site (or said nothing of where)"
        try:
            port = str(parts.port or "")
        except ValueError:
            port = "bad"
        default = "443" if parts.scheme == "https" else "80"
        if _bare(parts.hostname) != host[0] or (port or default) != (host[1] or default):
            return "origin: the request came from another site"
        return None


def _headers(scope: Any) -> dict[str, str]:
    found: dict[str, str] = {}
    for key, value in scope.get("headers", []):
        name = key.decode("latin-1").lower()
        found.setdefault(name, value.decode("latin-1"))
    return found


def _cookie(header: str, name: str) -> str | None:
    for part in header.split(";"):
        key, _, value = part.strip().partition("=")
        if key == name:
            return value.strip('"')
    return None


def _query(scope: Any, name: str) -> str:
    raw: bytes = scope.get("query_string", b"")
    return (parse_qs(raw.decode("latin-1")).get(name) or [""])[0]


def _content_type(headers: dict[str, str]) -> str:
    return headers.get("content-type", "").split(";")[0].strip().lower()


def _limited(scope: Any, receive: Any, headers: dict[str, str]) -> Any:
    """The body's receive, counted against the limit; or why it is refused unread."""
    upload = _content_type(headers) == "multipart/form-data"
    limit = UPLOAD_LIMIT if upload else FORM_LIMIT
    shown = "at most 50 MB (an upload)" if upload else "at most 2 MB (a form)"
    declared = headers.get("content-length")
    if declared is not None:
        if not (declared.isascii() and declared.isdigit()):
            return f"content-length: expected a number of bytes, got {declared[:20]!r}"
        if int(declared) > limit:
            return f"body: expected {shown}, the request declares {int(declared):,} bytes"
    seen = 0

    async def counted() -> Any:
        nonlocal seen
        message = await receive()
        if message["type"] == "http.request":
            seen += len(message.get("body", b""))
            if seen > limit:
                raise BodyTooLarge(f"body: expected {shown}; the request sent more")
        return message

    return counted


async def _read_all(receive: Any) -> bytes:
    chunks: list[bytes] = []
    while True:
        message = await receive()
        if message["type"] != "http.request":
            break
        chunks.append(message.get("body", b""))
        if not message.get("more_body", False):
            break
    return b"".join(chunks)


def _replay(body: bytes) -> Any:
    done = False

    async def receive() -> Any:
        nonlocal done
        if done:
            return {"type": "http.disconnect"}
        done = True
        return {"type": "http.request", "body": body, "more_body": False}

    return receive


_TITLES = {503: "The database is not answering"}


async def _refuse(send: Any, status: int, message: str, title: str | None = None) -> None:
    from markupsafe import escape

    heading = f"<h1>{escape(title)}</h1>" if title else ""
    page = (
        '<!doctype html><html lang="en"><meta charset="utf-8"><title>Followup</title>'
        f'{heading}<p class="error" role="alert">{escape(message)}</p></html>'
    ).encode()
    headers = [
        (b"content-type", b"text/html; charset=utf-8"),
        (b"content-length", str(len(page)).encode()),
        (b"x-frame-options", b"DENY"),
    ]
    if status == 503:  # nothing was saved; worth trying again soon
        headers.append((b"retry-after", b"5"))
    await send({"type": "http.response.start", "status": status, "headers": headers})
    await send({"type": "http.response.body", "body": page})
