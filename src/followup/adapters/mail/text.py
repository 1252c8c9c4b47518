"""A message's body as text, whatever its MIME structure, charset and transfer encoding.

text/plain is read as it is; text/html is turned to text with the standard library's parser.
What mail clients mark as quoted (`blockquote`, Gmail's `gmail_quote`, Outlook's `divRplyFwdMsg`
and everything after it, Thunderbird's `moz-cite-prefix` …) comes out as `> ` lines, the way a
plain-text client quotes: the reader of replies leaves them out of the new text, and can still
find a message forwarded inside them. Signatures marked as such are left out. In
multipart/alternative the plain text is preferred, unless it is empty or a stub ("view this message
in a browser", or a few words about HTML in any language that the HTML part does not say);
multipart/mixed and related give their inline text parts in order; files are not read. A
message attached whole (message/rfc822: forwarded as an attachment) comes last, after an
`ATTACHED` line and its From/Date/Subject lines, so that it is read as a forwarded message (never
inside a delivery report, whose attached message is the one that bounced).

Bounded: at most `TEXT_LIMIT` characters of each part and `PART_LIMIT` parts are read; the
caller bounds the raw bytes (`mailbox.MESSAGE_LIMIT`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from email.message import Message
from email.parser import BytesParser
from email.policy import compat32
from html.parser import HTMLParser

_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
TEXT_LIMIT = 64 * 1024  # characters of one text part: far more than anyone writes
PART_LIMIT = 50  # MIME parts looked at
# The line before a message attached whole (the reply reader's rules know it as a forward).
ATTACHED = "---------- Attached message ----------"

_STUB = re.compile(
    r"(view|read|open|see) (this|the) (e-?mail|message|newsletter) in (a|your) (web )?browser|"
    r"html[- ]?(version|e-?mail)|your (e-?mail )?client does not support html",
    re.IGNORECASE,
)


@dataclass(frozen=True, slots=True)
class Body:
    text: str
    # A calendar part's METHOD and SUMMARY ("REQUEST: Interview with Acme"), "" without one:
    # an invitation sent as a calendar event says so whatever its text says.
    calendar: str = ""


def body_text(raw: bytes) -> str:
    """The readable text of a raw message (headers and body)."""
    return read_body(raw).text


def read_body(raw: bytes) -> Body:
    """The readable text of a raw message, and its calendar event if it carries one."""
    message = BytesParser(policy=compat32).parsebytes(raw)
    budget = [PART_LIMIT]
    calendar: list[str] = []
    attached: list[Message] = []
    texts = _texts(message, budget, calendar, attached)
    for inner in attached[:3]:
        inner_texts = _texts(inner, budget, [], None)
        head = [ATTACHED] + [
            f"{name}: {_header(inner, name)}"
            for name in ("From", "Date", "Subject")
            if _header(inner, name)
        ]
        texts.append("\n".join(head) + "\n\n" + "\n\n".join(t for t in inner_texts if t.strip()))
    return Body("\n\n".join(t.strip() for t in texts if t.strip()), calendar[0] if calendar else "")


def _texts(
    part: Message, budget: list[int], calendar: list[str], attached: list[Message] | None
) -> list[str]:
    """The text parts of `part`, in order; messages attached whole go to `attached` (None: they
    are not read, as inside a message that is itself attached)."""
    budget[0] -= 1
    if budget[0] < 0:
        return []
    ctype = part.get_content_type()
    if ctype == "text/calendar" and not calendar:
        calendar.extend(_event(_decoded(part)))
        return []
    if part.is_multipart():
        children = part.get_payload()
        if not isinstance(children, list):
            return []
        if ctype == "multipart/alternative":
            parts = [c for c in children if isinstance(c, Message)]
            return _alternative(parts, budget, calendar, attached)
        found: list[str] = []
        for child in children:
            if not isinstance(child, Message):
                continue
            if child.get_content_type() == "text/calendar":
                _texts(child, budget, calendar, attached)  # an invitation attached is still one
            elif child.get_content_type() == "message/rfc822":
                inner = child.get_payload()
                first = inner[0] if isinstance(inner, list) and inner else None
                report = ctype == "multipart/report"  # a bounce: the letter that did not arrive
                if attached is not None and not report and isinstance(first, Message):
                    attached.append(first)
            elif not _is_attachment(child):
                found.extend(_texts(child, budget, calendar, attached))
        return found
    if ctype == "text/plain":
        return [_decoded(part)]
    if ctype == "text/html":
        return [html_to_text(_decoded(part))]
    return []  # images, calendars, attached messages and files


def _alternative(
    children: list[Message],
    budget: list[int],
    calendar: list[str],
    attached: list[Message] | None,
) -> list[str]:
    plain: list[str] = []
    rich: list[str] = []
    for child in children:
        ctype = child.get_content_type()
        if ctype == "text/plain":
            plain = _texts(child, budget, calendar, attached)
        elif ctype in ("text/html", "text/calendar") or child.is_multipart():
            rich = _texts(child, budget, calendar, attached) or rich
    text = "\n".join(plain).strip()
    if text and not (len(text) < 400 and _stub(text, rich)):
        return plain
    return rich or plain


_HTML = re.compile(r"\bhtml\b", re.IGNORECASE)


def _stub(plain: str, rich: list[str]) -> bool:
    """Whether a short plain part only points to the HTML one: it says so in so many words, or
    it names HTML (in whatever language) and is none of the HTML part's own text."""
    if _STUB.search(plain):
        return True
    if not _HTML.search(plain):
        return False
    folded = " ".join(" ".join(rich).split()).casefold()
    return bool(folded) and " ".join(plain.split()).casefold() not in folded


