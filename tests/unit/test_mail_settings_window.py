"""The send window read from followup.toml: an end of "24:00" is midnight, the whole day."""

from __future__ import annotations

from datetime import date, datetime, time
from zoneinfo import ZoneInfo

import pytest

from followup.adapters.mail.settings import load_mail_settings
from followup.domain.errors import InvalidField
from followup.domain.sending import next_send_time


class _EveryDay:
    def is_business_day(self, day: date) -> bool:
        return True

    def bd_after(self, day: date, n: int) -> date:
        return date.fromordinal(day.toordinal() + n)


def _window(tmp_path, start: str, end: str):  # type: ignore[no-untyped-def]
    path = tmp_path / "followup.toml"
    path.write_text(f'[send_window]\nstart = "{start}"\nend = "{end}"\n')
    return load_mail_settings(path)


def test_a_window_to_24_00_sends_in_the_days_last_minute(tmp_path):  # type: ignore[no-untyped-def]
    settings = _window(tmp_path, "00:00", "24:00")
    start, end = settings.window_start, settings.window_end
    late = datetime(2026, 11, 29, 23, 59, 30, tzinfo=ZoneInfo("America/Chicago"))
    assert next_send_time(late, start, end, _EveryDay()) == late  # type: ignore[arg-type]
    # an end of 23:59 leaves that minute out: the letter waits for the next day
    early = _window(tmp_path, "00:00", "23:59")
    start, end = early.window_start, early.window_end
    assert next_send_time(late, start, end, _EveryDay()) == datetime(  # type: ignore[arg-type]
        2026, 11, 30, 0, 0, tzinfo=ZoneInfo("America/Chicago")
    )


@pytest.mark.parametrize("end", ["24:01", "25:00", "24"])
def test_no_other_hour_past_23_is_a_time(tmp_path, end):  # type: ignore[no-untyped-def]
    with pytest.raises(InvalidField, match=r"send_window\.end"):
        _window(tmp_path, "00:00", end)


def test_the_end_still_comes_after_the_start(tmp_path):  # type: ignore[no-untyped-def]
    settings = _window(tmp_path, "08:30", "24:00")
    assert (settings.window_start, settings.window_end) == (time(8, 30), time.max)
