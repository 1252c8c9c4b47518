"""Keys built from names folded again, inside the migration that changes how they are folded.

Since `domain/folding.py` writes the Latin letters that Unicode does not decompose as the ASCII
letters they stand for ("Østergaard" is "ostergaard"), keys stored before say otherwise: the
address book's `name_key` and `company_key`, and the stable id an import gave an opportunity
from its company and role (`østergaard-account-executive`). Left so, the next import of the
same name would make a second person or opportunity beside the first. This step, run by the
migration `*_folded_keys` in its own transaction (SQLite and PostgreSQL alike), computes every
key again and merges what is now one, losing nothing:

- people: the same name at the same company without an address is one person (DESIGN); the
  oldest keeps its id and takes in what the others knew (blanks filled), and someone with an
  address takes in their namesakes who have none, as `services/people.py` does on an import;
- opportunities whose id is the one an import made from their company and role with the old
  folding get the new id: renamed when it is free, else merged into the one holding it (its
  blanks filled; interviews, people met, events, letters, replies, snoozes and invitations
  moved over), and what is merged is planned again in the same transaction, by DESIGN's rules
  from everything it now holds: the two old plans side by side would chase twice, and the
  second round's call would not wait for the first's. An id typed by a person (a dossier's) is
  never touched;
- where both hold a letter of the same touch, both are kept on the one opportunity: only one
  letter of a touch may wait to be sent (DESIGN: each letter goes out at most once), so the
  one furthest along (being sent, else the one of the opportunity keeping the id) waits and
  the other is kept as cancelled, saying why; the same reply read for both is one message,
  kept once with the decision the candidate took on either.
On PostgreSQL each account's rows are taken apart: nothing moves between accounts.
"""

from __future__ import annotations

import re
import unicodedata
from collections import defaultdict
from collections.abc import Callable, Sequence
from dataclasses import replace
from typing import Any

from followup.adapters.storage.sql import TOUCH_INSERT, touch_row
from followup.domain.application import id_from, opportunity_id
from followup.domain.model import Candidate, Opportunity, Touch
from followup.domain.people import Person, company_words, merge

Execute = Callable[[str, Sequence[Any]], Any]  # runs one statement, returns a cursor
# The plan of an opportunity by DESIGN's rules, with the candidate's calendar: its touches and
# its stage (bootstrap's reads the user's own policies too; shipped_plan the shipped ones).
Plan = Callable[[Opportunity, Candidate | None], tuple[list[Touch], str]]
WAITING = ("queued", "sending")  # a letter that may still go out
DECIDED = ("confirmed", "dismissed")  # a reply's proposal the candidate answered


def _old_fold(text: str) -> str:
    """How names were folded before 0019/0009: accents dropped, other letters kept."""
    decomposed = unicodedata.normalize("NFKD", text)
    bare = "".join(c for c in decomposed if not unicodedata.combining(c))
    return " ".join(bare.casefold().split())


def _old_id(company: str, role: str) -> str:
    words = " ".join(re.sub(r"[\W_]+", " ", _old_fold(company)).split()).split()
    return id_from(company_words(words), _old_fold(role))


