"""The queries both SQL stores share: SQLite on a candidate's machine, PostgreSQL on a server.

Every method of `SqlUnitOfWork` is written once, in SQL both databases run, and each store adds
only how it connects and a small `Dialect`. Write new storage methods here, in that SQL:

- `?` placeholders (the PostgreSQL dialect turns them into its own);
- `INSERT … ON CONFLICT (key) DO …`, `RETURNING`, `UPDATE … FROM`, `CASE` rather than
  SQLite's `INSERT OR …`, `lastrowid`, or two-argument `max()`;
- dates and times as ISO text parameters (`date.isoformat()`, `_utc(moment)`), read back with
  `_day`, `_clock` and `_when`, which take either database's values;
- no account: on PostgreSQL every table of a person's data has an `account_id` that row-level
  security fills in and filters by, and the dialect puts it first in `ON CONFLICT` keys. A
  query here never names it, so it cannot name someone else's.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from datetime import UTC, date, datetime, time
from functools import lru_cache

from followup.domain.model import (
    STEPS,
    Candidate,
    Contact,
    Event,
    Interview,
    Opportunity,
    Timeline,
    Topic,
    Touch,
)
from followup.domain.people import Person, email_key
from followup.services.storage import (
    AgendaRows,
    InvitationRecord,
    OpportunitySummary,
    OutboxItem,
    PersonRow,
    TouchRow,
    UnitOfWork,
)

TYPE_CHECKING = False  # typing, json and re are not loaded at start-up (the agenda reads here)
if TYPE_CHECKING:
    from typing import Any, ClassVar, Protocol

    from followup.domain.progress import Funnel, History
    from followup.domain.replies.model import Reply

    class Cursor(Protocol):
        rowcount: int

        def fetchone(self) -> Any: ...

        def fetchall(self) -> list[Any]: ...

        def fetchmany(self, size: int) -> list[Any]: ...

        def __iter__(self) -> Iterator[Any]: ...


class Dialect:
    """SQLite's SQL as the shared queries are written; PostgreSQL's dialect overrides."""

    name = "sqlite"
    # appended to a subquery that picks a row to claim, so that concurrent claimers skip it
    skip_locked = ""

    def sql(self, text: str) -> str:
        return text

    def indexed_by(self, index: str) -> str:
        """SQLite sometimes needs telling which index to read; PostgreSQL's planner does not."""
        return f"INDEXED BY {index}"

    def unindexed(self, column: str) -> str:
        """The column, for a condition SQLite must not pick an index for (a unary plus hides it
        from SQLite's planner, which otherwise takes a wide index over a narrow primary key)."""
        return f"+{column}"


