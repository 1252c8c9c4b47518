"""Every storage method, on both stores: a SQLite file and PostgreSQL (each test runs on both).

What a use case sees of the store must not depend on which one it is: the same round trips, the
same order, the same transactions."""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import UTC, date, datetime
from pathlib import Path

import pytest

from followup.adapters.files.dossier import parse_dossier
from followup.domain.model import Candidate, Touch
from followup.services.dossier import import_dossier
from followup.services.planning import plan_touches
from followup.services.storage import OutboxItem

WORKED = json.loads((Path(__file__).parents[1] / "data" / "acme.json").read_text())


def test_an_opportunity_reads_back_exactly_as_saved(database):
    store = database.store()
    opportunity = parse_dossier(WORKED).opportunities[0]
    with store.unit_of_work() as uow:
        uow.save_opportunity(opportunity)
        uow.commit()
    with store.unit_of_work(readonly=True) as uow:
        assert uow.get_opportunity("acme-ae") == opportunity
        assert uow.get_opportunity("nope") is None


def test_leaving_a_unit_of_work_without_commit_stores_nothing(database):
    store = database.store()
    with store.unit_of_work() as uow:
        uow.save_opportunity(parse_dossier(WORKED).opportunities[0])
    with store.unit_of_work(readonly=True) as uow:
        assert uow.opportunity_ids() == []


def test_an_error_inside_a_unit_of_work_rolls_back(database):
    store = database.store()
    with pytest.raises(RuntimeError), store.unit_of_work() as uow:
        uow.save_opportunity(parse_dossier(WORKED).opportunities[0])
        raise RuntimeError("boom")
    with store.unit_of_work(readonly=True) as uow:
        assert uow.opportunity_ids() == []


def test_the_stored_plan_is_what_the_planner_made(database):
    deps = database.deps()
    import_dossier(deps, parse_dossier(WORKED))
    rows = plan_touches(deps)
    assert len(rows) == 13
    assert rows[0].company == "Acme Corp"
    assert rows[0].touch == Touch(
        "acme-ae",
        "Dana Reyes",
        "thank_you",
        "email",
        date(2026, 12, 28),
        "done",
        None,
        date(2026, 12, 24),
        "acme-1",
        0,
    )


def test_the_agenda_counts_more_than_it_shows_and_stops_counting_at_a_bound(database):
    store = database.store()
    opportunity = parse_dossier(WORKED).opportunities[0]
    touches = [
        Touch("acme-ae", "Lee Park", "call", "phone", date(2026, 1, 1), seq=i) for i in range(1200)
    ]
    with store.unit_of_work() as uow:
        uow.save_opportunity(opportunity)
        uow.replace_plan("acme-ae", touches, "waiting")
        uow.commit()
    with store.unit_of_work(readonly=True) as uow:
        rows = uow.agenda(date(2026, 6, 1), date(2026, 6, 8), 10)
    assert (len(rows.overdue), rows.overdue_more) == (10, 999)
    assert rows.today == [] and rows.upcoming == []


def test_the_revision_moves_when_an_opportunity_or_a_person_changes(database):
    deps = database.deps()
    store = deps.store

    def revision() -> int:
        with store.unit_of_work(readonly=True) as uow:
            return uow.revision()

    start = revision()
    import_dossier(deps, parse_dossier(WORKED))
    after_import = revision()
    assert after_import > start
    from ..unit.conftest import log

    log(deps, "acme-ae", parse_dossier(WORKED).opportunities[0].events[0])
    # saving the opportunity rewrites its people: the check's directory is rebuilt
    assert revision() > after_import


def test_the_check_sees_a_company_added_after_its_directory_was_cached(database):
    from followup.adapters.check_rules import build_checker
    from followup.services.letters import check_letter
    from followup.services.recording import add_opportunity

    deps = database.deps()
    checker = build_checker(None, spelling=False)
    deps.checker = lambda: checker
    import_dossier(deps, parse_dossier(WORKED))
    letter = "Dear Dana,\n\nThank you. I look forward to joining Globex.\n\nSam, sam@example.com"
    _, before = check_letter(deps, letter, "acme-ae", "Dana Reyes", "reply")
    assert [f.rule for f in before] == []
    add_opportunity(deps, "globex", "Globex")
    _, after = check_letter(deps, letter, "acme-ae", "Dana Reyes", "reply")
    assert [f.rule for f in after] == ["wrong-company"]


