"""A real PostgreSQL for the tests, started by them: Debian's server binaries run `initdb` and
`pg_ctl` in a temporary folder (as the `postgres` user when the tests run as root, since initdb
refuses root), listening on loopback on a free port, with its socket in that folder.

The cluster has Followup's two roles, as docs/server.md sets them up: `followup_owner` owns the
tables and runs the migrations, `followup_app` is what the application connects as. A template
database is migrated once, with four accounts; every test gets a fresh copy of it.
"""

from __future__ import annotations

import itertools
import os
import shutil
import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path

from .integration.mail_support import free_port


def _server_binaries() -> Path:
    """Debian's PostgreSQL server binaries (the newest installed), or FOLLOWUP_PG_BIN."""
    chosen = os.environ.get("FOLLOWUP_PG_BIN")
    if chosen:
        return Path(chosen)
    found = sorted(Path("/usr/lib/postgresql").glob("*/bin/initdb"), key=lambda p: int(p.parts[-3]))
    return found[-1].parent if found else Path("/usr/lib/postgresql/15/bin")


BIN = _server_binaries()
PASSWORD = "correct horse battery"  # every test account's
ACCOUNTS = {
    "sam@example.com": "candidate",
    "kim@example.com": "candidate",
    "coach@example.com": "coach",
    "admin@example.com": "admin",
}


# Fast and forgetful: the tests' data need not survive a crash of the machine.
TEST_SETTINGS = (
    "-c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=300 "
    "-c shared_buffers=128MB"
)


@dataclass
class Cluster:
    folder: Path
    port: int
    as_postgres: bool
    _numbers = itertools.count(1)

    @classmethod
    def start(cls, settings: str = TEST_SETTINGS, folder: Path | None = None) -> Cluster:
        """A new cluster in a temporary folder (or `folder`, which must be empty)."""
        folder = folder or Path(tempfile.mkdtemp(prefix="followup-pg-"))
        as_postgres = os.geteuid() == 0
        if as_postgres:
            shutil.chown(folder, "postgres")
        cluster = cls(folder, free_port(), as_postgres)
        cluster._run(
            BIN / "initdb",
            "-D",
            str(folder / "data"),
            "-A",
            "trust",
            "-U",
            "postgres",
            "-E",
            "UTF8",
            "--locale=C.UTF-8",
            "--no-sync",
        )
        settings = (
            f"-p {cluster.port} -k {folder} -h 127.0.0.1 -c fsync=off -c synchronous_commit=off "
            "-c full_page_writes=off -c max_connections=300 -c shared_buffers=128MB"
        )
        cluster._run(
            BIN / "pg_ctl",
            "-D",
            str(folder / "data"),
            "-o",
            settings,
            "-w",
            "-l",
            str(folder / "log"),
            "start",
        )
        return cluster

    def _run(self, *argv: object) -> None:
        command = [str(a) for a in argv]
        if self.as_postgres:
            command = ["runuser", "-u", "postgres", "--", *command]
        subprocess.run(command, check=True, capture_output=True, cwd=self.folder)

    def url(self, database: str = "postgres", role: str = "postgres") -> str:
        return f"postgresql://{role}@127.0.0.1:{self.port}/{database}"

    def admin(self, *statements: str, database: str = "postgres") -> None:
        import psycopg

        with psycopg.connect(self.url(database), autocommit=True) as connection:
            for statement in statements:
                connection.execute(statement.encode())

    def prepare(self) -> None:
        """The roles, and the template every test database is copied from."""
        from followup.adapters.auth.passwords import hash_password
        from followup.adapters.storage.postgres.accounts import PostgresAccounts
        from followup.adapters.storage.postgres.store import PostgresStore, close_pools

        self.admin(
            "CREATE ROLE followup_owner LOGIN",
            "CREATE ROLE followup_app LOGIN",
            "CREATE DATABASE followup_template OWNER followup_owner",
        )
        PostgresStore(self.url("followup_template", "followup_owner")).migrate("followup_app")
        app = PostgresStore(self.url("followup_template", "followup_app"))
        accounts: PostgresAccounts = app.accounts()
        hashed = hash_password(PASSWORD)
        for email, role in ACCOUNTS.items():
            accounts.add(email, role, hashed)
        close_pools()

    def new_database(self) -> str:
        """A fresh copy of the template: the application's URL to it."""
        name = f"test_{next(self._numbers)}"
        self.admin(f"CREATE DATABASE {name} TEMPLATE followup_template OWNER followup_owner")
        return self.url(name, "followup_app")

    def drop(self, url: str) -> None:
        from followup.adapters.storage.postgres.store import close_pools

        close_pools(url)
        name = url.rsplit("/", 1)[1]
        self.admin(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")

    def stop(self) -> None:
        from followup.adapters.storage.postgres.store import close_pools

        close_pools()
        try:
            self._run(BIN / "pg_ctl", "-D", str(self.folder / "data"), "-m", "immediate", "stop")
        finally:
            shutil.rmtree(self.folder, ignore_errors=True)
