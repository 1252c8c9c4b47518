"""Mailboxes that take no password: the [oauth2] settings, and the access token SMTP and IMAP
present in SASL XOAUTH2.

    [oauth2]
    provider = "microsoft"        # or "google", or "custom" with the endpoints below
    client_id = "…"               # the application registered with the provider (docs/mail.md)
    tenant = "common"             # Microsoft: common, organizations, consumers, or a tenant id
    client_secret = "…"           # Google's desktop apps have one (not a secret there); else none
    flow = "device"               # or "loopback" (a browser redirect to this machine, with PKCE)
    # any provider, or a test server on loopback (http:// only for a loopback host):
    device_authorization_endpoint = "https://…/device"
    authorization_endpoint = "https://…/authorize"
    token_endpoint = "https://…/token"
    revocation_endpoint = "https://…/revoke"
    scopes = ["https://outlook.office.com/SMTP.Send", "offline_access"]

Each provider's endpoints and scopes are data (`oauth2_providers.json`, each value naming the page
that documents it). An access token is refreshed before it ends — 5 minutes before, or half its
life for a short-lived one, room for a mail server whose clock runs ahead of ours — and once more
when the server refuses it anyway.
"""

from __future__ import annotations

import ipaddress
import json
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any, NoReturn
from urllib.parse import urlsplit

from followup.domain.errors import InvalidField

FLOWS = ("device", "loopback")
MARGIN = 300.0  # seconds before its end that an access token is refreshed
ENDPOINTS = (
    "device_authorization_endpoint",
    "authorization_endpoint",
    "token_endpoint",
    "revocation_endpoint",
)


@dataclass(frozen=True, slots=True)
class OAuth2Settings:
    provider: str
    client_id: str
    client_secret: str | None
    flow: str  # device (RFC 8628) or loopback (RFC 8252 with PKCE)
    token_endpoint: str
    device_authorization_endpoint: str | None
    authorization_endpoint: str | None
    revocation_endpoint: str | None
    scopes: tuple[str, ...]
    scope_on_refresh: bool
    redirect_host: str
    authorization_params: tuple[tuple[str, str], ...]
    folder: Path  # where followup.toml is: the sign-in's state file lives beside it


@cache
def presets() -> dict[str, Any]:
    text = resources.files("followup.adapters.mail").joinpath("oauth2_providers.json")
    found: dict[str, Any] = json.loads(text.read_text(encoding="utf-8"))
    return {name: preset for name, preset in found.items() if not name.startswith("_")}


def parse_oauth2(table: Any, kinds: Iterable[str], folder: Path) -> OAuth2Settings:
    """The [oauth2] table, completed from its provider's preset. `kinds`: the servers (smtp,
    imap) that sign in with it, whose scopes are asked for."""
    if not isinstance(table, dict):
        raise InvalidField("oauth2", "an [oauth2] table with provider and client_id")
    known = presets()
    provider = table.get("provider")
    if provider not in known:
        raise InvalidField("oauth2.provider", f"one of {', '.join(known)}", provider)
    preset = known[provider]
    client_id = table.get("client_id")
    if not isinstance(client_id, str) or not client_id.strip():
        raise InvalidField(
            "oauth2.client_id",
            "the application (client) id registered with the provider (see docs/mail.md)",
            client_id,
        )
    secret = table.get("client_secret")
    if secret is not None and not isinstance(secret, str):
        raise InvalidField("oauth2.client_secret", "a string", secret)
    tenant = table.get("tenant", _value(preset, "tenant") or "")
    if not isinstance(tenant, str) or not all(c.isalnum() or c in ".-_" for c in tenant):
        raise InvalidField(
            "oauth2.tenant", "common, organizations, consumers, or a tenant id or domain", tenant
        )
    urls: dict[str, str | None] = {}
    for name in ENDPOINTS:
        value = table[name] if name in table else _value(preset, name)
        if value is not None:
            value = _endpoint(str(value).replace("{tenant}", tenant), f"oauth2.{name}", value)
        urls[name] = value
    token = urls["token_endpoint"]
    if token is None:
        raise InvalidField("oauth2.token_endpoint", "the provider's token endpoint URL")
    flow = table.get("flow") or _value(preset, "flow")
    if "flow" not in table and not urls["device_authorization_endpoint"]:
        flow = "loopback"
    if flow not in FLOWS:
        raise InvalidField("oauth2.flow", "device or loopback", flow)
    needed = "device_authorization_endpoint" if flow == "device" else "authorization_endpoint"
    if not urls[needed]:
        raise InvalidField(f"oauth2.{needed}", f"the provider's URL for the {flow} sign-in")
    host = table.get("redirect_host", _value(preset, "redirect_host") or "127.0.0.1")
    if host not in ("127.0.0.1", "localhost", "[::1]"):
        raise InvalidField("oauth2.redirect_host", "127.0.0.1, localhost or [::1]", host)
    refresh_scope = table.get("scope_on_refresh", _value(preset, "scope_on_refresh"))
    params = _value(preset, "authorization_params") or {}
    return OAuth2Settings(
        provider=provider,
        client_id=client_id.strip(),
        client_secret=secret or None,
        flow=flow,
        token_endpoint=token,
        device_authorization_endpoint=urls["device_authorization_endpoint"],
        authorization_endpoint=urls["authorization_endpoint"],
        revocation_endpoint=urls["revocation_endpoint"],
        scopes=_scopes(table, preset, kinds),
        scope_on_refresh=bool(refresh_scope),
        redirect_host=host,
        authorization_params=tuple((str(k), str(v)) for k, v in params.items()),
        folder=folder,
    )