def test_the_candidate_reads_back_exactly_as_saved(database):
    store = database.store()
    sam = Candidate(
        name="Sam O'Brien",
        email="sam@example.com",
        phone="+1 312 555 0100",
        timezone="America/Chicago",
        country="US",
        subdivision="IL",
        weekmask="1111110",
        default_policy="etiquette",
        strengths=("opened forty accounts", "100% of quota"),
        courses=("solution selling",),
        other_interviews=2,
    )
    with store.unit_of_work() as uow:
        assert uow.get_candidate() is None
        uow.save_candidate(sam)
        uow.save_candidate(replace(sam, phone="+1 312 555 0199"))
        uow.commit()
    with store.unit_of_work(readonly=True) as uow:
        assert uow.get_candidate() == replace(sam, phone="+1 312 555 0199")


def test_opportunities_keep_the_order_they_were_added_in(database):
    store = database.store()
    first = parse_dossier(WORKED).opportunities[0]
    with store.unit_of_work() as uow:
        for oid in ("zeta", "alpha", "mid"):
            uow.save_opportunity(replace(first, id=oid, company=oid.title()))
        uow.save_opportunity(replace(first, id="zeta", company="Zeta Two"))  # an update
        uow.commit()
    with store.unit_of_work(readonly=True) as uow:
        assert uow.opportunity_ids() == ["zeta", "alpha", "mid"]
        assert [(s.id, s.company) for s in uow.summaries()] == [
            ("zeta", "Zeta Two"),
            ("alpha", "Alpha"),
            ("mid", "Mid"),
        ]
        assert uow.directory() == [
            ("zeta", "Zeta Two", ["Dana Reyes", "Lee Park"]),
            ("alpha", "Alpha", ["Dana Reyes", "Lee Park"]),
            ("mid", "Mid", ["Dana Reyes", "Lee Park"]),
        ]
        assert uow.contacts_by_email() == {
            "dana@acme.example": [
                ("alpha", "Dana Reyes"),
                ("mid", "Dana Reyes"),
                ("zeta", "Dana Reyes"),
            ],
            "lee@acme.example": [("alpha", "Lee Park"), ("mid", "Lee Park"), ("zeta", "Lee Park")],
        }


def test_a_summary_names_the_next_planned_touch_and_the_stage(database):
    deps = database.deps()
    import_dossier(deps, parse_dossier(json.loads((WORKED_FIRST).read_text())))
    with deps.store.unit_of_work(readonly=True) as uow:
        (summary,) = uow.summaries()
    assert (summary.id, summary.stage) == ("acme-ae", "interviewing")
    assert summary.next_touch is not None
    assert (summary.next_touch.step, summary.next_touch.contact, summary.next_touch.due) == (
        "thank_you",
        "Lee Park",
        date(2026, 12, 28),
    )


WORKED_FIRST = Path(__file__).parents[1] / "data" / "acme-first.json"


def test_a_snooze_shows_the_touch_later_and_outlives_replanning(database):
    deps = database.deps()
    import_dossier(deps, parse_dossier(json.loads(WORKED_FIRST.read_text())))
    store = deps.store
    with store.unit_of_work() as uow:
        uow.snooze("acme-ae", "thank_you", "Lee Park", date(2026, 12, 28), date(2027, 1, 4), "ill")
        uow.commit()
    with store.unit_of_work() as uow:  # the plan is stored again, as every change does
        touches = [r.touch for r in uow.plan("acme-ae")]
        uow.replace_plan("acme-ae", touches, "interviewing")
        uow.commit()
    with store.unit_of_work(readonly=True) as uow:
        lee = next(r.touch for r in uow.plan("acme-ae") if r.touch.contact == "Lee Park")
        rows = uow.agenda(date(2026, 12, 29), date(2027, 1, 5), 10)
    assert (lee.due, lee.snoozed_until, lee.snooze_reason) == (
        date(2026, 12, 28),
        date(2027, 1, 4),
        "ill",
    )
    assert [r.touch.contact for r in rows.overdue] == []
    assert ("Lee Park", date(2027, 1, 4)) in [
        (r.touch.contact, r.touch.shows_on) for r in rows.upcoming
    ]


def letter(n: int, when: datetime) -> OutboxItem:
    return OutboxItem(
        0,
        "acme-ae",
        "thank_you",
        "Lee Park",
        "Lee Park",
        "lee@acme.example",
        f"Thank you {n}",
        "Dear Lee,\n\nThank you.\n",
        f"<{n}@example.com>",
        when,
        "queued",
    )


