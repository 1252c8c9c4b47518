"""Dates as spreadsheets and job boards write them.

ISO (`2026-12-23`, with or without a time), LinkedIn's `12/23/26, 9:15 AM`, European
`23/12/2026` and `23.12.2026`, `23 Dec 2026`, `Dec 23, 2026`, month names in English, French,
German and Spanish, and Excel's day numbers (`46014`). Whether `03/04/2026` is the 3rd of April
or the 4th of March is settled once for the whole file, never row by row (`file_order`): any
date of the file whose first part is above 12 makes it day first, else one whose second part is
makes it month first; a file that shows neither is read as the tool that wrote it documents,
else as the candidate's country writes dates (`imports/date_order.json`). A date that does not
exist read that way (`31/02/2026`, `2026-02-30`) is `NoSuchDate`: the import says where, and
stores nothing.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
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


class NoSuchDate(ValueError):
    """A value written as a date that no calendar has (`31/02/2026`, month 13)."""


def file_order(values: Iterable[str]) -> tuple[bool, str] | None:
    """(day first, the value that shows it) from a file's dates: the first whose first part is
    above 12 settles it day first; else the first whose second part is, month first; None when
    every date reads both ways (or none is written with `/` or `-`)."""
    month_first = ""
    for value in values:
        found = _NUMERIC.match(value.strip())
        if not found or found.group(2) == ".":
            continue
        first, second = int(found.group(1)), int(found.group(3))
        if first > 12:
            return True, value.strip()
        if second > 12 and not month_first:
            month_first = value.strip()
    return (False, month_first) if month_first else None


Order = tuple[bool, str]  # (day first, why: for the message when a date does not exist)


class DateReader:
    """Reads the dates of one file in the order the file settles (`order` is asked once, the
    first time a date reads both ways; a bool is that order already)."""

    def __init__(self, order: bool | Callable[[], Order] = False) -> None:
        self._order = order
        self._settled: Order | None = (order, "") if isinstance(order, bool) else None

    @property
    def order(self) -> Order:
        if self._settled is None:
            assert callable(self._order)
            self._settled = self._order()
        return self._settled

    def read(self, text: str) -> date | None:
        """The date, or None for text that is no date at all ("soon"); `NoSuchDate` for one
        written as a date that does not exist in the file's order."""
        text = text.strip()
        if not text:
            return None
        return self._read(text)

    def _read(self, text: str) -> date | None:
        found = _ISO.match(text)
        if found:
            return _day(int(found.group(1)), int(found.group(2)), int(found.group(3)), "")
        found = _NUMERIC.match(text)
        if found:
            first, separator, second, year_text = found.groups()
            a, b, year = int(first), int(second), int(year_text)
            if len(year_text) == 2:
                year += 2000
            why = ""
            if separator == ".":
                day_first = True  # 23.12.2026: German, Dutch, Scandinavian
            else:
                day_first, why = self.order
            day, month = (a, b) if day_first else (b, a)
            return _day(year, month, day, why)
        if text.isdigit() and 20000 <= int(text) <= 80000:
            return _EXCEL_EPOCH + timedelta(days=int(text))
        return _worded(text)


def _day(year: int, month: int, day: int, why: str) -> date:
    try:
        return date(year, month, day)
    except ValueError:
        if month > 12:
            said = f"there is no month {month}"
        else:
            said = f"{date(2001, month, 1):%B} has no day {day}"
        raise NoSuchDate(f"{said}{f', read {why}' if why else ''}") from None


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
    return _day(years[0], month, days[0], "")
