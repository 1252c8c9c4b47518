"""Every row of DESIGN's rules table and every line of "what ends or changes a track", with
exact dates on the Illinois calendar (US, IL)."""

from __future__ import annotations

from followup.domain.calendar import BusinessCalendar
from followup.domain.model import Contact, Interview
from followup.domain.planner import decision_makers, primary_contact

from .conftest import acme, d, ev, plan, rows

DONE_DANA = ev("2026-12-24", "done", "Dana Reyes", "thank_you")


def test_worked_example_with_only_the_first_event():
    assert rows(plan(acme([DONE_DANA]))) == [
        ("thank_you", "Dana Reyes", "2026-12-28", "done"),
        ("thank_you", "Lee Park", "2026-12-28", "planned"),  # Dec 25 is a holiday
        ("call", "Dana Reyes", "2026-12-31", "planned"),  # thank-you done Dec 24, + 7 days
        ("secondary", "Dana Reyes", "2027-01-05", "planned"),  # 3rd business day before Jan 8
        ("final", "Dana Reyes", "2027-01-29", "planned"),  # Jan 22 + 7 days
        ("final", "Lee Park", "2027-01-29", "planned"),
    ]


def test_worked_example_with_all_three_events():
    touches = plan(
        acme(
            [
                DONE_DANA,
                ev("2027-01-04", "reply", "Dana Reyes", at="16:30"),
                ev("2027-01-20", "rejected"),
            ]
        )
    )
    assert rows(touches) == [
        ("thank_you", "Dana Reyes", "2026-12-28", "done"),
        ("thank_you", "Lee Park", "2026-12-28", "cancelled"),
        ("call", "Dana Reyes", "2026-12-31", "cancelled"),
        ("reply", "Dana Reyes", "2027-01-04", "cancelled"),
        ("secondary", "Dana Reyes", "2027-01-05", "cancelled"),
        ("stay_in_touch", "Dana Reyes", "2027-01-22", "planned"),
        ("final", "Dana Reyes", "2027-01-29", "cancelled"),
        ("final", "Lee Park", "2027-01-29", "cancelled"),
        ("check_in", "Dana Reyes", "2027-04-22", "planned"),
        ("check_in", "Dana Reyes", "2027-07-21", "planned"),
        ("check_in", "Dana Reyes", "2027-10-19", "planned"),
        ("check_in", "Dana Reyes", "2028-01-18", "planned"),  # Jan 17 is MLK Day
        ("check_in", "Dana Reyes", "2028-04-17", "planned"),  # Apr 16 is a Sunday
    ]
    by_step = {(t.step, t.contact): t.reason for t in touches}
    assert by_step[("call", "Dana Reyes")] == (
        "cancelled by the reply from Dana Reyes of 2027-01-04"
    )
    assert by_step[("thank_you", "Lee Park")] == "cancelled by the rejection of 2027-01-20"
    assert by_step[("stay_in_touch", "Dana Reyes")] is None


def test_channels_come_from_the_policy():
    touches = plan(acme([DONE_DANA]))
    assert {t.step: t.channel for t in touches} == {
        "thank_you": "email",
        "call": "phone",
        "secondary": "email",
        "final": "email",
    }


def test_without_events_the_call_counts_from_the_thank_you_due_date():
    touches = plan(acme())
    call = next(t for t in touches if t.step == "call")
    assert call.due == d("2027-01-04")  # Dec 28 + 7 days = Mon Jan 4


def test_a_late_thank_you_moves_the_call():
    touches = plan(acme([ev("2027-01-06", "done", "Dana Reyes", "thank_you")]))
    call = next(t for t in touches if t.step == "call")
    assert call.due == d("2027-01-13")


def test_call_due_on_a_holiday_moves_to_the_next_business_day():
    # thank-you done Mon Jan 11 2027: + 7 = Jan 18, Martin Luther King Jr. Day
    touches = plan(acme([ev("2027-01-11", "done", "Dana Reyes", "thank_you")]))
    assert next(t for t in touches if t.step == "call").due == d("2027-01-19")


