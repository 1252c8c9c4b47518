"""Generate photographed-looking business cards with their ground truth.

    python -m tests.cards.generate OUT_DIR [--count 60] [--seed 1] [--split tune|heldout]
        [--size phone|medium|small|scan]

Writes OUT_DIR/NNN.{jpg,png,heic} and OUT_DIR/truth.json: a list of {"file", "region", "name",
"title", "company", "email", "phone" (E.164), and how the card was made}. Two splits that share no
font and no layout: `tune` (DejaVu, Liberation and Noto fonts, light and italic among them;
layouts classic, centered, split, band, dark, columns, and tall: a card standing up) is the one
to look at while improving the reader; `heldout` (URW fonts, layouts portrait, name-below,
right-aligned) is only measured. Cards are drawn with Pillow, then photographed: put on
a table, turned by quarter turns, tilted and skewed in perspective, lit unevenly, blurred, noised
and saved as JPEG (some as PNG or HEIC), at phone size (3000×4000, the card filling a third of
the frame to most of it), as a messaging app sends it on
(1280 to 1600 pixels), or small. German and Nordic addresses spell their letters out in about half
the cards (Müller -> mueller, Søren -> soeren, Åsa -> aasa), as many companies do.
"""

from __future__ import annotations

import argparse
import io
import json
import random
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np
import phonenumbers
from PIL import Image, ImageDraw, ImageFilter, ImageFont

from tests.cards import people

FONT_DIRS = (
    Path("/usr/share/fonts/truetype/dejavu"),
    Path("/usr/share/fonts/truetype/liberation"),
    Path("/usr/share/fonts/opentype/urw-base35"),
    Path("/usr/share/fonts/truetype/noto"),
)
# (regular, bold) pairs per split: no font is in both.
FONTS = {
    "tune": [
        ("DejaVuSans.ttf", "DejaVuSans-Bold.ttf"),
        ("DejaVuSerif.ttf", "DejaVuSerif-Bold.ttf"),
        ("DejaVuSansCondensed.ttf", "DejaVuSansCondensed-Bold.ttf"),
        ("LiberationSans-Regular.ttf", "LiberationSans-Bold.ttf"),
        ("LiberationSerif-Regular.ttf", "LiberationSerif-Bold.ttf"),
        ("LiberationSansNarrow-Regular.ttf", "LiberationSansNarrow-Bold.ttf"),
        ("NotoSans-Regular.ttf", "NotoSans-Bold.ttf"),
        ("NotoSerif-Regular.ttf", "NotoSerif-Bold.ttf"),
        ("NotoSansDisplay-Regular.ttf", "NotoSansDisplay-Bold.ttf"),
        ("NotoSerif-Italic.ttf", "NotoSerif-BoldItalic.ttf"),
        ("DejaVuSans-ExtraLight.ttf", "DejaVuSans-Bold.ttf"),
        ("DejaVuSerifCondensed-Italic.ttf", "DejaVuSerifCondensed-Bold.ttf"),
    ],
    "heldout": [
        ("NimbusSans-Regular.otf", "NimbusSans-Bold.otf"),
        ("C059-Roman.otf", "C059-Bold.otf"),
        ("P052-Roman.otf", "P052-Bold.otf"),
        ("URWGothic-Book.otf", "URWGothic-Demi.otf"),
        ("URWBookman-Light.otf", "URWBookman-Demi.otf"),
        ("NimbusSansNarrow-Regular.otf", "NimbusSansNarrow-Bold.otf"),
    ],
}
CARD_W, CARD_H = 2100, 1200  # 3.5 × 2 inches at 600 dpi

INK = [(20, 20, 20), (25, 35, 80), (60, 60, 60), (10, 60, 50), (90, 20, 30)]
PAPER = [(255, 255, 255), (250, 247, 240), (243, 245, 248), (255, 252, 235)]


def font_path(name: str) -> Path:
    for folder in FONT_DIRS:
        if (folder / name).exists():
            return folder / name
    raise FileNotFoundError(
        f"font {name} is missing: apt-get install fonts-dejavu-core fonts-dejavu-extra "
        "fonts-liberation fonts-urw-base35 fonts-noto-core"
    )


@dataclass
class Card:
    """What one card says, and how it says it."""

    country: str
    name: str
    title: str
    company: str
    email: str
    phone: str  # as printed
    phone_e164: str
    phone_label: str
    fax: str | None
    fax_label: str
    web: str
    address: list[str]
    tagline: str | None
    email_label: str
    fax_same_line: bool
    qr: str | None = None  # vcard or mecard
    extra: dict[str, Any] = field(default_factory=dict)


