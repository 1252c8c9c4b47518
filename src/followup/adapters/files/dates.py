"""Dates as spreadsheets and job boards write them.

ISO (`2026-12-23`, with or without a time), LinkedIn's `12/23/26, 9:15 AM`, European
`23/12/2026` and `23.12.2026`, `23 Dec 2026`, `Dec 23, 2026`, month names in English, French,
German and Spanish, and Excel's day numbers (`46014`). Whether `03/04/2026` is the 3rd of April
or the 4th of March is settled by the file: the first date that can only be read one way
decides for the rest; before that, a semicolon-separated file (Excel in most of Europe) is read
day first, any other month first.
"""

from __future__ import annotations

import re
from datetime import date, timedelta

_MONTHS = {
    name: number
    for number, names in enumerate(
        [
            "jan january janv janvier januar enero ene",
            "feb february fev fevr fevrier februar febrero",
            "mar march mars marz marzo",
            "apr april avr avril abril abr",
            "may mai mayo",
            "jun june juin juni junio",
            "jul july juil juillet juli julio",
            "aug august aou aout agosto ago",
            "sep sept september septembre septiembre",
            "oct october octobre okt oktober octubre",
            "nov november novembre noviembre",
            "dec december decembre dez dezember diciembre dic",
        ],
        start=1,
    )
    for name in names.split()
}
_ISO = re.compile(r"^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:$|[T\s])")
_NUMERIC = re.compile(r"^(\d{1,2})([-/.])(\d{1,2})\2(\d{2}|\d{4})(?:$|[,\sT])")
_EXCEL_EPOCH = date(1899, 12, 30)


def _fold(text: str) -> str:
    import unicodedata

    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).lower()


class DateReader:
    """Reads the dates of one file, learning its day/month order from the first date that
    shows it."""

    def __init__(self, day_first: bool = False) -> None:
        self.day_first = day_first
        self.settled = False

    def read(self, text: str) -> date | None:
        text = text.strip()
        if not text:
            return None
        try:
            return self._read(text)
        except ValueError:
            return None

    def _read(self, text: str) -> date | None:
        found = _ISO.match(text)
        if found:
            return date(int(found.group(1)), int(found.group(2)), int(found.group(3)))
        found = _NUMERIC.match(text)
        if found:
            first, separator, second, year_text = found.groups()
            a, b, year = int(first), int(second), int(year_text)
            if len(year_text) == 2:
                year += 2000
            if separator == ".":
                day_first = True  # 23.12.2026: German, Dutch, Scandinavian
            elif a > 12 >= b:
                day_first = self._learn(True)
            elif b > 12 >= a:
                day_first = self._learn(False)
            else:
                day_first = self.day_first
            day, month = (a, b) if day_first else (b, a)
            return date(year, month, day)
        if text.isdigit() and 20000 <= int(text) <= 80000:
            return _EXCEL_EPOCH + timedelta(days=int(text))
        return _worded(text)

    def _learn(self, day_first: bool) -> bool:
        if not self.settled:
            self.day_first, self.settled = day_first, True
        return day_first


def _worded(text: str) -> date | None:
    """`23 Dec 2026`, `Dec 23, 2026`, `Wednesday, December 23, 2026`, `23-déc.-2026`."""
    words = re.findall(r"[^\W\d_]+|\d+", _fold(text))
    month = next((_MONTHS[w] for w in words if w in _MONTHS), None)
    numbers = [int(w) for w in words if w.isdigit()]
    if month is None or len(numbers) < 2:
        return None
    years = [n for n in numbers if n >= 1000]
    days = [n for n in numbers if 1 <= n <= 31]
    if not years or not days:
        return None
    return date(years[0], month, days[0])
