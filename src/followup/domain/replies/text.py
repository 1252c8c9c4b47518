"""The new text of a message: what its author wrote this time, without what it quotes.

A reply carries earlier messages (`>` lines, "On … wrote:" and its French, German and Spanish
forms, Outlook's header blocks, forwarded blocks), a signature after a sign-off or a `-- ` line,
and footers (disclaimers, unsubscribe lines, "Sent from my iPhone"). None of them says what the
sender decided this time, so none of them is read. What marks each is data (`rules.json`,
`new_text`), matched on folded text (lowercase, accents removed).

A message the sender forwards (inline under "Forwarded message", Outlook's header block under a
"FW:" subject, or attached whole) is not new text either, but it may be what the sender passes
on: `forwarded` finds it, with its sender's address and its own new text, for the classifier to
weigh (`classify.py`).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass

_RULE_LINE = re.compile(r"^[_\-=*~]{5,}$")  # a separator drawn with characters
_SPACES = re.compile(r"[ \t\u00a0\u2000-\u200a\u202f\u205f\u3000]+")
_INVISIBLE = re.compile(r"[\u200b-\u200d\u2060\ufeff\u00ad]")
# A sentence ends at . ! ? (or …) and the spaces after, unless the dot follows a one- or
# two-digit number ("am 9. Dezember") or a common abbreviation (a reference: "réf. 27-0412", a
# length: "45 Min.").
_END = re.compile(r"(?<=[.!?…])[\"'”’»)\]]*\s+")
_ABBREVIATION = re.compile(
    r"(?:\b(?:mr|mrs|ms|dr|prof|st|sr|sra|jr|mme|mlle|hr|fr|nr|no|vs|etc|approx|ca|bzw|"
    r"z\.b|u\.a|d\.h|e\.g|i\.e|p\.s|ps|ggf|evtl|inkl|zzgl|ud|uds|av|tel|m|"
    r"ref|réf|núm|num|cf|vgl|incl|dept|ext|rr|hh|ee|uu|min|mins|std|hrs)\.|\b\d{1,2}\.)$",
    re.IGNORECASE,
)
# Nor after a month abbreviated behind its day when a year or a time follows: a calendar's
# "mardi 8 déc. 2026 14:00", "Di 8. Dez. 2026", "9 dic. 2026" is one date.
_MONTH = re.compile(
    r"\b\d{1,2}\.?\s+(?:jan|janv|ene|feb|fev|févr|fevr|mar|apr|avr|abr|jun|jul|juil|aug|ago|"
    r"sep|sept|oct|okt|nov|dec|déc|dez|dic)\.$",
    re.IGNORECASE,
)


def fold(text: str) -> str:
    """Lowercase, typographic quotes as plain ones, accents removed: what patterns are matched
    on, so that a message typed without accents reads the same."""
    text = text.replace("’", "'").replace("‘", "'").replace("`", "'").casefold()
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


@dataclass(frozen=True, slots=True)
class Markers:
    """What ends the new text, compiled from the rules' `new_text` data."""

    quote_starts: re.Pattern[str]  # a line where a quoted message begins
    header_from: re.Pattern[str]  # Outlook's "From:" line …
    header_next: re.Pattern[str]  # … followed closely by its "Sent:"/"Date:" line
    signature_starts: tuple[re.Pattern[str], ...]  # "-- ", sign-offs
    signature_tail: int  # a sign-off counts only with at most this many lines after it
    # a line only a signature has (a job title, an address, a phone number): right under a name,
    # it makes a last paragraph a signature even without a sign-off
    signature_lines: tuple[re.Pattern[str], ...]
    footers: tuple[re.Pattern[str], ...]  # a paragraph matching one is a footer
    footer_openings: tuple[re.Pattern[str], ...]  # a sentence that opens a disclaimer
    forward_starts: re.Pattern[str]  # a line that begins a forwarded or attached message
    attached: re.Pattern[str]  # the line before a message attached whole
    forward_headers: re.Pattern[str]  # a header line of a forwarded message (From:, Objet : …)