def test_secondary_needs_a_preliminary_deadline_and_final_a_second_round_deadline():
    steps = [t.step for t in plan(acme(preliminary=None, second_round=None))]
    assert steps == ["thank_you", "thank_you", "call"]


# -- reply: the same day before 17:00 on a business day, else the next business day -----------
def _reply_due(day: str, at: str | None) -> str:
    touches = plan(acme([ev(day, "reply", "Dana Reyes", at=at)]))
    return next(t.due.isoformat() for t in touches if t.step == "reply")


def test_reply_before_five_is_due_the_same_day():
    assert _reply_due("2027-01-04", "16:59") == "2027-01-04"


def test_reply_at_five_or_later_is_due_the_next_business_day():
    assert _reply_due("2027-01-04", "17:00") == "2027-01-05"
    assert _reply_due("2027-01-08", "18:30") == "2027-01-11"  # Friday evening -> Monday


def test_reply_without_a_time_counts_as_before_five():
    assert _reply_due("2027-01-04", None) == "2027-01-04"


def test_reply_on_a_weekend_or_holiday_is_due_the_next_business_day():
    assert _reply_due("2027-01-02", "09:00") == "2027-01-04"  # Saturday
    assert _reply_due("2027-01-01", "09:00") == "2027-01-04"  # New Year's Day (Friday)


def test_reply_cancels_secondary_final_and_call_but_not_thank_yous():
    touches = plan(acme([ev("2026-12-24", "reply", "Lee Park", at="10:00")]))
    assert rows(touches) == [
        ("reply", "Lee Park", "2026-12-24", "planned"),
        ("thank_you", "Dana Reyes", "2026-12-28", "planned"),
        ("thank_you", "Lee Park", "2026-12-28", "planned"),
        ("call", "Dana Reyes", "2027-01-04", "cancelled"),
        ("secondary", "Dana Reyes", "2027-01-05", "cancelled"),
        ("final", "Dana Reyes", "2027-01-29", "cancelled"),
        ("final", "Lee Park", "2027-01-29", "cancelled"),
    ]


# -- invitations, offers, withdrawals --------------------------------------------------------
def test_invitation_cancels_pending_secondary_final_and_call_and_round_two_brings_thank_yous():
    second = Interview(
        "acme-2",
        d("2027-01-12"),
        2,
        (
            Contact("Dana Reyes", minutes=30, decision_maker=True),
            Contact("Max Fischer", "VP Sales", minutes=40),
        ),
    )
    opp = acme([DONE_DANA, ev("2027-01-04", "invited")])
    opp.interviews.append(second)
    assert rows(plan(opp)) == [
        ("thank_you", "Dana Reyes", "2026-12-28", "done"),
        ("thank_you", "Lee Park", "2026-12-28", "planned"),  # thank-yous are not cancelled
        ("call", "Dana Reyes", "2026-12-31", "cancelled"),  # pending, though due before
        ("secondary", "Dana Reyes", "2027-01-05", "cancelled"),
        ("thank_you", "Dana Reyes", "2027-01-14", "planned"),
        ("thank_you", "Max Fischer", "2027-01-14", "planned"),
        ("final", "Dana Reyes", "2027-01-29", "cancelled"),
        ("final", "Lee Park", "2027-01-29", "cancelled"),
    ]


def test_offer_cancels_every_pending_touch_and_keeps_what_was_done():
    touches = plan(acme([DONE_DANA, ev("2027-01-04", "offer")]))
    assert [(t.step, t.status) for t in touches] == [
        ("thank_you", "done"),
        ("thank_you", "cancelled"),
        ("call", "cancelled"),
        ("secondary", "cancelled"),
        ("final", "cancelled"),
        ("final", "cancelled"),
    ]
    assert {t.reason for t in touches if t.status == "cancelled"} == {
        "cancelled by the offer of 2027-01-04"
    }


def test_withdrawal_cancels_every_pending_touch():
    touches = plan(acme([ev("2026-12-23", "withdrawn")]))
    assert {t.status for t in touches} == {"cancelled"}
    assert {t.reason for t in touches} == {"cancelled by the withdrawal of 2026-12-23"}


