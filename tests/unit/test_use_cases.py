"""The use cases the CLI and the web share: capture an interview in one unit of work, log an
event on today's date, dispatch under the one-dispatcher lock, mail the digest, poll a mailbox."""

from __future__ import annotations

import copy
import json
from datetime import UTC, date, datetime
from pathlib import Path

import pytest

from followup.adapters.files.dossier import parse_dossier
from followup.adapters.holidays import calendar_for
from followup.adapters.policies import PolicyBook
from followup.domain.errors import Conflict, InvalidField
from followup.domain.model import Candidate, Contact
from followup.services.dependencies import Dependencies
from followup.services.dossier import import_dossier
from followup.services.inbox import Incoming, poll_inbox
from followup.services.outbox import DISPATCH_BUSY, dispatch, send_digest
from followup.services.recording import (
    NewOpportunity,
    capture_interview,
    interview_id_for,
    log_event,
)
from followup.services.storage import OutboxItem

from ..fakes import FakeStore

WORKED = json.loads((Path(__file__).parents[1] / "data" / "acme-first.json").read_text())
ANN, BOB = Contact("Ann Lee", minutes=30, decision_maker=True), Contact("Bob Roy", minutes=5)


@pytest.fixture
def deps() -> Dependencies:
    deps = Dependencies(
        FakeStore(),
        calendar_for,
        PolicyBook(None),
        clock=lambda: datetime(2027, 1, 4, 23, 30, tzinfo=UTC),  # 17:30 in Chicago
    )
    import_dossier(deps, parse_dossier(WORKED))
    return deps


def test_a_capture_makes_the_opportunity_and_the_interview_together(deps):
    opp, interview = capture_interview(
        deps, date(2027, 1, 5), (ANN, BOB), new=NewOpportunity("Initech Corp", "AE")
    )
    assert (opp.id, interview.id, opp.policy) == (
        "initech-corp",
        "initech-corp-2027-01-05",
        "persistent",
    )
    stored = deps.store.committed.opportunities["initech-corp"]
    assert [c.name for c in stored.interviews[0].contacts] == ["Ann Lee", "Bob Roy"]
    assert deps.store.committed.plans["initech-corp"][0].step == "thank_you"


def test_a_capture_that_fails_leaves_no_opportunity_and_its_retry_no_duplicate(deps):
    before = copy.deepcopy(deps.store.committed)
    twice = (ANN, Contact("ann lee"))
    with pytest.raises(InvalidField, match=r"^interviews\[0\]\.contacts\[1\]\.name: "):
        capture_interview(deps, date(2027, 1, 5), twice, new=NewOpportunity("Initech"))
    assert deps.store.committed == before  # no orphan opportunity
    opp, _ = capture_interview(deps, date(2027, 1, 5), (ANN,), new=NewOpportunity("Initech"))
    assert opp.id == "initech"  # not initech-2
    again, _ = capture_interview(deps, date(2027, 1, 6), (BOB,), new=NewOpportunity("Initech"))
    assert again.id == "initech-2"  # a new opportunity of the same company is numbered


def test_one_interview_id_scheme_and_a_repeat_is_a_conflict(deps):
    assert interview_id_for("acme-ae", date(2027, 1, 12)) == "acme-ae-2027-01-12"
    assert interview_id_for("acme-ae", date(2027, 1, 12), 2) == "acme-ae-2027-01-12-r2"
    _, first = capture_interview(deps, date(2027, 1, 12), (ANN,), "acme-ae", 2)
    assert first.id == "acme-ae-2027-01-12-r2"
    with pytest.raises(Conflict, match=r"^id: interview 'acme-ae-2027-01-12-r2' already exists"):
        capture_interview(deps, date(2027, 1, 12), (ANN,), "acme-ae", 2)


