"""The provider's endpoints, over Authlib's requests session: the device authorization request
(RFC 8628 §3.1), the token endpoint (RFC 6749 §4.1.3 and §6, RFC 8628 §3.4) and revocation
(RFC 7009).

Every request is a form-encoded POST; a public client sends its client id in the body, one with a
secret (Google's desktop apps) sends both there (client_secret_post). Answers are checked against
the RFCs — a field missing or of the wrong kind is one clear line, never a traceback — and
tolerated where the RFCs and the providers differ: `expires_in` as a number or a string,
`verification_url` (Google) for `verification_uri`, fields nobody asked for.
"""

from __future__ import annotations

import base64
import binascii
import json
import re
from dataclasses import dataclass
from typing import Any, cast
from urllib.parse import urlsplit

import requests
from authlib.integrations.requests_client import OAuth2Session
from authlib.oauth2.rfc8628 import DEVICE_CODE_GRANT_TYPE
from requests.auth import AuthBase

from followup.adapters.mail.oauth2 import OAuth2Settings, is_loopback
from followup.adapters.mail.oauth2_store import AccessToken
from followup.services.outbox import MailSignInFailed, MailUnavailable

TIMEOUT = 30
HEADERS = {
    "Accept": "application/json",
    "Content-Type": "application/x-www-form-urlencoded;charset=UTF-8",
}


class TokenError(MailSignInFailed):
    """An error response (RFC 6749 §5.2, RFC 8628 §3.5): `error` is its code."""

    def __init__(self, message: str, error: str, description: str) -> None:
        super().__init__(message)
        self.error = error
        self.description = description


class GrantRevoked(TokenError):
    """invalid_grant on a refresh: the sign-in was revoked or has expired."""

    def __str__(self) -> str:
        return _said(self.error, self.description)


class Unreachable(MailUnavailable):
    """The endpoint could not be reached, or answered with a server error: try again later."""


@dataclass(frozen=True, slots=True)
class Grant:
    access: AccessToken
    refresh_token: str | None
    scope: str
    identity: str | None  # who signed in, from the ID token when the provider sent one


@dataclass(frozen=True, slots=True)
class DeviceCode:
    device_code: str
    user_code: str
    verification_uri: str
    verification_uri_complete: str | None
    expires_in: float
    interval: float


class _Session(OAuth2Session):
    """Authlib's session, with token answers checked here: Authlib refuses an error description
    with a line break, which Microsoft's always have."""

    def parse_response_token(self, resp: requests.Response) -> dict[str, Any]:
        return _answer(resp, "oauth2.token_endpoint")


def session(settings: OAuth2Settings, **extra: Any) -> OAuth2Session:
    made = _Session(
        client_id=settings.client_id,
        client_secret=settings.client_secret,
        token_endpoint_auth_method="client_secret_post" if settings.client_secret else "none",
        revocation_endpoint_auth_method="client_secret_post" if settings.client_secret else "none",
        default_timeout=TIMEOUT,
        **extra,
    )
    # a proxy from the environment has no business with a server on this machine
    made.trust_env = not is_loopback(urlsplit(settings.token_endpoint).hostname or "")
    return made


def device_authorization(settings: OAuth2Settings) -> DeviceCode:
    """Ask for a device code and the code the user enters (RFC 8628 §3.1, §3.2)."""
    field = "oauth2.device_authorization_endpoint"
    url = settings.device_authorization_endpoint
    assert url is not None
    client = session(settings)
    data = {"scope": " ".join(settings.scopes)} if settings.scopes else {}
    # Authlib's requests session makes its client authentication a requests AuthBase
    auth = cast(AuthBase, client.client_auth(client.token_endpoint_auth_method))
    try:
        response = client.post(url, data=data, headers=HEADERS, auth=auth)
    except requests.RequestException as error:
        raise Unreachable(f"{field}: could not reach {url} ({_short(error)})") from None
    answer = _answer(response, field)
    uri = answer.get("verification_uri") or answer.get("verification_url")
    complete = answer.get("verification_uri_complete") or answer.get("verification_url_complete")
    for name, value in (
        ("device_code", answer.get("device_code")),
        ("user_code", answer.get("user_code")),
        ("verification_uri", uri),
    ):
        if not isinstance(value, str) or not value:
            raise MailSignInFailed(f"{field}: the answer has no {name} (RFC 8628 §3.2)")
    return DeviceCode(
        device_code=answer["device_code"],
        user_code=answer["user_code"],
        verification_uri=str(uri),
        verification_uri_complete=complete if isinstance(complete, str) and complete else None,
        expires_in=_seconds(answer.get("expires_in"), field, "expires_in", required=True) or 0,
        interval=_seconds(answer.get("interval"), field, "interval") or 5.0,
    )


def token(client: OAuth2Session, settings: OAuth2Settings, now: float, **params: Any) -> Grant:
    """One token request (the grant and its parameters in `params`), its answer checked."""
    try:
        answer = client.fetch_token(settings.token_endpoint, **params)
    except requests.RequestException as error:
        raise Unreachable(
            f"oauth2.token_endpoint: could not reach {settings.token_endpoint} ({_short(error)})"
        ) from None
    return _grant(answer, now)


def device_token(client: OAuth2Session, settings: OAuth2Settings, code: str, now: float) -> Grant:
    return token(client, settings, now, grant_type=DEVICE_CODE_GRANT_TYPE, device_code=code)


