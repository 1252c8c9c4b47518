"""Your mailbox's sign-in, for a mailbox that takes no password (OAuth2): `followup mail login`,
`mail status`, `mail logout`."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

from followup.cli.args import command, group, mail_settings

if TYPE_CHECKING:
    from followup.adapters.mail.oauth2 import OAuth2Settings
    from followup.adapters.mail.settings import MailSettings
    from followup.cli.args import Subcommands


def cmd_login(args: argparse.Namespace) -> int:
    """Sign in to your mailbox with OAuth2 ([oauth2] in followup.toml: Microsoft 365,
    Outlook.com, Gmail, or any provider by its endpoints; see docs/mail.md).

    With the device-code flow (Microsoft's) it prints an address and a code to enter on any
    device — this machine may be headless or reached over SSH. With the loopback flow (Google's)
    it prints an address to open in a browser on this machine, which comes back to Followup.
    The sign-in is kept in the system keyring; sending and reading mail then use SASL XOAUTH2."""
    from followup.adapters.mail.oauth2_signin import login

    settings = mail_settings()
    done = login(
        _oauth2(settings),
        _account(settings),
        _say,
        flow=args.flow,
        open_browser=not args.no_browser,
        timeout=args.timeout,
        port=args.port,
    )
    print(
        f"Signed in to {_oauth2(settings).provider} as {done.account}; the sign-in is kept in "
        f"the system keyring ({done.keyring})."
    )
    if done.identity and done.identity.lower() != done.account.lower():
        print(f"The provider says {done.identity} signed in; mail goes as {done.account}.")
    return 0


def cmd_status(args: argparse.Namespace) -> int:
    """Who is signed in to your mailbox, until when the access token holds (it is refreshed
    when needed), and whether sending is stopped until you sign in again."""
    from followup.adapters.mail.oauth2_signin import status

    settings = mail_settings()
    found = status(_oauth2(settings), _account(settings))
    if args.json:
        from followup.adapters.json_shapes import dumps

        print(dumps(found))
        return 0
    provider, account = found["provider"], found["account"]
    if found["sign_in_needed"]:
        print(f"Sign in again: {found['sign_in_needed']}.")
        print("Run `followup mail login`; until then every letter stays queued.")
    elif not found["signed_in"]:
        print(f"Not signed in to {provider}. Run `followup mail login`.")
    else:
        expires = found["access_token_expires_at"]
        if expires:
            from datetime import datetime

            local = datetime.fromisoformat(expires).astimezone()
            holds = f"the access token holds until {local:%a %d %b %H:%M} (refreshed when needed)"
        else:
            holds = "a new access token is fetched when mail is next sent or read"
        print(f"Signed in to {provider} as {account}; {holds}.")
    print(f"Keyring: {found['keyring']}.")
    return 0


def cmd_logout(args: argparse.Namespace) -> int:
    """Sign out of your mailbox: the keyring forgets the sign-in, and the provider revokes it
    where it can (RFC 7009; Microsoft cannot: remove the access in your account's settings)."""
    from followup.adapters.mail.oauth2_signin import logout

    settings = mail_settings()
    oauth2 = _oauth2(settings)
    account, revoked = logout(oauth2, _account(settings))
    if account is None:
        print("Nobody was signed in.")
    elif revoked:
        print(
            f"Signed out {account}: {oauth2.provider} revoked the sign-in; the keyring forgot it."
        )
    else:
        print(
            f"Signed out {account}: the keyring forgot the sign-in ({oauth2.provider} did not "
            "confirm a revocation; remove Followup's access in your account's security settings)."
        )
    return 0


def _oauth2(settings: MailSettings) -> OAuth2Settings:
    if settings.oauth2 is None:
        from followup.domain.errors import BadInput

        raise BadInput(
            "oauth2: expected an [oauth2] table in followup.toml (provider, client_id); see "
            "docs/mail.md"
        )
    return settings.oauth2


def _account(settings: MailSettings) -> str | None:
    """The address the servers sign in as (XOAUTH2's user), when the settings give it."""
    servers = [s for s in (settings.smtp, settings.imap) if s is not None and s.username]
    chosen = [s for s in servers if s.auth == "oauth2"] or servers
    return chosen[0].username if chosen else None


def _say(line: str) -> None:
    print(line, flush=True)


def register(sub: Subcommands) -> None:
    mail = group(sub, "mail", "Your mailbox's sign-in (OAuth2): login, status, logout.")
    p = command(mail, "login", cmd_login)
    p.prog = "followup mail login"
    p.add_argument(
        "--flow",
        choices=("device", "loopback"),
        help="how to sign in (default: [oauth2] flow, else the provider's)",
    )
    p.add_argument(
        "--no-browser", action="store_true", help="loopback flow: print the address, open nothing"
    )
    p.add_argument(
        "--timeout",
        type=float,
        default=300,
        metavar="SECONDS",
        help="loopback flow: how long to wait for the browser (default 300)",
    )
    p.add_argument(
        "--port",
        type=int,
        default=0,
        help="loopback flow: the port the browser comes back to (default: any free one; fix "
        "one to forward it over SSH)",
    )
    p = command(mail, "status", cmd_status)
    p.prog = "followup mail status"
    p.add_argument("--json", action="store_true", help="machine-readable output")
    p = command(mail, "logout", cmd_logout)
    p.prog = "followup mail logout"