# -- rejection: stay in touch, then five check-ins ----------------------------------------------
def test_rejection_starts_stay_in_touch_and_five_check_ins_from_its_due_date():
    touches = plan(acme([ev("2027-01-20", "rejected")]))
    after = [r for r in rows(touches) if r[0] in ("stay_in_touch", "check_in")]
    assert after == [
        ("stay_in_touch", "Dana Reyes", "2027-01-22", "planned"),
        ("check_in", "Dana Reyes", "2027-04-22", "planned"),
        ("check_in", "Dana Reyes", "2027-07-21", "planned"),
        ("check_in", "Dana Reyes", "2027-10-19", "planned"),
        ("check_in", "Dana Reyes", "2028-01-18", "planned"),
        ("check_in", "Dana Reyes", "2028-04-17", "planned"),
    ]


def test_check_ins_count_from_the_day_the_stay_in_touch_letter_was_done():
    touches = plan(
        acme(
            [ev("2027-01-20", "rejected"), ev("2027-01-25", "done", "Dana Reyes", "stay_in_touch")]
        )
    )
    after = [r for r in rows(touches) if r[0] in ("stay_in_touch", "check_in")]
    assert after == [
        ("stay_in_touch", "Dana Reyes", "2027-01-22", "done"),
        ("check_in", "Dana Reyes", "2027-04-26", "planned"),  # Apr 25 is a Sunday
        ("check_in", "Dana Reyes", "2027-07-26", "planned"),  # Jul 24 is a Saturday
        ("check_in", "Dana Reyes", "2027-10-22", "planned"),
        ("check_in", "Dana Reyes", "2028-01-20", "planned"),
        ("check_in", "Dana Reyes", "2028-04-19", "planned"),
    ]


def test_a_done_check_in_keeps_the_others_where_they_were():
    touches = plan(
        acme([ev("2027-01-20", "rejected"), ev("2027-04-20", "done", "Dana Reyes", "check_in")])
    )
    check_ins = [r for r in rows(touches) if r[0] == "check_in"]
    assert check_ins[0] == ("check_in", "Dana Reyes", "2027-04-22", "done")
    assert [r[2] for r in check_ins[1:]] == ["2027-07-21", "2027-10-19", "2028-01-18", "2028-04-17"]


def test_rejection_on_a_friday_counts_business_days():
    touches = plan(acme([ev("2027-01-15", "rejected")]))  # Fri; Mon Jan 18 is MLK Day
    assert next(t for t in touches if t.step == "stay_in_touch").due == d("2027-01-20")


def test_etiquette_sends_no_secondary_no_final_and_no_check_ins():
    touches = plan(acme([ev("2027-01-20", "rejected")], policy="etiquette"))
    assert [r[0] for r in rows(touches)] == ["thank_you", "thank_you", "call", "stay_in_touch"]


# -- done events ---------------------------------------------------------------------------------
def test_done_marks_the_earliest_due_planned_touch_of_that_step_for_that_contact():
    second = Interview("acme-2", d("2027-01-12"), 2, (Contact("Dana Reyes", minutes=30),))
    opp = acme([ev("2027-01-13", "done", "Dana Reyes", "thank_you")])
    opp.interviews.append(second)
    thanks = [
        (t.interview, t.status, t.done_on)
        for t in plan(opp)
        if t.step == "thank_you" and t.contact == "Dana Reyes"
    ]
    assert thanks == [("acme-1", "done", d("2027-01-13")), ("acme-2", "planned", None)]


def test_done_without_a_planned_touch_is_recorded_and_changes_nothing():
    base = rows(plan(acme()))
    assert rows(plan(acme([ev("2027-01-02", "done", "Lee Park", "secondary")]))) == base


def test_a_cancelled_touch_stays_cancelled_when_done_is_logged_later():
    touches = plan(
        acme([ev("2027-01-04", "offer"), ev("2027-01-06", "done", "Dana Reyes", "call")])
    )
    assert next(t for t in touches if t.step == "call").status == "cancelled"


