"""Errors a user can cause, each with its exit status and HTTP status.

Entry points translate these in exactly one place; the message is one line that names the field
or id that was wrong and what was expected.
"""

from __future__ import annotations


class FollowupError(Exception):
    """Base of every error Followup reports to a user instead of a traceback."""

    exit_code = 1
    http_status = 500
    field: str | None = None

    def __init__(self, message: str, field: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        if field is not None:
            self.field = field

    def __str__(self) -> str:
        return self.message

    def renamed(self, field: str) -> FollowupError:
        """The same error with its field called as the user knows it (`--contact`, `ID`)."""
        if self.field is None or not self.message.startswith(f"{self.field}:"):
            return self
        self.message = field + self.message[len(self.field) :]
        self.field = field
        self.args = (self.message,)
        return self


class BadInput(FollowupError):
    """Input that does not fit what Followup expects (a file, an argument, a form field)."""

    exit_code = 2
    http_status = 400


class InvalidField(BadInput):
    """One field holds a value that is not what is expected."""

    def __init__(self, field: str, expected: str, got: object = None) -> None:
        self.field = field
        self.expected = expected
        self.got = got
        shown = "" if got is None else f", got {_show(got)}"
        super().__init__(f"{field}: expected {expected}{shown}")

    def under(self, prefix: str) -> InvalidField:
        """The same error with the field named from an enclosing object, e.g. `opportunities[2]`."""
        field = self.field or ""
        joined = f"{prefix}.{field}" if prefix and not field.startswith("[") else prefix + field
        return InvalidField(joined, self.expected, self.got)


class NotFound(FollowupError):
    """An id or a name that names nothing stored."""

    exit_code = 2
    http_status = 404

    def __init__(self, field: str, noun: str, key: str, known: list[str] | None = None) -> None:
        self.field = field
        self.noun = noun
        self.key = key
        hint = ""
        if known is not None:
            shown = ", ".join(known[:8]) + (", …" if len(known) > 8 else "")
            hint = f" (known: {shown})" if known else f" (no {noun} is stored yet)"
        super().__init__(f"{field}: no {noun} {key!r}{hint}")


class Conflict(FollowupError):
    """The request contradicts what is stored (an id already used, a state that forbids it)."""

    exit_code = 2
    http_status = 409


def _show(value: object) -> str:
    text = repr(value)
    return text if len(text) <= 60 else text[:57] + "…'"


class Busy(FollowupError):
    """Another process holds the database's write lock: nothing was changed, try again."""

    exit_code = 2
    http_status = 503


class StorageFailed(FollowupError):
    """The database cannot be written (a read-only file, a full disk): nothing was changed."""

    exit_code = 2
    http_status = 503
