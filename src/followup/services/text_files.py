"""Reading a user's file as text: UTF-8 (a BOM allowed), and not empty, or one clear line."""

from __future__ import annotations

from followup.domain.errors import BadInput


def decode_text(raw: bytes, source: str, encoded: str, content: str) -> str:
    """`encoded` names the format expected ("UTF-8 text", "UTF-8 JSON"); `content` what an
    empty file should have held ("a letter", "a JSON dossier")."""
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise BadInput(
            f"{source}: expected {encoded}, found a byte that is not UTF-8 at offset {error.start}"
        ) from None
    if not text.strip():
        raise BadInput(f"{source}: expected {content}, the file is empty")
    return text
