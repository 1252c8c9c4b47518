"""The server's own keys (signing the web's CSRF tokens), made once and kept in the database so
that every process serving the same data signs alike."""

from __future__ import annotations

import secrets

from followup.services.dependencies import Dependencies


def server_key(deps: Dependencies, purpose: str) -> bytes:
    """A 256-bit key for `purpose`, made the first time it is asked for: the whole server's on
    a shared server (acting as no one), the file's own on SQLite."""
    accounts = deps.store.accounts()
    if accounts is not None:
        return bytes.fromhex(
            accounts.server_secret(f"key:{purpose}", lambda: secrets.token_hex(32))
        )
    with deps.store.unit_of_work() as uow:
        value = uow.secret(f"key:{purpose}", lambda: secrets.token_hex(32))
        uow.commit()
    return bytes.fromhex(value)
