"""An in-memory store for running the services in milliseconds. Commit copies the working state
over the committed one; leaving without commit throws the working state away."""

from __future__ import annotations

import copy
from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from datetime import date, datetime

from followup.domain.model import Candidate, Opportunity, Touch
from followup.domain.people import Person, email_key
from followup.domain.progress import Funnel, History, ReplyRecord, TouchRecord, history_of
from followup.domain.replies.model import Reply
from followup.services.dependencies import Dependencies
from followup.services.storage import (
    AgendaRows,
    InvitationRecord,
    OpportunitySummary,
    OutboxItem,
    PersonRow,
    Store,
    TouchRow,
    UnitOfWork,
)


@dataclass
class State:
    candidate: Candidate | None = None
    opportunities: dict[str, Opportunity] = field(default_factory=dict)
    plans: dict[str, list[Touch]] = field(default_factory=dict)
    stages: dict[str, str] = field(default_factory=dict)
    snoozes: dict[tuple, tuple] = field(default_factory=dict)  # type: ignore[type-arg]
    outbox: dict[int, OutboxItem] = field(default_factory=dict)
    cursors: dict[str, tuple[int, int]] = field(default_factory=dict)
    secrets: dict[str, str] = field(default_factory=dict)
    replies: dict[int, Reply] = field(default_factory=dict)
    people: dict[int, Person] = field(default_factory=dict)
    invitations: dict[str, InvitationRecord] = field(default_factory=dict)


