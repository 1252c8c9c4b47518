"""The guards warn where a plan goes past the stricter rule of the articles."""

from __future__ import annotations

from followup.domain.guards import check_plan

from .conftest import BOOK, ILLINOIS, acme, d, ev, plan


def warnings_of(opp, today="2026-12-23"):
    return [
        (w.rule, w.source, w.message)
        for w in check_plan(opp, plan(opp), BOOK.get(opp.policy), ILLINOIS, d(today))
    ]


def test_the_worked_example_warns_that_the_call_and_secondary_letter_are_close():
    assert warnings_of(acme([ev("2026-12-24", "done", "Dana Reyes", "thank_you")])) == [
        (
            "too-close",
            "003",
            "call (2026-12-31) and secondary letter (2027-01-05) to Dana Reyes are less than 3 "
            "business days apart",
        )
    ]


def test_a_thank_you_past_its_due_date_is_flagged():
    found = warnings_of(
        acme([ev("2026-12-24", "done", "Dana Reyes", "thank_you")]), today="2026-12-29"
    )
    assert [w for w in found if w[0] == "late-thank-you"] == [
        (
            "late-thank-you",
            "003",
            "thank-you to Lee Park was due 2026-12-28; send it today (003: within two business "
            "days; 002: as soon as possible)",
        )
    ]


def test_two_touches_to_one_person_within_three_business_days_are_flagged():
    # the thank-you is due Mon Dec 28 and the secondary, with a deadline of Jan 4, on Tue Dec 29
    found = warnings_of(acme(preliminary="2027-01-04", second_round=None))
    assert (
        "too-close",
        "003",
        "thank-you (2026-12-28) and secondary letter (2026-12-29) to Dana Reyes are less "
        "than 3 business days apart",
    ) in found


def test_a_touch_after_a_rejection_is_flagged_unless_it_keeps_the_door_open():
    opp = acme([ev("2027-01-20", "rejected"), ev("2027-01-20", "reply", "Dana Reyes", at="18:00")])
    found = [w for w in warnings_of(opp) if w[0] == "after-rejection"]
    assert found == [
        (
            "after-rejection",
            "004",
            "reply to Dana Reyes on 2027-01-21 comes after the rejection of 2027-01-20; after a "
            "rejection only the stay-in-touch letter and check-ins keep the door open",
        )
    ]


def test_status_letters_past_the_policy_are_flagged():
    opp = acme(policy="etiquette", events=[ev("2027-01-05", "done", "Dana Reyes", "secondary")])
    # etiquette plans no secondary letter, so nothing to count: the guard reads the plan
    assert [w for w in warnings_of(opp) if w[0] == "status-letters"] == []
    persistent = acme()
    assert [w for w in warnings_of(persistent) if w[0] == "status-letters"] == []
