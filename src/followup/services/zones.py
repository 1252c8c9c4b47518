"""Time zones by IANA name."""

from __future__ import annotations

from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from followup.domain.errors import InvalidField


def check_timezone(name: str, field: str) -> ZoneInfo:
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError, TypeError):
        raise InvalidField(field, "an IANA time zone like America/Chicago", name) from None