def test_a_capture_for_a_new_opportunity_needs_a_company_and_a_known_policy(deps):
    with pytest.raises(InvalidField, match=r"^company: expected a value"):
        capture_interview(deps, date(2027, 1, 5), (ANN,), new=NewOpportunity(" "))
    with pytest.raises(Exception, match=r"^policy: no policy 'pushy'"):
        capture_interview(deps, date(2027, 1, 5), (ANN,), new=NewOpportunity("X", policy="pushy"))


def test_an_event_without_a_date_happens_today_where_the_candidate_lives(deps):
    event = log_event(deps, "acme-ae", "reply", contact="dana reyes")
    # 23:30 UTC on 4 Jan is still 4 Jan in Chicago
    assert (event.date, event.contact) == (date(2027, 1, 4), "Dana Reyes")
    assert deps.store.committed.opportunities["acme-ae"].events[-1] == event


class Mailer:
    def __init__(self) -> None:
        self.sent: list[tuple[OutboxItem, Candidate]] = []

    def send(self, item: OutboxItem, sender: Candidate) -> None:
        self.sent.append((item, sender))


def test_only_one_dispatcher_runs_at_a_time(deps):
    with deps.lock("send", DISPATCH_BUSY), pytest.raises(Conflict) as busy:
        dispatch(deps, Mailer())
    assert str(busy.value) == "send: another `followup send` is running; try again when it ends"
    assert dispatch(deps, Mailer()).sent == 0  # the lock is let go


def test_the_file_lock_holds_across_opened_handles(tmp_path):
    from followup.adapters.locks import file_locks

    lock = file_locks(str(tmp_path / "f.sqlite3"))
    with lock("send", "busy"), pytest.raises(Conflict, match=r"^busy$"), lock("send", "busy"):
        pass
    with lock("send", "busy"):
        pass  # free again


def test_the_digest_is_the_agenda_as_the_caller_words_it_mailed_to_the_candidate(deps):
    mailer = Mailer()
    item = send_digest(deps, mailer, lambda a: f"{len(a.overdue)} overdue on {a.on}")
    ((sent, sender),) = mailer.sent
    assert sent is item and sender.email == "sam@example.com"
    assert (item.to_address, item.body) == ("sam@example.com", "2 overdue on 2027-01-04\n")
    assert item.subject == "Followup: 2 overdue, 0 due today"


class Box:
    name = "INBOX"

    def __init__(self, messages, fail_after: int | None = None) -> None:  # type: ignore[no-untyped-def]
        self.messages = messages
        self.fail_after = fail_after
        self.asked: list[object] = []

    def new_messages(self, cursor):  # type: ignore[no-untyped-def]
        self.asked.append(cursor)
        after = cursor[1] if cursor else 0
        new = [m for m in self.messages if m[1] > after]

        def each():  # type: ignore[no-untyped-def]
            for n, message in enumerate(new):
                if self.fail_after is not None and n == self.fail_after:
                    raise ConnectionError("dropped")
                yield message

        return len(new), each()


def reply(uid: int, sender: str) -> tuple[int, int, Incoming]:
    return (7, uid, Incoming(sender, (), datetime(2027, 1, 4, 15, uid, tzinfo=UTC)))


def test_polling_moves_the_cursor_past_each_message_it_records(deps):
    box = Box([reply(1, "dana@acme.example"), (7, 2, None), reply(3, "nobody@x.example")])
    report = poll_inbox(deps, box)
    assert (report.read, report.replies, report.automatic) == (3, 1, 0)
    assert deps.store.committed.cursors["INBOX"] == (7, 3)
    assert poll_inbox(deps, box).read == 0 and box.asked[-1] == (7, 3)


def test_a_poll_that_breaks_off_keeps_what_it_read(deps):
    box = Box([reply(1, "dana@acme.example"), reply(2, "lee@acme.example")], fail_after=1)
    with pytest.raises(ConnectionError):
        poll_inbox(deps, box)
    assert deps.store.committed.cursors["INBOX"] == (7, 1)
    events = deps.store.committed.opportunities["acme-ae"].events
    assert [(e.kind, e.contact) for e in events][-1] == ("reply", "Dana Reyes")
