"""The SQLite store. Constructing it opens nothing; each unit of work opens a connection,
brings the schema up to date the first time, and holds one transaction."""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Callable, Iterator
from datetime import UTC, date, datetime, time
from os import PathLike

from followup.adapters.storage.migrations import load_migration, migration_names
from followup.domain.errors import BadInput, Busy, FollowupError, StorageFailed
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
from followup.domain.replies.model import Reply
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

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any

    from followup.domain.progress import Funnel, History

MIGRATIONS = "followup.adapters.storage.sqlite.migrations"
# Waiting longer for another writer only makes a person (or a web request) wait for nothing:
# a few seconds covers any one use case's write; past that, say so and let them retry.
BUSY_TIMEOUT = 3.0


def storage_error(error: sqlite3.Error, path: str) -> FollowupError | None:
    """What an SQLite failure means to the person: one line, by its error code; None for an
    error that is the program's own (a statement that does not fit the schema), kept as is."""
    code = getattr(error, "sqlite_errorcode", None)
    base = (code or 0) & 0xFF
    if base in (sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED):
        return Busy(
            f"database: {path} is busy (another Followup is writing to it); try again in a moment"
        )
    if base == sqlite3.SQLITE_READONLY:
        return StorageFailed(
            f"database: {path} is read-only; expected a file Followup may write to"
        )
    if base == sqlite3.SQLITE_FULL:
        return StorageFailed(f"database: the disk holding {path} is full; nothing was changed")
    if base in (sqlite3.SQLITE_CANTOPEN, sqlite3.SQLITE_PERM, sqlite3.SQLITE_AUTH):
        return StorageFailed(f"database: {path} cannot be opened ({error})")
    if base == sqlite3.SQLITE_IOERR:
        return StorageFailed(f"database: {path} could not be read or written ({error})")
    if base in (sqlite3.SQLITE_NOTADB, sqlite3.SQLITE_CORRUPT):
        return BadInput(f"--database: expected a Followup SQLite database at {path!r} ({error})")
    return None


class _Connection(sqlite3.Connection):
    """A connection whose failures are one line for the person, not a traceback."""

    path = ""

    def execute(self, *args: Any, **kwargs: Any) -> sqlite3.Cursor:
        try:
            return super().execute(*args, **kwargs)
        except sqlite3.DatabaseError as error:
            raise _translated(error, self.path) from None

    def executemany(self, *args: Any, **kwargs: Any) -> sqlite3.Cursor:
        try:
            return super().executemany(*args, **kwargs)
        except sqlite3.DatabaseError as error:
            raise _translated(error, self.path) from None


def _translated(error: sqlite3.Error, path: str) -> BaseException:
    return storage_error(error, path) or error


class SqliteStore(Store):
    def __init__(self, path: str | PathLike[str], upto: str | None = None) -> None:
        self._path = os.fspath(path)
        self._upto = upto  # tests make databases as an earlier version did
        self._migrated = False

    @property
    def location(self) -> str:
        return self._path

    def unit_of_work(self, readonly: bool = False) -> SqliteUnitOfWork:
        connection = self._connect()
        return SqliteUnitOfWork(connection, readonly)

    def _connect(self) -> sqlite3.Connection:
        if self._path != ":memory:":
            folder = os.path.dirname(os.path.expanduser(self._path)) or "."
            if not os.path.isdir(folder):
                raise BadInput(
                    f"--database: expected a file in an existing folder, {folder!r} does not exist"
                )
        try:
            connection = sqlite3.connect(
                self._path, isolation_level=None, timeout=BUSY_TIMEOUT, factory=_Connection
            )
        except sqlite3.Error as error:
            raise _translated(error, self._path) from None
        connection.path = self._path
        try:
            connection.execute("PRAGMA foreign_keys = ON")
            if not self._migrated:
                # Before anything is written (tables, the journal mode): whose file is it?
                check_ownership(connection, self._path)
            if connection.execute("PRAGMA journal_mode").fetchone()[0] != "wal":
                connection.execute("PRAGMA journal_mode = WAL")
            connection.execute("PRAGMA synchronous = NORMAL")
            if not self._migrated:
                if self._upto is not None or not is_current(connection):
                    migrate(connection, self._upto)
                self._migrated = True
        except sqlite3.DatabaseError as error:  # not a database, or not one Followup can read
            connection.close()
            raise BadInput(
                f"--database: expected a Followup SQLite database at {self._path!r} ({error})"
            ) from None
        except BaseException:
            connection.close()
            raise
        return connection