def refresh(settings: OAuth2Settings, refresh_token: str, now: float) -> Grant:
    """A new access token (RFC 6749 §6). invalid_grant: GrantRevoked."""
    params: dict[str, Any] = {"grant_type": "refresh_token", "refresh_token": refresh_token}
    if settings.scope_on_refresh and settings.scopes:
        params["scope"] = " ".join(settings.scopes)
    try:
        return token(session(settings), settings, now, **params)
    except TokenError as error:
        if error.error == "invalid_grant":
            raise GrantRevoked(str(error), error.error, error.description) from None
        raise


def revoke(settings: OAuth2Settings, refresh_token: str) -> bool:
    """Revoke the refresh token (RFC 7009 §2.1); True when the provider confirmed it."""
    url = settings.revocation_endpoint
    if not url:
        return False
    try:
        response = session(settings).revoke_token(  # type: ignore[no-untyped-call]
            url, token=refresh_token, token_type_hint="refresh_token", headers=dict(HEADERS)
        )
    except requests.RequestException:
        return False
    return bool(response.status_code == 200)


def _answer(response: requests.Response, field: str) -> dict[str, Any]:
    try:
        answer = response.json()
    except ValueError:
        answer = None
    if not isinstance(answer, dict):
        if response.status_code >= 500:
            raise Unreachable(
                f"{field}: the provider answered HTTP {response.status_code}; try again later"
            )
        if response.status_code == 401:  # a client the server does not know, without JSON
            raise error_for(field, "invalid_client", f"HTTP {response.status_code}")
        kind = response.headers.get("content-type", "no content type")
        raise MailSignInFailed(
            f"{field}: expected a JSON object, got HTTP {response.status_code} ({kind})"
        )
    if "error" in answer:
        raise error_for(field, str(answer["error"]), str(answer.get("error_description") or ""))
    return answer


def error_for(field: str, error: str, description: str) -> TokenError:
    said = _said(error, description)
    messages = {
        "invalid_client": "oauth2.client_id: the provider does not accept this application "
        f"({said}); check client_id (and client_secret) against docs/mail.md",
        "unauthorized_client": "oauth2.client_id: the application may not sign in this way "
        f"({said}); allow public client flows for it (docs/mail.md)",
        "invalid_scope": f"oauth2.scopes: the provider refused the scopes asked for ({said})",
        "access_denied": f"oauth2: the sign-in was declined ({said}); nothing is stored",
        "expired_token": "oauth2: the code expired before the sign-in was finished "
        f"({said}); run `followup mail login` again; nothing is stored",
    }
    return TokenError(
        messages.get(error, f"{field}: the provider refused ({said})"), error, description
    )


def _said(error: str, description: str) -> str:
    # one line: Microsoft's descriptions carry trace ids on further lines
    first = re.split(r"[\r\n]", description.strip(), maxsplit=1)[0].strip()
    first = first if len(first) <= 160 else first[:157] + "…"
    return f"{error}: {first}" if first else error


def _grant(answer: dict[str, Any], now: float) -> Grant:
    """A successful token answer (RFC 6749 §5.1), checked."""
    field = "oauth2.token_endpoint"
    access = answer.get("access_token")
    if not isinstance(access, str) or not access:
        raise MailSignInFailed(f"{field}: the token response has no access_token (RFC 6749 §5.1)")
    kind = answer.get("token_type")
    if not isinstance(kind, str) or not kind:
        raise MailSignInFailed(f"{field}: the token response has no token_type (RFC 6749 §5.1)")
    if kind.lower() != "bearer":
        raise MailSignInFailed(
            f"{field}: expected a Bearer token (XOAUTH2 carries no other), got token_type {kind!r}"
        )
    lifetime = _seconds(answer.get("expires_in"), field, "expires_in")
    refresh = answer.get("refresh_token")
    if refresh is not None and not isinstance(refresh, str):
        raise MailSignInFailed(f"{field}: expected refresh_token as a string")
    scope = answer.get("scope")
    return Grant(
        access=AccessToken(access, now + lifetime if lifetime is not None else None, lifetime),
        refresh_token=refresh or None,
        scope=scope if isinstance(scope, str) else "",
        identity=_identity(answer.get("id_token")),
    )


def _seconds(value: Any, field: str, name: str, required: bool = False) -> float | None:
    if value is None or value == "":
        if required:
            raise MailSignInFailed(f"{field}: the answer has no {name}")
        return None
    try:
        seconds = float(value)
    except (TypeError, ValueError):
        raise MailSignInFailed(
            f"{field}: expected {name} as a number of seconds, got {value!r}"
        ) from None
    if seconds < 0 or seconds != seconds:
        raise MailSignInFailed(f"{field}: expected {name} as a number of seconds, got {value!r}")
    return seconds


def _identity(id_token: Any) -> str | None:
    """The address in the ID token, to say who signed in. Read, not verified: it came straight
    from the token endpoint over TLS (OpenID Connect Core §3.1.3.7), and it only fills in an
    address the settings did not give."""
    if not isinstance(id_token, str) or id_token.count(".") != 2:
        return None
    payload = id_token.split(".")[1]
    try:
        claims = json.loads(base64.urlsafe_b64decode(payload + "=" * (-len(payload) % 4)))
    except (ValueError, binascii.Error):
        return None
    if not isinstance(claims, dict):
        return None
    for name in ("email", "preferred_username", "upn"):
        value = claims.get(name)
        if isinstance(value, str) and "@" in value:
            return value
    return None


def _short(error: Exception) -> str:
    text = str(error) or type(error).__name__
    return text if len(text) <= 160 else text[:157] + "…"
