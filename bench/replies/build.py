"""Build the labelled reply sets (`dev/`, `heldout/`) from their specs (`dev.txt`, `heldout.txt`).

A spec is a block per message: `### ID`, then `key: value` lines, a blank line, and the message's
own new text as its author typed it (sign-off and signature included; lines starting with `>`
are inline quotes). The builder wraps it the way real mail clients and applicant-tracking systems
do: a quoted earlier message in the client's style and language (`quote: STYLE QUOTE_ID`, the
quotes in `quotes.txt`), a footer (`footer: ID`, from `footers.txt`), and a MIME shape
(`shape:` plain, html, alternative, mixed, related, mixed-html, forward-attached: with
`attach: QUOTE_ID` the attached message is that quote; mixed-html with `attachment: X.ics` attaches
an invitation, `method: CANCEL` a cancellation), charset and transfer encoding. Each set
gets its .eml files and a `labels.json` of {file: kind}.

    .venv/bin/python bench/replies/build.py        # rebuilds both sets; deterministic
"""

from __future__ import annotations

import html
import json
import re
import sys
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from email.message import EmailMessage
from email.policy import SMTP
from email.utils import format_datetime, parseaddr
from pathlib import Path

HERE = Path(__file__).parent
KINDS = ("invitation", "rejection", "offer", "question", "automatic", "other")
CANDIDATE = "Sam Ortiz <sam.ortiz@example.com>"


@dataclass
class Block:
    id: str
    meta: dict[str, str]
    body: str
    extra_headers: list[tuple[str, str]] = field(default_factory=list)


def read_blocks(path: Path) -> list[Block]:
    blocks: list[Block] = []
    current: Block | None = None
    in_body = False
    lines: list[str] = []
    for raw in path.read_text(encoding="utf-8").splitlines():
        if raw.startswith("### "):
            if current is not None:
                current.body = "\n".join(lines).strip("\n")
                blocks.append(current)
            current = Block(raw[4:].strip(), {}, "")
            in_body = False
            lines = []
            continue
        if current is None:
            continue  # the file's preamble
        if not in_body:
            if not raw.strip():
                in_body = True
                continue
            key, _, value = raw.partition(":")
            key, value = key.strip().lower(), value.strip()
            if key == "header":
                name, _, hv = value.partition(":")
                current.extra_headers.append((name.strip(), hv.strip()))
            else:
                current.meta[key] = value
        else:
            lines.append(raw)
    if current is not None:
        current.body = "\n".join(lines).strip("\n")
        blocks.append(current)
    return blocks


# -- how clients introduce what they quote, per language ---------------------------------------
MONTHS = {
    "en": "January February March April May June July August September October November December",
    "fr": "janvier février mars avril mai juin juillet août septembre octobre novembre décembre",
    "de": "Januar Februar März April Mai Juni Juli August September Oktober November Dezember",
    "es": (
        "enero febrero marzo abril mayo junio julio agosto septiembre octubre noviembre diciembre"
    ),
}
DAYS = {
    "en": "Monday Tuesday Wednesday Thursday Friday Saturday Sunday",
    "fr": "lundi mardi mercredi jeudi vendredi samedi dimanche",
    "de": "Montag Dienstag Mittwoch Donnerstag Freitag Samstag Sonntag",
    "es": "lunes martes miércoles jueves viernes sábado domingo",
}


def _names(table: dict[str, str], lang: str) -> list[str]:
    return table[lang].split()


def gmail_attr(lang: str, when: datetime, who: str) -> str:
    name, address = parseaddr(who)
    m = _names(MONTHS, lang)[when.month - 1]
    d = _names(DAYS, lang)[when.weekday()]
    hm = when.strftime("%H:%M")
    if lang == "fr":
        return f"Le {d[:3]}. {when.day} {m[:4]}. {when.year} à {hm}, {name} <{address}> a écrit :"
    if lang == "de":
        return (
            f"Am {d[:2]}., {when.day}. {m[:3]}. {when.year} um {hm} Uhr schrieb {name} <{address}>:"
        )
    if lang == "es":
        return (
            f"El {d[:3]}, {when.day} {m[:3]} {when.year} a las {hm}, {name} (<{address}>) escribió:"
        )
    ampm = when.strftime("%I:%M %p").lstrip("0")
    return f"On {d[:3]}, {m[:3]} {when.day}, {when.year} at {ampm} {name} <{address}> wrote:"


