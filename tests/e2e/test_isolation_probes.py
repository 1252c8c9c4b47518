"""A probe of every web route and every command, as one candidate (and as a coach Kim did not let
in), aimed at another candidate's data: Kim's opportunity `kim-only`, her `acme-ae` (an id Sam
has too), her letters, her contacts. Nothing of Kim's may be shown, and nothing of hers may
change.

The routes and commands are read from the app and the parser, so a new one is probed the day it
is added; one that cannot be probed here must be named in NOT_PROBED with the reason.
"""

from __future__ import annotations

import argparse
import io
import mailbox
import re
import sys
from datetime import time
from email.message import EmailMessage

import pytest
from starlette.routing import Route

from followup.cli.main import build_parser
from followup.domain.replies.model import Reply
from followup.services.outbox import approve_letter

from .conftest import Cli
from .server_support import (
    KIM_MARKERS,
    account_id,
    kim_rows,
    sign_in,
    two_candidates,
    web_client,
)
from .web_support import NOW, csrf_of

NOT_PROBED = {
    ("serve",): "runs a web server until stopped; its pages are probed below",
}


def leaked(text: str) -> list[str]:
    return [m for m in KIM_MARKERS if m in text]


@pytest.fixture
def office(postgres_database):
    """Sam and Kim; Kim has a letter in the outbox and a reply proposing an invitation."""
    deps = two_candidates(postgres_database)
    kim = postgres_database.deps("kim@example.com")
    kim.clock = lambda: NOW
    letter = approve_letter(
        kim, "kim-only", "Riley Hiddenname", "thank_you", window=(time(0, 0), time(23, 59))
    )
    with kim.store.unit_of_work() as uow:
        reply = uow.add_reply(
            Reply(
                "kim-only",
                "Riley Hiddenname",
                NOW,
                "<r1@kim.example>",
                "Next round",
                "Riley Hiddenname would like to invite you to a second interview.",
                "invitation",
                "would like to invite you",
                "invited",
                "proposed",
            )
        )
        uow.commit()
    KIM_IDS.update(letter=str(letter.id), reply=str(reply))
    return deps, postgres_database, letter.id


KIM_IDS: dict[str, str] = {}


def fill(path: str, target: str, kim: int) -> str:
    """A route's path with each parameter aimed at Kim's: her opportunity, her account, her
    reply; an unknown parameter gets Kim's letter's number."""
    values = {
        "id": target,
        "client": str(kim),
        "token": "not-the-token",
        "reply_id": KIM_IDS["reply"],
    }
    return re.sub(r"\{(\w+)(?::\w+)?\}", lambda m: values.get(m.group(1), KIM_IDS["letter"]), path)


# -- the web --------------------------------------------------------------------------------------
FORM = {
    "opportunity": "kim-only",
    "to": "Riley",
    "contact": "Riley",
    "step": "thank_you",
    "kind": "reply",
    "due": "2026-12-28",
    "until": "2027-01-05",
    "date": "2026-12-28",
    "reason": "a probe",
    "text": "Dear Riley,\n\nThank you.\n\nSam",
    "subject": "Thanks",
    "company": "",
    "comment": "a probe",
    "coach": "coach@example.com",
}


def probe_web(client, database, kim: int, as_whom: str) -> list[str]:  # type: ignore[no-untyped-def]
    before = kim_rows(database)
    seen: list[str] = []
    for route in [r for r in client.app.app.routes if isinstance(r, Route)]:
        if route.name in ("logout", "login"):
            continue
        for target in ("kim-only", "acme-ae"):
            path = fill(route.path, target, kim)
            for method in sorted((route.methods or {"GET"}) - {"HEAD"}):
                token = csrf_of(client.get("/login").text) if method == "POST" else ""
                form = {**FORM, "opportunity": target, "csrf": token}
                response = (
                    client.post(path, data=form)
                    if method == "POST"
                    else client.get(path, params={"opportunity": target, "to": "Riley"})
                )
                assert response.status_code < 500, (as_whom, method, path, response.text)
                assert leaked(response.text) == [], (as_whom, method, path)
                assert leaked(str(response.headers)) == [], (as_whom, method, path)
                seen.append(f"{method} {route.path}")
    assert kim_rows(database) == before
    return seen


def test_no_page_shows_or_changes_another_candidates_data(office):
    deps, database, _ = office
    client = web_client(deps)
    sign_in(client, "sam@example.com")
    seen = probe_web(client, database, account_id(database, "kim@example.com"), "sam")
    assert "GET /opportunities/{id}" in seen and "POST /touches/done" in seen
    assert "GET /clients/{client}/opportunities/{id}" in seen