def test_the_outbox_queues_claims_and_records_letters_in_order(database):
    deps = database.deps()
    import_dossier(deps, parse_dossier(WORKED))
    store = deps.store
    now = datetime(2027, 1, 4, 15, 0, tzinfo=UTC)
    with store.unit_of_work() as uow:
        late = uow.queue(letter(1, datetime(2027, 1, 5, 14, 0, tzinfo=UTC)))
        early = uow.queue(letter(2, datetime(2027, 1, 4, 14, 0, tzinfo=UTC)))
        uow.commit()
    assert late != early
    with store.dispatcher() as dispatcher:
        assert dispatcher.recover_interrupted() == 0
        claim = dispatcher.claim_next(now)
        assert claim is not None
        assert (claim.item.id, claim.item.status, claim.item.attempts) == (early, "sending", 1)
        assert claim.item.send_after == datetime(2027, 1, 4, 14, 0, tzinfo=UTC)
        assert dispatcher.claim_next(now) is None  # the other one's time has not come
        with claim.store.unit_of_work() as uow:
            uow.set_outbox_status(early, "sent", sent_at=now)
            uow.commit()
    with store.unit_of_work(readonly=True) as uow:
        items = uow.outbox()
        assert [(i.id, i.status, i.sent_at) for i in items] == [
            (early, "sent", now),
            (late, "queued", None),
        ]
        assert [i.id for i in uow.outbox(("queued",))] == [late]
        assert uow.sent_with_ids(["<x@y>", "<2@example.com>"]) == items[0]
        assert uow.sent_with_ids(["<1@example.com>"]) is None  # queued, not sent
        assert uow.sent_with_ids([]) is None


def test_a_letter_left_sending_by_a_dead_dispatcher_becomes_uncertain(database):
    deps = database.deps()
    import_dossier(deps, parse_dossier(WORKED))
    now = datetime(2027, 1, 4, 15, 0, tzinfo=UTC)
    with deps.store.unit_of_work() as uow:
        uow.queue(letter(1, now))
        uow.commit()
    with deps.store.dispatcher() as first:
        assert first.claim_next(now) is not None
    # the first dispatcher is gone, its letter still 'sending'
    with deps.store.dispatcher() as second:
        assert second.recover_interrupted() == 1
        assert second.claim_next(now) is None
    with deps.store.unit_of_work(readonly=True) as uow:
        (item,) = uow.outbox()
    assert item.status == "uncertain"
    assert item.last_error is not None and "may or may not have gone" in item.last_error


def test_secrets_are_made_once_and_kept(database):
    store = database.store()
    with store.unit_of_work() as uow:
        first = uow.secret("calendar-feed", lambda: "one")
        again = uow.secret("calendar-feed", lambda: "two")
        uow.commit()
    with store.unit_of_work() as uow:
        assert uow.secret("calendar-feed", lambda: "three") == first == again == "one"


def test_the_inbox_cursor_is_kept_per_mailbox(database):
    store = database.store()
    with store.unit_of_work() as uow:
        assert uow.inbox_cursor("INBOX") is None
        uow.set_inbox_cursor("INBOX", 7, 100)
        uow.set_inbox_cursor("INBOX", 7, 120)
        uow.set_inbox_cursor("Archive", 9, 3)
        uow.commit()
    with store.unit_of_work(readonly=True) as uow:
        assert uow.inbox_cursor("INBOX") == (7, 120)
        assert uow.inbox_cursor("Archive") == (9, 3)


def test_the_plan_streams_every_touch_by_opportunity_then_due(database):
    deps = database.deps()
    import_dossier(deps, parse_dossier(WORKED))
    rows = plan_touches(deps)
    assert [(r.touch.due, r.touch.seq) for r in rows] == sorted(
        (r.touch.due, r.touch.seq) for r in rows
    )
    assert plan_touches(deps, "acme-ae") == rows


def test_a_reader_sees_only_what_was_committed_and_never_waits_for_a_writer(database):
    store = database.store()
    opportunity = parse_dossier(WORKED).opportunities[0]
    writer = store.unit_of_work()
    try:
        writer.save_opportunity(opportunity)
        with store.unit_of_work(readonly=True) as reader:
            assert reader.opportunity_ids() == []
        writer.commit()
    finally:
        writer.__exit__(None, None, None)
    with store.unit_of_work(readonly=True) as reader:
        assert reader.opportunity_ids() == ["acme-ae"]
