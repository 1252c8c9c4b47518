"""Importing applications and saved jobs from job boards and other trackers (DESIGN: each row
becomes an opportunity with a stable id from company and role, with no interviews yet)."""

from __future__ import annotations

from collections.abc import Iterable

from followup.domain.application import Application, apply_application, opportunity_id
from followup.domain.errors import InvalidField
from followup.domain.model import Candidate
from followup.domain.validation import validate_opportunity
from followup.services.dependencies import Dependencies
from followup.services.importing import Found, Skip, Tally
from followup.services.planning import replan
from followup.services.ports import ImportReport
from followup.services.storage import UnitOfWork


def merge_applications(
    deps: Dependencies, uow: UnitOfWork, records: Iterable[Found[Application] | Skip]
) -> ImportReport:
    """One opportunity per application, added or updated inside the caller's unit of work
    (which commits every row, or none when the file turns out bad half-way). The first row of a
    job in the file updates it; later rows of the same job only fill blanks, so that the same
    file twice changes nothing."""
    report = Tally("applications")
    outcomes: dict[str, str] = {}  # opportunity id → what this import did to it
    labels: dict[str, str] = {}
    candidate = uow.get_candidate() or Candidate()
    policy = candidate.default_policy
    deps.policies.get(policy, "default_policy")
    today = deps.today(candidate)
    for record in records:
        if isinstance(record, Skip):
            report.skip(record.where, record.reason)
            continue
        report.read += 1
        application = record.value
        if not application.company.strip():
            report.skip(record.where, "no company: a row needs the company's name")
            continue
        oid = opportunity_id(application.company, application.role)
        stored = uow.get_opportunity(oid)
        first = oid not in outcomes
        merged = apply_application(stored, application, policy, today, first, oid)
        if stored is not None and merged == stored:
            outcome = "unchanged"
        else:
            try:
                validate_opportunity(merged)
            except InvalidField as error:
                report.skip(record.where, error.message)
                continue
            uow.save_opportunity(merged)
            report.touches += replan(deps, uow, candidate, [merged])
            outcome = "added" if stored is None else "updated"
        if first:
            outcomes[oid] = outcome
        elif outcome != "unchanged" and outcomes[oid] == "unchanged":
            outcomes[oid] = "updated"
        if outcome != "unchanged" and len(labels) < 100:
            labels.setdefault(oid, " — ".join(x for x in (merged.company, merged.role) if x))
    for oid, outcome in outcomes.items():
        report.count(outcome, labels.get(oid, ""))
    return report.report()