# --- what the card says --------------------------------------------------------------------------


# How German, Danish, Norwegian and Swedish addresses often spell their letters (Müller ->
# mueller, Søren -> soeren, Åsa -> aasa) rather than dropping the marks.
_SPELT_OUT = str.maketrans(
    {
        "ä": "ae",
        "ö": "oe",
        "ü": "ue",
        "Ä": "Ae",
        "Ö": "Oe",
        "Ü": "Ue",
        "ø": "oe",
        "Ø": "Oe",
        "å": "aa",
        "Å": "Aa",
    }
)


def _ascii(text: str, spelt_out: bool = False) -> str:
    if spelt_out:
        text = text.translate(_SPELT_OUT)
    folded = unicodedata.normalize("NFKD", text.replace("ß", "ss").replace("ø", "o"))
    folded = folded.replace("Ø", "O").replace("æ", "ae").replace("Æ", "Ae").replace("ł", "l")
    folded = folded.replace("Ł", "L").replace("ı", "i")
    return "".join(c for c in folded if not unicodedata.combining(c))


def _slug(text: str, joiner: str, spelt_out: bool = False) -> str:
    words = [
        w for w in _ascii(text, spelt_out).lower().replace("&", " ").replace("'", "").split() if w
    ]
    return joiner.join("".join(ch for ch in w if ch.isalnum() or ch == "-") for w in words)


def _number(rng: random.Random, region: str, mobile: bool) -> phonenumbers.PhoneNumber:
    kind = (
        phonenumbers.PhoneNumberType.MOBILE if mobile else phonenumbers.PhoneNumberType.FIXED_LINE
    )
    example = phonenumbers.example_number_for_type(region, kind)
    digits = phonenumbers.national_significant_number(example)
    for _ in range(200):
        keep = max(2, len(digits) - 6)
        candidate = digits[:keep] + "".join(rng.choice("0123456789") for _ in digits[keep:])
        number = phonenumbers.parse(candidate, region)
        if phonenumbers.is_valid_number(number) and candidate[-4:] not in ("0000", "1234"):
            return number
    return example


def _printed(rng: random.Random, number: phonenumbers.PhoneNumber, style: str) -> str:
    fmt = phonenumbers.PhoneNumberFormat
    if style == "international":
        return phonenumbers.format_number(number, fmt.INTERNATIONAL)
    if style == "dots":
        text = phonenumbers.format_number(number, fmt.INTERNATIONAL)
        return text.replace(" ", ".").replace("-", ".").replace("+", "+", 1).replace("+.", "+")
    return phonenumbers.format_number(number, fmt.NATIONAL)


