"""Reading a large JSON object piece by piece: its top-level members one at a time, and the
elements of one array member one at a time, so memory holds one element, never the file.

Each value is decoded by the standard library's C decoder (`raw_decode`) from a sliding window
of the file, so this is as fast as `json.loads` and as strict. It reads the common shape only:
anything else (a top-level value that is not an object, a key given twice, bytes that are not
UTF-8, a syntax error, a number of more digits than Python reads) raises `NotStreamable`, and
the caller reads the file whole instead — which then reports the problem exactly as
`json.loads` words it.
"""

from __future__ import annotations

import codecs
import json
import re
from collections.abc import Callable, Iterator
from typing import Any, BinaryIO

CHUNK = 1 << 20
_SPACE = re.compile(r"[ \t\n\r]*")
_DECODER = json.JSONDecoder()


class NotStreamable(Exception):
    """The file is not an object of the expected shape, or not valid JSON."""


class ArrayStart:
    """Marks the start of the streamed array member; its elements follow."""


ARRAY_START = ArrayStart()


class _Window:
    def __init__(self, stream: BinaryIO, on_read: Callable[[int], None]) -> None:
        self._stream = stream
        self._on_read = on_read
        self._decoder = codecs.getincrementaldecoder("utf-8-sig")()
        self.text = ""
        self.at = 0
        self.eof = False

    def more(self, at_least: int = 0) -> bool:
        """Read on; False at the end of the file. The part already consumed is dropped."""
        if self.eof:
            return False
        raw = self._stream.read(max(CHUNK, at_least))
        self._on_read(len(raw))
        try:
            text = self._decoder.decode(raw, final=not raw)
        except UnicodeDecodeError:
            raise NotStreamable from None
        if not raw:
            self.eof = True
        self.text = self.text[self.at :] + text
        self.at = 0
        return True

    def skip_space(self) -> None:
        while True:
            self.at = _SPACE.match(self.text, self.at).end()  # type: ignore[union-attr]
            if self.at < len(self.text) or not self.more():
                return

    def next_char(self) -> str:
        self.skip_space()
        return self.text[self.at] if self.at < len(self.text) else ""

    def expect(self, char: str) -> None:
        if self.next_char() != char:
            raise NotStreamable
        self.at += 1

    def value(self) -> Any:
        """The next JSON value. A value that runs past the window is read again with more of
        the file (the window doubles, so a large value costs linear time)."""
        self.skip_space()
        while True:
            try:
                found, end = _DECODER.raw_decode(self.text, self.at)
            except json.JSONDecodeError:
                if self.more(len(self.text)):
                    continue
                raise NotStreamable from None
            except ValueError:  # an integer of thousands of digits: the whole read names it
                raise NotStreamable from None
            if end == len(self.text) and self.more(len(self.text)):
                continue  # a number may go on in the next piece
            self.at = end
            return found


def members(stream: BinaryIO, array: str, on_read: Callable[[int], None]) -> Iterator[Any]:
    """The top-level members of the JSON object in `stream`, in file order, as (key, value);
    for the member `array`, when it is an array, (key, ARRAY_START) and then each element as
    (key, element). Raises NotStreamable for anything that is not such an object."""
    window = _Window(stream, on_read)
    window.expect("{")
    seen: set[str] = set()
    if window.next_char() == "}":
        window.at += 1
    else:
        while True:
            if window.next_char() != '"':
                raise NotStreamable
            key = window.value()
            if key in seen:
                raise NotStreamable  # json.loads keeps the last one; read it whole
            seen.add(key)
            window.expect(":")
            if key == array and window.next_char() == "[":
                window.at += 1
                yield key, ARRAY_START
                if window.next_char() == "]":
                    window.at += 1
                else:
                    while True:
                        yield key, window.value()
                        separator = window.next_char()
                        window.at += 1
                        if separator == "]":
                            break
                        if separator != ",":
                            raise NotStreamable
            else:
                yield key, window.value()
            separator = window.next_char()
            window.at += 1
            if separator == "}":
                break
            if separator != ",":
                raise NotStreamable
    if window.next_char() != "":
        raise NotStreamable  # something after the object