class SqlUnitOfWork(UnitOfWork):
    """One transaction on one connection; the subclass begins it, commits and closes."""

    dialect: ClassVar[Dialect] = Dialect()

    def __init__(self, connection: Any) -> None:
        self._db = connection

    def _q(self, sql: str, params: Sequence[Any] = ()) -> Cursor:
        cursor: Cursor = self._db.execute(self.dialect.sql(sql), tuple(params))
        return cursor

    def _many(self, sql: str, rows: Iterable[Sequence[Any]]) -> None:
        batch = [tuple(r) for r in rows]
        if batch:
            self._db.cursor().executemany(self.dialect.sql(sql), batch)

    # -- candidate ------------------------------------------------------------------------------
    def get_candidate(self) -> Candidate | None:
        row = self._q(
            "SELECT name, email, phone, timezone, country, subdivision, weekmask, default_policy, "
            "strengths, courses, other_interviews FROM candidate WHERE id = 1"
        ).fetchone()
        if row is None:
            return None
        return Candidate(
            name=row[0],
            email=row[1],
            phone=row[2],
            timezone=row[3],
            country=row[4],
            subdivision=row[5],
            weekmask=row[6],
            default_policy=row[7],
            strengths=_strings(row[8]),
            courses=_strings(row[9]),
            other_interviews=row[10],
        )

    def save_candidate(self, candidate: Candidate) -> None:
        import json

        self._q(
            "INSERT INTO candidate (id, name, email, phone, timezone, country, subdivision, "
            "weekmask, default_policy, strengths, courses, other_interviews) "
            "VALUES (1, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
            "ON CONFLICT (id) DO UPDATE SET name = excluded.name, email = excluded.email, "
            "phone = excluded.phone, timezone = excluded.timezone, country = excluded.country, "
            "subdivision = excluded.subdivision, weekmask = excluded.weekmask, "
            "default_policy = excluded.default_policy, strengths = excluded.strengths, "
            "courses = excluded.courses, other_interviews = excluded.other_interviews",
            (
                candidate.name,
                candidate.email,
                candidate.phone,
                candidate.timezone,
                candidate.country,
                candidate.subdivision,
                candidate.weekmask,
                candidate.default_policy,
                json.dumps(list(candidate.strengths)),
                json.dumps(list(candidate.courses)),
                candidate.other_interviews,
            ),
        )

    # -- opportunities ------------------------------------------------------------------------
    def opportunity_ids(self) -> list[str]:
        return [r[0] for r in self._q("SELECT id FROM opportunity ORDER BY position")]

    def get_opportunity(self, opportunity_id: str) -> Opportunity | None:
        import json

        row = self._q(
            "SELECT id, company, role, policy, preliminary_deadline, second_round_deadline, "
            "strengths, applied, url, notes, tracked_stage FROM opportunity WHERE id = ?",
            (opportunity_id,),
        ).fetchone()
        if row is None:
            return None
        contacts: dict[str, list[Contact]] = {}
        for p in self._q(
            "SELECT interview_id, name, title, email, phone, minutes, decision_maker, topics, "
            "timezone, notes FROM participant WHERE opportunity_id = ? "
            "ORDER BY interview_id, position",
            (opportunity_id,),
        ):
            contacts.setdefault(p[0], []).append(
                Contact(
                    p[1],
                    p[2],
                    p[3],
                    p[4],
                    p[5],
                    bool(p[6]),
                    tuple(json.loads(p[7])),
                    p[8],
                    tuple(Topic(**n) for n in json.loads(p[9])),
                )
            )
        interviews = [
            Interview(
                i[0],
                _must_day(i[1]),
                i[2],
                tuple(contacts.get(i[0], ())),
                _clock(i[3]),
                i[4],
            )
            for i in self._q(
                "SELECT id, date, round, time, location FROM interview WHERE opportunity_id = ? "
                "ORDER BY position",
                (opportunity_id,),
            )
        ]
        events = [
            Event(
                date=_must_day(e[0]),
                time=_clock(e[1]),
                kind=e[2],
                step=e[3],
                contact=e[4],
                note=e[5],
            )
            for e in self._q(
                "SELECT date, time, kind, step, contact, note FROM event "
                "WHERE opportunity_id = ? ORDER BY position",
                (opportunity_id,),
            )
        ]
        return Opportunity(
            id=row[0],
            company=row[1],
            role=row[2],
            policy=row[3],
            timeline=Timeline(_day(row[4]), _day(row[5])),
            interviews=interviews,
            events=events,
            strengths=tuple(json.loads(row[6])),
            applied=_day(row[7]),
            url=row[8],
            notes=row[9],
            tracked_stage=row[10],
        )

    def save_opportunity(self, opportunity: Opportunity) -> None:
        import json

        oid = opportunity.id
        timeline = opportunity.timeline
        self._q(
            "INSERT INTO opportunity (id, position, company, role, policy, preliminary_deadline, "
            "second_round_deadline, strengths, applied, url, notes, tracked_stage) "
            "VALUES (?, (SELECT coalesce(max(position), 0) + 1 "
            "FROM opportunity), ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO UPDATE SET "
            "company = excluded.company, role = excluded.role, policy = excluded.policy, "
            "preliminary_deadline = excluded.preliminary_deadline, "
            "second_round_deadline = excluded.second_round_deadline, "
            "strengths = excluded.strengths, "
            "applied = excluded.applied, url = excluded.url, notes = excluded.notes, "
            "tracked_stage = excluded.tracked_stage",
            (
                oid,
                opportunity.company,
                opportunity.role,
                opportunity.policy,
                _iso(timeline.preliminary_deadline),
                _iso(timeline.second_round_deadline),
                json.dumps(list(opportunity.strengths)),
                _iso(opportunity.applied),
                opportunity.url,
                opportunity.notes,
                opportunity.tracked_stage,
            ),
        )
        self._q("DELETE FROM interview WHERE opportunity_id = ?", (oid,))
        self._q("DELETE FROM event WHERE opportunity_id = ?", (oid,))
        self._many(
            "INSERT INTO interview (opportunity_id, id, position, date, round, time, location) "
            "VALUES (?, ?, ?, ?, ?, ?, ?)",
            [
                (
                    oid,
                    iv.id,
                    i,
                    iv.date.isoformat(),
                    iv.round,
                    iv.time.strftime("%H:%M") if iv.time else None,
                    iv.location,
                )
                for i, iv in enumerate(opportunity.interviews)
            ],
        )
        self._many(
            "INSERT INTO participant (opportunity_id, interview_id, position, name, title, email, "
            "phone, minutes, decision_maker, topics, timezone, notes) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [
                (
                    oid,
                    iv.id,
                    j,
                    c.name,
                    c.title,
                    c.email,
                    c.phone,
                    c.minutes,
                    bool(c.decision_maker),
                    json.dumps(list(c.topics)),
                    c.timezone,
                    json.dumps([_note(n) for n in c.notes]),
                )
                for iv in opportunity.interviews
                for j, c in enumerate(iv.contacts)
            ],
        )
        self._many(
            "INSERT INTO event (opportunity_id, position, date, time, kind, step, contact, note) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            [
                (
                    oid,
                    i,
                    e.date.isoformat(),
                    e.time.strftime("%H:%M") if e.time else None,
                    e.kind,
                    e.step,
                    e.contact,
                    e.note,
                )
                for i, e in enumerate(opportunity.events)
            ],
        )

    def revision(self) -> int:
        row = self._q("SELECT value FROM revision WHERE id = 1").fetchone()
        return int(row[0]) if row else 0

    def directory(self) -> list[tuple[str, str, list[str]]]:
        people: dict[str, tuple[str, dict[str, None]]] = {}
        for oid, company, name in self._q(
            "SELECT o.id, o.company, p.name FROM opportunity o LEFT JOIN participant p "
            "ON p.opportunity_id = o.id ORDER BY o.position, p.interview_id, p.position"
        ):
            entry = people.setdefault(oid, (company, {}))
            if name is not None:
                entry[1].setdefault(name, None)
        return [(oid, company, list(names)) for oid, (company, names) in people.items()]

    def summaries(self) -> list[OpportunitySummary]:
        rows = self._q(
            "SELECT o.id, o.company, o.role, o.policy, o.stage, t.contact, t.step, t.channel, "
            "t.due, t.seq FROM opportunity o LEFT JOIN touch t ON t.opportunity_id = o.id "
            "AND t.seq = (SELECT seq FROM touch WHERE opportunity_id = o.id AND status = 'planned' "
            "ORDER BY due, seq LIMIT 1) ORDER BY o.position"
        )
        out = []
        for r in rows:
            nxt = None
            if r[5] is not None:
                nxt = Touch(r[0], r[5], r[6], r[7], _must_day(r[8]), seq=r[9])
            out.append(OpportunitySummary(r[0], r[1], r[2], r[3], r[4], nxt))
        return out

    # -- touches ----------------------------------------------------------------------------------
    def replace_plan(self, opportunity_id: str, touches: list[Touch], stage: str) -> None:
        self._q("DELETE FROM touch WHERE opportunity_id = ?", (opportunity_id,))
        self._many(TOUCH_INSERT, [touch_row(opportunity_id, t) for t in touches])
        self._apply_snoozes(opportunity_id)
        self._q("UPDATE opportunity SET stage = ? WHERE id = ?", (stage, opportunity_id))

    def snooze(
        self, opportunity_id: str, step: str, contact: str, due: date, until: date, reason: str
    ) -> None:
        self._q(
            "INSERT INTO snooze (opportunity_id, step, contact, due, until, reason) "
            "VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (opportunity_id, step, contact, due) "
            "DO UPDATE SET until = excluded.until, reason = excluded.reason",
            (opportunity_id, step, contact, due.isoformat(), until.isoformat(), reason),
        )
        self._apply_snoozes(opportunity_id)

    def _apply_snoozes(self, opportunity_id: str) -> None:
        self._q(
            "UPDATE touch SET show_on = CASE WHEN s.until > touch.due THEN s.until "
            "ELSE touch.due END, snooze_reason = s.reason "
            "FROM snooze s WHERE touch.opportunity_id = ? "
            "AND s.opportunity_id = touch.opportunity_id AND s.step = touch.step "
            "AND s.contact = touch.contact AND s.due = touch.due",
            (opportunity_id,),
        )

    def plan(self, opportunity_id: str | None = None) -> Iterator[TouchRow]:
        where, args = (
            ("WHERE t.opportunity_id = ?", (opportunity_id,)) if opportunity_id else ("", ())
        )
        rows = self._q(
            f"SELECT {_TOUCH_COLUMNS} FROM touch t JOIN opportunity o ON o.id = t.opportunity_id "
            f"{where} ORDER BY o.position, t.due, t.seq",
            args,
        )
        return (_touch_row(r) for r in rows)

    # -- outbox and inbox ---------------------------------------------------------------------
    def queue(self, item: OutboxItem) -> int:
        (new_id,) = self._q(
            "INSERT INTO outbox (opportunity_id, step, contact, to_name, to_address, subject, "
            "body, message_id, send_after, status, created_at, due) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 'queued', ?, ?) RETURNING id",
            (
                item.opportunity,
                item.step,
                item.contact,
                item.to_name,
                item.to_address,
                item.subject,
                item.body,
                item.message_id,
                _utc(item.send_after),
                _utc(datetime.now(UTC)),
                item.due or None,  # a letter for no planned touch is not one of a kind
            ),
        ).fetchone()
        return int(new_id)

    def waiting_letter(
        self, opportunity_id: str, step: str, contact: str, due: str
    ) -> OutboxItem | None:
        row = self._q(
            f"SELECT {OUTBOX_COLUMNS} FROM outbox WHERE opportunity_id = ? AND step = ? "
            "AND contact = ? AND due = ? AND status IN ('queued', 'sending') LIMIT 1",
            (opportunity_id, step, contact, due),
        ).fetchone()
        return outbox_item(row) if row else None

    def update_letter(self, item_id: int, subject: str, body: str) -> None:
        self._q(
            "UPDATE outbox SET subject = ?, body = ? WHERE id = ? AND status = 'queued'",
            (subject, body, item_id),
        )

    def claim_next(self, now: datetime) -> OutboxItem | None:
        row = self._q(
            f"UPDATE outbox SET status = 'sending', attempts = attempts + 1 WHERE id = ("
            f"SELECT id FROM outbox WHERE status = 'queued' AND send_after <= ? "
            f"ORDER BY send_after, id LIMIT 1{self.dialect.skip_locked}) "
            f"RETURNING {OUTBOX_COLUMNS}",
            (_utc(now),),
        ).fetchone()
        return outbox_item(row) if row else None

    def set_outbox_status(
        self, item_id: int, status: str, error: str | None = None, sent_at: datetime | None = None
    ) -> None:
        self._q(
            "UPDATE outbox SET status = ?, last_error = ?, sent_at = ? WHERE id = ?",
            (status, error, _utc(sent_at) if sent_at else None, item_id),
        )

    def recover_interrupted(self) -> int:
        return self._q(
            f"UPDATE outbox SET status = 'uncertain', last_error = '{INTERRUPTED}' "
            "WHERE status = 'sending'"
        ).rowcount

    def outbox(self, statuses: tuple[str, ...] = ()) -> list[OutboxItem]:
        where = f"WHERE status IN ({', '.join('?' for _ in statuses)})" if statuses else ""
        return [
            outbox_item(r)
            for r in self._q(
                f"SELECT {OUTBOX_COLUMNS} FROM outbox {where} ORDER BY send_after, id", statuses
            )
        ]

    def sent_with_ids(self, message_ids: list[str]) -> OutboxItem | None:
        if not message_ids:
            return None
        row = self._q(
            f"SELECT {OUTBOX_COLUMNS} FROM outbox WHERE message_id IN "
            f"({', '.join('?' for _ in message_ids)}) AND status IN ('sent', 'uncertain') "
            "ORDER BY id LIMIT 1",
            message_ids,
        ).fetchone()
        return outbox_item(row) if row else None

    def contacts_by_email(self) -> dict[str, list[tuple[str, str]]]:
        found: dict[str, list[tuple[str, str]]] = {}
        for oid, name, address in self._q(
            "SELECT DISTINCT opportunity_id, name, lower(email) FROM participant "
            "WHERE email <> '' ORDER BY 1, 2"
        ):
            found.setdefault(address, []).append((oid, name))
        return found

    def secret(self, name: str, make: Callable[[], str]) -> str:
        self._q(
            "INSERT INTO secret (name, value) VALUES (?, ?) ON CONFLICT (name) DO NOTHING",
            (name, make()),
        )
        (value,) = self._q("SELECT value FROM secret WHERE name = ?", (name,)).fetchone()
        return str(value)

    def inbox_cursor(self, mailbox: str) -> tuple[int, int] | None:
        row = self._q(
            "SELECT uidvalidity, last_uid FROM inbox_cursor WHERE mailbox = ?", (mailbox,)
        ).fetchone()
        return (int(row[0]), int(row[1])) if row else None

    def set_inbox_cursor(self, mailbox: str, uidvalidity: int, last_uid: int) -> None:
        self._q(
            "INSERT INTO inbox_cursor (mailbox, uidvalidity, last_uid) VALUES (?, ?, ?) "
            "ON CONFLICT (mailbox) DO UPDATE SET uidvalidity = excluded.uidvalidity, "
            "last_uid = excluded.last_uid",
            (mailbox, uidvalidity, last_uid),
        )

    # -- replies read -----------------------------------------------------------------------------
    def add_reply(self, reply: Reply) -> int | None:
        row = self._q(
            "INSERT INTO reply (opportunity_id, contact, received_at, message_id, identity, "
            "subject, body, kind, evidence, proposal, status) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
            "ON CONFLICT (opportunity_id, identity) DO NOTHING RETURNING id",
            (
                reply.opportunity,
                reply.contact,
                _utc(reply.received_at),
                reply.message_id,
                reply.identity,
                reply.subject,
                reply.text,
                reply.kind,
                reply.evidence,
                reply.proposal,
                reply.status,
            ),
        ).fetchone()
        return int(row[0]) if row else None

    def replies(
        self,
        opportunity_id: str | None = None,
        status: str | None = None,
        contact: str | None = None,
    ) -> list[Reply]:
        conditions, args = [], []
        for column, value in (
            ("opportunity_id", opportunity_id),
            ("status", status),
            ("contact", contact),
        ):
            if value is not None:
                conditions.append(f"{column} = ?")
                args.append(value)
        where = f"WHERE {' AND '.join(conditions)}" if conditions else ""
        return [
            _reply(r)
            for r in self._q(
                f"SELECT {_REPLY_COLUMNS} FROM reply {where} ORDER BY received_at DESC, id DESC",
                args,
            )
        ]

    def get_reply(self, reply_id: int) -> Reply | None:
        row = self._q(f"SELECT {_REPLY_COLUMNS} FROM reply WHERE id = ?", (reply_id,)).fetchone()
        return _reply(row) if row else None

    def set_reply_status(self, reply_id: int, status: str, decided_at: datetime) -> None:
        self._q(
            "UPDATE reply SET status = ?, decided_at = ? WHERE id = ?",
            (status, _utc(decided_at), reply_id),
        )

    # -- history ------------------------------------------------------------------------------
    def history(self, since: date, today: date) -> History:
        from followup.domain.progress import (
            DueTally,
            History,
            MadeTally,
            MadeTouch,
            ReplyRecord,
            SentThankYouTally,
        )

        span = (since.isoformat(), today.isoformat())
        history_index = self.dialect.indexed_by("touch_history")
        made_index = self.dialect.indexed_by("touch_made")
        steps = ", ".join(f"'{s}'" for s in STEPS)  # every step: the index is led by step
        due = tuple(
            DueTally(r[0], r[1], _must_day(r[2]), _day(r[3]), r[4])
            for r in self._q(
                f"SELECT step, status, due, done_on, count(*) FROM touch {history_index} "
                f"WHERE step IN ({steps}) AND due >= ? AND due <= ? "
                "GROUP BY step, due, status, done_on",
                span,
            )
        )
        sent = tuple(
            SentThankYouTally(_must_day(r[0]), _must_day(r[1]), _must_day(r[2]), r[3])
            for r in self._q(
                f"SELECT t.due, i.date, t.done_on, count(*) FROM touch t {history_index} "
                "JOIN interview i ON i.opportunity_id = t.opportunity_id "
                "AND i.id = t.interview_id WHERE t.step = 'thank_you' AND t.due >= ? "
                "AND t.due <= ? AND t.status = 'done' GROUP BY t.due, i.date, t.done_on",
                span,
            )
        )
        made = tuple(
            MadeTally(r[0], _must_day(r[1]), r[2])
            for r in self._q(
                f"SELECT step, done_on, count(*) FROM touch {made_index} "
                "WHERE status = 'done' AND done_on >= ? AND done_on <= ? GROUP BY step, done_on",
                span,
            )
        )
        replies = tuple(
            ReplyRecord(r[0], r[1], _must_day(r[2]))
            for r in self._q(
                "SELECT opportunity_id, contact, date FROM event WHERE kind = 'reply' "
                "AND date >= ? AND date <= ?",
                span,
            )
        )
        # The touches of the opportunities that had a reply, read by their primary key (a few
        # thousand opportunities' touches), not by the index of every touch done in the span.
        status, done_on = self.dialect.unindexed("status"), self.dialect.unindexed("done_on")
        answerable = tuple(
            MadeTouch(r[0], r[1], r[2], _must_day(r[3]))
            for r in self._q(
                "SELECT opportunity_id, contact, step, done_on FROM touch WHERE opportunity_id IN "
                "(SELECT opportunity_id FROM event WHERE kind = 'reply' AND date >= ? "
                f"AND date <= ?) AND {status} = 'done' AND {done_on} >= ? AND {done_on} <= ?",
                span + span,
            )
        )
        return History(due, sent, made, answerable, replies)

    def due_per_day(self, start: date, end: date) -> dict[date, int]:
        index = self.dialect.indexed_by("touch_planned_show_on")
        return {
            _must_day(day): count
            for day, count in self._q(
                f"SELECT show_on, count(*) FROM touch {index} "
                "WHERE status = 'planned' AND show_on >= ? AND show_on <= ? GROUP BY show_on",
                (start.isoformat(), end.isoformat()),
            )
        }

    def funnel(self) -> Funnel:
        from followup.domain.progress import Funnel

        row = self._q(
            "SELECT (SELECT count(*) FROM opportunity), "
            "(SELECT count(DISTINCT opportunity_id) FROM interview), "
            "(SELECT count(*) FROM opportunity o WHERE EXISTS (SELECT 1 FROM interview i "
            "WHERE i.opportunity_id = o.id AND i.round >= 2) OR EXISTS (SELECT 1 FROM event e "
            "WHERE e.opportunity_id = o.id AND e.kind = 'invited')), "
            "(SELECT count(DISTINCT opportunity_id) FROM event WHERE kind = 'offer'), "
            "(SELECT count(*) FROM opportunity WHERE stage = 'closed')"
        ).fetchone()
        return Funnel(*(int(v) for v in row))

    # -- the address book ------------------------------------------------------------------------
    def person_by_email(self, key: str) -> PersonRow | None:
        row = self._q(
            f"SELECT {_PERSON_COLUMNS} FROM person p WHERE p.id = "
            "(SELECT person_id FROM person_email WHERE email_key = ?)",
            (key,),
        ).fetchone()
        return self._person(row) if row else None

    def people_named(
        self,
        name_key: str,
        company_key: str | None,
        without_email: bool = False,
        limit: int = 10,
    ) -> list[PersonRow]:
        conditions, args = ["name_key = ?"], [name_key]
        if company_key is not None:
            conditions.append("company_key = ?")
            args.append(company_key)
        if without_email:
            conditions.append("addresses = 0")
        return [
            self._person(r)
            for r in self._q(
                f"SELECT {_PERSON_COLUMNS} FROM person p WHERE {' AND '.join(conditions)} "
                "ORDER BY id LIMIT ?",
                (*args, limit),
            ).fetchall()
        ]

    def save_person(self, person_id: int | None, person: Person) -> int:
        values = (
            person.name,
            person.title,
            person.company,
            person.phone,
            person.url,
            person.source,
            person.name_key,
            person.company_key,
            len(person.emails),
        )
        if person_id is None:
            (new_id,) = self._q(
                "INSERT INTO person (name, title, company, phone, url, source, name_key, "
                "company_key, addresses) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
                values,
            ).fetchone()
            person_id = int(new_id)
        else:
            self._q(
                "UPDATE person SET name = ?, title = ?, company = ?, phone = ?, url = ?, "
                "source = ?, name_key = ?, company_key = ?, addresses = ? WHERE id = ?",
                (*values, person_id),
            )
            self._q("DELETE FROM person_email WHERE person_id = ?", (person_id,))
        self._many(
            "INSERT INTO person_email (email_key, person_id, position, email) VALUES (?, ?, ?, ?)",
            [(email_key(e), person_id, i, e) for i, e in enumerate(person.emails)],
        )
        return person_id

    def delete_person(self, person_id: int) -> None:
        self._q("DELETE FROM person_email WHERE person_id = ?", (person_id,))
        self._q("DELETE FROM person WHERE id = ?", (person_id,))

    def people(self, contains: str = "", limit: int | None = None) -> Iterator[PersonRow]:
        where = ""
        args: list[object] = []
        if contains:
            escaped = contains.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
            where = "WHERE p.name_key LIKE ? ESCAPE '\\'"
            args.append(f"%{escaped}%")
        tail = " LIMIT ?" if limit is not None else ""
        if limit is not None:
            args.append(limit)
        cursor = self._q(
            f"SELECT {_PERSON_COLUMNS} FROM person p {where} ORDER BY p.name_key, p.id{tail}",
            args,
        )
        while rows := cursor.fetchmany(500):
            for row in rows:
                yield self._person(row)

    def _person(self, row: Sequence[Any]) -> PersonRow:
        emails = [
            e
            for (e,) in self._q(
                "SELECT email FROM person_email WHERE person_id = ? ORDER BY position", (row[0],)
            )
        ]
        return PersonRow(
            int(row[0]),
            Person(
                name=row[1],
                title=row[2],
                company=row[3],
                email=emails[0] if emails else "",
                phone=row[4],
                url=row[5],
                source=row[6],
                other_emails=tuple(emails[1:]),
            ),
        )

    # -- invitations -----------------------------------------------------------------------------
    def invitation(self, uid: str) -> InvitationRecord | None:
        row = self._q(
            "SELECT uid, opportunity_id, interview_id, sequence, minutes, cancelled "
            "FROM invitation WHERE uid = ?",
            (uid,),
        ).fetchone()
        if row is None:
            return None
        return InvitationRecord(row[0], row[1], row[2], row[3], row[4], bool(row[5]))

    def save_invitation(self, record: InvitationRecord) -> None:
        self._q(
            "INSERT INTO invitation (uid, opportunity_id, interview_id, sequence, minutes, "
            "cancelled) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (uid) DO UPDATE SET "
            "opportunity_id = excluded.opportunity_id, interview_id = excluded.interview_id, "
            "sequence = excluded.sequence, minutes = excluded.minutes, "
            "cancelled = excluded.cancelled",
            (
                record.uid,
                record.opportunity_id,
                record.interview_id,
                record.sequence,
                record.minutes,
                bool(record.cancelled),
            ),
        )

    def agenda(self, on: date, until: date, limit: int) -> AgendaRows:
        day, last = on.isoformat(), until.isoformat()
        sections: list[tuple[str, tuple[str, ...], int]] = [
            ("t.show_on < ?", (day,), limit),  # overdue
            ("t.show_on = ?", (day,), limit),  # today
            ("t.show_on > ? AND t.show_on <= ?", (day, last), limit),  # the week ahead
            ("t.show_on > ?", (day,), 1),  # the next one however far, for an empty week
        ]
        # One query for all four (a round trip is worth more than the rows), each part read
        # from the index in its own order and limited on its own.
        index = self.dialect.indexed_by("touch_planned_show_on")
        parts, args = [], []
        for n, (condition, values, size) in enumerate(sections):
            parts.append(
                f"SELECT * FROM (SELECT {n} AS part, o.position AS place, {_TOUCH_COLUMNS} "
                f"FROM touch t {index} JOIN opportunity o ON o.id = t.opportunity_id "
                f"WHERE t.status = 'planned' AND {condition} "
                f"ORDER BY t.show_on, o.position, t.seq LIMIT ?) AS part{n}"
            )
            args += [*values, size]
        found: list[list[TouchRow]] = [[], [], [], []]
        for r in self._q(" UNION ALL ".join(parts) + " ORDER BY 1, 14, 2, 12", args):
            found[r[0]].append(_touch_row(r[2:]))
        counted = [
            (rows, self._more(condition, values, limit) if len(rows) == limit else 0)
            for rows, (condition, values, _) in zip(found[:3], sections[:3], strict=True)
        ]
        if not found[2]:  # nothing this week: show what comes next, however far
            counted[2] = (found[3], 0)
        return AgendaRows(*counted[0], *counted[1], *counted[2])

    def _more(self, condition: str, args: tuple[str, ...], limit: int) -> int:
        """How many more than `limit` there are. Bounded: "999+ more" is as useful as an exact
        count and keeps the agenda's time flat however many touches are overdue."""
        index = self.dialect.indexed_by("touch_planned_show_on")
        (total,) = self._q(
            f"SELECT count(*) FROM (SELECT 1 FROM touch t {index} "
            f"WHERE t.status = 'planned' AND {condition} LIMIT ?) AS bounded",
            (*args, limit + MORE_CAP),
        ).fetchone()
        return int(total) - limit