_ICS_LINE = re.compile(r"^(METHOD|SUMMARY)(?:;[^:]*)?:(.*)$", re.MULTILINE | re.IGNORECASE)


def _event(ics: str) -> list[str]:
    """ "METHOD: SUMMARY" of a calendar part (its folded lines unfolded)."""
    unfolded = re.sub(r"\r?\n[ \t]", "", ics)
    found = {m.group(1).upper(): m.group(2).strip() for m in _ICS_LINE.finditer(unfolded)}
    method = found.get("METHOD", "").upper()
    return [f"{method}: {found.get('SUMMARY', '')}".strip()] if method else []


def _header(message: Message, name: str) -> str:
    from email.header import decode_header, make_header

    value = message.get(name)
    if value is None:
        return ""
    try:
        return " ".join(str(make_header(decode_header(str(value)))).split())
    except (UnicodeDecodeError, LookupError, ValueError):
        return " ".join(str(value).split())


def _is_attachment(part: Message) -> bool:
    """A file, not text the sender typed: disposed as an attachment, or named (a text file sent
    inline, as Apple Mail does, or named only in its Content-Type, as older clients do: a job
    description's "we are delighted to offer" is not the sender's word)."""
    if part.get_content_type() == "message/rfc822":
        return True
    disposition = str(part.get("Content-Disposition", "")).split(";")[0].strip().lower()
    if disposition == "attachment":
        return True
    try:
        return bool(part.get_filename())
    except (LookupError, UnicodeError, ValueError):  # a name in a charset Python does not know
        return True


def _decoded(part: Message) -> str:
    payload = part.get_payload(decode=True)
    if not isinstance(payload, bytes):
        return ""
    payload = payload[: TEXT_LIMIT * 4]
    charset = part.get_content_charset() or "utf-8"
    for chosen in (charset, "utf-8", "windows-1252"):
        try:
            text = payload.decode(_charset_alias(chosen))
            break
        except (LookupError, UnicodeDecodeError):
            continue
    else:  # bytes Windows-1252 leaves undefined
        text = payload.decode("latin-1")
    return _CONTROL.sub("", text[:TEXT_LIMIT])


def _charset_alias(name: str) -> str:
    # Mail says "iso-8859-1" and means Windows-1252 more often than not (curly quotes, €).
    lowered = name.lower().strip()
    return "windows-1252" if lowered in ("iso-8859-1", "latin-1", "latin1", "us-ascii") else name


