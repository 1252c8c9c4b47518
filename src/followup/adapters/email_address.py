"""Email addresses checked by email-validator (RFC 5322 / 6531 syntax, internationalised
domains), without any network look-up: one bare address, never a display name, a second
address or a header line smuggled in."""

from __future__ import annotations

from followup.domain.errors import InvalidField
from followup.domain.validation import EMAIL_EXPECTED, check_email_shape


def check_email(value: str, field: str) -> None:
    check_email_shape(value, field)  # fast, and the same words for the obvious cases
    from email_validator import EmailNotValidError, validate_email

    try:
        validate_email(value, check_deliverability=False)
    except EmailNotValidError:
        raise InvalidField(field, EMAIL_EXPECTED, value) from None
