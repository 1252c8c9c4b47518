"""vCard files (2.1, 3.0 and 4.0) in and out, with `vobject`.

Read card by card in bounded memory (a phone's whole address book is one file). What phones and
address books write, and what is done with it:
- vCard 2.1 (Android, old Outlook, feature phones): quoted-printable values with soft line
  breaks and a CHARSET, parameters without names (`TEL;CELL;PREF:`); raw 8-bit values without
  a CHARSET, in UTF-8 or in the Windows code page, read as UTF-8 where their bytes are.
- vCard 3.0 (Apple Contacts, Google Contacts): folded lines, `item1.EMAIL` groups with
  `X-ABLabel`, `TYPE=pref`.
- vCard 4.0 (RFC 6350: Nextcloud, Thunderbird, Evolution): `PREF=1`, `TEL;VALUE=uri:tel:+1…`.
Written as vCard 3.0, which every phone's contact app accepts.
"""

from __future__ import annotations

import quopri
import re
from collections import deque
from collections.abc import Iterable, Iterator
from typing import Any, TextIO

from followup.adapters.files.text_lines import DecodedLines, check_size, text_encoding
from followup.domain.errors import BadInput
from followup.domain.people import Person, name_from_address, phone_to_call
from followup.domain.records import Found, Skip
from followup.services.ports import ImportOptions, ImportSource, Progress

# The properties the address book keeps; every other one (photos of tens of KB in base64, notes,
# addresses, X- extensions) is passed over line by line before vobject parses the card, which
# both keeps memory flat and halves the time a phone's address book takes.
_KEPT = re.compile(
    r"^(?:[A-Za-z0-9-]+\.)?(?:BEGIN|END|VERSION|FN|N|ORG|TITLE|ROLE|EMAIL|TEL|URL|KIND|"
    r"X-ADDRESSBOOKSERVER-KIND)[;:]",
    re.IGNORECASE,
)

_QUOTED = re.compile(r"[;=]QUOTED-PRINTABLE\b", re.IGNORECASE)
_CHARSET = re.compile(r';CHARSET=("[^"]*"|[^;:]*)', re.IGNORECASE)
# A parameter's value is case-insensitive (RFC 2426 4, RFC 6350 5): "encoding=quoted-printable"
# is QUOTED-PRINTABLE, which vobject reads in capitals only (else it takes the value for base64).
_ENCODING = re.compile(
    r"(;(?:ENCODING=)?)(QUOTED-PRINTABLE|BASE64|B|8BIT)(?=[;:]|$)", re.IGNORECASE
)
# The properties whose value is one text, where a comma is the text's own: Gmail and others
# write it unescaped ("FN:Reyes, Dana", "TITLE:CEO, Acme"), which vobject reads as a list and
# cuts at the comma.
_ONE_TEXT = re.compile(r"^(?:[A-Za-z0-9-]+\.)?(?:FN|TITLE|ROLE)[;:]", re.IGNORECASE)
_BARE_COMMA = re.compile(r"(?<!\\),")

# A content line as RFC 6350 writes it (group, name, parameters, colon); a line that is not one
# is left for vobject to refuse, naming it.
_PROPERTY = re.compile(r'^(?:[A-Za-z0-9-]+\.)?[A-Za-z0-9-]+(?:;(?:[^:"]|"[^"]*")*)?:')