class Refold:
    """The step on one connection; `postgres` scopes every statement by account."""

    def __init__(self, execute: Execute, postgres: bool, plan: Plan | None = None) -> None:
        self._execute = execute
        self.postgres = postgres
        self._plan = plan  # None: shipped_plan, made only when something was merged
        self.merged: list[tuple[Any, str]] = []  # (account, id) of each opportunity merged into

    def q(self, sql: str, params: Sequence[Any] = ()) -> list[Any]:
        cursor = self._execute(sql.replace("?", "%s") if self.postgres else sql, tuple(params))
        return list(cursor.fetchall()) if cursor.description else []

    def account(self) -> str:
        return "account_id" if self.postgres else "0"

    def mine(self, account: int) -> tuple[str, tuple[Any, ...]]:
        """The condition (and its argument) that keeps a statement to one account."""
        return (" AND account_id = ?", (account,)) if self.postgres else ("", ())

    def run(self) -> None:
        self.people()
        self.opportunities()
        self.plan_merged()

    # -- the address book -----------------------------------------------------------------------
    def people(self) -> None:
        rows = self.q(
            f"SELECT id, {self.account()}, name, title, company, phone, url, source, name_key, "
            "company_key, addresses FROM person ORDER BY id"
        )
        groups: dict[tuple[Any, str, str], list[tuple[int, Person, int]]] = defaultdict(list)
        for pid, account, name, title, company, phone, url, source, nk, ck, addresses in rows:
            person = Person(name, title, company, phone=phone, url=url, source=source)
            if (person.name_key, person.company_key) != (nk, ck):
                self.q(
                    "UPDATE person SET name_key = ?, company_key = ? WHERE id = ?",
                    (person.name_key, person.company_key, pid),
                )
            groups[(account, person.name_key, person.company_key)].append((pid, person, addresses))
        for group in groups.values():
            without = [(pid, p) for pid, p, addresses in group if not addresses]
            with_address = [(pid, p) for pid, p, addresses in group if addresses]
            keeper = (with_address or without)[0]
            taken = [row for row in without if row[0] != keeper[0]]
            if not taken:
                continue
            person = keeper[1]
            for pid, other in taken:
                person = merge(person, replace(other, name=person.name), overwrite=False)
                self.q("DELETE FROM person WHERE id = ?", (pid,))
            if person != keeper[1]:
                self.q(
                    "UPDATE person SET title = ?, phone = ?, url = ?, source = ? WHERE id = ?",
                    (person.title, person.phone, person.url, person.source, keeper[0]),
                )

    # -- opportunities --------------------------------------------------------------------------
    def opportunities(self) -> None:
        rows = self.q(f"SELECT {self.account()}, id, company, role FROM opportunity ORDER BY id")
        ids = {(account, oid) for account, oid, _, _ in rows}
        for account, oid, company, role in rows:
            new = opportunity_id(company, role)
            if new == oid or oid != _old_id(company, role):
                continue
            if self.postgres:  # the revision the triggers bump is the account's
                self.q("SELECT set_config('followup.account', ?, true)", (str(account),))
            if (account, new) in ids:
                self.settle_clashes(account, oid, new)
                self.merge_into(account, oid, new)
                if (account, new) not in self.merged:
                    self.merged.append((account, new))
            else:
                self.rename(account, oid, new)
                ids.add((account, new))
            ids.discard((account, oid))

    def settle_clashes(self, account: int, old: str, new: str) -> None:
        """What one opportunity cannot hold twice, settled before the two are made one: two
        letters waiting for the same touch (the one furthest along waits, the other is kept
        cancelled, saying why), and the same reply read for both (kept once, with the
        decision the candidate took on either)."""
        cond, arg = self.mine(account)
        waiting = ", ".join(f"'{status}'" for status in WAITING)
        for mine, theirs, mine_status, their_status in self.q(
            f"SELECT a.id, b.id, a.status, b.status FROM outbox a, outbox b WHERE "
            f"a.opportunity_id = ? AND b.opportunity_id = ? AND a.step = b.step AND "
            f"a.contact = b.contact AND a.due = b.due AND a.status IN ({waiting}) AND "
            f"b.status IN ({waiting}){self.both(cond)}",
            (old, new, *arg, *arg),
        ):
            if mine_status == "sending" and their_status == "queued":
                cancelled, kept = theirs, old
            else:
                cancelled, kept = mine, new
            self.q(
                f"UPDATE outbox SET status = 'cancelled', last_error = ? WHERE id = ?{cond}",
                (
                    f"not sent: {old} and {new} were made one opportunity, and the letter "
                    f"{kept} held for the same touch is the one that goes out",
                    cancelled,
                    *arg,
                ),
            )
        decided = ", ".join(f"'{status}'" for status in DECIDED)
        for mine, theirs, status, decided_at in self.q(
            f"SELECT a.id, b.id, a.status, a.decided_at FROM reply a, reply b WHERE "
            f"a.opportunity_id = ? AND b.opportunity_id = ? AND a.identity = b.identity"
            f"{self.both(cond)}",
            (old, new, *arg, *arg),
        ):
            self.q(
                f"UPDATE reply SET status = ?, decided_at = ? WHERE id = ?{cond} AND status "
                f"NOT IN ({decided}) AND ? IN ({decided})",
                (status, decided_at, theirs, *arg, status),
            )
            self.q(f"DELETE FROM reply WHERE id = ?{cond}", (mine, *arg))

    @staticmethod
    def both(cond: str) -> str:
        """The account's condition on the two sides `a` and `b` of a self-join."""
        return cond.replace("account_id", "a.account_id") + cond.replace(
            "account_id", "b.account_id"
        )

    def plan_merged(self) -> None:
        """Every opportunity that took another in, planned again from what it now holds; an
        opportunity whose policy cannot be read keeps its plan until its next change."""
        from followup.domain.errors import FollowupError

        if not self.merged:
            return  # a new database: nothing to plan, no policy or calendar loaded
        plan = self._plan or shipped_plan()
        for account, oid in self.merged:
            if self.postgres:
                self.q("SELECT set_config('followup.account', ?, true)", (str(account),))
            reader = _reader(self._execute, self.postgres, account)
            opportunity = reader.get_opportunity(oid)
            if opportunity is None:
                continue
            try:
                touches, stage = plan(opportunity, reader.get_candidate())
            except FollowupError:
                continue
            self.store_plan(account, oid, touches, stage)

    def store_plan(self, account: int, oid: str, touches: list[Touch], stage: str) -> None:
        """As the stores' replace_plan does, each statement kept to the account."""
        cond, arg = self.mine(account)
        self.q(f"DELETE FROM touch WHERE opportunity_id = ?{cond}", (oid, *arg))
        for t in touches:
            self.q(TOUCH_INSERT, touch_row(oid, t))
        touch, snooze = (
            cond.replace("account_id", f"{side}.account_id") for side in ("touch", "s")
        )
        self.q(
            "UPDATE touch SET show_on = CASE WHEN s.until > touch.due THEN s.until "
            "ELSE touch.due END, snooze_reason = s.reason FROM snooze s WHERE "
            "touch.opportunity_id = ? AND s.opportunity_id = touch.opportunity_id AND "
            f"s.step = touch.step AND s.contact = touch.contact AND s.due = touch.due{touch}"
            f"{snooze}",
            (oid, *arg, *arg),
        )
        self.q(f"UPDATE opportunity SET stage = ? WHERE id = ?{cond}", (stage, oid, *arg))

    def children(self) -> list[str]:
        """Every table with an opportunity's id besides the ones moved by hand."""
        if self.postgres:
            found = self.q(
                "SELECT table_name FROM information_schema.columns WHERE column_name = "
                "'opportunity_id' AND table_schema = current_schema() ORDER BY table_name"
            )
        else:
            found = self.q(
                "SELECT m.name FROM sqlite_master m, pragma_table_info(m.name) c "
                "WHERE m.type = 'table' AND c.name = 'opportunity_id' ORDER BY m.name"
            )
        special = {"interview", "participant", "event", "touch", "snooze"}
        return [t for (t,) in found if t not in special]

    def columns(self, table: str) -> list[str]:
        if self.postgres:
            found = self.q(
                "SELECT column_name FROM information_schema.columns WHERE table_name = ? AND "
                "table_schema = current_schema() ORDER BY ordinal_position",
                (table,),
            )
        else:
            found = self.q("SELECT name FROM pragma_table_info(?) ORDER BY cid", (table,))
        return [c for (c,) in found]

    def rename(self, account: int, old: str, new: str) -> None:
        """A new row with the new id (in the old one's place in the list), then everything of
        the old moved over, then the old row gone."""
        cond, arg = self.mine(account)
        (position,) = self.q(f"SELECT position FROM opportunity WHERE id = ?{cond}", (old, *arg))[0]
        self.q(
            f"UPDATE opportunity SET position = ? WHERE id = ?{cond}", (-1 - position, old, *arg)
        )
        columns = self.columns("opportunity")
        chosen = ["?" if c == "id" else "?" if c == "position" else c for c in columns]
        values = [new if c == "id" else position for c in columns if c in ("id", "position")]
        self.q(
            f"INSERT INTO opportunity ({', '.join(columns)}) SELECT {', '.join(chosen)} "
            f"FROM opportunity WHERE id = ?{cond}",
            (*values, old, *arg),
        )
        self.move(account, old, new)

    def merge_into(self, account: int, old: str, new: str) -> None:
        """The one holding the new id keeps its fields and takes in the blanks the old one
        fills, and everything of the old one."""
        cond, arg = self.mine(account)
        blank = {"role": "''", "url": "''", "notes": "''", "tracked_stage": "''"}
        for column in ("role", "applied", "url", "notes", "tracked_stage", "preliminary_deadline",
                       "second_round_deadline"):  # fmt: skip
            empty = f" OR {column} = {blank[column]}" if column in blank else ""  # dates: NULL
            self.q(
                f"UPDATE opportunity SET {column} = (SELECT o.{column} FROM opportunity o WHERE "
                f"o.id = ?{cond.replace('account_id', 'o.account_id')}) WHERE id = ?{cond} AND "
                f"({column} IS NULL{empty})",
                (old, *arg, new, *arg),
            )
        self.move(account, old, new)

    def move(self, account: int, old: str, new: str) -> None:
        cond, arg = self.mine(account)
        # events and touches after the other's own, in their order
        moved: dict[str, int] = {}
        for table, column in (("event", "position"), ("touch", "seq")):
            (top,) = self.q(
                f"SELECT coalesce(max({column}), -1) + 1 FROM {table} WHERE opportunity_id = ?"
                f"{cond}",
                (new, *arg),
            )[0]
            (low,) = self.q(
                f"SELECT coalesce(min({column}), 0) FROM {table} WHERE opportunity_id = ?{cond}",
                (old, *arg),
            )[0]
            self.q(
                f"UPDATE {table} SET opportunity_id = ?, {column} = {column} + ? WHERE "
                f"opportunity_id = ?{cond}",
                (new, top - low, old, *arg),
            )
            moved[table] = top
        # interviews: copied (the people met point at them), an id the other has made unique
        taken = {i for (i,) in self.q(f"SELECT id FROM interview WHERE opportunity_id = ?{cond}",
                                      (new, *arg))}  # fmt: skip
        columns = self.columns("interview")
        for (interview,) in self.q(
            f"SELECT id FROM interview WHERE opportunity_id = ?{cond} ORDER BY position",
            (old, *arg),
        ):
            fresh, n = interview, 2
            while fresh in taken:
                fresh, n = f"{interview}-{n}", n + 1
            taken.add(fresh)
            chosen = ["?" if c in ("opportunity_id", "id") else c for c in columns]
            values = [new if c == "opportunity_id" else fresh for c in columns
                      if c in ("opportunity_id", "id")]  # fmt: skip
            self.q(
                f"INSERT INTO interview ({', '.join(columns)}) SELECT {', '.join(chosen)} FROM "
                f"interview WHERE opportunity_id = ? AND id = ?{cond}",
                (*values, old, interview, *arg),
            )
            for table in ("participant", "invitation"):
                self.q(
                    f"UPDATE {table} SET opportunity_id = ?, interview_id = ? WHERE "
                    f"opportunity_id = ? AND interview_id = ?{cond}",
                    (new, fresh, old, interview, *arg),
                )
            self.q(  # the touches moved above, planned for this interview
                f"UPDATE touch SET interview_id = ? WHERE opportunity_id = ? AND seq >= ? AND "
                f"interview_id = ?{cond}",
                (fresh, new, moved["touch"], interview, *arg),
            )
            self.q(
                f"DELETE FROM interview WHERE opportunity_id = ? AND id = ?{cond}",
                (old, interview, *arg),
            )
        # a snooze the other has for the same touch already: theirs stands
        self.q(
            f"UPDATE snooze SET opportunity_id = ? WHERE opportunity_id = ?{cond} AND NOT EXISTS "
            f"(SELECT 1 FROM snooze s WHERE s.opportunity_id = ? AND s.step = snooze.step AND "
            f"s.contact = snooze.contact AND s.due = snooze.due"
            f"{cond.replace('account_id', 's.account_id')})",
            (new, old, *arg, new, *arg),
        )
        for table in self.children():
            if table != "opportunity":
                self.q(
                    f"UPDATE {table} SET opportunity_id = ? WHERE opportunity_id = ?{cond}",
                    (new, old, *arg),
                )
        self.q(f"DELETE FROM opportunity WHERE id = ?{cond}", (old, *arg))


