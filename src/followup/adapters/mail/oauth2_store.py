"""Where an OAuth2 sign-in is kept: its tokens in the system keyring, what may be shown about it
in a small state file beside followup.toml.

The refresh token is kept in the keyring only (service `followup-oauth2`, the mailbox address as
user name), never in the database or the config file; the access token and when it ends are
kept there too (`followup-oauth2-access`), so each run does not refresh. The state file holds no
secret: who signed in, with which provider, until when the access token holds, and whether
sending is stopped until the candidate signs in again (what the Today banner shows).
"""

from __future__ import annotations

import contextlib
import json
import os
import tempfile
from collections.abc import Iterator
from dataclasses import asdict, dataclass, replace
from pathlib import Path
from typing import Any

SERVICE = "followup-oauth2"
ACCESS_SERVICE = "followup-oauth2-access"
STATE_FILE = "oauth2-state.json"
LOCK_FILE = ".oauth2-refresh.lock"

NO_KEYRING = (
    "keyring: no system keyring to keep the mailbox sign-in in ({backend}); install one — a "
    "Secret Service such as GNOME Keyring or KWallet, or `pip install keyrings.alt` for a file "
    "in your home folder — then run `followup mail login`"
)


@dataclass(frozen=True, slots=True)
class AccessToken:
    token: str
    expires_at: float | None  # seconds since the epoch, on this machine's clock; None: not said
    lifetime: float | None  # expires_in as given


class Vault:
    """The tokens of one mailbox account in the system keyring."""

    def __init__(self, account: str) -> None:
        self.account = account

    def refresh_token(self) -> str | None:
        return self._get(SERVICE)

    def access_token(self) -> AccessToken | None:
        raw = self._get(ACCESS_SERVICE)
        if not raw:
            return None
        try:
            data = json.loads(raw)
            return AccessToken(str(data["token"]), data.get("expires_at"), data.get("lifetime"))
        except (ValueError, KeyError, TypeError):
            return None  # unreadable: refreshed as if there were none

    def save(self, refresh_token: str | None, access: AccessToken) -> None:
        """The refresh token first: if the provider rotated it, the old one may be dead."""
        if refresh_token:
            self._set(SERVICE, refresh_token)
        self._set(ACCESS_SERVICE, json.dumps(asdict(access)))

    def forget(self) -> None:
        import keyring.errors

        for service in (SERVICE, ACCESS_SERVICE):
            with contextlib.suppress(keyring.errors.PasswordDeleteError):
                self._call("delete_password", service)

    def check(self) -> None:
        """Fail now, before the user signs in, when there is no keyring to keep the result."""
        self._get(SERVICE)

    def _get(self, service: str) -> str | None:
        found = self._call("get_password", service)
        return str(found) if found else None

    def _set(self, service: str, value: str) -> None:
        self._call("set_password", service, value)

    def _call(self, name: str, service: str, *value: str) -> Any:
        import keyring
        import keyring.errors

        from followup.services.outbox import MailSignInFailed

        try:
            return getattr(keyring, name)(service, self.account, *value)
        except keyring.errors.NoKeyringError:
            raise MailSignInFailed(NO_KEYRING.format(backend=_backend_name())) from None
        except keyring.errors.PasswordDeleteError:
            raise
        except keyring.errors.KeyringError as error:
            raise MailSignInFailed(
                f"keyring: the system keyring ({_backend_name()}) refused to "
                f"{name.split('_')[0]} the mailbox sign-in ({error or type(error).__name__}); "
                "unlock it and try again"
            ) from None


def _backend_name() -> str:
    import keyring

    backend = keyring.get_keyring()
    return f"{type(backend).__module__}.{type(backend).__name__}"


def keyring_name() -> str:
    return _backend_name()


@dataclass(frozen=True, slots=True)
class AccountState:
    """What may be shown about the sign-in; no secret."""

    provider: str = ""
    account: str = ""
    signed_in_at: str | None = None  # ISO 8601, UTC
    access_expires_at: float | None = None
    scope: str = ""
    sign_in_needed: str | None = None  # why sending stopped until the candidate signs in again


def read_state(folder: Path) -> AccountState | None:
    try:
        data = json.loads((folder / STATE_FILE).read_text(encoding="utf-8"))
        known = {k: v for k, v in data.items() if k in AccountState.__dataclass_fields__}
        return AccountState(**known)
    except (OSError, ValueError, TypeError):
        return None


def write_state(folder: Path, state: AccountState) -> None:
    """Replaced whole (written beside, then renamed), so a reader never sees half of it."""
    folder.mkdir(parents=True, exist_ok=True)
    handle, name = tempfile.mkstemp(dir=folder, prefix=".oauth2-state.", suffix=".tmp")
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as out:
            json.dump(asdict(state), out, indent=2)
        os.replace(name, folder / STATE_FILE)
    except OSError:
        with contextlib.suppress(OSError):
            os.unlink(name)
        raise


def update_state(folder: Path, **changes: Any) -> None:
    """Best effort: a state file that cannot be written never stops mail."""
    with contextlib.suppress(OSError):
        write_state(folder, replace(read_state(folder) or AccountState(), **changes))


def forget_state(folder: Path) -> None:
    with contextlib.suppress(FileNotFoundError):
        (folder / STATE_FILE).unlink()


def sign_in_needed(folder: Path) -> str | None:
    """Why sending is stopped until the candidate signs in again, if it is."""
    state = read_state(folder)
    return state.sign_in_needed if state else None


@contextlib.contextmanager
def refresh_lock(folder: Path) -> Iterator[None]:
    """One refresh at a time among this user's processes (`followup send` and `inbox poll` may run
    together): a provider that rotates refresh tokens revokes the one the other would use."""
    try:
        import fcntl
    except ImportError:  # pragma: no cover - not POSIX: no lock, each process refreshes itself
        yield
        return
    try:
        handle = open(folder / LOCK_FILE, "a+")  # noqa: SIM115 - held for the block
    except OSError:
        yield
        return
    with handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        yield
