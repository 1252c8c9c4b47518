"""Isolation held by PostgreSQL itself: the application's role, row-level security on every
table, the acting account set per transaction, and ids per account."""

from __future__ import annotations

import json
import threading
from dataclasses import replace
from datetime import date, timedelta
from pathlib import Path

import psycopg
import pytest

from followup.adapters.files.dossier import parse_dossier
from followup.adapters.storage.postgres.store import PostgresStore, close_pools
from followup.domain.errors import BadInput
from followup.services.dossier import import_dossier

DATA = Path(__file__).parents[1] / "data"
WORKED = json.loads((DATA / "acme-first.json").read_text())


@pytest.fixture
def two(postgres_database):
    """Sam and Kim, each with an opportunity `acme-ae` (Kim's at another company)."""
    database = postgres_database
    import_dossier(database.deps("sam@example.com"), parse_dossier(WORKED))
    kims = json.loads(json.dumps(WORKED))
    kims["opportunities"][0]["company"] = "Kimberly Holdings"
    import_dossier(database.deps("kim@example.com"), parse_dossier(kims))
    return database


def ids(database, email):  # type: ignore[no-untyped-def]
    return int(database.sql("SELECT id FROM account WHERE email = %s", email)[0][0])


def test_the_application_role_is_bound_by_row_level_security(two):
    (row,) = two.sql(
        "SELECT rolsuper, rolbypassrls, rolcreaterole, rolcreatedb FROM pg_roles "
        "WHERE rolname = 'followup_app'"
    )
    assert row == (False, False, False, False)
    owners = {r[0] for r in two.sql("SELECT tableowner FROM pg_tables WHERE schemaname = 'public'")}
    assert owners == {"followup_owner"}


def test_every_table_enables_and_forces_row_level_security(two):
    tables = two.sql(
        "SELECT c.relname, c.relrowsecurity, c.relforcerowsecurity FROM pg_class c "
        "JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = 'public' "
        "AND c.relkind = 'r' AND c.relname <> 'schema_migrations' ORDER BY 1"
    )
    assert len(tables) >= 16
    assert [t for t in tables if not (t[1] and t[2])] == []
    person_tables = {
        r[0]
        for r in two.sql(
            "SELECT table_name FROM information_schema.columns WHERE table_schema = 'public' "
            "AND column_name = 'account_id' AND table_name NOT IN ('session', 'login_attempt')"
        )
    }
    policies = {}
    for table, name, command in two.sql("SELECT tablename, policyname, cmd FROM pg_policies"):
        policies.setdefault(table, set()).add((name, command))
    for table in person_tables - {"comment"}:
        assert {("reads", "SELECT"), ("adds", "INSERT"), ("changes", "UPDATE")} <= policies[
            table
        ], table


def test_without_an_acting_account_the_application_role_sees_nothing(two):
    with psycopg.connect(two.location, autocommit=True) as connection:
        for table in ("opportunity", "touch", "candidate", "participant", "account"):
            (n,) = connection.execute(f"SELECT count(*) FROM {table}").fetchone()
            assert n == 0, table
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            connection.execute("SELECT password_hash FROM account")
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            connection.execute("SELECT * FROM session")


def test_acting_as_one_candidate_no_row_of_another_can_be_read_or_changed_even_by_name(two):
    kim = ids(two, "kim@example.com")
    store = two.store("sam@example.com")
    with store.unit_of_work() as uow:
        db = uow._db
        assert db.execute(
            "SELECT count(*) FROM opportunity WHERE account_id = %s", (kim,)
        ).fetchone() == (0,)
        assert db.execute("SELECT DISTINCT company FROM opportunity").fetchall() == [("Acme Corp",)]
        changed = db.execute("UPDATE opportunity SET company = 'x' WHERE account_id = %s", (kim,))
        assert changed.rowcount == 0
        removed = db.execute("DELETE FROM touch WHERE account_id = %s", (kim,))
        assert removed.rowcount == 0
        uow.commit()
    with store.unit_of_work() as uow, pytest.raises(psycopg.errors.InsufficientPrivilege):
        uow._db.execute(
            "INSERT INTO opportunity (account_id, id, position, company, policy) "
            "VALUES (%s, 'planted', 99, 'Planted', 'persistent')",
            (kim,),
        )
    with two.store("kim@example.com").unit_of_work(readonly=True) as uow:
        assert uow.get_opportunity("acme-ae").company == "Kimberly Holdings"
        assert uow.opportunity_ids() == ["acme-ae"]


def test_opportunity_ids_are_per_account(two):
    with two.store("sam@example.com").unit_of_work(readonly=True) as uow:
        sams = uow.get_opportunity("acme-ae")
    with two.store("kim@example.com").unit_of_work(readonly=True) as uow:
        kims = uow.get_opportunity("acme-ae")
    assert (sams.company, kims.company) == ("Acme Corp", "Kimberly Holdings")
    assert replace(kims, company="Acme Corp") == sams


