"""The use cases on an in-memory store: import, merge, record, and nothing half-changed."""

from __future__ import annotations

import copy
import json
from datetime import UTC, datetime
from pathlib import Path

import pytest

from followup.adapters.files.dossier import parse_dossier
from followup.adapters.holidays import calendar_for
from followup.adapters.policies import PolicyBook
from followup.domain.errors import Conflict, InvalidField, NotFound
from followup.domain.model import Contact, Interview
from followup.services.agenda import agenda
from followup.services.dependencies import Dependencies
from followup.services.dossier import export_dossier, import_dossier
from followup.services.planning import plan_touches, show_opportunity
from followup.services.recording import (
    add_opportunity,
    capture_interview,
    set_timeline,
    update_profile,
)

from ..fakes import FakeStore, fake_deps
from .conftest import d, ev, log

WORKED = json.loads((Path(__file__).parents[1] / "data" / "acme.json").read_text())


@pytest.fixture
def deps() -> Dependencies:
    return fake_deps(datetime(2027, 1, 21, 15, 0, tzinfo=UTC), readers=False)


def statuses(deps, opportunity=None):
    return [
        (r.touch.step, r.touch.contact, r.touch.due.isoformat(), r.touch.status)
        for r in plan_touches(deps, opportunity)
    ]


def test_import_plans_the_worked_example(deps):
    report = import_dossier(deps, parse_dossier(WORKED))
    assert (report.added, report.updated, report.unchanged, report.touches) == (1, 0, 0, 13)
    assert statuses(deps)[5] == ("stay_in_touch", "Dana Reyes", "2027-01-22", "planned")


def test_importing_the_same_dossier_twice_changes_nothing(deps):
    import_dossier(deps, parse_dossier(WORKED))
    before = copy.deepcopy(deps.store.committed)
    report = import_dossier(deps, parse_dossier(WORKED))
    assert (report.added, report.updated, report.unchanged) == (0, 0, 1)
    assert deps.store.committed == before


def test_import_merges_events_and_keeps_what_the_file_leaves_out(deps):
    import_dossier(deps, parse_dossier(WORKED))
    log(deps, "acme-ae", ev("2027-01-25", "done", "dana reyes", "stay_in_touch"))
    import_dossier(deps, parse_dossier(WORKED))  # an older file, without the new event
    events = deps.store.committed.opportunities["acme-ae"].events
    assert [(e.date.isoformat(), e.kind, e.contact) for e in events][-1] == (
        "2027-01-25",
        "done",
        "Dana Reyes",
    )
    assert len(events) == 4


def test_export_then_import_round_trips(deps):
    import_dossier(deps, parse_dossier(WORKED))
    candidate, opportunities = export_dossier(deps)
    from followup.adapters.files.dossier import dossier_to_dict

    exported = dossier_to_dict(candidate, opportunities)
    fresh = Dependencies(FakeStore(), calendar_for, PolicyBook(None))
    import_dossier(fresh, parse_dossier(json.loads(json.dumps(exported))))
    assert fresh.store.committed.opportunities == deps.store.committed.opportunities
    assert fresh.store.committed.candidate == deps.store.committed.candidate


def test_a_failed_import_changes_nothing(deps):
    import_dossier(deps, parse_dossier(WORKED))
    before = copy.deepcopy(deps.store.committed)
    bad = copy.deepcopy(WORKED)
    bad["opportunities"].append(copy.deepcopy(bad["opportunities"][0]))
    bad["opportunities"][1]["id"] = "other"
    bad["opportunities"][1]["events"][0]["contact"] = "Nobody Here"
    with pytest.raises(InvalidField, match=r"^opportunities\[1\]\.events\[0\]\.contact: "):
        import_dossier(deps, parse_dossier(bad))
    assert deps.store.committed == before


def test_unknown_policy_is_named_with_its_field(deps):
    bad = copy.deepcopy(WORKED)
    bad["opportunities"][0]["policy"] = "pushy"
    with pytest.raises(
        NotFound,
        match=r"^opportunities\[0\]\.policy: no policy 'pushy' "
        r"\(known: etiquette, persistent\)$",
    ):
        import_dossier(deps, parse_dossier(bad))
    assert deps.store.commits == 0


def test_a_deadline_before_the_interview_is_refused(deps):
    bad = copy.deepcopy(WORKED)
    bad["opportunities"][0]["timeline"]["preliminary_deadline"] = "2026-12-01"
    with pytest.raises(InvalidField) as caught:
        import_dossier(deps, parse_dossier(bad))
    assert str(caught.value) == (
        "opportunities[0].timeline.preliminary_deadline: expected a date on or after the first "
        "interview (2026-12-23), got '2026-12-01'"
    )


def test_a_bad_country_and_time_zone_are_named(deps):
    bad = copy.deepcopy(WORKED)
    bad["candidate"]["subdivision"] = "ZZ"
    with pytest.raises(InvalidField, match=r"^candidate\.subdivision: expected a subdivision"):
        import_dossier(deps, parse_dossier(bad))
    bad["candidate"]["subdivision"] = "IL"
    bad["candidate"]["timezone"] = "Mars/Olympus"
    with pytest.raises(InvalidField, match=r"^candidate\.timezone: expected an IANA time zone"):
        import_dossier(deps, parse_dossier(bad))
    assert deps.store.commits == 0


