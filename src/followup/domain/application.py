"""An application or a saved job, as a job board or another tracker lists it, and the opportunity
it becomes here (DESIGN: each row becomes an opportunity with a stable id from company and role,
with no interviews yet)."""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import date

from followup.domain.folding import fold
from followup.domain.model import Event, Opportunity
from followup.domain.people import company_key
from followup.domain.stage import TRACKED_STAGES

# Stages another tool can report that are events here: the plan must follow them.
DECISIONS = ("offer", "rejected", "withdrawn")
APPLICATION_FIELDS = ("company", "role", "applied", "url", "stage", "notes")


@dataclass(frozen=True, slots=True)
class Application:
    company: str
    role: str = ""
    applied: date | None = None
    url: str = ""
    stage: str = ""  # one of TRACKED_STAGES or DECISIONS, or "" when the tool said nothing
    notes: str = ""
    stage_date: date | None = None  # when the tool last changed the stage, if it says


def opportunity_id(company: str, role: str) -> str:
    """The same company and role always give the same id, whatever their case or accents:
    `Société Générale SA`, `Account Executive` → `societe-generale-account-executive` (a legal
    form like "Inc." or "SA" left out, as one source writes it and another does not)."""
    return id_from(company_key(company), fold(role))


def id_from(company: str, role: str) -> str:
    """The id from a company's key and a role already folded."""
    words = [w for w in re.split(r"[\W_]+", f"{company} {role}") if w]
    return "-".join(words)[:80].strip("-") or "opportunity"


def apply_application(
    stored: Opportunity | None,
    application: Application,
    default_policy: str,
    today: date,
    overwrite: bool = True,
    known_id: str = "",
) -> Opportunity:
    """The opportunity after this row: new, or the stored one with what the row says. With
    `overwrite` the row's non-empty fields win; without, they only fill blanks (a second row of
    the same job in one file). A decision (offer, rejection, withdrawal) is recorded once, as an
    event on the day the tool says it changed, else the day applied, else today."""
    tracked = application.stage if application.stage in TRACKED_STAGES else ""
    opportunity = stored or Opportunity(
        id=known_id or opportunity_id(application.company, application.role),
        company=application.company,
        role=application.role,
        policy=default_policy,
    )
    changes: dict[str, object] = {}
    if tracked and opportunity.tracked_stage in TRACKED_STAGES:
        # A stage only moves forward: a saved-jobs list does not undo an application.
        order = TRACKED_STAGES.index
        if order(tracked) <= order(opportunity.tracked_stage):
            tracked = ""
    for name, value in (
        ("applied", application.applied),
        ("url", application.url),
        ("notes", application.notes),
        ("tracked_stage", tracked),
    ):
        stored = getattr(opportunity, name)
        if value and value != stored and (overwrite or not stored):
            changes[name] = value
    updated = replace(opportunity, **changes) if changes else opportunity  # type: ignore[arg-type]
    if application.stage in DECISIONS and not any(
        e.kind == application.stage for e in updated.events
    ):
        day = application.stage_date or application.applied or today
        updated = replace(
            updated, events=[*updated.events, Event(day, application.stage, note="imported")]
        )
    return updated