def _value(preset: dict[str, Any], name: str) -> Any:
    entry = preset.get(name)
    return entry.get("value") if isinstance(entry, dict) else None


def _scopes(table: dict[str, Any], preset: dict[str, Any], kinds: Iterable[str]) -> tuple[str, ...]:
    given = table.get("scopes")
    if given is not None:
        if not isinstance(given, list) or not all(isinstance(s, str) and s for s in given):
            raise InvalidField("oauth2.scopes", "a list of scope strings", given)
        return tuple(dict.fromkeys(given))
    scopes = preset.get("scopes", {})
    wanted = [s for kind in kinds for s in scopes.get(kind, [])]
    return tuple(dict.fromkeys([*wanted, *scopes.get("always", [])]))


def _endpoint(url: str, field: str, given: object) -> str:
    parts = urlsplit(url)
    if parts.hostname and (
        parts.scheme == "https" or (parts.scheme == "http" and is_loopback(parts.hostname))
    ):
        return url
    raise InvalidField(
        field, "an https:// URL (http:// only for a loopback host such as 127.0.0.1)", given
    )


def is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def xoauth2(user: str, token: str) -> str:
    """The SASL XOAUTH2 initial response, as Google and Microsoft document it."""
    return f"user={user}\x01auth=Bearer {token}\x01\x01"


def margin(lifetime: float | None) -> float:
    """How long before its end a token is refreshed: 5 minutes, or half a short life."""
    return MARGIN if not lifetime else min(MARGIN, lifetime / 2)


def mailbox_tokens(settings: OAuth2Settings, username: str, kind: str) -> MailboxTokens:
    """The tokens of the account a server signs in as: its username, else whoever signed in."""
    from followup.adapters.mail.oauth2_store import read_state

    state = read_state(settings.folder)
    account = username or (state.account if state else "")
    if not account:
        from followup.services.outbox import MailSignInFailed

        raise MailSignInFailed(
            f"{kind}.username: not signed in to the mailbox; run `followup mail login` (or set "
            f"username in [{kind}])"
        )
    return MailboxTokens(settings, account)


class MailboxTokens:
    """The access token for one mailbox account, from the keyring, refreshed when it is about to
    end or the server refused it. Every failure is a MailUnavailable: nothing was sent."""

    def __init__(
        self, settings: OAuth2Settings, account: str, clock: Callable[[], float] = time.time
    ) -> None:
        from followup.adapters.mail.oauth2_store import Vault

        self.settings = settings
        self.account = account
        self._clock = clock
        self._vault = Vault(account)

    def access_token(self) -> str:
        cached = self._vault.access_token()
        if cached is not None and self._fresh(cached):
            return cached.token
        return self._refresh(refused=None)

    def refreshed(self, refused: str) -> str:
        """A new access token after the server refused `refused` (once: the caller asks no
        more)."""
        return self._refresh(refused=refused)

    def _fresh(self, access: Any) -> bool:
        if access.expires_at is None:
            return True  # the provider did not say: used until a server refuses it
        return bool(self._clock() < access.expires_at - margin(access.lifetime))

    def _refresh(self, refused: str | None) -> str:
        from followup.adapters.mail import oauth2_endpoint as endpoint
        from followup.adapters.mail.oauth2_store import refresh_lock, update_state

        folder = self.settings.folder
        with refresh_lock(folder):
            # another process may have refreshed while this one waited for the lock
            cached = self._vault.access_token()
            if cached is not None and cached.token != refused and self._fresh(cached):
                return cached.token
            refresh_token = self._vault.refresh_token()
            if not refresh_token:
                self._stop(f"not signed in to the mailbox as {self.account}")
            try:
                grant = endpoint.refresh(self.settings, refresh_token, self._clock())
            except endpoint.GrantRevoked as revoked:
                self._stop(f"the sign-in for {self.account} has ended ({revoked})")
            self._vault.save(grant.refresh_token, grant.access)
            update_state(folder, access_expires_at=grant.access.expires_at, sign_in_needed=None)
            return grant.access.token

    def _stop(self, reason: str) -> NoReturn:
        from followup.adapters.mail.oauth2_store import update_state
        from followup.services.outbox import MailSignInFailed

        update_state(self.settings.folder, account=self.account, sign_in_needed=reason)
        raise MailSignInFailed(
            f"oauth2: {reason}; sending and reading mail are stopped, every letter stays queued — "
            "sign in again with `followup mail login`"
        )
