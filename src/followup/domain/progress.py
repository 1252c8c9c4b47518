"""How the follow-up is going: the articles' claims, checked on the candidate's own history.

Are thank-yous out within the policy's business days (001, 003)? Is the hiring side answered the
same business day (002)? Which letters get answers, and how fast? Each figure carries the sentence
that says how it was counted, so the web page, the terminal and `--json` say the same thing.

Pure: the history, the business-day calendar and today's date are passed in.
"""

from __future__ import annotations

from bisect import bisect_right
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta

from followup.domain.calendar import BusinessCalendar
from followup.domain.model import STEPS

WINDOWS_WEEKS = (4, 12, 52)


@dataclass(frozen=True, slots=True)
class TouchRecord:
    """One touch as history sees it: what it was, to whom, when it was due and made."""

    opportunity: str
    contact: str
    step: str
    status: str
    due: date
    done_on: date | None = None
    interview_date: date | None = None  # the interview a thank-you is for


@dataclass(frozen=True, slots=True)
class ReplyRecord:
    """A message from the hiring side (a `reply` event)."""

    opportunity: str
    contact: str | None
    date: date


@dataclass(frozen=True, slots=True)
class DueTally:
    """Touches that fell due on one day, alike in step, status and the day they were made."""

    step: str
    status: str
    due: date
    done_on: date | None
    count: int = 1


@dataclass(frozen=True, slots=True)
class SentThankYouTally:
    """Sent thank-yous alike in due day, interview day and the day they were sent."""

    due: date
    interview_date: date
    done_on: date
    count: int = 1


@dataclass(frozen=True, slots=True)
class MadeTally:
    """Touches of one step made on one day."""

    step: str
    done_on: date
    count: int = 1


@dataclass(frozen=True, slots=True)
class MadeTouch:
    """A touch made, with the person it went to: what a message from the hiring side answers."""

    opportunity: str
    contact: str
    step: str
    done_on: date


@dataclass(frozen=True, slots=True)
class History:
    """What the figures are counted from, for the days `since` to `today`: touches counted
    together where they are alike (so a long search stays a short read), and each touch made at
    an opportunity that heard back, with the messages that came."""

    due: tuple[DueTally, ...]  # touches due since..today
    sent_thank_yous: tuple[SentThankYouTally, ...]  # done thank-yous due since..today
    made: tuple[MadeTally, ...]  # touches made since..today
    answerable: tuple[MadeTouch, ...]  # touches made since..today where a reply came since
    replies: tuple[ReplyRecord, ...]  # messages since..today


def history_of(
    touches: Iterable[TouchRecord], replies: Iterable[ReplyRecord], since: date, today: date
) -> History:
    """The history of these touches and messages, tallied as a store tallies it."""
    due: dict[tuple[str, str, date, date | None], int] = defaultdict(int)
    sent: dict[tuple[date, date, date], int] = defaultdict(int)
    made: dict[tuple[str, date], int] = defaultdict(int)
    done: list[TouchRecord] = []
    for t in touches:
        if since <= t.due <= today:
            due[(t.step, t.status, t.due, t.done_on)] += 1
            if t.step == "thank_you" and t.status == "done" and t.done_on and t.interview_date:
                sent[(t.due, t.interview_date, t.done_on)] += 1
        if t.status == "done" and t.done_on and since <= t.done_on <= today:
            made[(t.step, t.done_on)] += 1
            done.append(t)
    came = tuple(r for r in replies if since <= r.date <= today)
    heard_back = {r.opportunity for r in came}
    return History(
        due=tuple(DueTally(*key, count) for key, count in due.items()),
        sent_thank_yous=tuple(SentThankYouTally(*key, count) for key, count in sent.items()),
        made=tuple(MadeTally(*key, count) for key, count in made.items()),
        answerable=tuple(
            MadeTouch(t.opportunity, t.contact, t.step, t.done_on)
            for t in done
            if t.opportunity in heard_back and t.done_on
        ),
        replies=came,
    )


@dataclass(frozen=True, slots=True)
class Funnel:
    """How far the opportunities got: each count includes the ones that went further."""

    opportunities: int
    interviewed: int  # at least one interview recorded
    next_round: int  # invited to a next round, or a second-round interview recorded
    offer: int  # an offer came
    closed: int  # rejected or withdrawn, at whatever step

    HOW = (
        "Every opportunity; those with an interview recorded; those invited to a next round "
        "(or with a round-two interview); those with an offer. Closed: rejected or withdrawn."
    )

    def steps(self) -> tuple[tuple[str, int], ...]:
        return (
            ("Opportunities", self.opportunities),
            ("Interviewed", self.interviewed),
            ("Next round", self.next_round),
            ("Offer", self.offer),
        )