def thunderbird_attr(lang: str, when: datetime, who: str) -> str:
    name = parseaddr(who)[0]
    if lang == "fr":
        return f"Le {when:%d/%m/%Y à %H:%M}, {name} a écrit :"
    if lang == "de":
        return f"Am {when:%d.%m.%Y um %H:%M} schrieb {name}:"
    if lang == "es":
        return f"El {when:%d/%m/%y a las %H:%M}, {name} escribió:"
    return f"On {when:%d/%m/%Y %H:%M}, {name} wrote:"


def apple_attr(lang: str, when: datetime, who: str) -> str:
    name, address = parseaddr(who)
    m = _names(MONTHS, lang)[when.month - 1]
    if lang == "fr":
        return f"Le {when.day} {m} {when.year} à {when:%H:%M}, {name} <{address}> a écrit :"
    if lang == "de":
        return f"Am {when.day}.{when.month}.{when.year} um {when:%H:%M} schrieb {name} <{address}>:"
    if lang == "es":
        return f"El {when.day} {m} {when.year}, a las {when:%H:%M}, {name} <{address}> escribió:"
    return f"On {when.day} {m[:3]} {when.year}, at {when:%H:%M}, {name} <{address}> wrote:"


OUTLOOK_LABELS = {
    "en": ("From", "Sent", "To", "Subject", "-----Original Message-----"),
    "fr": ("De", "Envoyé", "À", "Objet", "-----Message d'origine-----"),
    "de": ("Von", "Gesendet", "An", "Betreff", "-----Ursprüngliche Nachricht-----"),
    "es": ("De", "Enviado el", "Para", "Asunto", "-----Mensaje original-----"),
}


def outlook_date(lang: str, when: datetime) -> str:
    m = _names(MONTHS, lang)[when.month - 1]
    d = _names(DAYS, lang)[when.weekday()]
    if lang == "fr":
        return f"{d} {when.day} {m} {when.year} {when:%H:%M}"
    if lang == "de":
        return f"{d}, {when.day}. {m} {when.year} {when:%H:%M}"
    if lang == "es":
        return f"{d}, {when.day} de {m} de {when.year} {when:%H:%M}"
    return f"{d}, {m} {when.day}, {when.year} {when.strftime('%I:%M %p').lstrip('0')}"


def outlook_block(lang: str, quote: Block, to: str, original_line: bool) -> list[str]:
    f, s, t, subj, original = OUTLOOK_LABELS[lang]
    colon = " :" if lang == "fr" else ":"
    lines = [original] if original_line else ["________________________________"]
    lines += [
        f"{f}{colon} {quote.meta['from']}",
        f"{s}{colon} {outlook_date(lang, quote_date(quote))}",
        f"{t}{colon} {to}",
        f"{subj}{colon} {quote.meta.get('subject', '')}",
        "",
    ]
    return lines


FORWARD_LINES = {
    "en": "---------- Forwarded message ---------",
    "fr": "---------- Message transféré ---------",
    "de": "---------- Weitergeleitete Nachricht ---------",
    "es": "---------- Mensaje reenviado ---------",
}
APPLE_FORWARD = {
    "en": "Begin forwarded message:",
    "fr": "Début du message réexpédié :",
    "de": "Anfang der weitergeleiteten Nachricht:",
    "es": "Inicio del mensaje reenviado:",
}


def quote_date(quote: Block) -> datetime:
    return datetime.fromisoformat(quote.meta.get("date", "2026-11-23T17:40:00-06:00"))