INTERRUPTED = (
    "the dispatcher stopped while handing this letter to the mail server: it may or may not "
    "have gone"
)
OUTBOX_COLUMNS = (
    "id, opportunity_id, step, contact, to_name, to_address, subject, body, message_id, "
    "send_after, status, attempts, last_error, sent_at, coalesce(due, '')"
)


def _utc(moment: datetime) -> str:
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S")


def _when(value: object) -> datetime | None:
    """A stored moment: SQLite's UTC text or PostgreSQL's timestamptz."""
    if isinstance(value, datetime):
        return value.astimezone(UTC)
    if isinstance(value, str) and value:
        return datetime.fromisoformat(value).replace(tzinfo=UTC)
    return None


def outbox_item(r: Sequence[Any]) -> OutboxItem:
    return OutboxItem(
        id=r[0],
        opportunity=r[1],
        step=r[2],
        contact=r[3],
        to_name=r[4],
        to_address=r[5],
        subject=r[6],
        body=r[7],
        message_id=r[8],
        send_after=_when(r[9]) or datetime.now(UTC),
        status=r[10],
        attempts=r[11],
        last_error=r[12],
        sent_at=_when(r[13]),
        due=r[14],
    )


_REPLY_COLUMNS = (
    "id, opportunity_id, contact, received_at, message_id, subject, body, kind, evidence, "
    "proposal, status"
)


