"""A user's file is read as the utf-8-sig codec reads it (a BOM allowed and taken off), with the
same offset named for a byte that is not UTF-8, without loading that codec's module."""

from __future__ import annotations

import subprocess
import sys

import pytest

from followup.domain.errors import BadInput
from followup.domain.parsing import decode_text

BOM = b"\xef\xbb\xbf"


def _read(raw: bytes) -> str:
    try:
        return decode_text(raw, "f.txt", "UTF-8 text", "a letter")
    except BadInput as error:
        return f"! {error}"


def _as_the_codec_reads(raw: bytes) -> str:
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        return (
            f"! f.txt: expected UTF-8 text, found a byte that is not UTF-8 at offset {error.start}"
        )
    return text if text.strip() else "! f.txt: expected a letter, the file is empty"


@pytest.mark.parametrize(
    "raw",
    [
        b"Dear Dana,",
        BOM + b"Dear Dana,",
        BOM + BOM + b"Dear Dana,",  # a second BOM is text
        BOM,
        BOM + b"  \n",
        b"\xef\xbb",  # a BOM cut short
        b"\xef\xbbDear",
        BOM + b"ab\xffc",
        b"ab\xffc",
        "Chère Renée".encode(),
        BOM + "Chère Renée".encode()[:4],  # a character cut short
    ],
)
def test_a_file_is_read_as_the_utf_8_sig_codec_reads_it(raw):
    assert _read(raw) == _as_the_codec_reads(raw)


def test_reading_a_file_with_a_bom_loads_no_codec_module():
    code = (
        "import sys; from followup.domain.parsing import decode_text; "
        f"print(decode_text({BOM + b'Hi'!r}, 'f', 'UTF-8 text', 'a letter'), "
        "'encodings.utf_8_sig' in sys.modules)"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert done.stdout == "Hi False\n", done.stderr