class FakeUnitOfWork(UnitOfWork):
    def __init__(self, store: FakeStore) -> None:
        self.store = store
        self.state = copy.deepcopy(store.committed)

    def commit(self) -> None:
        self.store.committed = copy.deepcopy(self.state)
        self.store.commits += 1

    def rollback(self) -> None:
        self.state = copy.deepcopy(self.store.committed)

    def get_candidate(self) -> Candidate | None:
        return self.state.candidate

    def save_candidate(self, candidate: Candidate) -> None:
        self.state.candidate = candidate

    def get_opportunity(self, opportunity_id: str) -> Opportunity | None:
        found = self.state.opportunities.get(opportunity_id)
        return copy.deepcopy(found)

    def opportunity_ids(self) -> list[str]:
        return list(self.state.opportunities)

    def save_opportunity(self, opportunity: Opportunity) -> None:
        self.state.opportunities[opportunity.id] = copy.deepcopy(opportunity)

    def summaries(self) -> list[OpportunitySummary]:
        out = []
        for o in self.state.opportunities.values():
            planned = [t for t in self.state.plans.get(o.id, []) if t.status == "planned"]
            nxt = min(planned, key=lambda t: (t.due, t.seq)) if planned else None
            out.append(
                OpportunitySummary(
                    o.id, o.company, o.role, o.policy, self.state.stages.get(o.id, ""), nxt
                )
            )
        return out

    # outbox and inbox, as simply as the SQLite store keeps them
    def queue(self, item):  # type: ignore[no-untyped-def]
        new_id = len(self.state.outbox) + 1
        self.state.outbox[new_id] = replace(item, id=new_id, status="queued")
        return new_id

    def waiting_letter(self, opportunity_id, step, contact, due):  # type: ignore[no-untyped-def]
        return next(
            (
                i
                for i in self.state.outbox.values()
                if (i.opportunity, i.step, i.contact, i.due) == (opportunity_id, step, contact, due)
                and i.status in ("queued", "sending")
            ),
            None,
        )

    def update_letter(self, item_id, subject, body):  # type: ignore[no-untyped-def]
        item = self.state.outbox[item_id]
        if item.status == "queued":
            self.state.outbox[item_id] = replace(item, subject=subject, body=body)

    def claim_next(self, now):  # type: ignore[no-untyped-def]
        ready = sorted(
            (i for i in self.state.outbox.values() if i.status == "queued" and i.send_after <= now),
            key=lambda i: (i.send_after, i.id),
        )
        if not ready:
            return None
        item = replace(ready[0], status="sending", attempts=ready[0].attempts + 1)
        self.state.outbox[item.id] = item
        return item

    def set_outbox_status(self, item_id, status, error=None, sent_at=None):  # type: ignore[no-untyped-def]
        self.state.outbox[item_id] = replace(
            self.state.outbox[item_id], status=status, last_error=error, sent_at=sent_at
        )

    def recover_interrupted(self):  # type: ignore[no-untyped-def]
        stuck = [i for i in self.state.outbox.values() if i.status == "sending"]
        for item in stuck:
            self.state.outbox[item.id] = replace(item, status="uncertain")
        return len(stuck)

    def outbox(self, statuses=()):  # type: ignore[no-untyped-def]
        return [i for i in self.state.outbox.values() if not statuses or i.status in statuses]

    def sent_with_ids(self, message_ids):  # type: ignore[no-untyped-def]
        return next(
            (
                i
                for i in self.state.outbox.values()
                if i.message_id in message_ids and i.status in ("sent", "uncertain")
            ),
            None,
        )

    def contacts_by_email(self):  # type: ignore[no-untyped-def]
        found: dict[str, list[tuple[str, str]]] = {}
        for o in self.state.opportunities.values():
            for iv in o.interviews:
                for c in iv.contacts:
                    if c.email and (o.id, c.name) not in found.get(c.email.lower(), []):
                        found.setdefault(c.email.lower(), []).append((o.id, c.name))
        return found

    def secret(self, name, make):  # type: ignore[no-untyped-def]
        return self.state.secrets.setdefault(name, make())

    def inbox_cursor(self, mailbox):  # type: ignore[no-untyped-def]
        return self.state.cursors.get(mailbox)

    def set_inbox_cursor(self, mailbox, uidvalidity, last_uid):  # type: ignore[no-untyped-def]
        self.state.cursors[mailbox] = (uidvalidity, last_uid)

    def add_reply(self, reply: Reply) -> int | None:
        if any(
            (r.opportunity, r.identity) == (reply.opportunity, reply.identity)
            for r in self.state.replies.values()
        ):
            return None
        new_id = len(self.state.replies) + 1
        self.state.replies[new_id] = replace(reply, id=new_id)
        return new_id

    def replies(self, opportunity_id=None, status=None, contact=None):  # type: ignore[no-untyped-def]
        found = [
            r
            for r in self.state.replies.values()
            if opportunity_id in (None, r.opportunity)
            and status in (None, r.status)
            and contact in (None, r.contact)
        ]
        return sorted(found, key=lambda r: (r.received_at, r.id), reverse=True)

    def get_reply(self, reply_id: int) -> Reply | None:
        return self.state.replies.get(reply_id)

    def set_reply_status(self, reply_id, status, decided_at):  # type: ignore[no-untyped-def]
        self.state.replies[reply_id] = replace(self.state.replies[reply_id], status=status)

    def snooze(self, opportunity_id, step, contact, due, until, reason):  # type: ignore[no-untyped-def]
        self.state.snoozes[(opportunity_id, step, contact, due)] = (until, reason)
        self._apply(opportunity_id)

    def _apply(self, opportunity_id: str) -> None:
        for t in self.state.plans.get(opportunity_id, []):
            found = self.state.snoozes.get((opportunity_id, t.step, t.contact, t.due))
            if found and found[0] > t.due:
                t.snoozed_until, t.snooze_reason = found

    def revision(self) -> int:
        return hash(
            tuple(
                (o.id, o.company, tuple(o.contact_names()))
                for o in self.state.opportunities.values()
            )
        )

    def directory(self) -> list[tuple[str, str, list[str]]]:
        return [(o.id, o.company, o.contact_names()) for o in self.state.opportunities.values()]

    def replace_plan(self, opportunity_id: str, touches: list[Touch], stage: str) -> None:
        self.state.plans[opportunity_id] = list(touches)
        self.state.stages[opportunity_id] = stage
        self._apply(opportunity_id)

    def plan(self, opportunity_id: str | None = None) -> Iterator[TouchRow]:
        for oid, opp in self.state.opportunities.items():
            if opportunity_id in (None, oid):
                for t in sorted(self.state.plans.get(oid, []), key=lambda t: (t.due, t.seq)):
                    yield TouchRow(t, opp.company)

    def agenda(self, on: date, until: date, limit: int) -> AgendaRows:
        rows = [r for r in self.plan() if r.touch.status == "planned"]
        rows.sort(key=lambda r: r.touch.shows_on)

        def pick(keep):  # type: ignore[no-untyped-def]
            chosen = [r for r in rows if keep(r.touch.shows_on)]
            return chosen[:limit], max(0, len(chosen) - limit)

        week = pick(lambda d: on < d <= until)
        if not week[0]:  # nothing this week: the next one however far, as the stores do
            week = ([r for r in rows if r.touch.shows_on > on][:1], 0)
        return AgendaRows(*pick(lambda d: d < on), *pick(lambda d: d == on), *week)

    def history(self, since: date, today: date) -> History:
        touches = []
        for row in self.plan():
            t = row.touch
            opportunity = self.state.opportunities[t.opportunity]
            interview = next((i.date for i in opportunity.interviews if i.id == t.interview), None)
            touches.append(
                TouchRecord(t.opportunity, t.contact, t.step, t.status, t.due, t.done_on, interview)
            )
        replies = [
            ReplyRecord(o.id, e.contact, e.date)
            for o in self.state.opportunities.values()
            for e in o.events
            if e.kind == "reply"
        ]
        return history_of(touches, replies, since, today)

    def due_per_day(self, start: date, end: date) -> dict[date, int]:
        found: dict[date, int] = {}
        for row in self.plan():
            day = row.touch.shows_on
            if row.touch.status == "planned" and start <= day <= end:
                found[day] = found.get(day, 0) + 1
        return found

    def funnel(self) -> Funnel:
        opportunities = list(self.state.opportunities.values())
        return Funnel(
            len(opportunities),
            sum(1 for o in opportunities if o.interviews),
            sum(
                1
                for o in opportunities
                if any(i.round >= 2 for i in o.interviews)
                or any(e.kind == "invited" for e in o.events)
            ),
            sum(1 for o in opportunities if any(e.kind == "offer" for e in o.events)),
            sum(1 for o in opportunities if self.state.stages.get(o.id) == "closed"),
        )

    # the address book and invitations, kept as plainly as possible
    def person_by_email(self, key: str) -> PersonRow | None:
        for pid, person in self.state.people.items():
            if key in person.email_keys:
                return PersonRow(pid, person)
        return None

    def people_named(self, name_key, company_key, without_email=False, limit=10):  # type: ignore[no-untyped-def]
        return [
            PersonRow(pid, p)
            for pid, p in sorted(self.state.people.items())
            if p.name_key == name_key
            and company_key in (None, p.company_key)
            and not (without_email and p.emails)
        ][:limit]

    def save_person(self, person_id: int | None, person: Person) -> int:
        if person_id is None:
            person_id = max(self.state.people, default=0) + 1
        for other, known in self.state.people.items():
            taken = set(known.email_keys) & {email_key(e) for e in person.emails}
            assert other == person_id or not taken, f"address {taken} belongs to person {other}"
        self.state.people[person_id] = person
        return person_id

    def delete_person(self, person_id: int) -> None:
        del self.state.people[person_id]

    def people(self, contains: str = "", limit: int | None = None) -> Iterator[PersonRow]:
        rows = sorted(self.state.people.items(), key=lambda item: (item[1].name_key, item[0]))
        found = [PersonRow(pid, p) for pid, p in rows if contains in p.name_key]
        yield from found[:limit] if limit is not None else found

    def invitation(self, uid: str) -> InvitationRecord | None:
        return self.state.invitations.get(uid)

    def save_invitation(self, record: InvitationRecord) -> None:
        self.state.invitations[record.uid] = record


class FakeStore(Store):
    def __init__(self) -> None:
        self.committed = State()
        self.commits = 0

    def unit_of_work(self, readonly: bool = False) -> FakeUnitOfWork:
        return FakeUnitOfWork(self)

    @property
    def location(self) -> str:
        return "memory"


def fake_deps(now: datetime, readers: bool = True) -> Dependencies:
    """The services over an in-memory store, with the real calendars and policies, at `now`; with
    the file readers (imports) unless `readers` is False."""
    from followup import bootstrap
    from followup.adapters.holidays import calendar_for
    from followup.adapters.policies import PolicyBook

    extra = {"readers": bootstrap.readers} if readers else {}
    return Dependencies(FakeStore(), calendar_for, PolicyBook(None), clock=lambda: now, **extra)