def quoted_text(quote: Block, quotes: dict[str, Block]) -> str:
    """The earlier message as it was, with what it quoted in turn."""
    body = quote.body
    inner = quote.meta.get("quote")
    if inner:
        style, _, inner_id = inner.partition(" ")
        body += "\n\n" + "\n".join(
            wrap_quote_text(style, quote.meta.get("lang", "en"), quotes[inner_id], quotes, quote)
        )
    return body


def wrap_quote_text(
    style: str, lang: str, quote: Block, quotes: dict[str, Block], replier: Block
) -> list[str]:
    """The plain-text lines a client puts under the new text when it quotes `quote`."""
    body = quoted_text(quote, quotes).splitlines()
    when = quote_date(quote)
    to = replier.meta.get("from", CANDIDATE) if "from" in replier.meta else CANDIDATE
    if style == "gmail":
        attr = gmail_attr(lang, when, quote.meta["from"])
        if len(attr) > 76:  # Gmail's plain text wraps the attribution line
            cut = attr.rfind(" ", 0, 70)
            attr = attr[:cut] + "\n" + attr[cut + 1 :]
        return [attr, "", *[f"> {x}" if x else ">" for x in body]]
    if style == "thunderbird":
        return [thunderbird_attr(lang, when, quote.meta["from"]), *[f"> {x}" for x in body]]
    if style == "apple":
        return [f"> {apple_attr(lang, when, quote.meta['from'])}", ">", *[f"> {x}" for x in body]]
    if style in ("outlook", "outlook-original"):
        return [*outlook_block(lang, quote, to, style == "outlook-original"), *body]
    if style == "forward":
        name, address = parseaddr(quote.meta["from"])
        f = {"en": "From", "fr": "De", "de": "Von", "es": "De"}[lang]
        return [
            FORWARD_LINES[lang],
            f"{f}: {name} <{address}>",
            f"Date: {outlook_date(lang, when)}",
            f"Subject: {quote.meta.get('subject', '')}",
            f"To: {to}",
            "",
            "",
            *body,
        ]
    if style == "apple-forward":
        name, address = parseaddr(quote.meta["from"])
        return [
            APPLE_FORWARD[lang],
            "",
            f"From: {name} <{address}>",
            f"Subject: {quote.meta.get('subject', '')}",
            f"Date: {outlook_date(lang, when)}",
            f"To: {to}",
            "",
            *body,
        ]
    raise SystemExit(f"unknown quote style {style!r}")


# -- HTML ----------------------------------------------------------------------------------------
def text_to_html(text: str) -> str:
    """Paragraphs as a mail client writes them; `>` lines as a blockquote."""
    out: list[str] = []
    quote: list[str] = []

    def flush_quote() -> None:
        if quote:
            inner = "<br>\n".join(html.escape(q) for q in quote)
            out.append(f'<blockquote type="cite">{inner}</blockquote>')
            quote.clear()

    for para in re.split(r"\n\s*\n", text):
        lines = para.split("\n")
        for line in lines:
            if line.startswith(">"):
                quote.append(line[1:].lstrip())
            else:
                flush_quote()
        flush_quote()
        plain = [x for x in lines if not x.startswith(">")]
        if plain:
            out.append("<div>" + "<br>\n".join(html.escape(x) for x in plain) + "</div>")
        out.append("<div><br></div>")
    return "\n".join(out)