def _reply(r: Sequence[Any]) -> Reply:
    from followup.domain.replies.model import Reply  # the check of a letter reads none

    return Reply(
        opportunity=r[1],
        contact=r[2],
        received_at=_when(r[3]) or datetime.now(UTC),
        message_id=r[4],
        subject=r[5],
        text=r[6],
        kind=r[7],
        evidence=r[8],
        proposal=r[9],
        status=r[10],
        id=int(r[0]),
    )


_PERSON_COLUMNS = "p.id, p.name, p.title, p.company, p.phone, p.url, p.source"

MORE_CAP = 999
_TOUCH_COLUMNS = (
    "t.opportunity_id, t.contact, t.step, t.channel, t.due, t.status, t.reason, t.done_on, "
    "t.interview_id, t.seq, o.company, t.show_on, t.snooze_reason"
)


def _touch_row(r: Sequence[Any]) -> TouchRow:
    due = _must_day(r[4])
    touch = Touch(
        opportunity=str(r[0]),
        contact=str(r[1]),
        step=str(r[2]),
        channel=str(r[3]),
        due=due,
        status=str(r[5]),
        reason=r[6] if isinstance(r[6], str) else None,
        done_on=_day(r[7]),
        interview=r[8] if isinstance(r[8], str) else None,
        seq=int(r[9]),
    )
    if r[12] is not None and _day(r[11]) != due:
        touch.snoozed_until = _day(r[11])
        touch.snooze_reason = str(r[12])
    return TouchRow(touch, str(r[10]))