@dataclass(frozen=True, slots=True)
class Window:
    """The last `weeks` weeks, today included: `start` to `end`, both inclusive."""

    weeks: int
    start: date
    end: date

    def __contains__(self, day: object) -> bool:
        return isinstance(day, date) and self.start <= day <= self.end


@dataclass(frozen=True, slots=True)
class Share:
    """`met` of `counted` cases met the rule; with the median business days where one applies."""

    counted: int
    met: int
    median_business_days: float | None
    how: str

    @property
    def share(self) -> float | None:
        return self.met / self.counted if self.counted else None

    def summary(self) -> str:
        """`2 of 3 (67%)`, or `none yet`: the same words on the web and in the terminal."""
        return of(self.met, self.counted)


@dataclass(frozen=True, slots=True)
class StepAnswers:
    """Touches of one step made in the window, and how many the hiring side answered."""

    step: str
    made: int
    answered: int
    median_business_days: float | None

    @property
    def share(self) -> float | None:
        return self.answered / self.made if self.made else None

    def summary(self) -> str:
        return of(self.answered, self.made)


@dataclass(frozen=True, slots=True)
class Outcomes:
    """What became of the touches that fell due in the window."""

    done: int
    skipped: int
    cancelled: int
    open: int
    how: str

    @property
    def total(self) -> int:
        return self.done + self.skipped + self.cancelled + self.open


@dataclass(frozen=True, slots=True)
class WindowProgress:
    window: Window
    thank_you: Share
    reply_same_day: Share
    answers: tuple[StepAnswers, ...]
    answers_how: str
    outcomes: Outcomes


@dataclass(frozen=True, slots=True)
class Progress:
    on: date
    windows: tuple[WindowProgress, ...]


THANK_YOU_HOW = (
    "Thank-you letters due from {start} to {end}, counted once sent or once past their due "
    "date: on time when sent by the due date (the policy's business days after the interview; "
    "articles 001 and 003). Median: business days from the interview to sending (0 = the same "
    "day)."
)
REPLY_HOW = (
    "Answers to the hiring side's messages due from {start} to {end}, counted once sent or once "
    "past due: on time when sent the same business day the message came (the next one when it "
    "came after 17:00 or on a day off; article 002). Median: business days late (0 = on time)."
)
ANSWERS_HOW = (
    "Letters and calls made from {start} to {end}, by step. A message from the hiring side "
    "answers the last touch made to that person (to anyone at that company when it names no "
    "one) before it: on an earlier day, or the same day for anything but an answer of ours. "
    "Median: business days from the touch to its first answer."
)
OUTCOMES_HOW = (
    "Touches due from {start} to {end}: done, skipped (an earlier letter already covered it), "
    "cancelled (a reply, an invitation or a decision ended the chase), or still open."
)


def windows_ending(today: date, weeks: Iterable[int] = WINDOWS_WEEKS) -> tuple[Window, ...]:
    return tuple(Window(w, today - timedelta(days=7 * w - 1), today) for w in weeks)


def earliest_start(today: date, weeks: Iterable[int] = WINDOWS_WEEKS) -> date:
    """The first day the widest window counts: the `since` of the history to read."""
    return min(w.start for w in windows_ending(today, weeks))


def progress(
    history: History,
    calendar: BusinessCalendar,
    today: date,
    weeks: Iterable[int] = WINDOWS_WEEKS,
) -> Progress:
    """Every figure for each window ending today."""
    spans = _BusinessDays(calendar)
    answers = _first_answers(history.answerable, history.replies)
    return Progress(
        today,
        tuple(
            _window(window, history, answers, spans, today)
            for window in windows_ending(today, weeks)
        ),
    )


def _window(
    window: Window,
    history: History,
    answers: list[tuple[MadeTouch, date]],
    spans: _BusinessDays,
    today: date,
) -> WindowProgress:
    dates = {"start": window.start.isoformat(), "end": window.end.isoformat()}
    due = [t for t in history.due if t.due in window]
    sent = [t for t in history.sent_thank_yous if t.due in window]
    return WindowProgress(
        window=window,
        thank_you=_on_time(
            [t for t in due if t.step == "thank_you"],
            [(spans(t.interview_date, t.done_on), t.count) for t in sent],
            today,
            THANK_YOU_HOW.format(**dates),
        ),
        reply_same_day=_on_time(
            [t for t in due if t.step == "reply"],
            [
                (max(0, spans(t.due, t.done_on)), t.count)
                for t in due
                if t.step == "reply" and t.status == "done" and t.done_on
            ],
            today,
            REPLY_HOW.format(**dates),
        ),
        answers=_answers(window, history.made, answers, spans),
        answers_how=ANSWERS_HOW.format(**dates),
        outcomes=_outcomes(due, OUTCOMES_HOW.format(**dates)),
    )