def html_quote(
    style: str, lang: str, quote: Block, quotes: dict[str, Block], replier: Block
) -> str:
    body = text_to_html(quoted_text(quote, quotes))
    when = quote_date(quote)
    to = replier.meta.get("from", CANDIDATE)
    if style in ("gmail", "forward"):
        if style == "gmail":
            attr = html.escape(gmail_attr(lang, when, quote.meta["from"]))
        else:
            lines = wrap_quote_text("forward", lang, quote, quotes, replier)[:5]
            attr = "<br>".join(html.escape(x) for x in lines)
        return (
            '<div class="gmail_quote"><div dir="ltr" class="gmail_attr">'
            f"{attr}<br></div>"
            '<blockquote class="gmail_quote" style="margin:0px 0px 0px 0.8ex;'
            'border-left:1px solid rgb(204,204,204);padding-left:1ex">'
            f"{body}</blockquote></div>"
        )
    if style in ("outlook", "outlook-original"):
        f, s, t, subj, _ = OUTLOOK_LABELS[lang]
        colon = " :" if lang == "fr" else ":"
        return (
            '<div id="appendonsend"></div>'
            '<hr style="display:inline-block;width:98%" tabindex="-1">'
            '<div id="divRplyFwdMsg" dir="ltr"><font face="Calibri, sans-serif" '
            'style="font-size:11pt" color="#000000">'
            f"<b>{f}{colon}</b> {html.escape(quote.meta['from'])}<br>"
            f"<b>{s}{colon}</b> {html.escape(outlook_date(lang, when))}<br>"
            f"<b>{t}{colon}</b> {html.escape(to)}<br>"
            f"<b>{subj}{colon}</b> {html.escape(quote.meta.get('subject', ''))}</font>"
            "<div>&nbsp;</div></div>"
            f'<div class="BodyFragment"><font size="2"><span style="font-size:11pt;">'
            f"{body}</span></font></div>"
        )
    if style == "outlook-desktop":
        f, s, t, subj, _ = OUTLOOK_LABELS[lang]
        colon = " :" if lang == "fr" else ":"
        return (
            '<div><div style="border:none;border-top:solid #E1E1E1 1.0pt;padding:3.0pt 0cm 0cm '
            '0cm"><p class="MsoNormal"><b><span lang="EN-US">'
            f"{f}{colon}</span></b> {html.escape(quote.meta['from'])}<br>"
            f"<b>{s}{colon}</b> {html.escape(outlook_date(lang, when))}<br>"
            f"<b>{t}{colon}</b> {html.escape(to)}<br>"
            f"<b>{subj}{colon}</b> {html.escape(quote.meta.get('subject', ''))}</p></div></div>"
            f'<p class="MsoNormal">&nbsp;</p>{body}'
        )
    if style in ("thunderbird", "apple"):
        attr = (thunderbird_attr if style == "thunderbird" else apple_attr)(
            lang, when, quote.meta["from"]
        )
        return (
            f'<div class="moz-cite-prefix">{html.escape(attr)}<br></div>'
            f'<blockquote type="cite" cite="mid:{quote.id}@example.com">{body}</blockquote>'
        )
    if style == "apple-forward":
        lines = wrap_quote_text("apple-forward", lang, quote, quotes, replier)[:6]
        head = "<br>".join(html.escape(x) for x in lines)
        return f'<div><br><blockquote type="cite"><div>{head}</div>{body}</blockquote></div>'
    raise SystemExit(f"unknown quote style {style!r}")


ATS_FRAME = """<!DOCTYPE html>
<html><head><meta charset="{charset}"><style>
body {{ font-family: Helvetica, Arial, sans-serif; color: #333; }}
.btn {{ background: #1a73e8; color: #fff; padding: 10px 18px; text-decoration: none; }}
</style></head>
<body><table role="presentation" width="100%" cellpadding="0" cellspacing="0">
<tr><td align="center">
<table role="presentation" width="600" style="max-width:600px"><tr><td style="padding:24px 0">
<img src="https://assets.example.net/logo.png" alt="{brand}" width="120"></td></tr>
<tr><td style="font-size:15px;line-height:1.5">
{content}
</td></tr>
{button}
<tr><td style="font-size:11px;color:#888;padding-top:32px">{footer}</td></tr>
</table></td></tr></table></body></html>"""


