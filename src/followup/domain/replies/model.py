"""A reply as Followup keeps it: who wrote, when, what they wrote this time, what it says, and the
event it proposes until the candidate confirms or dismisses it."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

# none: nothing to confirm (a question, an automatic answer, anything else)
PROPOSAL_STATUSES = ("none", "proposed", "confirmed", "dismissed")


@dataclass(frozen=True, slots=True)
class Reply:
    """A message from the hiring side, matched to an opportunity and read for what it says."""

    opportunity: str
    contact: str
    received_at: datetime  # UTC
    message_id: str  # "" when the message carried none
    subject: str
    text: str  # the new text: what the sender wrote this time, without quotes or signature
    kind: str  # invitation, rejection, offer, question, automatic, other
    evidence: str  # the sentence that decided the kind
    proposal: str | None = None  # the event proposed: invited, rejected, offer
    status: str = "none"  # one of PROPOSAL_STATUSES
    id: int = 0  # given by the store

    @property
    def identity(self) -> str:
        """What makes two readings the same message (a mailbox read twice): its Message-ID, or
        who wrote and when for a message without one."""
        return self.message_id or f"{self.contact}|{self.received_at.isoformat()}"
