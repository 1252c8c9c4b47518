"""Passwords, hashed with Argon2id (argon2-cffi's defaults: RFC 9106's second recommended
choice, 64 MiB and three passes). Only the hash is stored; verifying an unknown email still
spends the time of one check, so a slow answer does not tell which emails have accounts."""

from __future__ import annotations

from functools import lru_cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from argon2 import PasswordHasher


@lru_cache(maxsize=1)
def _hasher() -> PasswordHasher:
    from argon2 import PasswordHasher

    return PasswordHasher()


def hash_password(password: str) -> str:
    return _hasher().hash(password)


@lru_cache(maxsize=1)
def _decoy() -> str:
    return _hasher().hash("not anyone's password")


def verify_password(password_hash: str | None, password: str) -> bool:
    """True when `password` is the one hashed; spends the same time when there is no hash."""
    from argon2.exceptions import InvalidHashError, VerificationError

    try:
        return _hasher().verify(password_hash or _decoy(), password) and bool(password_hash)
    except (VerificationError, InvalidHashError):
        return False


class Argon2Passwords:
    """The `passwords` port of the services."""

    def hash(self, password: str) -> str:
        return hash_password(password)

    def verify(self, password_hash: str | None, password: str) -> bool:
        return verify_password(password_hash, password)