def is_current(connection: sqlite3.Connection) -> bool:
    """Whether every migration is applied: one read, no write (a read-only command on an
    up-to-date database migrates nothing, and takes no write lock to find out)."""
    try:
        done = {row[0] for row in connection.execute("SELECT name FROM schema_migrations")}
    except sqlite3.OperationalError:  # no such table: a new database
        return False
    return done >= set(migration_names(MIGRATIONS))


def check_ownership(connection: sqlite3.Connection, path: str) -> None:
    """Refuse another program's database, and one made by a newer Followup, changing nothing."""
    tables = [
        row[0]
        for row in connection.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' "
            "ORDER BY name"
        )
    ]
    if not tables:
        return  # a new, empty file: it becomes Followup's
    if "schema_migrations" not in tables:
        shown = ", ".join(tables[:6]) + (", …" if len(tables) > 6 else "")
        raise BadInput(
            f"--database: {path} is another program's SQLite database (tables: {shown}); "
            "expected a Followup database or a new file"
        )
    known = set(migration_names(MIGRATIONS))
    newer = sorted(
        row[0]
        for row in connection.execute("SELECT name FROM schema_migrations")
        if row[0] not in known
    )
    if newer:
        raise BadInput(
            f"--database: {path} was made by a newer Followup (it has migration {newer[-1]}); "
            "upgrade Followup to open it"
        )


def applied_migrations(connection: sqlite3.Connection) -> set[str]:
    connection.execute(
        "CREATE TABLE IF NOT EXISTS schema_migrations "
        "(name TEXT PRIMARY KEY, applied_at TEXT NOT NULL DEFAULT (datetime('now')))"
    )
    return {row[0] for row in connection.execute("SELECT name FROM schema_migrations")}


def migrate(connection: sqlite3.Connection, upto: str | None = None) -> list[str]:
    """Apply every migration not yet applied (up to `upto`), each in its own transaction."""
    done = applied_migrations(connection)
    applied = []
    for name in migration_names(MIGRATIONS):
        if upto is not None and name > upto:
            break
        if name in done:
            continue
        migration = load_migration(MIGRATIONS, name)
        connection.execute("BEGIN IMMEDIATE")
        try:
            if name in applied_migrations(connection):  # another process got there first
                connection.execute("ROLLBACK")
                continue
            for statement in migration.statements():
                connection.execute(statement)
            connection.execute("INSERT INTO schema_migrations (name) VALUES (?)", (name,))
            connection.execute("COMMIT")
        except BaseException:
            connection.execute("ROLLBACK")
            raise
        applied.append(name)
    return applied


