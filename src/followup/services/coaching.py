"""A coach's view: their clients at a glance, one client's search read-only, and comments on an
opportunity that the candidate sees.

A coach reads through a store acting as the coach with the client as its subject: the
database's row-level security shows only candidates whose grant to that coach is current, so a
client who revoked access, or whose grant ended, is simply not found (a 404).
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date

from followup.domain.errors import InvalidField, NotFound
from followup.domain.stage import STAGES
from followup.services.accounts import accounts_of
from followup.services.dependencies import Dependencies
from followup.services.office import Account, ClientFacts, Comment

MAX_COMMENT = 4000


@dataclass(frozen=True, slots=True)
class ClientRow:
    """One client at a glance."""

    account: int
    email: str
    name: str
    overdue: int  # planned touches past the day they were due
    days_since_last_touch: int | None  # None: nothing done yet
    unanswered_replies: int  # replies still unanswered after the next business day
    stages: list[tuple[str, int]]  # how many opportunities in each stage, in pipeline order
    until: date | None  # the last day of the grant


def clients(deps: Dependencies, coach: Account) -> list[ClientRow]:
    """Every candidate who granted this coach access, with what needs their attention."""
    return [_row(deps, fact) for fact in accounts_of(deps).clients(coach.id, deps.clock())]


def _row(deps: Dependencies, fact: ClientFacts) -> ClientRow:
    calendar = deps.calendars(fact.candidate)
    late = sum(1 for due in fact.open_replies if calendar.bd_after(due, 1) < fact.today)
    order = {stage: i for i, stage in enumerate(STAGES)}
    stages = sorted(fact.stages.items(), key=lambda kv: (order.get(kv[0], len(order)), kv[0]))
    return ClientRow(
        fact.account,
        fact.email,
        fact.name,
        fact.overdue,
        (fact.today - fact.last_done).days if fact.last_done else None,
        late,
        stages,
        fact.until,
    )


def client_deps(deps: Dependencies, coach: Account, client: int) -> Dependencies:
    """The services reading one client's search as this coach (read-only: the database lets a
    coach write nothing of theirs). NotFound unless the client's grant to this coach is
    current."""
    if accounts_of(deps).client(coach.id, client) is None:
        raise NotFound("client", "client", str(client))
    return replace(deps, store=deps.store.acting_as(coach.id, client), cache={})


def comments(
    deps: Dependencies, actor: Account, subject: int, opportunity_id: str
) -> list[Comment]:
    """The comments on an opportunity, oldest first ([] where the store is one person's)."""
    accounts = deps.store.accounts()
    if accounts is None:
        return []
    return accounts.comments(actor.id, subject, opportunity_id)


def add_comment(
    deps: Dependencies, actor: Account, subject: int, opportunity_id: str, body: str
) -> Comment:
    """A comment on a candidate's opportunity, by a coach they granted access (or by the
    candidate)."""
    text = body.strip().replace("\r\n", "\n")
    if not text:
        raise InvalidField("comment", "the comment's text")
    if len(text) > MAX_COMMENT:
        raise InvalidField("comment", f"at most {MAX_COMMENT} characters")
    try:
        return accounts_of(deps).add_comment(actor.id, subject, opportunity_id, text)
    except LookupError:
        raise NotFound("id", "opportunity", opportunity_id) from None