class _Lines:
    """What vobject reads from: `readline()` over the decoded lines, without the lines of the
    properties that are not kept. Their value goes on in folded lines (starting with a space or
    a tab) or, in vCard 2.1's base64, in plain lines without a colon up to a blank line. Which
    line of the file each line given was is kept for the last few, to name it in an error."""

    def __init__(self, lines: DecodedLines) -> None:
        self._lines = lines
        self._given = 0
        self._recent: deque[tuple[int, int]] = deque(maxlen=256)
        self.starts: deque[int] = deque()  # file lines of the cards' BEGIN lines not yet taken
        self._depth = 0
        # the first line outside every card that opens none (file line, text): a card whose
        # BEGIN:VCARD line is missing
        self.stray: tuple[int, str] | None = None
        self._pending: deque[tuple[str, int]] = deque()  # a kept value's soft-broken lines
        self._one_text = False  # whether the lines given are of a one-text property's value

    def readline(self) -> str:
        if self._pending:
            line, number = self._pending.popleft()
            self._given += 1
            self._recent.append((self._given, number))
            return _BARE_COMMA.sub(r"\\,", line) if self._one_text else line
        line = self._lines.readline()
        while _PROPERTY.match(line) and not _KEPT.match(line):
            line = self._past(line)
        number = self._lines.number
        if _PROPERTY.match(line):
            head, colon, value = line.partition(":")
            head = _ENCODING.sub(lambda m: m.group(1) + m.group(2).upper(), head)
            line = head + colon + value
            self._one_text = _ONE_TEXT.match(line) is not None
            if _QUOTED.search(head):
                line = self._with_charset(line)
            if self._one_text:
                line = self._escaped(line)
        elif self._one_text and line[:1] in (" ", "\t"):
            line = _BARE_COMMA.sub(r"\\,", line)  # the value folded on
        if line:
            self._given += 1
            self._recent.append((self._given, number))
            word = line[:6].upper()
            if word == "BEGIN:":
                if self._depth == 0:
                    self.starts.append(self._lines.number)
                self._depth += 1
            elif self._depth == 0 and line.strip() and self.stray is None:
                self.stray = (number, line.strip())
            elif word[:4] == "END:":
                self._depth = max(0, self._depth - 1)
        return line

    @staticmethod
    def _escaped(line: str) -> str:
        """A one-text property's line with the commas of its value escaped."""
        head, colon, value = line.partition(":")
        if not colon or head[:1] in (" ", "\t"):  # (a soft-broken or folded line: all value)
            return _BARE_COMMA.sub(r"\\,", line)
        return head + colon + _BARE_COMMA.sub(r"\\,", value)

    def _with_charset(self, line: str) -> str:
        """A quoted-printable value without a CHARSET is UTF-8 (what phones write) or, where its
        bytes are not UTF-8, Windows-1252 (what older Windows mailers such as The Bat! and
        Outlook Express write): said so in the line, so that vobject decodes it right. A value
        whose bytes break the CHARSET it names (Android cuts long values at a byte count, now
        and then inside a character) loses the broken bytes only, not the whole file. The
        value's soft-broken lines are read ahead to decide, and given next."""
        head, first = line.split(":", 1)
        parts = [first]
        while parts[-1].rstrip("\r\n").endswith("="):
            more = self._lines.readline()
            if not more:
                break
            self._pending.append((more, self._lines.number))
            parts.append(more)
        value = "".join(p.rstrip("\r\n").removesuffix("=") for p in parts)
        raw = quopri.decodestring(value.encode("ascii", "replace"))
        named = _CHARSET.search(head)
        charset = named.group(1).strip('"') if named else "utf-8"
        try:
            raw.decode(charset)
        except LookupError:
            # a charset nobody knows ("x-bogus"): read as if none were named, as a value
            # without one is, not the whole file refused for one card's label
            head = _CHARSET.sub("", head)
            named, charset = None, "utf-8"
            line = f"{head}:{first}"
            try:
                raw.decode(charset)
            except UnicodeDecodeError:
                return f"{head};CHARSET=windows-1252:{first}"
            return line
        except UnicodeDecodeError:
            if not named:
                return f"{head};CHARSET=windows-1252:{first}"
            # the broken bytes dropped, the value given again whole on one line
            self._pending.clear()
            kept = raw.decode(charset, errors="ignore").encode(charset)
            return f"{head}:{_quoted_printable(kept)}\r\n"
        return line

    def _past(self, line: str) -> str:
        """The line after the property that starts with `line`, however its value goes on:
        folded lines, quoted-printable soft breaks (`=` at the end), vCard 2.1 base64 lines
        (no colon) up to a blank line."""
        quoted = "QUOTED-PRINTABLE" in line.split(":", 1)[0].upper()
        while True:
            soft = quoted and line.rstrip("\r\n").endswith("=")
            line = self._lines.readline()
            if not line:
                return line
            if soft or line[:1] in (" ", "\t") or (line.strip() and ":" not in line):
                continue
            return line

    def file_line(self, given: int | None) -> int:
        """The file's line number of the `given`-th line vobject was given."""
        return next((n for g, n in self._recent if g == given), self._lines.number)


def _quoted_printable(data: bytes) -> str:
    """`data` as one quoted-printable line: printable ASCII as itself (the `;` and `,` that
    structure N and ORG included), every other byte and `=` as `=XX`."""
    return "".join(chr(b) if 32 < b < 127 and b != 61 else f"={b:02X}" for b in data)