def make_card(rng: random.Random, split: str) -> Card:
    origin = rng.choice(list(people.FIRST))
    country = origin if origin in people.TLD and origin in people.SUFFIX else "US"
    phone_region = (
        country
        if country
        in (
            "US",
            "GB",
            "FR",
            "DE",
            "ES",
            "IT",
            "NL",
            "CA",
            "CH",
            "BE",
            "SE",
            "PL",
            "CZ",
            "PT",
            "TR",
            "DK",
        )
        else "US"
    )
    first = rng.choice(people.FIRST[origin])
    last = rng.choice(people.LAST[origin])
    middle = f" {rng.choice('ABCDEJKLMPRST')}." if rng.random() < 0.08 else ""
    name = f"{first}{middle} {last}"
    local_titles = people.TITLES_LOCAL.get(country, [])
    title = rng.choice(local_titles) if local_titles and rng.random() < 0.4 else None
    title = title or rng.choice(people.TITLES_EN)
    head, tail = rng.choice(people.COMPANY_WORDS)
    suffix = rng.choice(people.SUFFIX[country])
    company = f"{head} {tail}" + (f" {suffix}" if suffix else "")
    domain_words = f"{head} {tail}" if rng.random() < 0.6 else head
    domain = _slug(domain_words, rng.choice(["", "-"])) + "." + people.TLD[country]
    if rng.random() < 0.1:
        domain = rng.choice(["mail.", "eu.", "corp."]) + domain
    spelt_out = country in ("DE", "CH", "SE", "DK") and rng.random() < 0.5
    f_, l_ = _slug(first, "", spelt_out), _slug(last, rng.choice(["", "-"]), spelt_out)
    local = rng.choice([f"{f_}.{l_}", f"{f_[0]}.{l_}", f"{f_}{l_}", f"{f_}", f"{f_}_{l_}"])
    email = f"{local}@{domain}"
    style = rng.choice(["national", "national", "international", "dots"])
    mobile = rng.random() < 0.25
    number = _number(rng, phone_region, mobile)
    has_fax = rng.random() < 0.4
    fax = None
    if has_fax:
        fax_number = _number(rng, phone_region, False)
        fax = _printed(rng, fax_number, style)
    label_sets = [
        ("Tel: ", "Fax: "),
        ("T ", "F "),
        ("Phone ", "Fax "),
        ("P: ", "F: "),
        ("Tél. ", "Fax "),
        ("Tel. ", "Fax. "),
        ("Telefon ", "Telefax "),
        ("", "Fax "),
        ("Office: ", "Fax: "),
    ]
    phone_label, fax_label = rng.choice(label_sets)
    if mobile:
        phone_label = rng.choice(["Mobile: ", "M ", "Cell ", "Mob. ", "Mobile "])
    web = rng.choice(
        [
            "www." + domain.split(".", 1)[-1]
            if domain.startswith(("mail.", "eu.", "corp."))
            else "www." + domain,
            domain + "/careers",
        ]
    )
    return Card(
        country=phone_region,
        name=name,
        title=title,
        company=company,
        email=email,
        phone=_printed(rng, number, style),
        phone_e164=phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164),
        phone_label=phone_label,
        fax=fax,
        fax_label=fax_label,
        web=web,
        address=[rng.choice(people.STREETS), rng.choice(people.CITIES)]
        if rng.random() < 0.6
        else [],
        tagline=rng.choice(people.TAGLINES) if rng.random() < 0.25 else None,
        email_label=rng.choice(["", "", "E-mail: ", "Email ", "E "]),
        fax_same_line=rng.random() < 0.5,
    )


def qr_payload(card: Card, kind: str) -> str:
    first, _, last = card.name.partition(" ")
    if kind == "mecard":

        def esc(s: str) -> str:
            return (
                s.replace("\\", "\\\\").replace(";", "\\;").replace(":", "\\:").replace(",", "\\,")
            )

        return (
            f"MECARD:N:{esc(last)},{esc(first)};TEL:{card.phone_e164};EMAIL:{card.email};"
            f"ORG:{esc(card.company)};TITLE:{esc(card.title)};;"
        )

    def esc3(s: str) -> str:
        return s.replace("\\", "\\\\").replace(",", "\\,").replace(";", "\\;")

    return "\r\n".join(
        [
            "BEGIN:VCARD",
            "VERSION:3.0",
            f"N:{esc3(last)};{esc3(first)};;;",
            f"FN:{esc3(card.name)}",
            f"ORG:{esc3(card.company)}",
            f"TITLE:{esc3(card.title)}",
            f"TEL;TYPE=WORK,VOICE:{card.phone_e164}",
            f"EMAIL;TYPE=INTERNET:{card.email}",
            "END:VCARD",
        ]
    )


# --- drawing the card ----------------------------------------------------------------------------


class Pen:
    """Draws text lines on a card with one font family."""

    def __init__(self, image: Image.Image, fonts: tuple[str, str], ink: tuple[int, int, int]):
        self.image = image
        self.draw = ImageDraw.Draw(image)
        self.regular, self.bold = (str(font_path(f)) for f in fonts)
        self.ink = ink

    def font(self, size: int, bold: bool = False) -> ImageFont.FreeTypeFont:
        return ImageFont.truetype(self.bold if bold else self.regular, size)

    def width(self, text: str, size: int, bold: bool = False) -> float:
        return self.draw.textlength(text, font=self.font(size, bold))

    def fit(self, text: str, size: int, room: float, bold: bool = False) -> int:
        while size > 24 and self.width(text, size, bold) > room:
            size -= 2
        return size

    def line(
        self,
        x: float,
        y: float,
        text: str,
        size: int,
        bold: bool = False,
        anchor: str = "la",
        ink: tuple[int, int, int] | None = None,
    ) -> None:
        self.draw.text(
            (x, y), text, font=self.font(size, bold), fill=ink or self.ink, anchor=anchor
        )


def _contact_lines(card: Card) -> list[str]:
    lines = []
    phone = f"{card.phone_label}{card.phone}"
    if card.fax and card.fax_same_line:
        lines.append(f"{phone}   {card.fax_label}{card.fax}")
    else:
        lines.append(phone)
        if card.fax:
            lines.append(f"{card.fax_label}{card.fax}")
    lines.append(f"{card.email_label}{card.email}")
    lines.append(card.web)
    return lines


