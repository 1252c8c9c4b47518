"""Public holidays from the `holidays` package, for the business-day calendar.

The package is imported only when a calendar is first needed (it costs ~70 ms), and each year's
holidays are computed once and kept as a frozenset for fast lookups.
"""

from __future__ import annotations

from datetime import date
from functools import lru_cache

from followup.domain.calendar import BusinessCalendar
from followup.domain.errors import InvalidField
from followup.domain.model import Candidate


class PublicHolidays:
    """The public holidays of one country and subdivision (default categories, observed days
    included), as a container of dates."""

    def __init__(self, country: str, subdivision: str | None) -> None:
        import holidays

        self._country = country
        self._subdivision = subdivision
        try:
            holidays.country_holidays(country, subdiv=subdivision)
        except NotImplementedError:
            supported = holidays.list_supported_countries()
            if country not in supported:
                raise InvalidField(
                    "country",
                    "an ISO 3166 country code the holidays package knows, like US",
                    country,
                ) from None
            if not supported[country]:  # (ZA, SG…: one calendar for the whole country)
                raise InvalidField(
                    "subdivision",
                    f"none: {country} has no subdivisions with holidays of their own",
                    subdivision,
                ) from None
            known = ", ".join(supported[country][:12]) + (
                ", …" if len(supported[country]) > 12 else ""
            )
            raise InvalidField(
                "subdivision", f"a subdivision of {country} ({known})", subdivision
            ) from None
        self._years: dict[int, frozenset[date]] = {}

    def year(self, year: int) -> frozenset[date]:
        days = self._years.get(year)
        if days is None:
            import holidays

            # Neighbouring years too: a holiday of one year can be observed in the next.
            found = holidays.country_holidays(
                self._country,
                subdiv=self._subdivision,
                years=(year - 1, year, year + 1),
                observed=True,
            )
            days = frozenset(d for d in found if d.year == year)
            self._years[year] = days
        return days

    def __contains__(self, day: object) -> bool:
        return isinstance(day, date) and day in self.year(day.year)


@lru_cache(maxsize=32)
def _calendar(country: str | None, subdivision: str | None, weekmask: str) -> BusinessCalendar:
    holidays: frozenset[date] | PublicHolidays = frozenset()
    if country:
        holidays = PublicHolidays(country, subdivision)
    elif subdivision:
        raise InvalidField(
            "subdivision", "a country too (a subdivision alone means nothing)", subdivision
        )
    return BusinessCalendar(holidays, weekmask)


def calendar_for(candidate: Candidate) -> BusinessCalendar:
    """The business-day calendar of the candidate's country, subdivision and week mask."""
    return _calendar(candidate.country, candidate.subdivision, candidate.weekmask)
