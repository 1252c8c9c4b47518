"""How the follow-up is going, checked against figures worked out by hand.

The history below is small enough to count on paper. Weekdays are business days, and Monday
15 February 2027 (Presidents' Day) is a holiday. Today is Friday 12 March 2027, so the windows
are 13 Feb–12 Mar (4 weeks), 19 Dec–12 Mar (12 weeks) and 14 Mar 2026–12 Mar 2027 (52 weeks).
"""

from __future__ import annotations

from datetime import date

import pytest

from followup.domain.calendar import BusinessCalendar
from followup.domain.progress import (
    ReplyRecord,
    TouchRecord,
    days_text,
    earliest_start,
    history_of,
    of,
    progress,
)

D = date.fromisoformat
TODAY = D("2027-03-12")
CALENDAR = BusinessCalendar(holidays=frozenset({D("2027-02-15")}))


def touch(opp, contact, step, status, due, done=None, interview=None):  # type: ignore[no-untyped-def]
    return TouchRecord(
        opp,
        contact,
        step,
        status,
        D(due),
        D(done) if done else None,
        D(interview) if interview else None,
    )


TOUCHES = [
    # T1: interview Mon 1 Mar, due Wed 3 Mar, sent the same day: on time, 0 business days
    touch("a", "Dana", "thank_you", "done", "2027-03-03", "2027-03-01", "2027-03-01"),
    # T2: interview Thu 4 Feb, due Mon 8 Feb, sent Wed 10th: late, 4 business days
    touch("b", "Omar", "thank_you", "done", "2027-02-08", "2027-02-10", "2027-02-04"),
    # T3: interview Tue 9 Mar, due Thu 11 Mar, not sent: late
    touch("c", "Mei", "thank_you", "planned", "2027-03-11", None, "2027-03-09"),
    # T4: interview Thu 11 Mar, due Mon 15 Mar: not counted yet
    touch("c", "Ann", "thank_you", "planned", "2027-03-15", None, "2027-03-11"),
    # T5: interview Mon 1 Jun 2026, due Wed 3 Jun, sent Tue 2nd: on time, 1 day
    touch("e", "Eve", "thank_you", "done", "2026-06-03", "2026-06-02", "2026-06-01"),
    # T6: cancelled: never counted as on time or late
    touch("f", "Fay", "thank_you", "cancelled", "2027-03-04", None, "2027-03-02"),
    # T7: interview Fri 19 Feb, due Tue 23 Feb, sent Mon 22nd: on time, 1 day
    touch("r", "Lee", "thank_you", "done", "2027-02-23", "2027-02-22", "2027-02-19"),
    # T8: an answer due Tue 2 Mar, sent that day: on time
    touch("r", "Lee", "reply", "done", "2027-03-02", "2027-03-02"),
    # T9: an answer due Thu 25 Feb, sent Mon 1 Mar: late, 2 business days
    touch("b", "Omar", "reply", "done", "2027-02-25", "2027-03-01"),
    # T10: an answer due Tue 5 Jan, never sent: late (12 and 52 weeks only)
    touch("g", "Gus", "reply", "planned", "2027-01-05"),
    # T11: a call due Mon 8 Mar, not made: open
    touch("a", "Dana", "call", "planned", "2027-03-08"),
    # T12: a secondary letter cancelled
    touch("b", "Omar", "secondary", "cancelled", "2027-03-05"),
    # T13: a call made Wed 10 Jun 2026
    touch("e", "Eve", "call", "done", "2026-06-10", "2026-06-10"),
    # T14: a final letter skipped
    touch("r", "Lee", "final", "skipped", "2027-03-10"),
]

REPLIES = [
    ReplyRecord("a", "Dana", D("2027-03-03")),  # answers T1 after 2 business days
    ReplyRecord("r", "Lee", D("2027-03-02")),  # same day as T8 (our answer to it): answers T7, 6
    # names no one: the last touch at b, T2; 9 business days (15 Feb is a holiday)
    ReplyRecord("b", None, D("2027-02-24")),
    ReplyRecord("e", "eve", D("2026-06-15")),  # the call T13, 3 days (T5 stays unanswered)
    ReplyRecord("r", "Lee", D("2027-03-04")),  # answers T8 after 2 business days
    ReplyRecord("a", "Dana", D("2027-03-05")),  # T1 already answered: its first answer counts
]


