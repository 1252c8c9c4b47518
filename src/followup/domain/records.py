"""What a reader of a user's file hands over: each record with where it was found, or why a
part of the file was left out."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Generic, TypeVar

T = TypeVar("T")


@dataclass(frozen=True, slots=True)
class Found(Generic[T]):
    where: str  # "line 12", "card 40", "invite.ics event 2": what a user can find in the file
    value: T


@dataclass(frozen=True, slots=True)
class Skip:
    where: str
    reason: str