def read_vcards(lines: DecodedLines) -> Iterator[Found[Person] | Skip]:
    """Each card as a person of the address book (`source` "vcard"); a card that names nobody
    and has no address is skipped; a line that is not a vCard line stops the import."""
    import vobject

    source = lines.source
    # vCard 2.1 without a CHARSET is UTF-8 (Android) or the Windows code page (old Nokia and
    # Outlook exporters), card by card in an address book merged from both: each line is read
    # as UTF-8 first, as Windows-1252 only when its bytes are not UTF-8
    lines.sticky = False
    reader = _Lines(lines)
    cards = vobject.readComponents(reader, allowQP=True)
    number = 0
    while True:
        try:
            card = next(cards)
        except StopIteration:
            break
        except vobject.base.ParseError as error:
            _refuse_stray(source, reader)
            if "never closed" in str(error) and reader.starts:  # the file ends inside a card
                raise BadInput(
                    f"{source}: expected END:VCARD for the BEGIN:VCARD of line "
                    f"{reader.starts[-1]}: the file is cut short (truncated)"
                ) from None
            at = reader.file_line(getattr(error, "lineNumber", None))
            raise BadInput(
                f"{source}: line {at}: expected a vCard line like NAME:value, {_shown(error)}"
            ) from None
        except (ValueError, UnicodeDecodeError, LookupError, TypeError) as error:
            raise BadInput(
                f"{source}: line {lines.number}: expected a vCard value, {error}"
            ) from None
        _refuse_stray(source, reader)
        number += 1
        start = reader.starts.popleft() if reader.starts else lines.number
        where = f"card {number} (line {start})"
        if card.name.upper() != "VCARD":
            raise BadInput(f"{source}: line {start}: expected BEGIN:VCARD, got BEGIN:{card.name}")
        person = card_person(card)
        if _kind(card) == "group":
            yield Skip(where, "a group of contacts (KIND:group), not a person")
        elif person is None:
            yield Skip(where, "no name and no email address")
        else:
            yield Found(where, person)
    _refuse_stray(source, reader)
    if number == 0:
        raise BadInput(f"{source}: expected vCards (BEGIN:VCARD … END:VCARD), found none")


def _refuse_stray(source: str, reader: _Lines) -> None:
    """A line outside every card: the BEGIN:VCARD of its card is missing (a file cut at the
    start, or copied from the middle of another)."""
    if reader.stray is not None:
        at, text = reader.stray
        shown = f"{text[:60]!r}" + (" (cut)" if len(text) > 60 else "")
        raise BadInput(f"{source}: line {at}: expected BEGIN:VCARD to open a card, got {shown}")


def _kind(card: Any) -> str:
    """What the card stands for: vCard 4.0's KIND (RFC 6350 6.1.4), or the property Apple's
    address books write for it in 3.0 (X-ADDRESSBOOKSERVER-KIND); a person when neither."""
    said = _first(card, "kind") or _first(card, "x-addressbookserver-kind") or "individual"
    return _text(said).lower()


def card_person(card: Any) -> Person | None:
    emails = [_text(p.value) for p in _by_preference(card.contents.get("email", []))]
    emails = [e for e in emails if e]
    phones = [
        (_kinds(p), _phone(_text(p.value))) for p in _by_preference(card.contents.get("tel", []))
    ]
    org = _first(card, "org")
    # ORG is "company;unit;…"; a comma not escaped as the RFC asks splits a part once more.
    company = _joined(org[0] if isinstance(org, list) and org else org or "")
    structured = _structured_name(_first(card, "n"))
    name = _text(_first(card, "fn") or "") or structured
    if (
        "," in name
        and structured
        and sorted(name.replace(",", " ").split()) == sorted(structured.split())
    ):
        # "Reyes, Dana" (an address book that files people family name first, Gmail's among
        # them) is the name N gives in order: Dana Reyes
        name = structured
    name = name or company or (name_from_address(emails[0]) if emails else "")
    if not name:
        return None
    return Person(
        name=name,
        title=_text(_first(card, "title") or _first(card, "role") or ""),
        company=company,
        email=emails[0] if emails else "",
        phone=phone_to_call(phones),
        # (Gmail escapes the colon of a link, which no vCard escapes: "http\\://…")
        url=_text(_first(card, "url") or "").replace("\\:", ":"),
        source="vcard",
        other_emails=tuple(emails[1:]),
    )


def _first(card: Any, key: str) -> Any:
    found = card.contents.get(key)
    if not found:
        return None
    return _by_preference(found)[0].value


def _by_preference(props: list[Any]) -> list[Any]:
    """Preferred first: vCard 4.0's PREF=1 (lowest wins), 3.0's TYPE=pref, 2.1's bare PREF."""

    def rank(prop: Any) -> int:
        params = {k.upper(): [str(v).lower() for v in vs] for k, vs in prop.params.items()}
        if "PREF" in params:
            try:
                return int(params["PREF"][0])
            except (ValueError, IndexError):
                return 1
        types = {t for v in params.get("TYPE", []) for t in v.split(",")}
        singles = {str(s).lower() for s in getattr(prop, "singletonparams", [])}
        return 1 if "pref" in types | singles else 101

    return sorted(props, key=rank)


