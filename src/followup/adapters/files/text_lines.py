"""A user's file read line by line, whatever wrote it, in bounded memory.

Spreadsheets, address books and calendars come as UTF-8 (with or without a byte-order mark),
UTF-16 with a mark (Excel's "Unicode text", older Google exports) or Windows-1252 (Excel on
Windows in Western Europe and the Americas). Lines are decoded one at a time: UTF-8 until a line
is not UTF-8, Windows-1252 from then on (or, for files whose parts different programs wrote, such
as vCards, each line UTF-8 first and Windows-1252 only when its bytes are not UTF-8). Nothing
holds more than one line, and a file larger than an import can sensibly be, or a "line"
megabytes long (a binary file), is refused in one line.
"""

from __future__ import annotations

import codecs
from collections.abc import Iterator
from typing import BinaryIO

from followup.domain.errors import BadInput
from followup.services.ports import Progress

MAX_BYTES = 256 * 1024 * 1024  # an export of a whole job search is a few megabytes
MAX_LINE = 1024 * 1024
HEAD = 64 * 1024

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)


def too_large(source: str, max_bytes: int | None = None) -> BadInput:
    limit = MAX_BYTES if max_bytes is None else max_bytes
    return BadInput(
        f"{source}: expected a file of at most {limit // 2**20} MB to import (an export of a job "
        "search is a few MB), this one is larger: split it"
    )


def check_size(size: int | None, source: str) -> None:
    """Refuse at once a file whose size is known to be too large (read as a stream otherwise)."""
    if size is not None and size > MAX_BYTES:
        raise too_large(source)


class Rewound:
    """A binary stream whose first bytes were read ahead to look at, and are read again."""

    def __init__(self, stream: BinaryIO, head: bytes) -> None:
        self._stream = stream
        self._head = head
        self.head = head

    @classmethod
    def open(cls, stream: BinaryIO, size: int = HEAD) -> Rewound:
        head = b""
        while len(head) < size:
            chunk = stream.read(size - len(head))
            if not chunk:
                break
            head += chunk
        return cls(stream, head)

    def read(self, size: int = -1) -> bytes:
        if self._head:
            if size < 0:
                data, self._head = self._head + self._stream.read(), b""
                return data
            data, self._head = self._head[:size], self._head[size:]
            if len(data) < size:
                data += self._stream.read(size - len(data))
            return data
        return self._stream.read(size)

    def readline(self, limit: int = -1) -> bytes:
        if self._head:
            cut = self._head.find(b"\n")
            end = len(self._head) if cut < 0 else cut + 1
            if limit >= 0:
                end = min(end, limit)
            line, self._head = self._head[:end], self._head[end:]
            if line.endswith(b"\n") or (limit >= 0 and len(line) >= limit) or self._head:
                return line
            rest = limit - len(line) if limit >= 0 else -1
            return line + self._stream.readline(rest)
        return self._stream.readline(limit)


def bom_encoding(head: bytes) -> str | None:
    for bom, name in _BOMS:
        if head.startswith(bom):
            return name
    return None