def refold(execute: Execute, postgres: bool = False, plan: Plan | None = None) -> None:
    """Run the step on a connection inside the migration's transaction."""
    Refold(execute, postgres, plan).run()


def replan_all(execute: Execute, postgres: bool = False, plan: Plan | None = None) -> None:
    """Every opportunity planned again by DESIGN's rules, in the migration's transaction.

    The merge of `*_folded_keys` planned what it merged again only from session 16 on: a
    database migrated by a version before kept, on each merged opportunity, the two old plans
    side by side until its next change (the second round's call not waiting for the first's,
    the keeper's old stage). Which opportunities were merged was not recorded; only one whose
    id an import made from its company and role can have taken another in (an id typed by a
    person is never merged), so those are planned again: for one whose plan was up to date
    this changes nothing, and one whose policy cannot be read keeps its plan. A new database
    has none and loads nothing."""
    step = Refold(execute, postgres, plan)
    rows = step.q(f"SELECT {step.account()}, id, company, role FROM opportunity ORDER BY id")
    step.merged = [
        (account, oid) for account, oid, company, role in rows
        if oid == opportunity_id(company, role)
    ]  # fmt: skip
    step.plan_merged()


def shipped_plan() -> Plan:
    """DESIGN's rules with the shipped policies and the candidate's calendar (what a store
    opened without bootstrap's plan uses: tests, a migration run by hand)."""
    from followup.adapters.holidays import calendar_for
    from followup.adapters.policies import PolicyBook

    return planner(PolicyBook(None).get, calendar_for)


