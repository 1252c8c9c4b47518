"""What a business card says, as read from a photo (article 001: collect everyone's card)."""

from __future__ import annotations

from dataclasses import dataclass, field

CARD_FIELDS = ("name", "title", "company", "email", "phone")


@dataclass(frozen=True, slots=True)
class BusinessCard:
    """The five fields found on a card (None: not found) and, for each found, how sure the reader
    is of it, from 0 to 1. `source` says where they came from: the card's QR code or its text."""

    name: str | None = None
    title: str | None = None
    company: str | None = None
    email: str | None = None
    phone: str | None = None
    confidence: dict[str, float] = field(default_factory=dict)
    source: str = "text"

    def as_dict(self) -> dict[str, object]:
        """DESIGN's shape: the five fields, then a confidence for each (0 where not found)."""
        shown: dict[str, object] = {key: getattr(self, key) for key in CARD_FIELDS}
        shown["confidence"] = {
            key: round(self.confidence.get(key, 0.0), 2) if getattr(self, key) else 0.0
            for key in CARD_FIELDS
        }
        return shown

    @property
    def found(self) -> list[str]:
        return [key for key in CARD_FIELDS if getattr(self, key)]