class SqliteUnitOfWork(UnitOfWork):
    def __init__(self, connection: sqlite3.Connection, readonly: bool = False) -> None:
        self._db = connection
        self._db.execute("BEGIN" if readonly else "BEGIN IMMEDIATE")

    def commit(self) -> None:
        if self._db.in_transaction:
            self._db.execute("COMMIT")

    def rollback(self) -> None:
        if self._db.in_transaction:
            self._db.execute("ROLLBACK")

    def close(self) -> None:
        self._db.close()

    # -- candidate ------------------------------------------------------------------------------
    def get_candidate(self) -> Candidate | None:
        row = self._db.execute(
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

        self._db.execute(
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
        return [r[0] for r in self._db.execute("SELECT id FROM opportunity ORDER BY position")]

    def get_opportunity(self, opportunity_id: str) -> Opportunity | None:
        import json

        row = self._db.execute(
            "SELECT id, company, role, policy, preliminary_deadline, second_round_deadline, "
            "strengths, applied, url, notes, tracked_stage FROM opportunity WHERE id = ?",
            (opportunity_id,),
        ).fetchone()
        if row is None:
            return None
        contacts: dict[str, list[Contact]] = {}
        for p in self._db.execute(
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
                date.fromisoformat(i[1]),
                i[2],
                tuple(contacts.get(i[0], ())),
                time.fromisoformat(i[3]) if i[3] else None,
                i[4],
            )
            for i in self._db.execute(
                "SELECT id, date, round, time, location FROM interview WHERE opportunity_id = ? "
                "ORDER BY position",
                (opportunity_id,),
            )
        ]
        events = [
            Event(
                date=date.fromisoformat(e[0]),
                time=time.fromisoformat(e[1]) if e[1] else None,
                kind=e[2],
                step=e[3],
                contact=e[4],
                note=e[5],
            )
            for e in self._db.execute(
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
        self._db.execute(
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
        self._db.execute("DELETE FROM interview WHERE opportunity_id = ?", (oid,))
        self._db.execute("DELETE FROM event WHERE opportunity_id = ?", (oid,))
        self._db.executemany(
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
        self._db.executemany(
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
                    int(c.decision_maker),
                    json.dumps(list(c.topics)),
                    c.timezone,
                    json.dumps([_note(n) for n in c.notes]),
                )
                for iv in opportunity.interviews
                for j, c in enumerate(iv.contacts)
            ],
        )
        self._db.executemany(
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
        (value,) = self._db.execute("SELECT value FROM revision WHERE id = 1").fetchone()
        return int(value)

    def directory(self) -> list[tuple[str, str, list[str]]]:
        people: dict[str, tuple[str, dict[str, None]]] = {}
        for oid, company, name in self._db.execute(
            "SELECT o.id, o.company, p.name FROM opportunity o LEFT JOIN participant p "
            "ON p.opportunity_id = o.id ORDER BY o.position, p.interview_id, p.position"
        ):
            entry = people.setdefault(oid, (company, {}))
            if name is not None:
                entry[1].setdefault(name, None)
        return [(oid, company, list(names)) for oid, (company, names) in people.items()]

    def summaries(self) -> list[OpportunitySummary]:
        rows = self._db.execute(
            "SELECT o.id, o.company, o.role, o.policy, o.stage, t.contact, t.step, t.channel, "
            "t.due, t.seq FROM opportunity o LEFT JOIN touch t ON t.opportunity_id = o.id "
            "AND t.seq = (SELECT seq FROM touch WHERE opportunity_id = o.id AND status = 'planned' "
            "ORDER BY due, seq LIMIT 1) ORDER BY o.position"
        )
        out = []
        for r in rows:
            nxt = None
            if r[5] is not None:
                nxt = Touch(r[0], r[5], r[6], r[7], date.fromisoformat(r[8]), seq=r[9])
            out.append(OpportunitySummary(r[0], r[1], r[2], r[3], r[4], nxt))
        return out

    # -- touches ----------------------------------------------------------------------------------
    def replace_plan(self, opportunity_id: str, touches: list[Touch], stage: str) -> None:
        self._db.execute("DELETE FROM touch WHERE opportunity_id = ?", (opportunity_id,))
        self._db.executemany(
            "INSERT INTO touch (opportunity_id, seq, contact, step, channel, due, status, reason, "
            "done_on, interview_id, show_on) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [
                (
                    opportunity_id,
                    t.seq,
                    t.contact,
                    t.step,
                    t.channel,
                    t.due.isoformat(),
                    t.status,
                    t.reason,
                    _iso(t.done_on),
                    t.interview,
                    t.due.isoformat(),
                )
                for t in touches
            ],
        )
        self._apply_snoozes(opportunity_id)
        self._db.execute("UPDATE opportunity SET stage = ? WHERE id = ?", (stage, opportunity_id))

    def snooze(
        self, opportunity_id: str, step: str, contact: str, due: date, until: date, reason: str
    ) -> None:
        self._db.execute(
            "INSERT INTO snooze (opportunity_id, step, contact, due, until, reason) "
            "VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (opportunity_id, step, contact, due) "
            "DO UPDATE SET until = excluded.until, reason = excluded.reason",
            (opportunity_id, step, contact, due.isoformat(), until.isoformat(), reason),
        )
        self._apply_snoozes(opportunity_id)

    def _apply_snoozes(self, opportunity_id: str) -> None:
        self._db.execute(
            "UPDATE touch SET show_on = max(touch.due, s.until), snooze_reason = s.reason "
            "FROM snooze s WHERE touch.opportunity_id = ? "
            "AND s.opportunity_id = touch.opportunity_id AND s.step = touch.step "
            "AND s.contact = touch.contact AND s.due = touch.due",
            (opportunity_id,),
        )

    def plan(self, opportunity_id: str | None = None) -> Iterator[TouchRow]:
        where, args = (
            ("WHERE t.opportunity_id = ?", (opportunity_id,)) if opportunity_id else ("", ())
        )
        rows = self._db.execute(
            f"SELECT {_TOUCH_COLUMNS} FROM touch t JOIN opportunity o ON o.id = t.opportunity_id "
            f"{where} ORDER BY o.position, t.due, t.seq",
            args,
        )
        return (_touch_row(r) for r in rows)

    # -- outbox and inbox ---------------------------------------------------------------------
    def queue(self, item: OutboxItem) -> int:
        cursor = self._db.execute(
            "INSERT INTO outbox (opportunity_id, step, contact, to_name, to_address, subject, "
            "body, message_id, send_after, status, created_at, due) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 'queued', datetime('now'), ?)",
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
                item.due,
            ),
        )
        return int(cursor.lastrowid or 0)

    def waiting_letter(
        self, opportunity_id: str, step: str, contact: str, due: str
    ) -> OutboxItem | None:
        row = self._db.execute(
            f"SELECT {_OUTBOX_COLUMNS} FROM outbox WHERE opportunity_id = ? AND step = ? "
            "AND contact = ? AND due = ? AND status IN ('queued', 'sending') LIMIT 1",
            (opportunity_id, step, contact, due),
        ).fetchone()
        return _outbox_item(row) if row else None

    def update_letter(self, item_id: int, subject: str, body: str) -> None:
        self._db.execute(
            "UPDATE outbox SET subject = ?, body = ? WHERE id = ? AND status = 'queued'",
            (subject, body, item_id),
        )

    def claim_next(self, now: datetime) -> OutboxItem | None:
        row = self._db.execute(
            f"UPDATE outbox SET status = 'sending', attempts = attempts + 1 WHERE id = ("
            f"SELECT id FROM outbox WHERE status = 'queued' AND send_after <= ? "
            f"ORDER BY send_after, id LIMIT 1) RETURNING {_OUTBOX_COLUMNS}",
            (_utc(now),),
        ).fetchone()
        return _outbox_item(row) if row else None

    def set_outbox_status(
        self, item_id: int, status: str, error: str | None = None, sent_at: datetime | None = None
    ) -> None:
        self._db.execute(
            "UPDATE outbox SET status = ?, last_error = ?, sent_at = ? WHERE id = ?",
            (status, error, _utc(sent_at) if sent_at else None, item_id),
        )

    def recover_interrupted(self) -> int:
        return self._db.execute(
            "UPDATE outbox SET status = 'uncertain', last_error = 'the dispatcher stopped while "
            "handing this letter to the mail server: it may or may not have gone' "
            "WHERE status = 'sending'"
        ).rowcount

    def outbox(self, statuses: tuple[str, ...] = ()) -> list[OutboxItem]:
        where = f"WHERE status IN ({', '.join('?' for _ in statuses)})" if statuses else ""
        return [
            _outbox_item(r)
            for r in self._db.execute(
                f"SELECT {_OUTBOX_COLUMNS} FROM outbox {where} ORDER BY send_after, id", statuses
            )
        ]

    def sent_with_ids(self, message_ids: list[str]) -> OutboxItem | None:
        if not message_ids:
            return None
        row = self._db.execute(
            f"SELECT {_OUTBOX_COLUMNS} FROM outbox WHERE message_id IN "
            f"({', '.join('?' for _ in message_ids)}) AND status IN ('sent', 'uncertain') "
            "LIMIT 1",
            message_ids,
        ).fetchone()
        return _outbox_item(row) if row else None

    def contacts_by_email(self) -> dict[str, list[tuple[str, str]]]:
        found: dict[str, list[tuple[str, str]]] = {}
        for oid, name, address in self._db.execute(
            "SELECT DISTINCT opportunity_id, name, lower(email) FROM participant WHERE email != ''"
        ):
            found.setdefault(address, []).append((oid, name))
        return found

    def secret(self, name: str, make: Callable[[], str]) -> str:
        self._db.execute("INSERT OR IGNORE INTO secret (name, value) VALUES (?, ?)", (name, make()))
        (value,) = self._db.execute("SELECT value FROM secret WHERE name = ?", (name,)).fetchone()
        return str(value)

    def inbox_cursor(self, mailbox: str) -> tuple[int, int] | None:
        row = self._db.execute(
            "SELECT uidvalidity, last_uid FROM inbox_cursor WHERE mailbox = ?", (mailbox,)
        ).fetchone()
        return (int(row[0]), int(row[1])) if row else None

    def set_inbox_cursor(self, mailbox: str, uidvalidity: int, last_uid: int) -> None:
        self._db.execute(
            "INSERT INTO inbox_cursor (mailbox, uidvalidity, last_uid) VALUES (?, ?, ?) "
            "ON CONFLICT (mailbox) DO UPDATE SET uidvalidity = excluded.uidvalidity, "
            "last_uid = excluded.last_uid",
            (mailbox, uidvalidity, last_uid),
        )

    # -- replies read -----------------------------------------------------------------------------
    def add_reply(self, reply: Reply) -> int | None:
        row = self._db.execute(
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
            for r in self._db.execute(
                f"SELECT {_REPLY_COLUMNS} FROM reply {where} ORDER BY received_at DESC, id DESC",
                args,
            )
        ]

    def get_reply(self, reply_id: int) -> Reply | None:
        row = self._db.execute(
            f"SELECT {_REPLY_COLUMNS} FROM reply WHERE id = ?", (reply_id,)
        ).fetchone()
        return _reply(row) if row else None

    def set_reply_status(self, reply_id: int, status: str, decided_at: datetime) -> None:
        self._db.execute(
            "UPDATE reply SET status = ?, decided_at = ? WHERE id = ?",
            (status, _utc(decided_at), reply_id),
        )

    # -- the address book ------------------------------------------------------------------------
    def person_by_email(self, key: str) -> PersonRow | None:
        row = self._db.execute(
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
            for r in self._db.execute(
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
            cursor = self._db.execute(
                "INSERT INTO person (name, title, company, phone, url, source, name_key, "
                "company_key, addresses) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                values,
            )
            person_id = int(cursor.lastrowid or 0)
        else:
            self._db.execute(
                "UPDATE person SET name = ?, title = ?, company = ?, phone = ?, url = ?, "
                "source = ?, name_key = ?, company_key = ?, addresses = ? WHERE id = ?",
                (*values, person_id),
            )
            self._db.execute("DELETE FROM person_email WHERE person_id = ?", (person_id,))
        self._db.executemany(
            "INSERT INTO person_email (email_key, person_id, position, email) VALUES (?, ?, ?, ?)",
            [(email_key(e), person_id, i, e) for i, e in enumerate(person.emails)],
        )
        return person_id

    def delete_person(self, person_id: int) -> None:
        self._db.execute("DELETE FROM person_email WHERE person_id = ?", (person_id,))
        self._db.execute("DELETE FROM person WHERE id = ?", (person_id,))

    def people(self, contains: str = "", limit: int | None = None) -> Iterator[PersonRow]:
        where, args = "", []
        if contains:
            escaped = contains.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
            where = "WHERE p.name_key LIKE ? ESCAPE '\\'"
            args.append(f"%{escaped}%")
        tail = " LIMIT ?" if limit is not None else ""
        if limit is not None:
            args.append(str(limit))
        cursor = self._db.execute(
            f"SELECT {_PERSON_COLUMNS} FROM person p {where} ORDER BY p.name_key, p.id{tail}",
            args,
        )
        while rows := cursor.fetchmany(500):
            for row in rows:
                yield self._person(row)

    def _person(self, row: tuple[Any, ...]) -> PersonRow:
        emails = [
            e
            for (e,) in self._db.execute(
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
        row = self._db.execute(
            "SELECT uid, opportunity_id, interview_id, sequence, minutes, cancelled "
            "FROM invitation WHERE uid = ?",
            (uid,),
        ).fetchone()
        if row is None:
            return None
        return InvitationRecord(row[0], row[1], row[2], row[3], row[4], bool(row[5]))

    def save_invitation(self, record: InvitationRecord) -> None:
        self._db.execute(
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
                int(record.cancelled),
            ),
        )

    def agenda(self, on: date, until: date, limit: int) -> AgendaRows:
        day, last = on.isoformat(), until.isoformat()
        overdue = self._planned("t.show_on < ?", (day,), limit)
        today = self._planned("t.show_on = ?", (day,), limit)
        upcoming = self._planned("t.show_on > ? AND t.show_on <= ?", (day, last), limit)
        if not upcoming[0]:  # nothing this week: show what comes next, however far
            upcoming = self._planned("t.show_on > ?", (day,), 1, count=False)
        return AgendaRows(*overdue, *today, *upcoming)

    def _planned(
        self, condition: str, args: tuple[str, ...], limit: int, count: bool = True
    ) -> tuple[list[TouchRow], int]:
        rows = [
            _touch_row(r)
            for r in self._db.execute(
                f"SELECT {_TOUCH_COLUMNS} FROM touch t INDEXED BY touch_planned_show_on "
                f"JOIN opportunity o ON o.id = t.opportunity_id WHERE t.status = 'planned' "
                f"AND {condition} ORDER BY t.show_on, o.position, t.seq LIMIT ?",
                (*args, limit),
            )
        ]
        more = 0
        if count and len(rows) == limit:
            # Bounded: "999+ more" is as useful as an exact count and keeps the agenda's time
            # flat however many touches are overdue.
            (total,) = self._db.execute(
                f"SELECT count(*) FROM (SELECT 1 FROM touch t INDEXED BY touch_planned_show_on "
                f"WHERE t.status = 'planned' AND {condition} LIMIT ?)",
                (*args, limit + MORE_CAP),
            ).fetchone()
            more = total - limit
        return rows, more

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
        steps = ", ".join(f"'{s}'" for s in STEPS)  # every step: the index is led by step
        due = tuple(
            DueTally(r[0], r[1], date.fromisoformat(r[2]), _day(r[3]), r[4])
            for r in self._db.execute(
                "SELECT step, status, due, done_on, count(*) FROM touch INDEXED BY "
                f"touch_history WHERE step IN ({steps}) AND due >= ? AND due <= ? "
                "GROUP BY step, due, status, done_on",
                span,
            )
        )
        sent = tuple(
            SentThankYouTally(
                date.fromisoformat(r[0]), date.fromisoformat(r[1]), date.fromisoformat(r[2]), r[3]
            )
            for r in self._db.execute(
                "SELECT t.due, i.date, t.done_on, count(*) FROM touch t INDEXED BY "
                "touch_history JOIN interview i ON i.opportunity_id = t.opportunity_id "
                "AND i.id = t.interview_id WHERE t.step = 'thank_you' AND t.due >= ? "
                "AND t.due <= ? AND t.status = 'done' GROUP BY t.due, i.date, t.done_on",
                span,
            )
        )
        made = tuple(
            MadeTally(r[0], date.fromisoformat(r[1]), r[2])
            for r in self._db.execute(
                "SELECT step, done_on, count(*) FROM touch INDEXED BY touch_made "
                "WHERE status = 'done' AND done_on >= ? AND done_on <= ? GROUP BY step, done_on",
                span,
            )
        )
        replies = tuple(
            ReplyRecord(r[0], r[1], date.fromisoformat(r[2]))
            for r in self._db.execute(
                "SELECT opportunity_id, contact, date FROM event WHERE kind = 'reply' "
                "AND date >= ? AND date <= ?",
                span,
            )
        )
        answerable = tuple(
            MadeTouch(r[0], r[1], r[2], date.fromisoformat(r[3]))
            for r in self._db.execute(
                "SELECT opportunity_id, contact, step, done_on FROM touch WHERE opportunity_id IN "
                "(SELECT opportunity_id FROM event WHERE kind = 'reply' AND date >= ?1 "
                "AND date <= ?2) AND status = 'done' AND done_on >= ?1 AND done_on <= ?2",
                span,
            )
        )
        return History(due, sent, made, answerable, replies)

    def due_per_day(self, start: date, end: date) -> dict[date, int]:
        return {
            date.fromisoformat(day): count
            for day, count in self._db.execute(
                "SELECT show_on, count(*) FROM touch INDEXED BY touch_planned_show_on "
                "WHERE status = 'planned' AND show_on >= ? AND show_on <= ? GROUP BY show_on",
                (start.isoformat(), end.isoformat()),
            )
        }

    def funnel(self) -> Funnel:
        from followup.domain.progress import Funnel

        row = self._db.execute(
            "SELECT (SELECT count(*) FROM opportunity), "
            "(SELECT count(DISTINCT opportunity_id) FROM interview), "
            "(SELECT count(*) FROM opportunity o WHERE EXISTS (SELECT 1 FROM interview i "
            "WHERE i.opportunity_id = o.id AND i.round >= 2) OR EXISTS (SELECT 1 FROM event e "
            "WHERE e.opportunity_id = o.id AND e.kind = 'invited')), "
            "(SELECT count(DISTINCT opportunity_id) FROM event WHERE kind = 'offer'), "
            "(SELECT count(*) FROM opportunity WHERE stage = 'closed')"
        ).fetchone()
        return Funnel(*(int(v) for v in row))


_PERSON_COLUMNS = "p.id, p.name, p.title, p.company, p.phone, p.url, p.source"
_OUTBOX_COLUMNS = (
    "id, opportunity_id, step, contact, to_name, to_address, subject, body, message_id, "
    "send_after, status, attempts, last_error, sent_at, coalesce(due, '')"
)


def _utc(moment: datetime) -> str:
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S")


def _outbox_item(r: tuple[Any, ...]) -> OutboxItem:
    def when(text: str | None) -> datetime | None:
        return datetime.fromisoformat(text).replace(tzinfo=UTC) if text else None

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
        send_after=when(r[9]) or datetime.now(UTC),
        status=r[10],
        attempts=r[11],
        last_error=r[12],
        sent_at=when(r[13]),
        due=r[14],
    )


_REPLY_COLUMNS = (
    "id, opportunity_id, contact, received_at, message_id, subject, body, kind, evidence, "
    "proposal, status"
)


def _reply(r: tuple[Any, ...]) -> Reply:
    return Reply(
        opportunity=r[1],
        contact=r[2],
        received_at=datetime.fromisoformat(r[3]).replace(tzinfo=UTC),
        message_id=r[4],
        subject=r[5],
        text=r[6],
        kind=r[7],
        evidence=r[8],
        proposal=r[9],
        status=r[10],
        id=int(r[0]),
    )


MORE_CAP = 999
_TOUCH_COLUMNS = (
    "t.opportunity_id, t.contact, t.step, t.channel, t.due, t.status, t.reason, t.done_on, "
    "t.interview_id, t.seq, o.company, t.show_on, t.snooze_reason"
)


def _touch_row(r: tuple[object, ...]) -> TouchRow:
    touch = Touch(
        opportunity=str(r[0]),
        contact=str(r[1]),
        step=str(r[2]),
        channel=str(r[3]),
        due=date.fromisoformat(str(r[4])),
        status=str(r[5]),
        reason=r[6] if isinstance(r[6], str) else None,
        done_on=_day(r[7]),
        interview=r[8] if isinstance(r[8], str) else None,
        seq=int(r[9]),  # type: ignore[call-overload]
    )
    if r[12] is not None and r[11] != r[4]:
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
    return date.fromisoformat(value) if isinstance(value, str) else None


def _iso(value: date | None) -> str | None:
    return value.isoformat() if value else None