def compile_markers(data: dict[str, object]) -> Markers:
    def patterns(key: str) -> tuple[re.Pattern[str], ...]:
        found = data.get(key, [])
        assert isinstance(found, list), key
        return tuple(re.compile(str(p)) for p in found)

    def alternation(key: str) -> re.Pattern[str]:
        found = data.get(key, [])
        assert isinstance(found, list), key
        if not found:
            return re.compile(r"(?!)")  # nothing listed: matches nothing
        return re.compile("|".join(f"(?:{p})" for p in found))

    tail = data.get("signature_tail", 10)
    return Markers(
        quote_starts=alternation("quote_starts"),
        header_from=alternation("header_from"),
        header_next=alternation("header_next"),
        signature_starts=patterns("signature_starts"),
        signature_tail=int(tail) if isinstance(tail, int) else 10,
        signature_lines=patterns("signature_lines"),
        footers=patterns("footers"),
        footer_openings=patterns("footer_openings"),
        forward_starts=alternation("forward_starts"),
        attached=alternation("attached"),
        forward_headers=alternation("forward_headers"),
    )


def clean_lines(text: str) -> list[str]:
    text = _INVISIBLE.sub("", text.replace("\r\n", "\n").replace("\r", "\n"))
    return [_SPACES.sub(" ", line).rstrip() for line in text.split("\n")]


def new_text(text: str, markers: Markers) -> str:
    """The text its author wrote this time: above the first quoted message, without `>` lines,
    signature or footers. Paragraphs are kept apart by a blank line."""
    lines = clean_lines(text)
    folded = [fold(line).strip() for line in lines]
    kept: list[str] = []
    for i, line in enumerate(lines):
        here = folded[i]
        if _quote_starts(i, folded, markers):
            if _marked_quote_follows(i, folded):
                continue  # "On … wrote:" over `>` lines: the text may go on below (bottom-posting)
            break
        if here.startswith(">") or line.lstrip().startswith(">") or _RULE_LINE.match(here):
            continue
        kept.append(line)
    kept = _without_signature(kept, markers)
    paragraphs = [p for p in (_before_footer(p, markers) for p in _paragraphs(kept)) if p]
    if len(paragraphs) > 1 and _unsigned_signature(paragraphs[-1], markers):
        paragraphs.pop()
    return "\n\n".join(paragraphs)


def _quote_starts(i: int, folded: Sequence[str], markers: Markers) -> bool:
    here = folded[i]
    if not here:
        return False
    # Gmail wraps a long "On … wrote:" line: try it joined with the next line too.
    if markers.quote_starts.search(here):
        return True
    wrapped = len(here) < 120 and i + 1 < len(folded) and bool(folded[i + 1])
    if wrapped and markers.quote_starts.search(f"{here} {folded[i + 1]}"):
        return True
    if markers.header_from.match(here.lstrip("*").lstrip()):
        following = [f.lstrip("*").lstrip() for f in folded[i + 1 : i + 5] if f]
        return any(markers.header_next.match(f) for f in following[:3])
    return False


def _marked_quote_follows(i: int, folded: Sequence[str]) -> bool:
    """Whether the quoted message introduced on line i is marked `>` line by line (so its end
    is known), rather than running to the end unmarked (Outlook, forwarded messages)."""
    following = [f for f in folded[i + 1 : i + 4] if f]
    if following and not following[0].startswith(">") and i + 1 < len(folded):
        following = following[1:]  # the second line of a wrapped "On … wrote:"
    return bool(following) and following[0].startswith(">")


def _without_signature(lines: list[str], markers: Markers) -> list[str]:
    for i, line in enumerate(lines):
        here = fold(line).strip()
        if not here or i == 0:
            continue
        if line in ("-- ", "--"):
            return lines[:i]
        if any(p.fullmatch(here) for p in markers.signature_starts) and _signature_follows(
            lines[i + 1 :], markers
        ):
            return lines[:i]
    return lines


def _signature_follows(after: list[str], markers: Markers) -> bool:
    """After a sign-off comes a signature (a name, a title, a phone number: short lines) and
    perhaps a footer; not sentences. "Thanks!" on a line of its own above the message is no
    sign-off."""
    said = [x.strip() for x in after if x.strip()]
    if len(said) > markers.signature_tail:
        return False
    if _named_and_titled(said, markers):
        return True
    for paragraph in _paragraphs(after):
        if _is_footer(paragraph, markers):
            continue
        if any(len(line.split()) >= 8 for line in paragraph.split("\n")):
            return False
    return True


_POSTSCRIPT = re.compile(r"^p\.?\s?s\b", re.IGNORECASE)


def _named_and_titled(said: list[str], markers: Markers) -> bool:
    """A name, then a job title, an address or a phone number right under the sign-off: a
    signature, and so are the lines below it however long (a slogan, a "we're hiring" banner, a
    line of company news), but a P.S., which the sender wrote to the candidate."""
    if len(said) < 2 or not _NAME.match(said[0]) or any(_POSTSCRIPT.match(x) for x in said):
        return False
    return any(p.search(fold(said[1])) for p in markers.signature_lines)