def test_recording_by_hand_plans_like_the_dossier(deps):
    update_profile(
        deps, name="Sam Ortiz", timezone="America/Chicago", country="US", subdivision="IL"
    )
    add_opportunity(deps, "acme-ae", "Acme Corp", "Account Executive")
    opp = parse_dossier(WORKED).opportunities[0]
    first = opp.interviews[0]
    capture_interview(deps, first.date, first.contacts, "acme-ae", first.round, first.id)
    set_timeline(deps, "acme-ae", d("2027-01-08"), d("2027-01-22"))
    for event in opp.events:
        log(deps, "acme-ae", event)
    by_hand = statuses(deps)
    fresh = Dependencies(FakeStore(), calendar_for, PolicyBook(None))
    import_dossier(fresh, parse_dossier(WORKED))
    assert by_hand == statuses(fresh)


def test_changing_the_country_replans_everything(deps):
    import_dossier(deps, parse_dossier(WORKED))
    update_profile(deps, country="GB", subdivision=None)
    # in England Dec 28 2026 is the Boxing Day substitute, so the thank-yous move to Dec 29
    assert statuses(deps)[0] == ("thank_you", "Dana Reyes", "2026-12-29", "done")


def test_adding_an_opportunity_twice_is_a_conflict(deps):
    add_opportunity(deps, "acme-ae", "Acme Corp")
    with pytest.raises(Conflict, match="already exists"):
        add_opportunity(deps, "acme-ae", "Acme Again")


def test_unknown_opportunity_is_not_found_with_known_ids(deps):
    import_dossier(deps, parse_dossier(WORKED))
    with pytest.raises(NotFound, match=r"^opportunity: no opportunity 'acme' \(known: acme-ae\)$"):
        log(deps, "acme", ev("2027-01-01", "offer"))


def test_an_interview_with_the_same_person_twice_is_refused(deps):
    add_opportunity(deps, "x", "X Inc")
    twice = Interview("x-1", d("2027-01-04"), 1, (Contact("Ann"), Contact("ann ")))
    with pytest.raises(InvalidField, match=r"^interviews\[0\]\.contacts\[1\]\.name: "):
        capture_interview(deps, twice.date, twice.contacts, "x", twice.round, twice.id)


def test_agenda_defaults_to_today_in_the_candidates_time_zone(deps):
    import_dossier(deps, parse_dossier(WORKED))
    result = agenda(deps)
    assert result.on == d("2027-01-21")  # 15:00 UTC is 09:00 in Chicago
    assert [(r.touch.step, r.touch.due.isoformat()) for r in result.upcoming] == [
        ("stay_in_touch", "2027-01-22")
    ]


def test_the_next_touch_beyond_the_week_is_not_called_the_week_ahead(deps):
    import_dossier(deps, parse_dossier(WORKED))
    within = agenda(deps, d("2027-01-21"))  # the stay-in-touch letter is due tomorrow
    assert not within.upcoming_later
    # A week later nothing falls within seven days: the agenda shows the first check-in,
    # months ahead, and says it is later than the week.
    later = agenda(deps, d("2027-01-23"))
    assert [r.touch.step for r in later.upcoming] == ["check_in"]
    assert (later.upcoming[0].touch.due - later.on).days > 7
    assert later.upcoming_later


def test_show_lists_warnings_as_of_today(deps):
    import_dossier(deps, parse_dossier(WORKED))
    view = show_opportunity(deps, "acme-ae")
    assert view.today == d("2027-01-21")
    assert [w.rule for w in view.warnings] == []


def test_a_snoozed_touch_shows_on_the_agenda_from_its_new_day_and_survives_replanning(deps):
    from followup.services.recording import snooze_touch

    first = json.loads((Path(__file__).parents[1] / "data" / "acme-first.json").read_text())
    import_dossier(deps, parse_dossier(first))
    deps.clock = lambda: datetime(2027, 1, 4, 15, 0, tzinfo=UTC)
    snooze_touch(
        deps,
        "acme-ae",
        "call",
        "Dana Reyes",
        d("2026-12-31"),
        d("2027-01-06"),
        "she is travelling until Tuesday",
    )
    log(deps, "acme-ae", ev("2027-01-04", "done", "Lee Park", "thank_you"))  # replans
    result = agenda(deps, d("2027-01-04"))
    assert [(r.touch.step, r.touch.shows_on.isoformat()) for r in result.upcoming][:1] == [
        ("secondary", "2027-01-05")
    ]
    call = next(r.touch for r in result.upcoming if r.touch.step == "call")
    assert (call.due, call.snoozed_until, call.snooze_reason) == (
        d("2026-12-31"),
        d("2027-01-06"),
        "she is travelling until Tuesday",
    )
    # the snooze holds whatever day the agenda is read: waiting before its day, due on it,
    # overdue after it, always with its own due date and the day it was put off to
    for day, section in (
        ("2027-01-05", "upcoming"),
        ("2027-01-06", "today"),
        ("2027-01-21", "overdue"),
    ):
        rows = getattr(agenda(deps, d(day)), section)
        calls = [(r.touch.due, r.touch.snoozed_until) for r in rows if r.touch.step == "call"]
        assert calls == [(d("2026-12-31"), d("2027-01-06"))], day
    assert all(r.touch.step != "call" for r in agenda(deps, d("2027-01-05")).overdue)


