"""The business-day calendar: a week mask and a set of public holidays.

The holidays come in as any container of dates (the adapter reads them from the `holidays`
package); the arithmetic here is DESIGN's, to the letter:

- `bd_after(d, n)`: the n-th business day strictly after d (n >= 1);
- `bd_before(d, n)`: the n-th business day strictly before d (n >= 1);
- `on_or_after(d)`: d if it is a business day, else the first business day after it.
"""

from __future__ import annotations

from collections.abc import Container
from datetime import date, timedelta

from followup.domain.errors import InvalidField
from followup.domain.model import DEFAULT_WEEKMASK, WEEKDAYS

_ONE_DAY = timedelta(days=1)
# A year without a single business day cannot be planned on; stop long before looping forever.
_MAX_SCAN_DAYS = 366 * 3


def parse_weekmask(mask: str, field: str = "weekmask") -> tuple[bool, ...]:
    """Seven flags Monday..Sunday from "1111100" or from day names like "Mon Tue Wed Thu Fri"."""
    text = mask.strip()
    if len(text) == 7 and set(text) <= {"0", "1"}:
        flags = tuple(c == "1" for c in text)
    else:
        names = [part.strip().title()[:3] for part in text.replace(",", " ").split()]
        if not names or any(n not in WEEKDAYS for n in names):
            raise InvalidField(
                field,
                "seven 0/1 flags Monday..Sunday (like 1111100) or day names "
                "(like 'Mon Tue Wed Thu Fri')",
                mask,
            )
        flags = tuple(day in names for day in WEEKDAYS)
    if not any(flags):
        raise InvalidField(field, "at least one working day in the week", mask)
    return flags


def weekmask_text(flags: tuple[bool, ...]) -> str:
    return "".join("1" if f else "0" for f in flags)


class BusinessCalendar:
    """Business days: working weekdays that are not public holidays."""

    def __init__(
        self, holidays: Container[date] = frozenset(), weekmask: str = DEFAULT_WEEKMASK
    ) -> None:
        self._holidays = holidays
        self._workdays = parse_weekmask(weekmask)
        self.weekmask = weekmask_text(self._workdays)

    def is_business_day(self, d: date) -> bool:
        return self._workdays[d.weekday()] and d not in self._holidays

    def bd_after(self, d: date, n: int) -> date:
        """The n-th business day strictly after d."""
        return self._step(d, n, _ONE_DAY)

    def bd_before(self, d: date, n: int) -> date:
        """The n-th business day strictly before d."""
        return self._step(d, n, -_ONE_DAY)

    def on_or_after(self, d: date) -> date:
        """d if it is a business day, else the first business day after it."""
        return d if self.is_business_day(d) else self.bd_after(d, 1)

    def business_days_between(self, start: date, end: date) -> int:
        """How many business days lie in (start, end]; negative when end is before start."""
        if end < start:
            return -self.business_days_between(end, start)
        count = 0
        day = start + _ONE_DAY
        while day <= end:
            count += self.is_business_day(day)
            day += _ONE_DAY
        return count

    def _step(self, d: date, n: int, direction: timedelta) -> date:
        if n < 1:
            raise ValueError(f"n must be at least 1, got {n}")
        day = d
        scanned = 0
        while n:
            day += direction
            scanned += 1
            if self.is_business_day(day):
                n -= 1
                scanned = 0
            elif scanned > _MAX_SCAN_DAYS:
                raise InvalidField("calendar", "a calendar with business days in it", day.year)
        return day