def _logo(pen: Pen, rng: random.Random, x: float, y: float, size: int, color: Any) -> float:
    """A mark beside the company name; returns its width."""
    shape = rng.choice(["circle", "square", "triangle", "none"])
    if shape == "circle":
        pen.draw.ellipse((x, y, x + size, y + size), fill=color)
    elif shape == "square":
        pen.draw.rounded_rectangle((x, y, x + size, y + size), radius=size // 5, fill=color)
    elif shape == "triangle":
        pen.draw.polygon([(x, y + size), (x + size / 2, y), (x + size, y + size)], fill=color)
    else:
        return 0
    return size * 1.3


def _layout_classic(pen: Pen, card: Card, rng: random.Random, w: int, h: int) -> None:
    m = 110
    dark = sum(pen.image.getpixel((5, 5))) < 300  # type: ignore[arg-type]
    accent = rng.choice([(240, 200, 120), (150, 200, 255)]) if dark else rng.choice(INK[1:])
    offset = _logo(pen, rng, m, m - 10, 90, accent)
    pen.line(
        m + offset,
        m,
        card.company,
        pen.fit(card.company, 64, w - 2 * m - offset, True),
        True,
        ink=accent,
    )
    if card.tagline:
        pen.line(m + offset, m + 80, card.tagline, 36, ink=(110, 110, 110))
    pen.line(m, 400, card.name, pen.fit(card.name, 96, w - 2 * m, True), True)
    pen.line(m, 520, card.title, pen.fit(card.title, 54, w - 2 * m))
    lines = _contact_lines(card) + card.address
    size = min(pen.fit(max(lines, key=len), 46, w - 2 * m - (480 if card.qr else 0)), 46)
    y = h - m - len(lines) * size * 1.3
    for text in lines:
        pen.line(m, y, text, size)
        y += size * 1.3


def _layout_centered(pen: Pen, card: Card, rng: random.Random, w: int, h: int) -> None:
    cx = w / 2
    pen.line(
        cx,
        110,
        card.company.upper(),
        pen.fit(card.company.upper(), 60, w - 300, True),
        True,
        anchor="ma",
    )
    pen.draw.line((cx - 200, 210, cx + 200, 210), fill=pen.ink, width=4)
    pen.line(cx, 330, card.name, pen.fit(card.name, 100, w - 260, True), True, anchor="ma")
    pen.line(cx, 460, card.title, pen.fit(card.title, 52, w - 260), anchor="ma")
    lines = _contact_lines(card)
    if card.address:
        lines.append(" · ".join(card.address))
    size = min(pen.fit(max(lines, key=len), 44, w - 260), 44)
    y = h - 100 - len(lines) * size * 1.3
    for text in lines:
        pen.line(cx, y, text, size, anchor="ma")
        y += size * 1.3


def _layout_split(pen: Pen, card: Card, rng: random.Random, w: int, h: int) -> None:
    m = 100
    accent = rng.choice(INK[1:])
    pen.draw.rectangle((m, 200, m + 14, h - 200), fill=accent)
    half = w * 0.46
    pen.line(m + 50, 330, card.name, pen.fit(card.name, 84, half - 60, True), True)
    words = card.title.split()
    if len(card.title) > 22 and len(words) > 2 and rng.random() < 0.5:
        cut = len(words) // 2
        card.extra["title_lines"] = 2
        pen.line(m + 50, 450, " ".join(words[:cut]), 46)
        pen.line(m + 50, 510, " ".join(words[cut:]), 46)
    else:
        pen.line(m + 50, 450, card.title, pen.fit(card.title, 46, half - 60))
    right = w - m
    pen.line(
        right,
        m,
        card.company,
        pen.fit(card.company, 58, w - half - m, True),
        True,
        anchor="ra",
        ink=accent,
    )
    lines = _contact_lines(card) + card.address
    size = min(pen.fit(max(lines, key=len), 40, w - half - m - 20), 40)
    y = h - m - len(lines) * size * 1.35
    for text in lines:
        pen.line(right, y, text, size, anchor="ra")
        y += size * 1.35


def _layout_band(pen: Pen, card: Card, rng: random.Random, w: int, h: int) -> None:
    band = int(w * 0.3)
    color = rng.choice(INK[1:])
    pen.draw.rectangle((0, 0, band, h), fill=color)
    words = card.company.split()
    y = 160
    size = pen.fit(max(words, key=len), 64, band - 80, True)
    for word in words:
        pen.line(60, y, word, size, True, ink=(255, 255, 255))
        y += size * 1.2
    x = band + 90
    pen.line(x, 150, card.name, pen.fit(card.name, 88, w - x - 80, True), True)
    pen.line(x, 270, card.title, pen.fit(card.title, 48, w - x - 80), ink=color)
    lines = _contact_lines(card) + card.address
    size = min(pen.fit(max(lines, key=len), 42, w - x - 80 - (480 if card.qr else 0)), 42)
    y = h - 90 - len(lines) * size * 1.3
    for text in lines:
        pen.line(x, y, text, size)
        y += size * 1.3


def _layout_portrait(pen: Pen, card: Card, rng: random.Random, w: int, h: int) -> None:
    cx = w / 2
    accent = rng.choice(INK[1:])
    pen.draw.ellipse((cx - 90, 120, cx + 90, 300), fill=accent)
    pen.line(
        cx,
        340,
        card.company,
        pen.fit(card.company, 60, w - 160, True),
        True,
        anchor="ma",
        ink=accent,
    )
    pen.line(cx, 800, card.name, pen.fit(card.name, 76, w - 120, True), True, anchor="ma")
    pen.line(cx, 900, card.title, pen.fit(card.title, 44, w - 120), anchor="ma")
    lines = _contact_lines(card) + card.address
    size = min(pen.fit(max(lines, key=len), 38, w - 120), 38)
    y = h - 120 - len(lines) * size * 1.4
    for text in lines:
        pen.line(cx, y, text, size, anchor="ma")
        y += size * 1.4


def _layout_name_below(pen: Pen, card: Card, rng: random.Random, w: int, h: int) -> None:
    m = 120
    accent = rng.choice(INK[1:])
    pen.draw.rectangle((0, 0, w, 26), fill=accent)
    pen.line(
        w / 2,
        180,
        card.company,
        pen.fit(card.company, 80, w - 300, True),
        True,
        anchor="ma",
        ink=accent,
    )
    if card.tagline:
        pen.line(w / 2, 290, card.tagline, 38, anchor="ma", ink=(120, 120, 120))
    pen.line(m, h - 300, card.name, pen.fit(card.name, 70, w * 0.5 - m, True), True)
    pen.line(m, h - 200, card.title, pen.fit(card.title, 40, w * 0.5 - m))
    lines = _contact_lines(card)
    size = min(pen.fit(max(lines, key=len), 36, w * 0.5 - m), 36)
    y = h - m - len(lines) * size * 1.4
    for text in lines:
        pen.line(w - m, y, text, size, anchor="ra")
        y += size * 1.4


def _layout_right(pen: Pen, card: Card, rng: random.Random, w: int, h: int) -> None:
    right = w - 130
    pen.line(130, 120, card.company.upper(), pen.fit(card.company.upper(), 44, w - 260, True), True)
    pen.line(right, 360, card.name, pen.fit(card.name, 90, w - 260, True), True, anchor="ra")
    pen.line(right, 480, card.title.upper(), pen.fit(card.title.upper(), 38, w - 260), anchor="ra")
    lines = _contact_lines(card) + card.address
    size = min(pen.fit(max(lines, key=len), 40, w - 260), 40)
    y = h - 100 - len(lines) * size * 1.35
    for text in lines:
        pen.line(right, y, text, size, anchor="ra")
        y += size * 1.35


def _layout_tall(pen: Pen, card: Card, rng: random.Random, w: int, h: int) -> None:
    """A card standing up, everything set from the left: company at the top, the person in the
    middle, the contact lines at the foot."""
    m = 100
    accent = rng.choice(INK[1:])
    pen.draw.rectangle((m, 110, m + 120, 122), fill=accent)
    words = card.company.split()
    size = pen.fit(max(words, key=len), 58, w - 2 * m, True)
    y = 160
    for line in _wrapped(pen, card.company, size, w - 2 * m, True):
        pen.line(m, y, line, size, True, ink=accent)
        y += size * 1.2
    name_size = pen.fit(card.name, 80, w - 2 * m, True)
    pen.line(m, 700, card.name, name_size, True)
    y = 700 + name_size * 1.35
    for line in _wrapped(pen, card.title, 42, w - 2 * m):
        pen.line(m, y, line, 42)
        y += 42 * 1.25
    lines = _contact_lines(card) + card.address
    size = min(pen.fit(max(lines, key=len), 36, w - 2 * m), 36)
    y = h - 110 - len(lines) * size * 1.4
    for text in lines:
        pen.line(m, y, text, size)
        y += size * 1.4


def _wrapped(pen: Pen, text: str, size: int, room: float, bold: bool = False) -> list[str]:
    """`text` cut into lines no wider than `room`, between words."""
    lines: list[str] = []
    for word in text.split():
        if lines and pen.width(f"{lines[-1]} {word}", size, bold) <= room:
            lines[-1] = f"{lines[-1]} {word}"
        else:
            lines.append(word)
    return lines


def _layout_columns(pen: Pen, card: Card, rng: random.Random, w: int, h: int) -> None:
    """Two columns under a rule: the person and the company on the left, the contact lines on
    the right, from the top."""
    m = 110
    accent = rng.choice(INK[1:])
    pen.draw.rectangle((m, 250, w - m, 256), fill=accent)
    half = w * 0.5
    pen.line(m, 110, card.name, pen.fit(card.name, 90, half - m, True), True)
    pen.line(m, 320, card.title, pen.fit(card.title, 46, half - m - 40))
    pen.line(m, h - 190, card.company, pen.fit(card.company, 56, half - m, True), True, ink=accent)
    lines = _contact_lines(card) + card.address
    size = min(pen.fit(max(lines, key=len), 38, w - half - m - (480 if card.qr else 0)), 38)
    y = 320.0
    for text in lines:
        pen.line(half + 40, y, text, size)
        y += size * 1.45


LAYOUTS: dict[str, dict[str, Callable[..., None]]] = {
    "tune": {
        "classic": _layout_classic,
        "centered": _layout_centered,
        "split": _layout_split,
        "band": _layout_band,
        "dark": _layout_classic,
        "tall": _layout_tall,
        "columns": _layout_columns,
    },
    "heldout": {
        "portrait": _layout_portrait,
        "name-below": _layout_name_below,
        "right": _layout_right,
    },
}


def draw_card(
    card: Card,
    rng: random.Random,
    split: str,
    layout: str,
    fonts: tuple[str, str] | None = None,
) -> Image.Image:
    fonts = fonts or rng.choice(FONTS[split])
    portrait = layout in ("portrait", "tall")
    w, h = (CARD_H, CARD_W) if portrait else (CARD_W, CARD_H)
    dark = layout == "dark"
    paper = (28, 32, 40) if dark else rng.choice(PAPER)
    ink = (240, 240, 235) if dark else rng.choice(INK)
    image = Image.new("RGB", (w, h), paper)
    pen = Pen(image, fonts, ink)
    LAYOUTS[split][layout](pen, card, rng, w, h)
    card.extra.update(font=fonts[0], layout=layout)
    if card.qr:
        import zxingcpp

        payload = qr_payload(card, card.qr)
        code = zxingcpp.create_barcode(payload, zxingcpp.BarcodeFormat.QRCode)
        qr = Image.fromarray(np.asarray(code.to_image(scale=6)))
        side = 420  # about 2 cm on a 9 cm card
        qr = qr.resize((side, side), Image.Resampling.NEAREST).convert("RGB")
        place = (w - side - 70, h - side - 70) if not portrait else (w // 2 - side // 2, 1040)
        if layout in ("split", "right", "name-below"):
            place = (70, h - side - 70) if layout != "name-below" else (w // 2 - side // 2, 380)
        image.paste(qr, place)
    return image


# --- photographing it ----------------------------------------------------------------------------


def _background(rng: random.Random, size: tuple[int, int]) -> np.ndarray:
    w, h = size
    kind = rng.choice(["wood", "dark", "cloth", "gradient"])
    small = np.zeros((h // 8, w // 8, 3), np.float32)
    yy, xx = np.mgrid[0 : h // 8, 0 : w // 8].astype(np.float32)
    base = np.array(rng.choice([(120, 80, 50), (40, 40, 45), (90, 100, 110), (160, 150, 140)]))
    if kind == "wood":
        grain = np.sin(yy / rng.uniform(2, 6) + np.sin(xx / 40) * 3) * 18
        small[:] = base + grain[..., None]
    elif kind == "cloth":
        small[:] = base + ((xx.astype(int) // 3 + yy.astype(int) // 3) % 2)[..., None] * 16
    elif kind == "gradient":
        small[:] = base + (xx / xx.max() * 50)[..., None]
    else:
        small[:] = base
    npr = np.random.default_rng(rng.randrange(1 << 30))
    small += npr.normal(0, 6, small.shape)
    big = Image.fromarray(np.clip(small, 0, 255).astype(np.uint8)).resize(size)
    return np.asarray(big).astype(np.float32)


def photograph(card_image: Image.Image, rng: random.Random, size_kind: str) -> Image.Image:
    import cv2

    card = np.asarray(card_image).astype(np.float32)
    ch, cw = card.shape[:2]
    if size_kind == "phone":
        out_w, out_h = (3000, 4000) if rng.random() < 0.5 else (4000, 3000)
        # Held close, or from further off (a card on a desk among other things): a photo at a
        # phone's size in which the card, and its email, are as few pixels as in a small one.
        fill = rng.uniform(0.3, 0.85)
    elif size_kind == "medium":  # as a messaging app or an email client sends it on
        out_w, out_h = rng.choice([(1600, 1200), (1280, 960), (1200, 1600), (960, 1280)])
        fill = rng.uniform(0.65, 0.8)
    elif size_kind == "small":
        out_w, out_h = rng.choice([(800, 600), (1024, 768), (640, 480)])
        fill = rng.uniform(0.7, 0.9)
    else:  # a scan or a tight crop: the card fills the frame
        scale = rng.uniform(0.35, 0.6)
        out_w, out_h = int(cw * scale), int(ch * scale)
        fill = 1.0
    background = _background(rng, (out_w, out_h))
    src = np.float32([[0, 0], [cw, 0], [cw, ch], [0, ch]])
    if fill >= 1.0:
        dst = np.float32([[0, 0], [out_w, 0], [out_w, out_h], [0, out_h]])
        skew = 0.0
    else:
        fit = min(out_w * fill / cw, out_h * fill / ch)
        # Turned a little as it lay on the table, and seen from a little off-axis.
        skew = rng.uniform(-12, 12)
        center = np.float32(
            [
                out_w / 2 + rng.uniform(-0.05, 0.05) * out_w,
                out_h / 2 + rng.uniform(-0.05, 0.05) * out_h,
            ]
        )
        angle = np.deg2rad(skew)
        rot = np.float32([[np.cos(angle), -np.sin(angle)], [np.sin(angle), np.cos(angle)]])
        corners = (src - [cw / 2, ch / 2]) * fit
        jitter = np.float32([[rng.uniform(-1, 1), rng.uniform(-1, 1)] for _ in range(4)])
        corners = corners + jitter * np.float32([cw * fit, ch * fit]) * rng.uniform(0, 0.07)
        dst = (corners @ rot.T + center).astype(np.float32)
    matrix = cv2.getPerspectiveTransform(src, dst)
    warped = cv2.warpPerspective(card, matrix, (out_w, out_h), flags=cv2.INTER_AREA)
    mask = cv2.warpPerspective(np.ones((ch, cw), np.float32), matrix, (out_w, out_h))
    # Light and shadow vary slowly: worked out on a small copy, then enlarged (fast at 12 MP).
    small_w, small_h = max(out_w // 8, 1), max(out_h // 8, 1)
    small_mask = cv2.resize(mask, (small_w, small_h), interpolation=cv2.INTER_AREA)
    yy, xx = np.mgrid[0:small_h, 0:small_w].astype(np.float32)
    a, b = rng.uniform(-1, 1), rng.uniform(-1, 1)
    light = 1 + rng.uniform(0, 0.25) * (a * (xx / small_w - 0.5) + b * (yy / small_h - 0.5))
    light *= rng.uniform(0.8, 1.05)
    shade = np.ones_like(small_mask)
    if fill < 1.0:  # a soft shadow under the card
        shadow = cv2.GaussianBlur(small_mask, (0, 0), max(small_w, small_h) / 150 + 0.5)
        shade = 1 - 0.45 * np.roll(shadow, (max(1, small_h // 120), max(1, small_w // 120)), (0, 1))
    light_big = cv2.resize(light, (out_w, out_h), interpolation=cv2.INTER_LINEAR)
    shade_big = cv2.resize(shade, (out_w, out_h), interpolation=cv2.INTER_LINEAR)
    m = mask[..., None]
    photo = (warped * m + background * shade_big[..., None] * (1 - m)) * light_big[..., None]
    noise = np.empty((out_h, out_w, 3), np.float32)
    cv2.setRNGSeed(rng.randrange(1 << 30))
    cv2.randn(noise, 0, rng.uniform(1, 6))
    photo += noise
    image = Image.fromarray(np.clip(photo, 0, 255).astype(np.uint8))
    blur = rng.choice([0, 0, 0.5, 1.0, 1.5]) * max(out_w, out_h) / 1500
    if blur:
        image = image.filter(ImageFilter.GaussianBlur(blur))
    return image


SIZE_KINDS = ("phone", "medium", "small", "scan")


def make_photo(
    rng: random.Random, split: str, size: str | None = None
) -> tuple[bytes, str, dict[str, Any]]:
    """One photographed card: its bytes, its file suffix and its truth; taken at the `size`
    given (one of `SIZE_KINDS`), else at one drawn (the card and the rest are drawn alike)."""
    card = make_card(rng, split)
    layout = rng.choice(list(LAYOUTS[split]))
    if rng.random() < 0.15:
        card.qr = rng.choice(["vcard", "mecard"])
    size_kind = rng.choices(SIZE_KINDS, weights=[3, 2, 3, 2])[0]
    size_kind = size or size_kind
    turn = rng.choice([0, 0, 0, 90, 180, 270])
    exif_turn = size_kind == "phone" and not turn and rng.random() < 0.2
    fmt = rng.choices(["jpg", "png", "heic"], weights=[80, 12, 8])[0]
    if fmt == "png" and size_kind == "phone":
        fmt = "jpg"  # phones save photos as JPEG or HEIC; a PNG is a screenshot or a scan
    return shoot(card, rng, split, layout, size_kind, turn, fmt, exif_turn)


def shoot(
    card: Card,
    rng: random.Random,
    split: str,
    layout: str,
    size_kind: str,
    turn: int = 0,
    fmt: str = "jpg",
    exif_turn: bool = False,
    fonts: tuple[str, str] | None = None,
) -> tuple[bytes, str, dict[str, Any]]:
    """A photo of `card` drawn in `layout`, taken as `size_kind` says (phone, medium, small or
    scan), turned by `turn` degrees, saved as `fmt` (jpg, png or heic)."""
    image = draw_card(card, rng, split, layout, fonts)
    photo = photograph(image, rng, size_kind)
    if turn:
        photo = photo.rotate(turn, expand=True)
    buffer = io.BytesIO()
    if exif_turn:  # stored sideways, as phones do, with the EXIF tag that turns it upright
        photo = photo.rotate(90, expand=True)
        exif = Image.Exif()
        exif[0x0112] = 6  # "turn 90° clockwise to show"
        photo.save(buffer, "JPEG", quality=rng.randint(40, 92), exif=exif)
        fmt = "jpg"
    elif fmt == "jpg":
        photo.save(buffer, "JPEG", quality=rng.randint(35, 92))
    elif fmt == "png":
        photo.save(buffer, "PNG")
    else:
        import pillow_heif

        pillow_heif.from_pillow(photo).save(buffer, quality=rng.randint(50, 90))
    truth = {
        "region": card.country,
        "name": card.name,
        "title": card.title,
        "company": card.company,
        "email": card.email,
        "phone": card.phone_e164,
        "how": {
            **card.extra,
            "qr": card.qr,
            "size": size_kind,
            "turn": turn,
            "exif_turn": exif_turn,
            "fax": bool(card.fax),
            "format": fmt,
            "pixels": list(photo.size),
        },
    }
    return buffer.getvalue(), fmt, truth


def generate(
    out: Path, count: int, seed: int, split: str, size: str | None = None
) -> list[dict[str, Any]]:
    """`count` cards of `split` in `out`; all photographed at `size` where one is given (a set
    weighted to one kind of photo, e.g. small ones; its cards are not the default set's)."""
    out.mkdir(parents=True, exist_ok=True)
    rng = random.Random(f"{split}-{seed}" + (f"-{size}" if size else ""))
    truths = []
    for i in range(count):
        data, fmt, truth = make_photo(rng, split, size)
        name = f"{i:03d}.{fmt}"
        (out / name).write_bytes(data)
        truths.append({"file": name, **truth})
    (out / "truth.json").write_text(json.dumps(truths, ensure_ascii=False, indent=1))
    return truths


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--count", type=int, default=60)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--split", choices=sorted(FONTS), default="tune")
    parser.add_argument("--size", choices=SIZE_KINDS, help="every card photographed so")
    args = parser.parse_args()
    generate(args.out, args.count, args.seed, args.split, args.size)
    print(f"{args.count} cards in {args.out}")


if __name__ == "__main__":
    main()