def test_no_page_shows_a_coach_a_candidate_who_did_not_grant_access(office):
    deps, database, _ = office
    sam = database.deps("sam@example.com")
    from followup.services.accounts import acting_account, grant_access

    grant_access(sam, acting_account(sam, "sam@example.com"), "coach@example.com", None, NOW.date())
    client = web_client(deps)
    sign_in(client, "coach@example.com")
    assert "Sam Ortiz" in client.get("/clients").text
    probe_web(client, database, account_id(database, "kim@example.com"), "coach")


# -- the command line -----------------------------------------------------------------------------
def commands(parser: argparse.ArgumentParser, path: tuple[str, ...] = ()):  # type: ignore[no-untyped-def]
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for name, sub in action.choices.items():
                yield from commands(sub, (*path, name))
            return
    yield path, parser


def arguments(parser: argparse.ArgumentParser, files: dict[str, str], target: str, letter: int):
    """What the command needs, each value aimed at Kim's data where it names something."""
    values = {
        "id": target,
        "opportunity": target,
        "company": "Probe Co",
        "date": "2026-12-28",
        "due": "2026-12-28",
        "until": "2099-01-05",
        "contact": "Riley",
        "to": "Riley",
        "step": "thank_you",
        "reason": "a probe",
        "kind": "reply",
        "email": "kim@example.com",
        "role": "candidate",
        "coach": "coach@example.com",
        "action": "retry",  # outbox retry; inbox review takes its last choice, dismiss
    }
    argv: list[str] = []
    for action in parser._actions:
        if action.dest == "help" or not (action.required or not action.option_strings):
            continue
        if action.dest == "file":
            value = files.get(parser.prog, files["a message"])
        elif parser.prog == "followup outbox" and action.dest == "id":
            value = str(letter)  # Kim's letter's number
        elif parser.prog == "followup inbox review" and action.dest == "id":
            value = KIM_IDS["reply"]  # Kim's reply's number
        else:  # a new argument: aimed at Kim's opportunity until it is given its own
            value = values.get(action.dest, target)
        if action.choices and value not in action.choices:
            value = list(action.choices)[-1]  # the last: a change more often than a listing
        if action.option_strings:
            argv += [max(action.option_strings, key=len), value]
        else:
            argv.append(value)
    return argv


def probe_files(folder) -> dict[str, str]:  # type: ignore[no-untyped-def]
    import json

    from .web_support import DATA

    dossier = json.loads((DATA / "acme-first.json").read_text())
    dossier["opportunities"][0]["company"] = "Probe Co"
    (folder / "dossier.json").write_text(json.dumps(dossier))
    (folder / "letter.txt").write_text("Dear Riley,\n\nThank you for your time.\n\nSam\n")
    box = mailbox.mbox(folder / "replies.mbox")
    reply = EmailMessage()
    reply["From"] = "Morgan <morgan@kim.example>"  # Kim's contact, not Sam's
    reply["To"] = "sam@example.com"
    reply["Subject"] = "Re: Thank you"
    reply["Date"] = "Tue, 29 Dec 2026 10:00:00 -0600"
    reply.set_content("Thanks!")
    box.add(reply)
    box.close()
    (folder / "reply.eml").write_bytes(bytes(reply))
    return {
        "a message": str(folder / "reply.eml"),
        "followup import": str(folder / "dossier.json"),
        "followup check": str(folder / "letter.txt"),
        "followup inbox import": str(folder / "replies.mbox"),
    }


@pytest.mark.parametrize("user", ["sam@example.com", "coach@example.com"])
def test_no_command_shows_or_changes_another_candidates_data(
    office, user, tmp_path, monkeypatch, capsys
):
    _, database, letter = office
    monkeypatch.setenv("FOLLOWUP_DATABASE", database.location)
    monkeypatch.setenv("FOLLOWUP_USER", user)
    monkeypatch.setenv("FOLLOWUP_CONFIG", str(tmp_path / "config"))
    cli = Cli(database, capsys, tmp_path)
    files = probe_files(tmp_path)
    before = kim_rows(database)
    probed = set()
    for path, parser in commands(build_parser()):
        if path in NOT_PROBED:
            continue
        for target in ("kim-only", "acme-ae"):
            argv = [*path, *arguments(parser, files, target, letter)]
            monkeypatch.setattr(sys, "stdin", io.StringIO("a long enough password\n"))
            result = cli(*argv)
            shown = result.out + result.err
            assert leaked(shown) == [], (user, argv, shown)
            assert "Traceback" not in shown, (user, argv, shown)
            if result.code:
                assert result.err.startswith("followup: error: "), (user, argv, result.err)
        probed.add(path)
    assert kim_rows(database) == before
    assert {("agenda",), ("outbox",), ("inbox", "import"), ("users", "disable")} <= probed
    assert len(probed) + len(NOT_PROBED) == len(list(commands(build_parser())))
