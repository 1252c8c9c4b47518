"""A drafted letter as an email message (.eml), a mailto: link, or a printable PDF letter."""

from __future__ import annotations

from datetime import date, datetime
from email.headerregistry import Address
from email.message import EmailMessage
from email.utils import format_datetime, make_msgid
from pathlib import Path
from urllib.parse import quote

from followup.domain.errors import BadInput
from followup.services.letters import Draft

# Article 003 values a signed paper letter; the PDF is for that, with room for the signature.
_FONT_FOLDERS = (
    Path("/usr/share/fonts/truetype/dejavu"),
    Path("/usr/share/fonts/dejavu"),
    Path("/usr/share/fonts/truetype/noto"),
    Path("/usr/share/fonts/noto"),
    Path("/usr/share/fonts/truetype/droid"),
    Path("/Library/Fonts"),
    Path("C:/Windows/Fonts"),
)
# The body font, then the fonts for the scripts it lacks (Debian: fonts-dejavu-core,
# fonts-noto-core, fonts-noto-color-emoji, fonts-droid-fallback); each is added to a letter
# only when the letter has a character that needs it.
_PRIMARY = "DejaVuSerif.ttf"
_FALLBACKS = (
    "NotoSerifHebrew-Regular.ttf",
    "NotoNaskhArabic-Regular.ttf",
    "NotoSerif-Regular.ttf",
    "NotoSansSymbols-Regular.ttf",
    "NotoSansSymbols2-Regular.ttf",
    "NotoColorEmoji.ttf",
    "DroidSansFallbackFull.ttf",
)
_CMAPS: dict[Path, frozenset[int]] = {}


def _address(name: str, email: str, field: str) -> Address:
    if not email or "@" not in email:
        raise BadInput(
            f"{field}: expected an email address for {name or 'the sender'}; add one first"
        )
    user, _, domain = email.rpartition("@")
    return Address(display_name=name, username=user, domain=domain)


def to_eml(draft: Draft, now: datetime) -> bytes:
    """An RFC 5322 message: From, To, Subject, Date, Message-ID; UTF-8 body; non-ASCII names
    encoded as RFC 2047 words."""
    message = EmailMessage()
    message["From"] = _address(draft.sender.name, draft.sender.email, "profile --email")
    message["To"] = _address(draft.recipient.name, draft.recipient.email, "--to")
    message["Subject"] = draft.subject
    message["Date"] = format_datetime(now)
    domain = draft.sender.email.rpartition("@")[2] or "followup.invalid"
    message["Message-ID"] = make_msgid(domain=domain)
    message.set_content(draft.body, charset="utf-8", cte="quoted-printable")
    return bytes(message)


def to_mailto(draft: Draft) -> str:
    """A mailto: link (RFC 6068) that opens the user's mail client with the letter in it."""
    address = quote(draft.recipient.email, safe="@") if draft.recipient.email else ""
    body = draft.body.replace("\r\n", "\n").replace("\n", "\r\n")  # RFC 6068: CRLF line breaks
    query = f"subject={quote(draft.subject, safe='')}&body={quote(body, safe='')}"
    return f"mailto:{address}?{query}"


def to_pdf(draft: Draft, today: date) -> bytes:
    """A printable letter: sender block, date, recipient block, the letter, signature space."""
    from fpdf import FPDF

    pdf = FPDF(format="Letter", unit="pt")
    pdf.set_margins(72, 72, 72)
    pdf.set_auto_page_break(auto=True, margin=72)
    printed = " ".join(
        (
            draft.sender.name,
            draft.sender.phone,
            draft.sender.email,
            draft.recipient.name,
            draft.recipient.title,
            draft.company,
            draft.body,
        )
    )
    family = _fonts(pdf, printed)
    pdf.add_page()
    pdf.set_title(draft.subject or "Letter")
    pdf.set_author(draft.sender.name)
    width = pdf.w - pdf.l_margin - pdf.r_margin

    def block(lines: list[str], size: float = 11, align: str = "L") -> None:
        pdf.set_font(family, size=size)
        for line in lines:
            if line:
                pdf.multi_cell(
                    width,
                    size * 1.45,
                    _printable(line, family),
                    align=align,
                    new_x="LMARGIN",
                    new_y="NEXT",
                )

    block([draft.sender.name, draft.sender.phone, draft.sender.email], align="R")
    pdf.ln(18)
    block([f"{today:%B} {today.day}, {today.year}"])
    pdf.ln(12)
    block([draft.recipient.name, draft.recipient.title, draft.company])
    pdf.ln(18)
    body, signature = _split_signature(draft.body, draft.sender.name)
    pdf.set_font(family, size=11)
    for paragraph in body.split("\n\n"):
        pdf.multi_cell(
            width, 16, _printable(paragraph.strip(), family), new_x="LMARGIN", new_y="NEXT"
        )
        pdf.ln(8)
    if signature:
        block([signature[0]])
        pdf.ln(40)  # room to sign by hand
        block(signature[1:])
    return bytes(pdf.output())


