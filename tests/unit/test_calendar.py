"""The business-day calendar, exactly, and against numpy's busday_offset as a reference."""

from __future__ import annotations

from datetime import date

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from followup.adapters.holidays import PublicHolidays
from followup.domain.calendar import BusinessCalendar, parse_weekmask
from followup.domain.errors import InvalidField

IL = BusinessCalendar(PublicHolidays("US", "IL"))


def test_bd_after_skips_christmas_and_the_weekend():
    assert IL.bd_after(date(2026, 12, 23), 2) == date(2026, 12, 28)


def test_bd_before_counts_strictly_before_the_deadline():
    assert IL.bd_before(date(2027, 1, 8), 3) == date(2027, 1, 5)


def test_on_or_after_keeps_a_business_day_and_moves_a_holiday():
    assert IL.on_or_after(date(2027, 1, 29)) == date(2027, 1, 29)
    assert IL.on_or_after(date(2028, 1, 17)) == date(2028, 1, 18)  # Martin Luther King Jr. Day
    assert IL.on_or_after(date(2028, 4, 16)) == date(2028, 4, 17)  # a Sunday


def test_observed_holidays_are_not_business_days():
    assert not IL.is_business_day(date(2027, 12, 31))  # New Year's Day 2028, observed
    assert not IL.is_business_day(date(2027, 7, 5))  # Independence Day, observed


def test_subdivision_holidays_count():
    assert not IL.is_business_day(date(2027, 3, 1))  # Casimir Pulaski Day, Illinois only
    assert BusinessCalendar(PublicHolidays("US", None)).is_business_day(date(2027, 3, 1))


def test_a_week_mask_can_make_sunday_a_working_day():
    cal = BusinessCalendar(frozenset(), "0111111")
    assert cal.bd_after(date(2027, 1, 2), 1) == date(2027, 1, 3)  # Sat -> Sun
    assert cal.bd_after(date(2027, 1, 3), 1) == date(2027, 1, 5)  # Sun -> Tue (Mon off)


@pytest.mark.parametrize(
    ("text", "flags"),
    [
        ("1111100", (True,) * 5 + (False,) * 2),
        ("Mon Tue Wed Thu Fri", (True,) * 5 + (False,) * 2),
        ("sun,mon", (True, False, False, False, False, False, True)),
    ],
)
def test_week_masks_read_as_flags_or_day_names(text, flags):
    assert parse_weekmask(text) == flags


@pytest.mark.parametrize("text", ["0000000", "11111", "Funday", ""])
def test_impossible_week_masks_are_refused(text):
    with pytest.raises(InvalidField, match=r"^weekmask: expected"):
        parse_weekmask(text)


def test_unknown_country_and_subdivision_are_named():
    with pytest.raises(InvalidField, match=r"^country: expected an ISO 3166"):
        PublicHolidays("XX", None)
    with pytest.raises(InvalidField, match=r"^subdivision: expected a subdivision of US"):
        PublicHolidays("US", "ZZ")


def test_a_subdivision_of_a_country_that_has_none_says_so():
    # South Africa's holidays are national: Gauteng ("GP") has no calendar of its own
    with pytest.raises(InvalidField) as raised:
        PublicHolidays("ZA", "GP")
    assert str(raised.value) == (
        "subdivision: expected none: ZA has no subdivisions with holidays of their own, got 'GP'"
    )
    assert date(2026, 12, 16) in PublicHolidays("ZA", None)  # the Day of Reconciliation


# -- the reference: numpy.busday_offset with the same holidays and week mask ------------------
PLACES = [
    ("US", "IL"),
    ("US", "CA"),
    ("GB", "SCT"),
    ("DE", "BY"),
    ("FR", None),
    ("JP", None),
    ("AU", "NSW"),
    ("IN", None),
]
_REFERENCE: dict[tuple[str, str | None], list[date]] = {}


def _holiday_list(country: str, subdivision: str | None) -> list[date]:
    import holidays

    key = (country, subdivision)
    if key not in _REFERENCE:
        found = holidays.country_holidays(country, subdiv=subdivision, years=range(2019, 2037))
        _REFERENCE[key] = sorted(found)
    return _REFERENCE[key]


masks = st.lists(st.booleans(), min_size=7, max_size=7).filter(any)
days = st.dates(min_value=date(2020, 1, 1), max_value=date(2035, 6, 30))


@settings(max_examples=300, deadline=None)
@given(place=st.sampled_from(PLACES), day=days, n=st.integers(1, 45), mask=masks)
def test_calendar_agrees_with_numpy_busday_offset(place, day, n, mask):
    weekmask = "".join("1" if f else "0" for f in mask)
    cal = BusinessCalendar(PublicHolidays(*place), weekmask)
    reference = np.busdaycalendar(weekmask=weekmask, holidays=_holiday_list(*place))
    d = np.datetime64(day)
    after = np.busday_offset(d, n, roll="backward", busdaycal=reference)
    before = np.busday_offset(d, -n, roll="forward", busdaycal=reference)
    same_or_next = np.busday_offset(d, 0, roll="forward", busdaycal=reference)
    assert cal.bd_after(day, n) == after.astype(date)
    assert cal.bd_before(day, n) == before.astype(date)
    assert cal.on_or_after(day) == same_or_next.astype(date)
    assert cal.is_business_day(day) == bool(np.is_busday(d, busdaycal=reference))