def _note(topic: Topic) -> dict[str, str]:
    return {
        "name": topic.name,
        "said": topic.said,
        "bring": topic.bring,
        "promised": topic.promised,
    }


def _strings(text: str) -> tuple[str, ...]:
    """A JSON list of strings; the empty one without loading json (the agenda reads the
    candidate, and its start-up counts)."""
    if text == "[]":
        return ()
    import json

    return tuple(json.loads(text))


def _day(value: object) -> date | None:
    """A stored day: SQLite's ISO text or PostgreSQL's date."""
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    return date.fromisoformat(value) if isinstance(value, str) else None


def _must_day(value: object) -> date:
    found = _day(value)
    if found is None:
        raise ValueError(f"a stored day is missing: {value!r}")
    return found


def _clock(value: object) -> time | None:
    """A stored time of day: SQLite's 'HH:MM' or PostgreSQL's time."""
    if isinstance(value, time):
        return value
    return time.fromisoformat(value) if isinstance(value, str) and value else None


# A planned touch as a row of `touch`: it shows on its due day until a snooze moves it.
TOUCH_INSERT = (
    "INSERT INTO touch (opportunity_id, seq, contact, step, channel, due, status, reason, "
    "done_on, interview_id, show_on) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
)


def touch_row(opportunity_id: str, t: Touch) -> tuple[Any, ...]:
    due = t.due.isoformat()
    return (
        opportunity_id,
        t.seq,
        t.contact,
        t.step,
        t.channel,
        due,
        t.status,
        t.reason,
        _iso(t.done_on),
        t.interview,
        due,
    )


def _iso(value: date | None) -> str | None:
    return value.isoformat() if value else None


@lru_cache(maxsize=1024)
def numbered_placeholders(text: str) -> str:
    """`?` -> `%s` outside quoted text, and a literal `%` doubled (psycopg's paramstyle)."""
    import re

    out: list[str] = []
    for piece in re.split(r"('(?:[^']|'')*')", text):
        if piece.startswith("'"):
            out.append(piece.replace("%", "%%"))
        else:
            out.append(piece.replace("%", "%%").replace("?", "%s"))
    return "".join(out)