def _split_signature(body: str, name: str) -> tuple[str, list[str]]:
    """The letter, and its closing ('Best regards,', name, phone, email) kept apart so the
    signature space goes between the closing and the name."""
    lines = body.rstrip().splitlines()
    if name and name in lines:
        at = len(lines) - 1 - lines[::-1].index(name)
        closing_at = at - 1 if at > 0 and lines[at - 1].rstrip().endswith(",") else at
        return "\n".join(lines[:closing_at]), lines[closing_at:]
    return body, []


def _fonts(pdf: object, text: str) -> str:
    """The font family to write with: DejaVu Serif, with a fallback font for each script it
    lacks that the letter uses (Hebrew, Arabic, emoji, CJK…), shaped right to left where the
    script says so; Times (Latin-1) where no font is installed. A character that no font can
    print is refused by name: a name must never vanish from a letter."""
    wanted = {ord(c) for c in text if _visible(c)}
    primary = _find(_PRIMARY)
    if primary is None:
        missing = sorted(c for c in wanted if not _latin1(chr(c)))
        _refuse(missing)
        return "Times"
    pdf.add_font("DejaVuSerif", "", str(primary))  # type: ignore[attr-defined]
    left = wanted - _cmap(primary)
    fallbacks = []
    for name in _FALLBACKS:
        if not left:
            break
        path = _find(name)
        if path is None:
            continue
        covered = left & _cmap(path)
        if covered:
            family = name.split("-")[0].split(".")[0]
            pdf.add_font(family, "", str(path))  # type: ignore[attr-defined]
            fallbacks.append(family)
            left -= covered
    _refuse(sorted(left))
    if fallbacks:
        pdf.set_fallback_fonts(fallbacks)  # type: ignore[attr-defined]
        if _shaping():
            pdf.set_text_shaping(True)  # type: ignore[attr-defined]
    return "DejaVuSerif"


def _refuse(missing: list[int]) -> None:
    if not missing:
        return
    shown = ", ".join(
        (f"{chr(c)!r} (U+{c:04X})" if chr(c).isprintable() else f"U+{c:04X}") for c in missing[:5]
    )
    more = f" and {len(missing) - 5} more" if len(missing) > 5 else ""
    raise BadInput(
        f"pdf: no font on this computer prints {shown}{more}; install fonts-noto-core and "
        "fonts-noto-color-emoji, or send the letter as text or .eml"
    )


def _visible(ch: str) -> bool:
    import unicodedata

    return not ch.isspace() and unicodedata.category(ch) not in ("Cc", "Cf", "Mn", "Me")


def _latin1(ch: str) -> bool:
    return _printable(ch, "Times") == ch or ch in "—–’“”"


def _find(name: str) -> Path | None:
    for folder in _FONT_FOLDERS:
        if (folder / name).is_file():
            return folder / name
    return None


def _cmap(path: Path) -> frozenset[int]:
    found = _CMAPS.get(path)
    if found is None:
        from fontTools.ttLib import TTFont

        with TTFont(str(path), lazy=True) as font:
            found = _CMAPS[path] = frozenset(font.getBestCmap() or {})
    return found


def _shaping() -> bool:
    """Right-to-left scripts and joined Arabic letters need a shaping engine (uharfbuzz)."""
    try:
        import uharfbuzz  # noqa: F401
    except ImportError:
        return False
    return True


def _printable(text: str, family: str) -> str:
    if family != "Times":
        return text
    # The PDF core fonts know Latin-1 only; keep the letter legible rather than fail.
    replaced = text.replace("—", "-").replace("–", "-").replace("’", "'").replace("“", '"')
    return replaced.replace("”", '"').encode("latin-1", "replace").decode("latin-1")
