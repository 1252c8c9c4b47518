"""The plan as an iCalendar file (RFC 5545): one all-day event per planned touch.

UIDs name the touch, not its date (opportunity, step, person and which of that person's touches
of that step it is), so that importing a newer export into a calendar moves an event instead of
adding a second one. Each event has a reminder at 09:00 on its day.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from datetime import datetime, timedelta

from followup.domain.model import Touch
from followup.domain.vocabulary import ACTIONS
from followup.services.storage import TouchRow


def touch_uid(touch: Touch, nth: int) -> str:
    person = re.sub(r"[^a-z0-9]+", "-", touch.contact.lower()).strip("-")
    return f"{touch.opportunity}.{touch.step}.{person}.{nth}@followup"


def plan_to_ics(rows: Iterable[TouchRow], now: datetime) -> bytes:
    """Planned touches only; done, skipped and cancelled ones have nothing left to remind."""
    from icalendar import Alarm, Calendar, Event

    calendar = Calendar()
    calendar.add("prodid", "-//Followup//follow-up plan//EN")
    calendar.add("version", "2.0")
    calendar.add("x-wr-calname", "Followup")
    seen: Counter[tuple[str, str, str]] = Counter()
    for row in rows:
        touch = row.touch
        key = (touch.opportunity, touch.step, touch.contact.casefold())
        seen[key] += 1
        if touch.status != "planned":
            continue
        day = touch.shows_on
        event = Event()
        event.add("uid", touch_uid(touch, seen[key]))
        event.add("dtstamp", now)
        event.add("dtstart", day)
        event.add("dtend", day + timedelta(days=1))
        event.add("summary", f"{ACTIONS[touch.step]} {touch.contact} ({row.company})")
        note = f"Due {touch.due.isoformat()}."
        if touch.snooze_reason:
            note += f" Snoozed: {touch.snooze_reason}."
        event.add("description", note)
        event.add("categories", ["Followup"])
        event.add("transp", "TRANSPARENT")
        alarm = Alarm()
        alarm.add("action", "DISPLAY")
        alarm.add("description", f"{ACTIONS[touch.step]} {touch.contact}")
        alarm.add("trigger", timedelta(hours=9))  # 09:00 on the (all-day) event's day
        event.add_component(alarm)
        calendar.add_component(event)
    data: bytes = calendar.to_ical()
    return data