def test_the_acting_account_never_outlives_its_transaction_on_a_pooled_connection(two):
    store = two.store("sam@example.com")
    with store.unit_of_work() as uow:
        assert uow.opportunity_ids() == ["acme-ae"]
    with pytest.raises(RuntimeError), store.unit_of_work() as uow:
        uow.opportunity_ids()
        raise RuntimeError("a use case that failed half-way")
    pool = store.connections.pool()
    held = [pool.getconn() for _ in range(pool.get_stats()["pool_size"])]
    try:
        for connection in held:
            setting = connection.execute(
                "SELECT current_setting('followup.account', true)"
            ).fetchone()
            assert setting in ((None,), ("",))
            assert connection.execute("SELECT count(*) FROM opportunity").fetchone() == (0,)
    finally:
        for connection in held:
            pool.putconn(connection)


def test_a_coach_reads_a_client_with_a_current_grant_and_can_write_nothing_of_theirs(two):
    sam, coach = ids(two, "sam@example.com"), ids(two, "coach@example.com")
    accounts = two.store().accounts()
    base = PostgresStore(two.location)
    reading = base.acting_as(coach, sam)
    with reading.unit_of_work(readonly=True) as uow:
        assert uow.opportunity_ids() == []  # no grant yet
    accounts.grant(sam, coach, None)
    with reading.unit_of_work(readonly=True) as uow:
        opportunity = uow.get_opportunity("acme-ae")
        assert opportunity.company == "Acme Corp"
    with reading.unit_of_work() as uow, pytest.raises(psycopg.errors.InsufficientPrivilege):
        uow.save_opportunity(replace(opportunity, company="Changed by a coach"))
    with reading.unit_of_work() as uow:
        assert uow._db.execute("DELETE FROM touch").rowcount == 0
        assert uow._db.execute("UPDATE candidate SET name = 'x'").rowcount == 0
        uow.commit()
    with base.acting_as(coach, "clients").unit_of_work(readonly=True) as uow:
        companies = uow._db.execute("SELECT DISTINCT company FROM opportunity").fetchall()
        assert companies == [("Acme Corp",)]  # Sam's, never Kim's
    two.sql("UPDATE access_grant SET until = %s", date.today() - timedelta(days=1))
    with reading.unit_of_work(readonly=True) as uow:
        assert uow.opportunity_ids() == []  # the grant ended yesterday
    with two.store("sam@example.com").unit_of_work(readonly=True) as uow:
        assert uow.get_opportunity("acme-ae") == opportunity


def test_the_owner_a_superuser_or_an_unmigrated_database_is_refused_with_one_line(postgres):
    template = "followup_template"
    for role, expected in (
        ("followup_owner", "the owner of Followup's tables, whom row-level security"),
        ("postgres", "a superuser, whom row-level security does not bind"),
    ):
        store = PostgresStore(postgres.url(template, role), "sam@example.com")
        with pytest.raises(BadInput, match=expected):
            store.unit_of_work()
    postgres.admin("CREATE DATABASE empty_one OWNER followup_owner")
    try:
        with pytest.raises(BadInput, match="has no Followup tables yet; run `followup"):
            PostgresStore(postgres.url("empty_one", "followup_app"), "x@y.z").unit_of_work()
    finally:
        close_pools()
        postgres.admin("DROP DATABASE empty_one WITH (FORCE)")


def test_two_processes_migrating_at_once_apply_each_migration_once(postgres):
    postgres.admin("CREATE DATABASE racing OWNER followup_owner")
    url = postgres.url("racing", "followup_owner")
    results: list[list[str]] = []
    errors: list[BaseException] = []

    def run() -> None:
        try:
            results.append(PostgresStore(url).migrate("followup_app"))
        except BaseException as error:  # pragma: no cover - shown by the assert
            errors.append(error)

    try:
        threads = [threading.Thread(target=run) for _ in range(2)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        assert errors == []
        applied = sorted(results[0] + results[1])
        assert applied == sorted(set(applied)) and len(applied) >= 4
        assert PostgresStore(url).migrate("followup_app") == []
    finally:
        postgres.admin("DROP DATABASE racing WITH (FORCE)")


def test_migrating_refuses_an_application_role_that_would_not_be_bound(postgres):
    url = postgres.url("followup_template", "followup_owner")
    with pytest.raises(BadInput, match="--app-role: no role 'nobody_here'"):
        PostgresStore(url).migrate("nobody_here")
    with pytest.raises(BadInput, match="--app-role: postgres is a superuser or has BYPASSRLS"):
        PostgresStore(url).migrate("postgres")
    with pytest.raises(BadInput, match="is the role migrating"):
        PostgresStore(url).migrate("followup_owner")
