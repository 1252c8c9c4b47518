"""Faults on a shared server: PostgreSQL down when Followup starts, the connection lost in the
middle of a request. One clear line or a clear 503 page, and nothing half-written."""

from __future__ import annotations

from followup import bootstrap
from followup.adapters.storage.postgres.store import PostgresUnitOfWork

from ..integration.mail_support import free_port
from .server_support import sign_in, two_candidates, web_client
from .web_support import csrf_of


def test_the_web_with_postgresql_down_answers_a_clear_503(tmp_path):
    port = free_port()  # nothing listens there
    deps = bootstrap.dependencies(f"postgresql://followup_app:pw@127.0.0.1:{port}/followup")
    client = web_client(deps)  # starts all the same: the database is first asked on a request
    # the sign-in form's token is signed with the office's key, kept in the database
    form = client.get("/login")
    signing_in = client.post(
        "/login", data={"csrf": "x.y", "email": "sam@example.com", "password": "x" * 12}
    )
    client.cookies.set("followup_session", "a session from before the outage")
    for page in (form, signing_in, client.get("/"), client.get("/opportunities/acme-ae")):
        assert page.status_code == 503
        assert page.headers["retry-after"] == "5"
        assert "The database is not answering" in page.text
        assert (
            f"database: PostgreSQL at postgresql://followup_app@127.0.0.1:{port}/followup is not "
            "reachable (" in page.text
        )
        assert "pw@" not in page.text and "Traceback" not in page.text


def events_and_plan(database):  # type: ignore[no-untyped-def]
    return (
        database.sql("SELECT * FROM event ORDER BY account_id, opportunity_id, position"),
        database.sql("SELECT * FROM touch ORDER BY account_id, opportunity_id, seq"),
        database.sql("SELECT * FROM revision ORDER BY account_id"),
    )


def test_the_connection_lost_mid_request_is_a_503_and_nothing_is_half_written(
    postgres_database, monkeypatch
):
    database = postgres_database
    client = web_client(two_candidates(database))
    sign_in(client, "sam@example.com")
    before = events_and_plan(database)
    stored = PostgresUnitOfWork.replace_plan

    def cut_off(self, *args, **kwargs):  # type: ignore[no-untyped-def]
        # the event is written; the server drops the connection before the plan is
        (pid,) = self._db.execute("SELECT pg_backend_pid()").fetchone()
        database.sql("SELECT pg_terminate_backend(%s)", pid)
        return stored(self, *args, **kwargs)

    monkeypatch.setattr(PostgresUnitOfWork, "replace_plan", cut_off)
    form = {
        "csrf": csrf_of(client.get("/").text),
        "opportunity": "acme-ae",
        "step": "thank_you",
        "contact": "Lee Park",
    }
    response = client.post("/touches/done", data=form)
    assert response.status_code == 503
    assert "the connection to PostgreSQL at postgresql://followup_app@" in response.text
    assert "was lost (" in response.text and "nothing was changed" in response.text
    assert events_and_plan(database) == before  # neither the event nor half a plan
    monkeypatch.undo()
    # the pool replaced the dead connection: the same action now goes through
    done = client.post("/touches/done", data=form, follow_redirects=False)
    assert done.status_code == 303
    assert events_and_plan(database) != before
    assert "Send thank-you to Lee Park" not in client.get("/").text


def test_a_server_restarted_under_the_pool_is_not_noticed(postgres_database):
    database = postgres_database
    client = web_client(two_candidates(database))
    sign_in(client, "sam@example.com")
    assert client.get("/").status_code == 200
    database.sql(
        "SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
        "WHERE datname = current_database() AND pid <> pg_backend_pid()"
    )
    page = client.get("/")  # every pooled connection was cut: checked, replaced
    assert page.status_code == 200 and "Send thank-you to Lee Park" in page.text