# A name on a line of its own: two to four capitalised words, with particles ("María de la Fuente").
_NAME = re.compile(
    r"^[^\W\d_][\w'’.-]*(?:\s+(?:(?:de|del|la|las|los|da|di|du|le|van|von|der|den|ter|y)\s+)*"
    r"[^\W\d_][\w'’.-]*){1,3}$"
)


def _unsigned_signature(paragraph: str, markers: Markers) -> bool:
    """A last paragraph that is a signature with no sign-off above it: a name, then short lines
    that end no sentence, the first of them one only a signature has (a job title, an address,
    a phone number; a link alone could be the booking page a heading introduces)."""
    lines = paragraph.split("\n")
    if not 2 <= len(lines) <= 6 or not _NAME.match(lines[0]):
        return False
    if not all(w[0].isupper() for w in lines[0].split() if w not in _PARTICLES):
        return False
    if any(len(x.split()) > 10 or x.rstrip().endswith((".", "?", "!")) for x in lines):
        return False
    return any(p.search(fold(lines[1])) for p in markers.signature_lines)


_PARTICLES = {"de", "del", "la", "las", "los", "da", "di", "du", "le", "van", "von", "der", "den"}
_PARTICLES |= {"ter", "y"}


def _paragraphs(lines: list[str]) -> list[str]:
    paragraphs: list[str] = []
    current: list[str] = []
    for line in [*lines, ""]:
        if line.strip():
            current.append(line.strip())
        elif current:
            paragraphs.append("\n".join(current))
            current = []
    return paragraphs


def _is_footer(paragraph: str, markers: Markers) -> bool:
    here = fold(" ".join(paragraph.split()))
    return any(p.search(here) for p in markers.footers)


def _before_footer(paragraph: str, markers: Markers) -> str:
    """A paragraph without its footer: "" when it is one, or what the sender wrote before the
    first sentence that is one on its own (a decision, then "your data is deleted after six
    months under our data-protection policy"; a question, then "Sent from my iPhone"), unless a
    sentence before it opens a disclaimer ("This e-mail is confidential.")."""
    if not _is_footer(paragraph, markers):
        return paragraph
    said = _split(" ".join(paragraph.split()))
    for n, sentence in enumerate(said):
        if _is_footer(sentence, markers):
            before = said[:n]
            opens = any(p.search(fold(x)) for x in before for p in markers.footer_openings)
            return "" if opens else " ".join(before)
    return ""


# A list item: "- ", "• " at the start of a line; "1. ", "2) ", "a) " when the paragraph has
# more than one ("19. März passt" is a date, not an item).
_ITEM = re.compile(r"^[-*•·–—▪‣◦]\s+")
_NUMBERED = re.compile(r"^(?:\d{1,2}[.)]|[a-z][)])\s+", re.IGNORECASE)


def sentences(text: str) -> list[str]:
    """The sentences of a text, each on one line: a paragraph's lines are joined (mail is often
    wrapped at 72 or 100 columns), except a short line that ends a thought by itself (a
    greeting, "Hi Sam,"); each item of a list is a sentence of its own, without its bullet."""
    found: list[str] = []
    for paragraph in re.split(r"\n\s*\n", text):
        lines = [x.strip() for x in paragraph.split("\n") if x.strip()]
        numbered = sum(1 for x in lines if _NUMBERED.match(x)) > 1
        buffer = ""
        for line in lines:
            item = _ITEM.match(line) or (_NUMBERED.match(line) if numbered else None)
            if item:
                line = line[item.end() :]
            if buffer and (item or _stands_alone(buffer)):
                found.extend(_split(buffer))
                buffer = line
            else:
                buffer = f"{buffer} {line}" if buffer else line
        if buffer:
            found.extend(_split(buffer))
    return [s for s in found if s]


def _stands_alone(line: str) -> bool:
    """A line that ends before the next begins: a greeting or a sign-off line ("Hi Sam,")."""
    last = line.rsplit("\n", 1)[-1]
    return len(last) <= 40 and last.rstrip().endswith((",", ":", "!")) and " " in last.strip()


def _split(text: str) -> list[str]:
    parts: list[str] = []
    start = 0
    for match in _END.finditer(text):
        head = text[start : match.start()]
        if _ABBREVIATION.search(head) or (
            text[match.end() : match.end() + 1].isdigit() and _MONTH.search(head)
        ):
            continue
        parts.append(text[start : match.start()].strip())
        start = match.end()
    parts.append(text[start:].strip())
    return [p for p in parts if p]


