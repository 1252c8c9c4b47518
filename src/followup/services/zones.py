"""Time zones by IANA name."""

from __future__ import annotations

from collections.abc import Callable
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from followup.domain.errors import InvalidField
from followup.domain.model import Opportunity


def check_timezone(name: str, field: str) -> ZoneInfo:
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError, TypeError):
        raise InvalidField(field, "an IANA time zone like America/Chicago", name) from None


def check_contact_emails(check: Callable[[str, str], None], opportunity: Opportunity) -> None:
    """Every address recorded for a person met must be one real address (field named as in
    the dossier); `check` is the validator the services were given."""
    for i, interview in enumerate(opportunity.interviews):
        for j, contact in enumerate(interview.contacts):
            if contact.email:
                check(contact.email, f"interviews[{i}].contacts[{j}].email")


def check_contact_zones(opportunity: Opportunity) -> None:
    """Every time zone recorded for a person met must exist (field named as in the dossier)."""
    for i, interview in enumerate(opportunity.interviews):
        for j, contact in enumerate(interview.contacts):
            if contact.timezone:
                check_timezone(contact.timezone, f"interviews[{i}].contacts[{j}].timezone")
