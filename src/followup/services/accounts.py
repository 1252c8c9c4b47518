"""Accounts on a shared server: adding and disabling them, signing in and out, and a candidate
letting a coach read their search.

Passwords are hashed by the `passwords` port (Argon2id) and never stored or shown. A session is
an opaque random token given to the browser; only its SHA-256 is stored, and ending it deletes
it. Failed sign-ins are counted per email and per address across all the server's processes.
"""

from __future__ import annotations

import hashlib
import re
import secrets
from dataclasses import dataclass
from datetime import date, timedelta

from followup.domain.errors import BadInput, Conflict, FollowupError, InvalidField, NotFound
from followup.services.dependencies import Dependencies
from followup.services.office import ROLES, AccessGrant, Account, Accounts

MIN_PASSWORD = 10
SESSION_LASTS = timedelta(days=14)  # signed in for at most this long
SESSION_IDLE = timedelta(hours=12)  # ended when unused this long
ATTEMPT_WINDOW = timedelta(minutes=15)
MAX_EMAIL_FAILURES = 5  # per email since its last success, within the window
MAX_ADDRESS_FAILURES = 20  # per client address, within the window
EMAIL = re.compile(r"[^@\s]+@[^@\s]+\.[^@\s]+")


class SignInRefused(FollowupError):
    """Wrong email or password (which one is not said), or a disabled account."""

    exit_code = 2
    http_status = 401


class TooManyAttempts(FollowupError):
    exit_code = 2
    http_status = 429


def accounts_of(deps: Dependencies) -> Accounts:
    found = deps.store.accounts()
    if found is None:
        raise BadInput(
            "--database: accounts are for a shared server; expected a postgresql:// URL "
            f"(this is one person's SQLite file, {deps.store.location})",
            "--database",
        )
    return found


def check_email(email: str, field: str = "email") -> str:
    email = email.strip().lower()
    if not EMAIL.fullmatch(email):
        raise InvalidField(field, "an email address like name@example.com", email)
    return email


def add_user(deps: Dependencies, email: str, role: str, password: str) -> Account:
    """A new account; its password hashed, never kept."""
    accounts = accounts_of(deps)
    email = check_email(email, "EMAIL")
    if role not in ROLES:
        raise InvalidField("--role", f"one of {', '.join(ROLES)}", role)
    _check_password(password)
    if accounts.named(email) is not None:
        raise Conflict(f"EMAIL: an account {email} already exists", "EMAIL")
    return accounts.add(email, role, deps.passwords().hash(password))


def _check_password(password: str) -> None:
    if len(password) < MIN_PASSWORD:
        raise InvalidField("password", f"at least {MIN_PASSWORD} characters")
    if password != password.strip() or "\n" in password:
        raise InvalidField("password", "no spaces or line breaks at its ends")


def list_users(deps: Dependencies) -> list[Account]:
    return accounts_of(deps).all()


def disable_user(deps: Dependencies, email: str) -> Account:
    """Disable an account: it cannot sign in, and every session of it ends at once."""
    accounts = accounts_of(deps)
    found = _must_find(accounts, email, "EMAIL")
    accounts.disable(found.email)
    return found


def set_password(deps: Dependencies, email: str, password: str) -> Account:
    """A new password (every session of the account ends)."""
    accounts = accounts_of(deps)
    found = _must_find(accounts, email, "EMAIL")
    _check_password(password)
    accounts.set_password(found.email, deps.passwords().hash(password))
    return found


def _must_find(accounts: Accounts, email: str, field: str) -> Account:
    found = accounts.named(check_email(email, field))
    if found is None:
        raise NotFound(field, "account", email.strip().lower())
    return found


@dataclass(frozen=True, slots=True)
class SignedIn:
    account: Account
    token: str  # for the browser's cookie; the store keeps only its hash


def sign_in(deps: Dependencies, email: str, password: str, address: str) -> SignedIn:
    """Check the password and open a session. Too many recent failures for the email or from
    the address refuse the attempt before any password is checked."""
    accounts = accounts_of(deps)
    email = email.strip().lower()
    facts = accounts.login_facts(email, address, ATTEMPT_WINDOW)
    if facts.email_failures >= MAX_EMAIL_FAILURES or facts.address_failures >= MAX_ADDRESS_FAILURES:
        minutes = int(ATTEMPT_WINDOW.total_seconds() // 60)
        raise TooManyAttempts(
            f"email: too many failed sign-ins; try again in {minutes} minutes", "email"
        )
    verified = deps.passwords().verify(facts.password_hash, password)
    account = facts.account
    ok = verified and account is not None and not account.disabled
    accounts.record_login(email, address, ok)
    if account is not None and verified and account.disabled:
        raise SignInRefused(f"email: the account {email} is disabled", "email")
    if not ok or account is None:
        raise SignInRefused("email: that email and password do not match an account", "email")
    token = secrets.token_urlsafe(32)
    accounts.open_session(account.id, token_hash(token), SESSION_LASTS)
    return SignedIn(account, token)


def token_hash(token: str) -> bytes:
    return hashlib.sha256(token.encode()).digest()


def session_account(deps: Dependencies, token: str | None) -> Account | None:
    """Whose session the token is, while it is current."""
    if not token or len(token) > 200:
        return None
    return accounts_of(deps).find_session(token_hash(token), SESSION_IDLE)


def sign_out(deps: Dependencies, token: str | None) -> None:
    if token and len(token) <= 200:
        accounts_of(deps).close_session(token_hash(token))


# -- coaches' access ------------------------------------------------------------------------------
def acting_account(deps: Dependencies, email: str | None, role: str = "candidate") -> Account:
    """The account `--user` names, which must be current and have that role."""
    if not email:
        raise BadInput("--user: expected the email of the account to act as", "--user")
    found = _must_find(accounts_of(deps), email, "--user")
    if found.disabled:
        raise BadInput(f"--user: the account {found.email} is disabled", "--user")
    if found.role != role:
        raise BadInput(f"--user: {found.email} is a {found.role}; expected a {role}", "--user")
    return found


def grant_access(
    deps: Dependencies, candidate: Account, coach_email: str, until: date | None, today: date
) -> AccessGrant:
    """Let a coach read the candidate's search (and comment on it), until the end of `until`
    or until revoked."""
    accounts = accounts_of(deps)
    coach = _must_find(accounts, coach_email, "COACH_EMAIL")
    if coach.role != "coach" or coach.disabled:
        raise InvalidField("COACH_EMAIL", "the email of a current coach account", coach.email)
    if until is not None and until < today:
        raise InvalidField("--until", f"today ({today.isoformat()}) or later", until.isoformat())
    accounts.grant(candidate.id, coach.id, until)
    return AccessGrant(candidate.email, coach.email, until)


def revoke_access(deps: Dependencies, candidate: Account, coach_email: str) -> None:
    accounts = accounts_of(deps)
    coach = _must_find(accounts, coach_email, "COACH_EMAIL")
    if not accounts.revoke(candidate.id, coach.id):
        raise NotFound("COACH_EMAIL", "access given to", coach.email)


def list_grants(deps: Dependencies, account: Account) -> list[AccessGrant]:
    return accounts_of(deps).grants(account.id)