@dataclass(frozen=True, slots=True)
class Forwarded:
    """A message forwarded under the new text or attached to it."""

    sender: str  # the address on its From line, lowercased; "" when it names none
    text: str  # its own new text
    recipients: tuple[str, ...] = ()  # the addresses on its To and Cc lines, lowercased


_ADDRESS = re.compile(r"[\w.+'-]+@[\w-]+(?:\.[\w-]+)+")
# a forwarded message's To or Cc line, folded ("To:", "À :", "An:", "Para:", "Cc:")
_TO_LINE = re.compile(r"^(?:to|a|an|para|cc|kopie)\s*:")


def forwarded(text: str, markers: Markers, forward_subject: bool) -> list[Forwarded]:
    """The messages `text` forwards: the one right under the new text when it is forwarded
    rather than quoted (a forward line, or a header block under a forwarding subject), and
    every message attached whole. A quoted reply ("On … wrote:", `>` lines) forwards nothing."""
    lines = clean_lines(text)
    folded = [fold(line).strip() for line in lines]
    bare = [_unquoted(f) for f in folded]
    found: list[Forwarded] = []
    starts: list[int] = []
    for i, here in enumerate(folded):
        if not here:
            continue
        quoted = here.startswith(">")
        if not quoted and not _quote_starts(i, folded, markers):
            continue
        # The first thing under the new text that is not new: forwarded, or quoted.
        if markers.forward_starts.search(bare[i]):
            starts.append(i)
            found.append(_read_forwarded(lines[i + 1 :], markers, quoted))
        elif forward_subject and _header_block(i, bare, markers):
            starts.append(i)
            found.append(_read_forwarded(lines[i:], markers, quoted))
        break
    marks = [i for i, here in enumerate(folded) if markers.attached.search(here)]
    for n, i in enumerate(marks):
        if i not in starts:
            end = marks[n + 1] if n + 1 < len(marks) else len(lines)
            found.append(_read_forwarded(lines[i + 1 : end], markers, False))
    return [f for f in found if f.text]


def _unquoted(folded: str) -> str:
    return folded.lstrip(">").strip() if folded.startswith(">") else folded


def _header_block(i: int, folded: Sequence[str], markers: Markers) -> bool:
    """Outlook's block (a rule or "Original Message" line, or From: then Sent:/Date:)."""
    here = folded[i]
    if _RULE_LINE.match(here) or (
        markers.quote_starts.search(here) and here.startswith("-") and i + 1 < len(folded)
    ):
        return True
    if markers.header_from.match(here.lstrip("*").lstrip()):
        following = [f.lstrip("*").lstrip() for f in folded[i + 1 : i + 5] if f]
        return any(markers.header_next.match(f) for f in following[:3])
    return False


def _read_forwarded(lines: list[str], markers: Markers, quoted: bool) -> Forwarded:
    """A forwarded message's sender (its header lines) and new text (what follows them)."""
    if quoted:  # forwarded inside a quoted block (HTML clients): one level of `>` is its own
        lines = [x.lstrip()[1:].lstrip(" ") for x in lines if x.lstrip().startswith(">")]
    sender = ""
    recipients: list[str] = []
    body_from = 0
    seen_header = False
    for n, line in enumerate(lines):
        here = fold(line).strip().lstrip("*").strip()
        opening = not seen_header and markers.quote_starts.search(here)  # "Original Message"
        if not here or _RULE_LINE.match(here) or markers.forward_starts.search(here) or opening:
            if seen_header and not here:
                body_from = n + 1
                break
            continue
        if markers.forward_headers.match(here):
            seen_header = True
            if not sender and markers.header_from.match(here):
                address = _ADDRESS.search(line)
                sender = address.group(0).lower() if address else ""
            elif _TO_LINE.match(here):
                recipients += [a.lower() for a in _ADDRESS.findall(line)]
            body_from = n + 1
            continue
        body_from = n
        break
    else:
        body_from = len(lines)
    return Forwarded(sender, new_text("\n".join(lines[body_from:]), markers), tuple(recipients))


def organisation(address: str) -> str:
    """The organisation an address belongs to: its domain without subdomains ("hr.acme.co.uk"
    and "acme.co.uk" are one). "" for no address."""
    domain = address.rpartition("@")[2].strip().lower().rstrip(".>")
    labels = [x for x in domain.split(".") if x]
    if len(labels) < 2:
        return domain
    keep = 3 if len(labels) >= 3 and len(labels[-1]) == 2 and len(labels[-2]) <= 3 else 2
    return ".".join(labels[-keep:])