# -- HTML -----------------------------------------------------------------------------------------
_BLOCK = frozenset(
    ("p", "div", "br", "tr", "li", "ul", "ol", "table", "hr", "pre", "dd", "dt", "center")
) | {"h1", "h2", "h3", "h4", "h5", "h6", "section", "article", "header", "footer", "address"}
_INVISIBLE = frozenset(("style", "script", "head", "title", "template", "noscript"))
_VOID = frozenset(
    ("br", "hr", "img", "meta", "link", "input", "area", "base", "col", "embed", "source")
) | {"track", "wbr"}
# Quoted earlier messages, as mail clients mark them: read as `> ` lines.
_QUOTED = re.compile(
    r"gmail_quote|yahoo_quoted|moz-cite-prefix|protonmail_quote|zmail_extra|blockquote|"
    r"x_gmail_quote",
    re.IGNORECASE,
)
# Signatures, as mail clients mark them: left out.
_SIGNATURE = re.compile(
    r"gmail_signature|moz-signature|ms-outlook-mobile-signature|signature", re.IGNORECASE
)
# Where Outlook's quoted message begins: everything from here on is the earlier message.
_STOP = re.compile(
    r"divRplyFwdMsg|OutlookMessageHeader|reference-message-container|appendonsend|"
    r"mail-editor-reference-message",
    re.IGNORECASE,
)
_OUTLOOK_RULE = re.compile(r"border-top:\s*solid\s+#(?:e1e1e1|b5c4df)", re.IGNORECASE)


class _Region:
    """An element being skipped or quoted, until its end tag (the same tag nested inside it is
    counted, so that the right end tag closes it)."""

    def __init__(self, tag: str) -> None:
        self.tag = tag
        self.depth = 1


class _TextParser(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.out: list[tuple[str, bool]] = []  # (text, quoted)
        self.signature: _Region | None = None
        self.quoted: _Region | None = None
        self.invisible = 0
        self.stopped = False  # past Outlook's quoted message header: everything is quoted

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        for region in (self.signature, self.quoted):
            if region is not None and tag == region.tag and tag not in _VOID:
                region.depth += 1
        if self.signature is not None:
            return
        if tag in _INVISIBLE:
            self.invisible += 1
            return
        marks = " ".join(f"{k}={v}" for k, v in attrs if k in ("class", "id", "type", "style"))
        if _STOP.search(marks) or (tag == "div" and _OUTLOOK_RULE.search(marks)):
            self.stopped = True
        if marks and _SIGNATURE.search(marks) and tag not in _VOID:
            self.signature = _Region(tag)
            return
        quoting = tag == "blockquote" or (marks and _QUOTED.search(marks) and tag not in _VOID)
        if quoting and self.quoted is None:
            self.quoted = _Region(tag)
        if tag in _BLOCK or quoting:
            self.out.append(("\n", False))
        if tag == "li":
            self.out.append(("- ", self._quoting))

    def handle_endtag(self, tag: str) -> None:
        if self.signature is not None:
            if tag == self.signature.tag:
                self.signature.depth -= 1
                if self.signature.depth == 0:
                    self.signature = None
            return
        if tag in _INVISIBLE:
            self.invisible = max(0, self.invisible - 1)
            return
        if tag in ("p", "div", "tr", "table", "h1", "h2", "h3", "li", "blockquote"):
            self.out.append(("\n", False))
            if tag == "p":
                self.out.append(("\n", False))
        if self.quoted is not None and tag == self.quoted.tag:
            self.quoted.depth -= 1
            if self.quoted.depth == 0:
                self.quoted = None
                self.out.append(("\n", False))

    def handle_data(self, data: str) -> None:
        if self.signature is not None or self.invisible:
            return
        self.out.append((re.sub(r"\s+", " ", data), self._quoting))

    @property
    def _quoting(self) -> bool:
        return self.stopped or self.quoted is not None

    def lines(self) -> list[str]:
        """The text, line by line; a line with quoted text in it begins with `> `."""
        found: list[str] = []
        line: list[str] = []
        quoted = False
        for text, is_quoted in [*self.out, ("\n", False)]:
            for i, piece in enumerate(text.split("\n")):
                if i:
                    joined = "".join(line).strip()
                    found.append(f"> {joined}" if quoted and joined else joined)
                    line, quoted = [], False
                line.append(piece)
                quoted = quoted or (is_quoted and bool(piece.strip()))
        return found


def html_to_text(markup: str) -> str:
    """The text of an HTML body, paragraphs apart, quoted messages as `> ` lines."""
    parser = _TextParser()
    try:
        parser.feed(markup[: TEXT_LIMIT * 4])
        parser.close()
    except (AssertionError, ValueError):  # malformed beyond what the parser forgives
        pass
    # Runs of empty lines (nested divs) become one paragraph break.
    return re.sub(r"\n{3,}", "\n\n", "\n".join(parser.lines())).strip()[:TEXT_LIMIT]
