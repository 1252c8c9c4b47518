"""Where an opportunity stands, for lists and the pipeline."""

from __future__ import annotations

from followup.domain.model import Opportunity, Touch

STAGES = ("saved", "applied", "interviewing", "waiting", "next round", "offer", "closed")
# The stages another tracker or a job board can put an opportunity in before any interview is
# recorded here (offers, rejections and withdrawals come in as events instead).
TRACKED_STAGES = ("saved", "applied", "interviewing")


def opportunity_stage(opportunity: Opportunity, touches: list[Touch]) -> str:
    """The latest decision wins (offer, closed); an invitation after the latest interview means
    the next round; with thank-yous still to send it is interviewing, else waiting. Before any
    interview, it is where the candidate's previous tracker had it (saved, applied)."""
    latest_interview = max((iv.date for iv in opportunity.interviews), default=None)
    stage = "interviewing"
    for event in sorted(opportunity.events, key=lambda e: e.date):
        if event.kind == "offer":
            stage = "offer"  # 001: an offer ends the follow-up (DESIGN: it cancels every touch)
        elif event.kind in ("rejected", "withdrawn"):
            # 004: a rejection closes the opportunity, though the door stays open (the
            # stay-in-touch letter and check-ins); 001: so does withdrawing
            stage = "closed"
        elif event.kind == "invited" and (
            latest_interview is None or event.date >= latest_interview
        ):
            stage = "next round"  # 001: invited to the second round, not yet interviewed
    if stage != "interviewing":
        return stage
    if not opportunity.interviews:
        return opportunity.tracked_stage or "interviewing"
    # 001, 002, 003: the thank-you letters go within two business days of each interview; until
    # they are sent the candidate is still in the interview, then waits for the decision
    thanks_pending = any(t.step == "thank_you" and t.status == "planned" for t in touches)
    return "interviewing" if thanks_pending else "waiting"