def render_html(spec: Block, new_text: str, footer: str, quote_html: str, charset: str) -> str:
    brand = spec.meta.get("brand", "")
    if brand:  # an applicant-tracking system's template
        button = ""
        if "button" in spec.meta:
            button = (
                '<tr><td style="padding:16px 0"><a class="btn" href="https://portal.example.net/'
                f'a/{spec.id}">{html.escape(spec.meta["button"])}</a></td></tr>'
            )
        paragraphs = "\n".join(
            f"<p>{'<br>'.join(html.escape(x) for x in p.split(chr(10)))}</p>"
            for p in re.split(r"\n\s*\n", new_text)
        )
        footer_html = "<br>".join(html.escape(x) for x in footer.splitlines())
        return ATS_FRAME.format(
            charset=charset,
            brand=html.escape(brand),
            content=paragraphs,
            button=button,
            footer=footer_html,
        )
    parts = [
        '<html><head><meta http-equiv="Content-Type" content="text/html; charset='
        f'{charset}"></head><body>',
        '<div dir="ltr">',
        text_to_html(new_text),
    ]
    if footer:
        parts.append(
            '<div style="font-size:9pt;color:#7f7f7f">'
            + "<br>".join(html.escape(x) for x in footer.splitlines())
            + "</div>"
        )
    parts.append("</div>")
    if quote_html:
        parts.append("<br>" + quote_html)
    parts.append("</body></html>")
    return "\n".join(parts)


# -- the message ---------------------------------------------------------------------------------
def build(spec: Block, quotes: dict[str, Block], footers: dict[str, Block], n: int) -> bytes:
    lang = spec.meta.get("lang", "en")
    shape = spec.meta.get("shape", "plain")
    charset = spec.meta.get("charset", "utf-8")
    cte = spec.meta.get("encoding", "")
    footer = footers[spec.meta["footer"]].body if "footer" in spec.meta else ""
    quote_spec = spec.meta.get("quote", "")
    quote_lines: list[str] = []
    quote_html = ""
    if quote_spec:
        style, _, quote_id = quote_spec.partition(" ")
        quote = quotes[quote_id]
        if style == "outlook-desktop":
            quote_lines = wrap_quote_text("outlook", lang, quote, quotes, spec)
        else:
            quote_lines = wrap_quote_text(style, lang, quote, quotes, spec)
        quote_html = html_quote(style, lang, quote, quotes, spec)
    sent = datetime(2026, 11, 24, 9, 0, tzinfo=UTC) + timedelta(minutes=97 * n)
    if "date" in spec.meta:
        sent = datetime.fromisoformat(spec.meta["date"])

    text_parts = [spec.body]
    if footer and spec.meta.get("footer-at", "before-quote") == "before-quote":
        text_parts.append(footer)
    if quote_lines:
        text_parts.append("\n".join(quote_lines))
    if footer and spec.meta.get("footer-at") == "end":
        text_parts.append(footer)
    plain = "\n\n".join(text_parts) + "\n"
    markup = render_html(spec, spec.body, footer, quote_html, charset)

    message = EmailMessage(policy=SMTP)
    message["From"] = spec.meta["from"]
    message["To"] = spec.meta.get("to", CANDIDATE)
    message["Subject"] = spec.meta.get("subject", "")
    message["Date"] = format_datetime(sent)
    domain = parseaddr(spec.meta["from"])[1].rpartition("@")[2] or "example.com"
    message["Message-ID"] = f"<{spec.id}.{n}@{domain}>"
    if quote_spec and "forward" not in quote_spec:
        message["In-Reply-To"] = f"<{quote_spec.partition(' ')[2]}@example.com>"
        message["References"] = message["In-Reply-To"]
    for name, value in spec.extra_headers:
        message[name] = value

    def put(target: EmailMessage, content: str, subtype: str) -> None:
        chosen = charset
        try:
            content.encode(chosen)
        except UnicodeEncodeError:
            chosen = "utf-8"
        kwargs = {"charset": chosen}
        if cte:
            kwargs["cte"] = cte
        elif chosen != "utf-8":
            kwargs["cte"] = "quoted-printable"
        target.set_content(content, subtype=subtype, **kwargs)  # type: ignore[arg-type]

    if shape == "plain":
        put(message, plain, "plain")
    elif shape == "html":
        put(message, markup, "html")
    elif shape in ("alternative", "mixed", "related", "forward-attached"):
        put(message, plain, "plain")
        alternative = EmailMessage(policy=SMTP)
        put(alternative, markup, "html")
        message.make_alternative()
        message.attach(alternative)
        if shape == "related":
            html_part = message.get_payload()[1]
            html_part.make_related()
            html_part.add_related(b"\x89PNG\r\n\x1a\n" + b"\0" * 64, "image", "png", cid="<logo>")
        if shape == "mixed":
            message.make_mixed()
            message.add_attachment(
                b"%PDF-1.4\n% an attachment whose text must not count: offer rejected invite\n",
                maintype="application",
                subtype="pdf",
                filename=spec.meta.get("attachment", "details.pdf"),
            )
        if shape == "forward-attached":
            message.make_mixed()
            inner = EmailMessage(policy=SMTP)
            if "attach" in spec.meta:  # an earlier message, attached whole (forward as attachment)
                attached = quotes[spec.meta["attach"]]
                inner["From"] = attached.meta["from"]
                inner["To"] = spec.meta.get("to", CANDIDATE)
                inner["Subject"] = attached.meta.get("subject", "")
                inner["Date"] = format_datetime(quote_date(attached))
                inner.set_content(attached.body + "\n")
            else:
                inner["From"] = "Someone <someone@example.org>"
                inner["Subject"] = "Fwd"
                inner.set_content(
                    "We are pleased to offer you the position. We regret to inform you."
                )
            message.add_attachment(inner)
    elif shape == "mixed-html":  # HTML only, with an attachment (an offer letter, an .ics)
        put(message, markup, "html")
        message.make_mixed()
        if spec.meta.get("attachment", "").endswith(".ics"):
            method = spec.meta.get("method", "REQUEST").upper()  # CANCEL: a meeting called off
            message.add_attachment(
                ICS.replace("METHOD:REQUEST", f"METHOD:{method}").encode(),
                maintype="text",
                subtype="calendar",
                filename=spec.meta["attachment"],
                params={"method": method} if "method" in spec.meta else {},
            )
        else:
            message.add_attachment(
                b"%PDF-1.4\n",
                maintype="application",
                subtype="pdf",
                filename=spec.meta.get("attachment", "letter.pdf"),
            )
    else:
        raise SystemExit(f"{spec.id}: unknown shape {shape!r}")
    # The same spec gives the same bytes: boundaries named after the message, not random.
    for depth, part in enumerate(p for p in message.walk() if p.is_multipart()):
        part.set_boundary(f"=_{spec.id}_{depth}")
    return bytes(message)