def planner(policy: Callable[[str], Any], calendar: Callable[[Candidate], Any]) -> Plan:
    """A Plan from where policies and calendars come from."""
    from followup.domain.planner import plan_opportunity
    from followup.domain.stage import opportunity_stage

    def plan(opportunity: Opportunity, candidate: Candidate | None) -> tuple[list[Touch], str]:
        touches = plan_opportunity(
            opportunity, policy(opportunity.policy), calendar(candidate or Candidate())
        )
        return touches, opportunity_stage(opportunity, touches)

    return plan


def _reader(execute: Execute, postgres: bool, account: int) -> Any:
    """The stores' own reading of an opportunity and the candidate, on the migration's
    connection; on PostgreSQL (whose owner reads every account's rows) kept to one account."""
    from followup.adapters.storage.sql import SqlUnitOfWork

    class _Connection:
        def execute(self, sql: str, params: Sequence[Any] = ()) -> Any:
            if postgres:
                sql = re.sub(r"\bWHERE\b", f"WHERE account_id = {int(account)} AND", sql, count=1)
            return execute(sql, params)

    class _Reader(SqlUnitOfWork):
        def commit(self) -> None:  # the migration commits
            pass

        def rollback(self) -> None:
            pass

    if postgres:
        from followup.adapters.storage.postgres.store import PostgresDialect

        class _PostgresReader(_Reader):
            dialect = PostgresDialect()

        return _PostgresReader(_Connection())
    return _Reader(_Connection())