def test_snoozing_needs_a_reason_a_later_day_and_a_planned_touch(deps):
    from followup.services.recording import snooze_touch

    import_dossier(deps, parse_dossier(WORKED))
    deps.clock = lambda: datetime(2027, 1, 4, 15, 0, tzinfo=UTC)
    with pytest.raises(InvalidField, match=r"^reason: "):
        snooze_touch(deps, "acme-ae", "call", "Dana Reyes", d("2026-12-31"), d("2027-01-08"), " ")
    with pytest.raises(InvalidField, match=r"^until: expected a day after today \(2027-01-04\)"):
        snooze_touch(
            deps,
            "acme-ae",
            "stay_in_touch",
            "Dana Reyes",
            d("2027-01-22"),
            d("2027-01-04"),
            "busy",
        )
    with pytest.raises(InvalidField, match=r"^touch: expected a planned call to Dana Reyes"):
        snooze_touch(
            deps, "acme-ae", "call", "Dana Reyes", d("2026-12-31"), d("2027-01-08"), "busy"
        )  # cancelled by the reply


def test_snoozing_puts_a_touch_off_never_brings_it_forward(deps):
    """A touch not yet due snoozed to a day before its due date would show early, "snoozed"."""
    from followup.services.recording import snooze_touch

    import_dossier(deps, parse_dossier(WORKED))
    deps.clock = lambda: datetime(2027, 1, 4, 15, 0, tzinfo=UTC)
    before = statuses(deps)
    for until in ("2027-01-12", "2027-01-22"):
        with pytest.raises(InvalidField) as refused:
            snooze_touch(
                deps, "acme-ae", "stay_in_touch", "Dana Reyes", d("2027-01-22"), d(until), "busy"
            )
        assert str(refused.value) == (
            f"until: expected a day after the touch's due date (2027-01-22), got '{until}'"
        )
    assert statuses(deps) == before
    snooze_touch(
        deps, "acme-ae", "stay_in_touch", "Dana Reyes", d("2027-01-22"), d("2027-01-25"), "busy"
    )


def test_strengths_and_resume_updates_round_trip_through_export_and_import(deps):
    from followup.adapters.files.dossier import dossier_to_dict

    rich = copy.deepcopy(WORKED)
    rich["candidate"].update(
        {
            "strengths": ["opened forty new accounts in a year"],
            "courses": ["solution selling"],
            "other_interviews": 2,
        }
    )
    import_dossier(deps, parse_dossier(rich))
    exported = dossier_to_dict(*export_dossier(deps))
    assert {k: exported["candidate"][k] for k in ("strengths", "courses", "other_interviews")} == {
        "strengths": ["opened forty new accounts in a year"],
        "courses": ["solution selling"],
        "other_interviews": 2,
    }
    fresh = Dependencies(FakeStore(), calendar_for, PolicyBook(None))
    import_dossier(fresh, parse_dossier(json.loads(json.dumps(exported))))
    assert fresh.store.committed.candidate == deps.store.committed.candidate


def test_resume_fields_are_checked_on_import(deps):
    bad = copy.deepcopy(WORKED)
    bad["candidate"]["other_interviews"] = -1
    with pytest.raises(InvalidField, match=r"^candidate\.other_interviews: expected a whole"):
        import_dossier(deps, parse_dossier(bad))
    bad["candidate"]["other_interviews"] = 0
    bad["candidate"]["strengths"] = "one long string"
    with pytest.raises(InvalidField, match=r"^candidate\.strengths: expected a list of strings"):
        import_dossier(deps, parse_dossier(bad))


def test_a_contacts_time_zone_round_trips_and_must_exist(deps):
    from followup.adapters.files.dossier import dossier_to_dict

    dossier = copy.deepcopy(WORKED)
    dossier["opportunities"][0]["interviews"][0]["contacts"][1]["timezone"] = "Europe/London"
    import_dossier(deps, parse_dossier(dossier))
    exported = dossier_to_dict(*export_dossier(deps))
    assert exported["opportunities"][0]["interviews"][0]["contacts"][1]["timezone"] == (
        "Europe/London"
    )
    dossier["opportunities"][0]["interviews"][0]["contacts"][1]["timezone"] = "Europe/Gotham"
    with pytest.raises(InvalidField) as caught:
        import_dossier(deps, parse_dossier(dossier))
    assert str(caught.value) == (
        "opportunities[0].interviews[0].contacts[1].timezone: expected an IANA time zone like "
        "America/Chicago, got 'Europe/Gotham'"
    )