def test_names_in_events_match_ignoring_case_and_spaces():
    touches = plan(acme([ev("2026-12-24", "done", "  dana   reyes ", "thank_you")]))
    assert next(t for t in touches if t.contact == "Dana Reyes").status == "done"


# -- order of events -----------------------------------------------------------------------------
def test_events_take_effect_in_date_order_whatever_order_they_are_listed_in():
    listed = [ev("2027-01-20", "rejected"), ev("2026-12-24", "done", "Dana Reyes", "thank_you")]
    assert rows(plan(acme(listed))) == rows(plan(acme(list(reversed(listed)))))


def test_same_day_events_take_effect_in_the_order_listed():
    reply_first = plan(
        acme([ev("2027-01-20", "reply", "Dana Reyes"), ev("2027-01-20", "rejected")])
    )
    rejection_first = plan(
        acme([ev("2027-01-20", "rejected"), ev("2027-01-20", "reply", "Dana Reyes")])
    )
    assert next(t for t in reply_first if t.step == "reply").status == "cancelled"
    assert next(t for t in rejection_first if t.step == "reply").status == "planned"


# -- skips -----------------------------------------------------------------------------------------
def test_secondary_due_on_or_before_the_thank_you_is_skipped_with_the_reason():
    touches = plan(acme(preliminary="2026-12-30", second_round=None))
    secondary = next(t for t in touches if t.step == "secondary")
    assert (secondary.due, secondary.status) == (d("2026-12-24"), "skipped")
    assert secondary.reason == (
        "due 2026-12-24, on or before the thank-you to Dana Reyes due 2026-12-28"
    )


def test_final_due_on_or_before_the_secondary_is_skipped_only_for_that_person():
    touches = plan(acme(preliminary="2027-01-22", second_round="2027-01-08"))
    assert [r for r in rows(touches) if r[0] in ("secondary", "final")] == [
        ("final", "Dana Reyes", "2027-01-15", "skipped"),
        ("final", "Lee Park", "2027-01-15", "planned"),
        ("secondary", "Dana Reyes", "2027-01-19", "planned"),  # Jan 18 is MLK Day
    ]


def test_a_skipped_secondary_does_not_make_the_final_skip():
    touches = plan(acme(preliminary="2026-12-30", second_round="2026-12-23"))
    finals = [r for r in rows(touches) if r[0] == "final"]
    # final due on_or_after(Dec 30) = Dec 30: after the thank-you (Dec 28); the skipped
    # secondary (Dec 24) does not count.
    assert finals == [
        ("final", "Dana Reyes", "2026-12-30", "planned"),
        ("final", "Lee Park", "2026-12-30", "planned"),
    ]


# -- who is primary, who decides -----------------------------------------------------------------
def test_primary_is_the_decision_maker_with_most_minutes_ties_to_the_earliest_listed():
    interview = Interview(
        "x",
        d("2027-01-04"),
        1,
        (
            Contact("A", minutes=60),
            Contact("B", minutes=30, decision_maker=True),
            Contact("C", minutes=30, decision_maker=True),
        ),
    )
    assert primary_contact(interview).name == "B"
    assert [c.name for c in decision_makers(interview)] == ["B", "C"]


def test_without_decision_makers_the_primary_has_most_minutes_and_is_the_only_decider():
    interview = Interview(
        "x",
        d("2027-01-04"),
        1,
        (Contact("A", minutes=20), Contact("B", minutes=25), Contact("C", minutes=25)),
    )
    assert primary_contact(interview).name == "B"
    assert [c.name for c in decision_makers(interview)] == ["B"]


def test_no_interview_means_no_touch_even_after_a_rejection():
    assert plan(acme([ev("2027-01-20", "rejected")], interviews=[])) == []


def test_week_mask_changes_every_due_date():
    sunday_to_thursday = BusinessCalendar(frozenset(), "1111001")
    touches = plan(acme(preliminary=None, second_round=None), sunday_to_thursday)
    assert rows(touches)[0] == ("thank_you", "Dana Reyes", "2026-12-27", "planned")  # Wed -> Sun
