"""CSV for spreadsheets, safe to open: a cell that a spreadsheet would run as a formula (it
begins with `=`, `+`, `-`, `@`, a tab or a carriage return) is written with a leading `'`, so
that it shows as the text it is (DESIGN; OWASP's "CSV injection")."""

from __future__ import annotations

import csv
from collections.abc import Iterable
from typing import TextIO

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def safe_cell(value: str) -> str:
    return "'" + value if value.startswith(FORMULA_STARTS) else value


def write_csv(rows: Iterable[list[str]], out: TextIO) -> int:
    """Rows as RFC 4180 CSV (CRLF line ends, quotes where needed); returns the data rows
    written (the header not counted)."""
    writer = csv.writer(out, lineterminator="\r\n")
    count = -1
    for row in rows:
        writer.writerow([safe_cell(cell) for cell in row])
        count += 1
    return max(count, 0)
