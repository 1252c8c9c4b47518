"""Fixtures every tier may use: the stores the same tests run against (SQLite and PostgreSQL).

Under CI every test runs: a skip for a missing program or missing shared data
(tests/system.py) is a failure there, so a green CI never hides a test that did not run."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest

from .system import NEEDS, in_ci

if TYPE_CHECKING:
    from .postgres import Cluster


@dataclass
class Database:
    """Where a test's data lives: a SQLite file, or a fresh PostgreSQL database and the account
    the test acts as."""

    kind: str  # sqlite, postgresql
    location: str
    user: str | None = None
    cluster: Cluster | None = None

    def deps(self, user: str | None = None):  # type: ignore[no-untyped-def]
        from followup import bootstrap

        return bootstrap.dependencies(self.location, user or self.user)

    def store(self, user: str | None = None):  # type: ignore[no-untyped-def]
        from followup import bootstrap

        return bootstrap.open_store(self.location, user or self.user)

    def dump(self) -> list[Any]:
        """Everything stored, in order: equal dumps mean an unchanged database."""
        if self.kind == "sqlite":
            if not Path(self.location).exists():
                return []
            with sqlite3.connect(self.location) as db:
                return list(db.iterdump())
        return postgres_dump(self)

    def exists(self) -> bool:
        """Whether anything of a person's was stored (SQLite: whether the file was made)."""
        if self.kind == "sqlite":
            return Path(self.location).exists()
        return any(
            self.sql(f"SELECT 1 FROM {table} LIMIT 1")
            for table in ("candidate", "opportunity", "outbox", "secret", "inbox_cursor")
        )

    def sql(self, statement: str, *params: Any) -> list[Any]:
        """Run SQL with all privileges (PostgreSQL: as the superuser; SQLite: on the file)."""
        if self.kind == "sqlite":
            with sqlite3.connect(self.location) as db:
                return db.execute(statement, params).fetchall()
        import psycopg

        assert self.cluster is not None
        name = self.location.rsplit("/", 1)[1]
        with psycopg.connect(self.cluster.url(name), autocommit=True) as connection:
            cursor = connection.execute(statement.encode(), params or None)
            return cursor.fetchall() if cursor.description else []


def postgres_dump(database: Database) -> list[Any]:
    tables = [
        r[0]
        for r in database.sql(
            "SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename"
        )
    ]
    out: list[Any] = []
    for table in tables:
        if table in ("session", "login_attempt"):
            continue
        rows = database.sql(f"SELECT * FROM {table}")
        out.append((table, sorted(rows, key=repr)))
    return out


@pytest.fixture(scope="session")
def postgres() -> Iterator[Cluster]:
    from .postgres import BIN, Cluster
    from .system import require_program

    require_program("initdb", apt="postgresql", path=str(BIN / "initdb"))
    require_program("runuser", apt="util-linux")
    cluster = Cluster.start()
    try:
        cluster.prepare()
        yield cluster
    finally:
        cluster.stop()


@pytest.fixture
def postgres_database(postgres: Cluster) -> Iterator[Database]:
    url = postgres.new_database()
    try:
        yield Database("postgresql", url, "sam@example.com", postgres)
    finally:
        postgres.drop(url)


@pytest.fixture(params=["sqlite", "postgresql"])
def database(request: pytest.FixtureRequest, tmp_path: Path) -> Database:
    """Each test that takes it runs twice: on a SQLite file and on PostgreSQL."""
    if request.param == "sqlite":
        return Database("sqlite", str(tmp_path / "followup.sqlite3"))
    found: Database = request.getfixturevalue("postgres_database")
    return found


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item: pytest.Item, call: pytest.CallInfo[None]) -> Iterator[None]:
    outcome = yield
    report = outcome.get_result()
    if not (report.skipped and in_ci()):
        return
    reason = report.longrepr[2] if isinstance(report.longrepr, tuple) else str(report.longrepr)
    if reason.removeprefix("Skipped: ").startswith(NEEDS):
        report.outcome = "failed"
        report.longrepr = f"CI must run every test, but this one was skipped: {reason}"
