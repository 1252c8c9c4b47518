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
  blanks filled; interviews, people met, events, touches, letters, replies, snoozes and
  invitations moved over). An id typed by a person (a dossier's) is never touched.
On PostgreSQL each account's rows are taken apart: nothing moves between accounts.
"""

from __future__ import annotations

import re
import unicodedata
from collections import defaultdict
from collections.abc import Callable, Sequence
from dataclasses import replace
from typing import Any

from followup.domain.application import id_from, opportunity_id
from followup.domain.people import Person, company_words, merge

Execute = Callable[[str, Sequence[Any]], Any]  # runs one statement, returns a cursor


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

    def __init__(self, execute: Execute, postgres: bool) -> None:
        self._execute = execute
        self.postgres = postgres

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
                if self.clash(account, oid, new):
                    continue  # both hold a letter or a reply of one touch: left as two
                self.merge_into(account, oid, new)
            else:
                self.rename(account, oid, new)
                ids.add((account, new))
            ids.discard((account, oid))

    def clash(self, account: int, old: str, new: str) -> bool:
        """Whether both hold a letter for the same touch or the same reply, which one store
        cannot hold twice (rare enough to leave both as they are)."""
        cond, arg = self.mine(account)
        for table, same in (
            ("outbox", "a.step = b.step AND a.contact = b.contact AND a.due = b.due"),
            ("reply", "a.identity = b.identity"),
        ):
            extra = cond.replace("account_id", "a.account_id") + cond.replace(
                "account_id", "b.account_id"
            )
            if self.q(
                f"SELECT 1 FROM {table} a, {table} b WHERE a.opportunity_id = ? AND "
                f"b.opportunity_id = ? AND {same}{extra}",
                (old, new, *arg, *arg),
            ):
                return True
        return False

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


def refold(execute: Execute, postgres: bool = False) -> None:
    """Run the step on a connection inside the migration's transaction."""
    Refold(execute, postgres).run()
