"""A QR code on the card: a vCard or a MECARD says the fields exactly, so it wins over the print.

zxing-cpp finds and decodes the code (turned, tilted or small); vobject reads a vCard; a MECARD
(`MECARD:N:Reyes,Dana;TEL:…;EMAIL:…;;`, DoCoMo's format, which many card printers use) is read
here: it is one line of `KEY:value;` pairs with backslash escapes.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import numpy as np


@dataclass(frozen=True)
class QrContact:
    """What the code says, as written (the phone number is normalised later with the others)."""

    name: str | None
    title: str | None
    company: str | None
    email: str | None
    phones: list[tuple[str, str]]  # (number, kind: phone, mobile or fax)


# A code in a small photo (a messaging app's 640 to 1,024 pixels) may have modules of a pixel and
# a half, softened by the lens and the JPEG: the decoder finds its finder patterns but cannot tell
# its modules apart. Enlarged twice (smoothly), the same pixels decode: a photo whose long side is
# under this is read so where the photo as it is gives no contact (3 to 4 ms more).
ENLARGE_BELOW = 1400
ENLARGED = 2.0


def read_qr(gray: np.ndarray) -> QrContact | None:
    """The contact in the first QR code on the photo that carries one, or None; in a small
    photo, looked for again on the photo enlarged (`ENLARGE_BELOW`)."""
    contact = _decoded(gray)
    if contact is None and max(gray.shape[:2]) < ENLARGE_BELOW:
        import cv2

        enlarged = cv2.resize(gray, None, fx=ENLARGED, fy=ENLARGED, interpolation=cv2.INTER_CUBIC)
        contact = _decoded(enlarged)
    return contact


def _decoded(gray: np.ndarray) -> QrContact | None:
    import zxingcpp

    found = zxingcpp.read_barcodes(
        gray, formats=zxingcpp.barcode_formats_from_str("QRCode,MicroQRCode")
    )
    for code in found:
        contact = parse_contact(code.text)
        if contact is not None:
            return contact
    return None


def parse_contact(text: str) -> QrContact | None:
    stripped = text.strip()
    if stripped[:11].upper() == "BEGIN:VCARD":
        return parse_vcard(stripped)
    if stripped[:7].upper() == "MECARD:":
        return parse_mecard(stripped)
    return None


def parse_vcard(text: str) -> QrContact | None:
    import vobject

    try:
        card = vobject.readOne(text.replace("\r\n", "\n").replace("\n", "\r\n"))
    except Exception:  # vobject raises many kinds for a malformed card
        return None
    contents = card.contents
    name = _value(contents, "fn")
    if not name and "n" in contents:
        parts = contents["n"][0].value
        name = " ".join(p for p in (parts.prefix, parts.given, parts.additional, parts.family) if p)
    org = contents.get("org", [None])[0]
    company = None
    if org is not None:
        units = org.value if isinstance(org.value, list) else [org.value]
        company = str(units[0]).strip() or None if units else None
    phones = []
    for tel in contents.get("tel", []):
        kinds = {str(t).lower() for value in tel.params.get("TYPE", []) for t in value.split(",")}
        kind = "fax" if "fax" in kinds else "mobile" if kinds & {"cell", "mobile"} else "phone"
        phones.append((str(tel.value).strip(), kind))
    return QrContact(
        name=_clean(name),
        title=_clean(_value(contents, "title")),
        company=_clean(company),
        email=_clean(_value(contents, "email")),
        phones=phones,
    )


def _value(contents: dict[str, list[object]], key: str) -> str | None:
    found = contents.get(key)
    if not found:
        return None
    value = getattr(found[0], "value", None)
    return str(value) if value else None


_MECARD_PAIR = re.compile(r"((?:[^;\\]|\\.)*);")


def parse_mecard(text: str) -> QrContact | None:
    body = text[len("MECARD:") :]
    fields: dict[str, list[str]] = {}
    for raw in _MECARD_PAIR.findall(body if body.endswith(";") else body + ";"):
        key, sep, value = raw.partition(":")
        if sep:
            fields.setdefault(key.strip().upper(), []).append(value)
    if not fields:
        return None
    name = None
    if fields.get("N"):
        # N:Last,First — the comma is not escaped here; an escaped one is part of a name.
        parts = re.split(r"(?<!\\),", fields["N"][0], maxsplit=1)
        parts = [_unescape(p).strip() for p in parts]
        name = " ".join(p for p in reversed(parts) if p) if len(parts) == 2 else parts[0]
    phones = [(_unescape(v), "phone") for v in fields.get("TEL", [])]
    return QrContact(
        name=_clean(name),
        title=_clean(_unescape(fields["TITLE"][0]) if fields.get("TITLE") else None),
        company=_clean(_unescape(fields["ORG"][0]) if fields.get("ORG") else None),
        email=_clean(_unescape(fields["EMAIL"][0]) if fields.get("EMAIL") else None),
        phones=phones,
    )


def _unescape(value: str) -> str:
    return re.sub(r"\\(.)", r"\1", value)


def _clean(value: str | None) -> str | None:
    if value is None:
        return None
    text = " ".join(value.split())
    return text or None