def utf16_without_bom(head: bytes) -> str | None:
    """UTF-16 written without its byte-order mark (some Windows address books and mailers do):
    text in a Latin script has a zero byte in every other place, on the same side."""
    sample = head[:4096]
    sample = sample[: len(sample) // 2 * 2]
    if len(sample) < 16 or bom_encoding(head):
        return None
    high, low = sample[0::2], sample[1::2]
    for zeros, other, name in ((low, high, "utf-16-le"), (high, low, "utf-16-be")):
        if zeros.count(0) >= 0.9 * len(zeros) and other.count(0) <= 0.1 * len(other):
            return name
    return None


def text_encoding(head: bytes) -> str | None:
    """The encoding the first bytes say: a byte-order mark, or UTF-16 without one."""
    return bom_encoding(head) or utf16_without_bom(head)


def refuse_binary(head: bytes, source: str) -> None:
    """One clear line for the files people pick by mistake."""
    if text_encoding(head) in ("utf-16-le", "utf-16-be", "utf-32-le", "utf-32-be"):
        return
    if head.startswith(b"PK\x03\x04"):
        raise BadInput(
            f"{source}: expected a text file (CSV, vCard, iCalendar, email or JSON), found a ZIP "
            "archive (an Excel .xlsx or a data download: unpack it, or save the sheet as CSV)"
        )
    if head.startswith(b"\xd0\xcf\x11\xe0"):
        raise BadInput(
            f"{source}: expected a text file, found an Outlook/Office document (.msg or .xls): "
            "save the invitation as .ics, the message as .eml, or the sheet as CSV"
        )
    if b"\x00" in head:
        raise BadInput(
            f"{source}: expected a text file (CSV, vCard, iCalendar, email or JSON), this one "
            "is binary"
        )


class DecodedLines:
    """The file's lines as text, each with its line ending, counted (`number` is the line last
    read, from 1)."""

    def __init__(
        self,
        stream: BinaryIO,
        source: str,
        max_bytes: int | None = None,
        max_line: int | None = None,
        progress: Progress | None = None,
    ) -> None:
        self.source = source
        self._progress = progress
        self.number = 0
        self.encoding = "utf-8"
        # False: each line is UTF-8 when its bytes are, Windows-1252 only when they are not
        # (a vCard file merged from a phone's UTF-8 export and an old Windows one's)
        self.sticky = True
        self._max_bytes = MAX_BYTES if max_bytes is None else max_bytes
        self._max_line = MAX_LINE if max_line is None else max_line
        self._read = 0
        rewound = stream if isinstance(stream, Rewound) else Rewound.open(stream)
        refuse_binary(rewound.head, source)
        found = bom_encoding(rewound.head)
        bare = None if found else utf16_without_bom(rewound.head)
        self._text: codecs.StreamReader | None = None
        self._stream: BinaryIO | Rewound = rewound
        if bare:
            self.encoding = bare
            self._text = codecs.getreader(bare)(rewound)  # type: ignore[arg-type]
        elif found and found != "utf-8":
            self.encoding = found
            rewound.read(2 if "16" in found else 4)
            self._text = codecs.getreader(found)(rewound)  # type: ignore[arg-type]
        elif found == "utf-8":
            rewound.read(len(codecs.BOM_UTF8))
        # Lines ended by a carriage return alone: Excel for Mac's "CSV (Macintosh)", classic
        # Mac OS files. A line feed inside them is then a line break within a quoted cell.
        head = rewound.head
        self._cr = (
            self._text is None
            and b"\r" in head
            and b"\r\n" not in head
            and head.count(b"\r") > head.count(b"\n")
        )
        self._buffer = b""

    def __iter__(self) -> Iterator[str]:
        while True:
            line = self.readline()
            if not line:
                return
            yield line

    def readline(self) -> str:
        if self._text is not None:
            text = self._text.readline(self._max_line + 1, keepends=True)
            self._count(len(text) * 2, text.endswith("\n") or len(text) <= self._max_line)
            return text
        raw = self._cr_line() if self._cr else self._stream.readline(self._max_line + 1)
        self._count(len(raw), raw.endswith(b"\n") or len(raw) <= self._max_line)
        if self.encoding == "utf-8" or not self.sticky:
            try:
                return raw.decode("utf-8")
            except UnicodeDecodeError:
                self.encoding = "windows-1252"
        return raw.decode("cp1252", errors="replace")

    def _cr_line(self) -> bytes:
        """The next line of a file whose lines end with a carriage return alone, ended by a line
        feed as the other files' are."""
        while b"\r" not in self._buffer and len(self._buffer) <= self._max_line:
            chunk = self._stream.read(64 * 1024)
            if not chunk:
                break
            self._buffer += chunk
        cut = self._buffer.find(b"\r", 0, self._max_line + 1)
        if cut < 0:
            limit = self._max_line + 1
            raw, self._buffer = self._buffer[:limit], self._buffer[limit:]
            return raw
        raw, self._buffer = self._buffer[:cut] + b"\n", self._buffer[cut + 1 :]
        return raw

    def _count(self, size: int, whole: bool) -> None:
        self._read += size
        if self._progress is not None:
            self._progress.advance(size)
        if size:
            self.number += 1
        if not whole:
            raise BadInput(
                f"{self.source}: line {self.number} is longer than {self._max_line // 1024} KB: "
                "expected a text file of lines (CSV, vCard or iCalendar)"
            )
        if self._read > self._max_bytes:
            raise too_large(self.source, self._max_bytes)