@pytest.fixture(scope="module")
def windows():  # type: ignore[no-untyped-def]
    history = history_of(TOUCHES, REPLIES, earliest_start(TODAY), TODAY)
    report = progress(history, CALENDAR, TODAY)
    assert report.on == TODAY
    return {w.window.weeks: w for w in report.windows}


def test_the_windows_end_today_and_reach_back_4_12_and_52_weeks(windows):  # type: ignore[no-untyped-def]
    assert [(w.window.start, w.window.end) for w in windows.values()] == [
        (D("2027-02-13"), TODAY),
        (D("2026-12-19"), TODAY),
        (D("2026-03-14"), TODAY),
    ]


@pytest.mark.parametrize(
    ("weeks", "counted", "on_time", "median"),
    [(4, 3, 2, 0.5), (12, 4, 2, 1.0), (52, 5, 3, 1.0)],
)
def test_thank_yous_on_time_count_those_due_in_the_window_once_sent_or_overdue(  # type: ignore[no-untyped-def]
    windows, weeks, counted, on_time, median
):
    share = windows[weeks].thank_you
    assert (share.counted, share.met, share.median_business_days) == (counted, on_time, median)


@pytest.mark.parametrize(("weeks", "counted"), [(4, 2), (12, 3), (52, 3)])
def test_replies_the_same_business_day(windows, weeks, counted):  # type: ignore[no-untyped-def]
    share = windows[weeks].reply_same_day
    assert (share.counted, share.met, share.median_business_days) == (counted, 1, 1.0)


def test_answers_by_step_credit_the_last_touch_before_each_message(windows):  # type: ignore[no-untyped-def]
    def table(weeks):  # type: ignore[no-untyped-def]
        return [
            (a.step, a.made, a.answered, a.median_business_days) for a in windows[weeks].answers
        ]

    assert table(4) == [("thank_you", 2, 2, 4.0), ("reply", 2, 1, 2.0)]
    assert table(12) == [("thank_you", 3, 3, 6.0), ("reply", 2, 1, 2.0)]
    assert table(52) == [("thank_you", 4, 3, 6.0), ("call", 1, 1, 3.0), ("reply", 2, 1, 2.0)]


@pytest.mark.parametrize(
    ("weeks", "done", "skipped", "cancelled", "open_"),
    [(4, 4, 1, 2, 2), (12, 5, 1, 2, 3), (52, 7, 1, 2, 3)],
)
def test_touches_due_in_the_window_by_what_became_of_them(  # type: ignore[no-untyped-def]
    windows, weeks, done, skipped, cancelled, open_
):
    o = windows[weeks].outcomes
    assert (o.done, o.skipped, o.cancelled, o.open) == (done, skipped, cancelled, open_)


def test_each_figure_says_how_it_was_counted(windows):  # type: ignore[no-untyped-def]
    w = windows[4]
    assert "from 2027-02-13 to 2027-03-12" in w.thank_you.how
    assert "001 and 003" in w.thank_you.how
    assert "002" in w.reply_same_day.how
    assert "before it" in w.answers_how
    assert "skipped" in w.outcomes.how


def test_an_empty_history_counts_nothing_and_says_so():  # type: ignore[no-untyped-def]
    report = progress(history_of([], [], earliest_start(TODAY), TODAY), CALENDAR, TODAY)
    w = report.windows[0]
    assert (w.thank_you.counted, w.thank_you.share, w.thank_you.summary()) == (0, None, "none yet")
    assert w.answers == ()
    assert w.outcomes.total == 0


def test_shares_and_medians_read_the_same_everywhere():  # type: ignore[no-untyped-def]
    assert of(2, 3) == "2 of 3 (67%)"
    assert of(1, 8) == "1 of 8 (13%)"
    assert of(0, 0) == "none yet"
    assert days_text(0.5) == "0.5"
    assert days_text(1.0) == "1"
    assert days_text(None) == "—"
