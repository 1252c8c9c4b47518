"""The send window: weekdays, 08:30-11:30 by default, never on a holiday."""

from __future__ import annotations

from datetime import datetime, time
from zoneinfo import ZoneInfo

import pytest

from followup.domain.sending import next_send_time

from .conftest import ILLINOIS

CHICAGO = ZoneInfo("America/Chicago")


def at(text: str) -> datetime:
    return datetime.fromisoformat(text).replace(tzinfo=CHICAGO)


@pytest.mark.parametrize(
    ("now", "expected"),
    [
        ("2027-01-05 09:15", "2027-01-05 09:15"),  # inside the window: now
        ("2027-01-05 07:00", "2027-01-05 08:30"),  # before it: its opening
        ("2027-01-05 11:30", "2027-01-06 08:30"),  # at its end: the next business day
        ("2027-01-08 14:00", "2027-01-11 08:30"),  # Friday afternoon: Monday
        ("2027-01-16 10:00", "2027-01-19 08:30"),  # Saturday, then MLK Day Monday: Tuesday
        ("2027-01-18 10:00", "2027-01-19 08:30"),  # on the holiday itself
    ],
)
def test_next_send_time(now, expected):
    assert next_send_time(at(now), time(8, 30), time(11, 30), ILLINOIS) == at(expected)