def _kinds(prop: Any) -> list[str]:
    """A property's TYPE values (`TYPE=work,fax`, `type=WORK;type=FAX`) and vCard 2.1's nameless
    ones (`TEL;WORK;FAX`)."""
    types = [t for v in prop.params.get("TYPE", []) for t in str(v).split(",")]
    return types + [str(s) for s in getattr(prop, "singletonparams", [])]


def _structured_name(value: Any) -> str:
    if value is None:
        return ""
    parts = [
        getattr(value, "prefix", ""),
        getattr(value, "given", ""),
        getattr(value, "additional", ""),
        getattr(value, "family", ""),
        getattr(value, "suffix", ""),
    ]
    words = [" ".join(p) if isinstance(p, list) else str(p) for p in parts[1:4]]
    return " ".join(" ".join(words).split())


def _joined(value: Any) -> str:
    if isinstance(value, list):
        return ", ".join(p for p in (_joined(v) for v in value) if p)
    return _text(value)


def _phone(value: str) -> str:
    """A phone as written: vCard 4.0's `tel:+1-206-555-0142;ext=102` → `+1-206-555-0142 ext.
    102`."""
    if not value.lower().startswith("tel:"):
        return value
    number, _, params = value[4:].partition(";")
    extension = next((p[4:] for p in params.split(";") if p.lower().startswith("ext=")), "")
    return f"{number} ext. {extension}" if extension else number


def _text(value: Any) -> str:
    if isinstance(value, list):
        value = " ".join(str(v) for v in value)
    if isinstance(value, bytes):
        return ""
    return " ".join(str(value).split())


def _shown(error: Exception) -> str:
    text = str(error)
    _, found, rest = text.partition("Failed to parse line:")
    if found:
        line = rest.strip()
        return f"got {line[:60]!r}" + (" (cut)" if len(line) > 60 else "")
    return text.splitlines()[0][:120] if text else "a line it cannot read"


# -- writing -------------------------------------------------------------------------------------
def write_vcards(people: Iterable[Person], out: TextIO) -> int:
    """Every person as a vCard 3.0, one after another; returns how many."""
    import vobject

    count = 0
    for person in people:
        card = vobject.vCard()
        card.add("fn").value = person.name
        card.add("n").value = _name_parts(person.name)
        if person.company:
            card.add("org").value = [person.company]
        if person.title:
            card.add("title").value = person.title
        for n, address in enumerate(person.emails):
            prop = card.add("email")
            prop.value = address
            prop.type_param = ["INTERNET", "pref"] if n == 0 else ["INTERNET"]
        if person.phone:
            card.add("tel").value = person.phone
        if person.url:
            card.add("url").value = person.url
        if person.source:
            card.add("x-followup-source").value = person.source
        out.write(card.serialize())
        count += 1
    return count


def _name_parts(name: str) -> Any:
    """A name's structured form (N: family; given; additional; prefix; suffix) as a name parser
    reads it, which phones file a contact by: "Rashmi Nayak, MSc, MBA" is Nayak; Rashmi, with
    the letters after the name as its suffix, not a family name "MBA"."""
    import vobject
    from nameparser import HumanName

    parsed = HumanName(name)
    if not parsed.last:
        return vobject.vcard.Name(given=name)  # one word: a given name alone ("Madonna")
    return vobject.vcard.Name(
        family=parsed.last,
        given=parsed.first,
        additional=parsed.middle,
        prefix=parsed.title,
        suffix=parsed.suffix,
    )


class VcardReader:
    kind = "vcard"

    def sniff(self, head: bytes, name: str) -> bool:
        start = head.lstrip(b"\xef\xbb\xbf \t\r\n")
        wide = text_encoding(head)
        if wide in ("utf-16-le", "utf-16-be"):
            bom = 2 if start.startswith((b"\xff\xfe", b"\xfe\xff")) else 0
            cut = head[: len(head) // 2 * 2] if bom == 0 else start[2:]
            start = cut[:128].decode(wide, errors="ignore").lstrip().encode()
        if start[:16].upper().startswith(b"BEGIN:VCARD"):
            return True
        # a file named as vCards that opens with a card's property: its BEGIN:VCARD is missing,
        # which the reader says (not a CSV of one column named "VERSION:3.0")
        first = start.split(b"\n", 1)[0].decode("utf-8", errors="ignore")
        named = name.lower().endswith((".vcf", ".vcard"))
        return named and _PROPERTY.match(first) is not None

    def read(
        self, source: ImportSource, progress: Progress, options: ImportOptions
    ) -> Iterator[Found[Person] | Skip]:
        check_size(source.size, source.name)
        with source.open() as stream:
            yield from read_vcards(DecodedLines(stream, source.name, progress=progress))
