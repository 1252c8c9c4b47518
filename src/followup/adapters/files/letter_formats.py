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
    Path("/Library/Fonts"),
    Path("C:/Windows/Fonts"),
)


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
    family = _font(pdf)
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


def _font(pdf: object) -> str:
    """DejaVu Serif where the system has it (every script a name may use), else Times."""
    for folder in _FONT_FOLDERS:
        regular = folder / "DejaVuSerif.ttf"
        if regular.is_file():
            pdf.add_font("DejaVuSerif", "", str(regular))  # type: ignore[attr-defined]
            return "DejaVuSerif"
    return "Times"


def _printable(text: str, family: str) -> str:
    if family != "Times":
        return text
    # The PDF core fonts know Latin-1 only; keep the letter legible rather than fail.
    replaced = text.replace("—", "-").replace("–", "-").replace("’", "'").replace("“", '"')
    return replaced.replace("”", '"').encode("latin-1", "replace").decode("latin-1")
