"""When an approved letter may go out: inside the send window, on a business day.

Morning on a working day, in the recipient's time zone (the candidate's unless known): a letter
that arrives then is read the same day (002 prizes prompt contact; nobody reads mail sent at
midnight on a holiday).
"""

from __future__ import annotations

from datetime import datetime, time, timedelta

from followup.domain.calendar import BusinessCalendar


def next_send_time(now: datetime, start: time, end: time, cal: BusinessCalendar) -> datetime:
    """The first moment at or after `now` (an aware local time) inside the window on a
    business day."""
    day = now.date()
    if cal.is_business_day(day) and start <= now.time().replace(tzinfo=None) < end:
        return now
    if not (cal.is_business_day(day) and now.time().replace(tzinfo=None) < start):
        day = cal.bd_after(day, 1)
    opening = datetime.combine(day, start, tzinfo=now.tzinfo)
    # a zone whose clocks jump may skip the opening minute; step to a time that exists
    if opening.utcoffset() != (opening + timedelta(hours=1)).utcoffset():
        opening = opening.replace(fold=0)
    return opening