ICS = """BEGIN:VCALENDAR\r
VERSION:2.0\r
PRODID:-//Example//EN\r
METHOD:REQUEST\r
BEGIN:VEVENT\r
UID:interview-1@example.com\r
DTSTART:20261201T150000Z\r
DTEND:20261201T160000Z\r
SUMMARY:Interview\r
END:VEVENT\r
END:VCALENDAR\r
"""


def build_set(name: str) -> int:
    quotes = {b.id: b for b in read_blocks(HERE / "quotes.txt")}
    footers = {b.id: b for b in read_blocks(HERE / "footers.txt")}
    specs = read_blocks(HERE / f"{name}.txt")
    out = HERE / name
    out.mkdir(exist_ok=True)
    for old in out.glob("*.eml"):
        old.unlink()
    labels: dict[str, str] = {}
    seen: set[str] = set()
    for n, spec in enumerate(specs):
        kind = spec.meta.get("kind")
        if kind not in KINDS:
            raise SystemExit(f"{name}.txt {spec.id}: kind {kind!r} is not one of {KINDS}")
        if spec.id in seen:
            raise SystemExit(f"{name}.txt {spec.id}: the id is used twice")
        seen.add(spec.id)
        filename = f"{spec.id}.eml"
        (out / filename).write_bytes(build(spec, quotes, footers, n))
        labels[filename] = kind
    (out / "labels.json").write_text(json.dumps(labels, indent=1, sort_keys=True) + "\n")
    return len(specs)


if __name__ == "__main__":
    for which in sys.argv[1:] or ["heldout", "heldout4", "dev", "dev2", "dev3"]:
        if (HERE / f"{which}.txt").exists():
            print(which, build_set(which))