def _on_time(
    tallies: list[DueTally], delays: list[tuple[int, int]], today: date, how: str
) -> Share:
    counted = met = 0
    for t in tallies:
        if t.status == "done" and t.done_on is not None:
            counted += t.count
            met += t.count if t.done_on <= t.due else 0
        elif t.status == "planned" and t.due < today:
            counted += t.count  # past due and not sent: late
    return Share(counted, met, _median(delays), how)


def _answers(
    window: Window,
    made_tallies: tuple[MadeTally, ...],
    answers: list[tuple[MadeTouch, date]],
    spans: _BusinessDays,
) -> tuple[StepAnswers, ...]:
    made: dict[str, int] = defaultdict(int)
    for m in made_tallies:
        if m.done_on in window:
            made[m.step] += m.count
    answered: dict[str, int] = defaultdict(int)
    delays: dict[str, list[tuple[int, int]]] = defaultdict(list)
    for touch, answer in answers:
        if touch.done_on in window:
            answered[touch.step] += 1
            delays[touch.step].append((spans(touch.done_on, answer), 1))
    return tuple(
        StepAnswers(step, made[step], answered[step], _median(delays[step]))
        for step in STEPS
        if made[step]
    )


def _outcomes(due: list[DueTally], how: str) -> Outcomes:
    counts: dict[str, int] = defaultdict(int)
    for t in due:
        counts[t.status] += t.count
    return Outcomes(counts["done"], counts["skipped"], counts["cancelled"], counts["planned"], how)


def _first_answers(
    made: Iterable[MadeTouch], replies: Iterable[ReplyRecord]
) -> list[tuple[MadeTouch, date]]:
    """Each touch that was answered, with the day of its first answer."""
    touches = list(made)
    by_person: dict[tuple[str, str | None], list[tuple[date, int, int]]] = defaultdict(list)
    for i, t in enumerate(touches):
        # On the day a message came, our own answer to it is not what it answers.
        entry = (t.done_on, 0 if t.step == "reply" else 1, i)
        by_person[(t.opportunity, t.contact.casefold())].append(entry)
        by_person[(t.opportunity, None)].append(entry)
    for entries in by_person.values():
        entries.sort()
    first: dict[int, date] = {}
    for reply in sorted(replies, key=lambda r: r.date):
        key = (reply.opportunity, reply.contact.casefold() if reply.contact else None)
        entries = by_person.get(key, [])
        k = bisect_right(entries, (reply.date, 2, 0)) - 1
        while k >= 0 and entries[k][0] == reply.date and entries[k][1] == 0:
            k -= 1
        if k >= 0:
            first.setdefault(entries[k][2], reply.date)
    return [(touches[i], day) for i, day in sorted(first.items())]


class _BusinessDays:
    """Business days between two dates, remembered: histories repeat the same pairs."""

    def __init__(self, calendar: BusinessCalendar) -> None:
        self._calendar = calendar
        self._known: dict[tuple[date, date], int] = {}

    def __call__(self, start: date, end: date) -> int:
        key = (start, end)
        found = self._known.get(key)
        if found is None:
            found = self._known[key] = self._calendar.business_days_between(start, end)
        return found


def of(part: int, whole: int) -> str:
    """`2 of 3 (67%)`; `none yet` when there is nothing to count."""
    if not whole:
        return "none yet"
    return f"{part} of {whole} ({int(100 * part / whole + 0.5)}%)"


def days_text(value: float | None) -> str:
    """A median in business days: `0.5`, `1`, or `—` when there is none."""
    if value is None:
        return "—"
    return f"{value:g}"


def _median(weighted: list[tuple[int, int]]) -> float | None:
    """The middle value of (value, how many times) pairs: the mean of the two middle ones for an
    even count."""
    total = sum(n for _, n in weighted)
    if not total:
        return None
    ordered = sorted(weighted)

    def nth(k: int) -> int:  # the k-th value, from 0, in sorted order
        for value, n in ordered:
            if k < n:
                return value
            k -= n
        raise IndexError(k)  # pragma: no cover - k < total

    if total % 2:
        return float(nth(total // 2))
    return (nth(total // 2 - 1) + nth(total // 2)) / 2
