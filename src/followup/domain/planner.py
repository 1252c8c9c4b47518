"""The planner: every follow-up touch of one opportunity, as DESIGN's rules table says.

Interviews and events take effect in date order (an interview before the events of its day;
events of one day in the order listed), like a replay of what happened:

- an interview brings a thank-you for everyone met (001, 002, 003); the first interview also plans
  the secondary letter to the decision makers and the final letter to everyone (001) and one call
  to the primary contact (003);
- `done` marks the earliest-due planned touch of that step for that contact as done;
- the policy's `cancels` table says which pending touches each event cancels; a reply creates a
  reply touch (002); a rejection starts the stay-in-touch letter and the check-ins (004).

Due dates that depend on when something was done (the call after the thank-you, the check-ins
after the stay-in-touch letter) follow it whenever it changes.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from followup.domain.calendar import BusinessCalendar
from followup.domain.model import Contact, Event, Interview, Opportunity, Touch, same_name
from followup.domain.policy import Policy
from followup.domain.vocabulary import EVENT_NOUNS, NOUNS

# Letters that a later secondary or final letter to the same person must come after (001).
LETTER_STEPS = ("thank_you", "secondary", "final")


def primary_contact(interview: Interview | None) -> Contact | None:
    """The decision maker with the most minutes at the first interview (ties: earliest listed);
    with no decision maker marked, the contact with the most minutes."""
    if interview is None or not interview.contacts:
        return None
    pool = [c for c in interview.contacts if c.decision_maker] or list(interview.contacts)
    best = pool[0]
    for contact in pool[1:]:
        if contact.minutes > best.minutes:
            best = contact
    return best


def decision_makers(interview: Interview | None) -> list[Contact]:
    """The contacts marked decision maker; with none marked, the primary contact."""
    if interview is None:
        return []
    marked = [c for c in interview.contacts if c.decision_maker]
    if marked:
        return marked
    primary = primary_contact(interview)
    return [primary] if primary else []


def plan_opportunity(
    opportunity: Opportunity, policy: Policy, cal: BusinessCalendar
) -> list[Touch]:
    """Every touch of the opportunity with its status, ordered by due date, then as planned."""
    touches = _Replay(opportunity, policy, cal).run()
    return sorted(touches, key=lambda t: (t.due, t.seq))


@dataclass(slots=True)
class _Happening:
    date: date
    rank: int  # interviews before events on the same day
    index: int
    interview: Interview | None = None
    event: Event | None = None


class _Replay:
    def __init__(self, opportunity: Opportunity, policy: Policy, cal: BusinessCalendar) -> None:
        self.opp = opportunity
        self.policy = policy
        self.cal = cal
        self.touches: list[Touch] = []
        self.first = opportunity.first_interview()
        self.primary = primary_contact(self.first)
        self.call: Touch | None = None
        self.call_anchor: Touch | None = None
        self.stay: Touch | None = None
        self.stay_base: date | None = None
        self.check_ins: list[Touch] = []

    def run(self) -> list[Touch]:
        happenings = [
            _Happening(iv.date, 0, i, interview=iv) for i, iv in enumerate(self.opp.interviews)
        ] + [_Happening(ev.date, 1, i, event=ev) for i, ev in enumerate(self.opp.events)]
        happenings.sort(key=lambda h: (h.date, h.rank, h.index))
        for happening in happenings:
            if happening.interview is not None:
                self._interview(happening.interview)
            elif happening.event is not None:
                self._event(happening.event)
        return self.touches

    # -- interviews -------------------------------------------------------------------------
    def _interview(self, interview: Interview) -> None:
        rule = self.policy.steps.get("thank_you")
        thanks: dict[str, Touch] = {}
        if rule:
            due = self.cal.bd_after(interview.date, rule["business_days_after_interview"])
            for contact in interview.contacts:
                thanks[contact.name] = self._add("thank_you", contact.name, due, interview.id)
        if interview is self.first:
            self._first_interview_plan(interview, thanks)

    def _first_interview_plan(self, interview: Interview, thanks: dict[str, Touch]) -> None:
        timeline = self.opp.timeline
        secondary = self.policy.steps.get("secondary")
        if secondary and timeline.preliminary_deadline:
            due = self.cal.bd_before(
                timeline.preliminary_deadline,
                secondary["business_days_before_preliminary_deadline"],
            )
            for contact in decision_makers(interview):
                self._add_letter("secondary", contact.name, due)
        final = self.policy.steps.get("final")
        if final and timeline.second_round_deadline:
            due = self.cal.on_or_after(
                timeline.second_round_deadline
                + timedelta(days=final["days_after_second_round_deadline"])
            )
            for contact in interview.contacts:
                self._add_letter("final", contact.name, due)
        if self.policy.has("call") and self.primary is not None:
            self.call_anchor = thanks.get(self.primary.name)
            self.call = self._add("call", self.primary.name, self._call_due(interview.date))

    def _call_due(self, interview_day: date) -> date:
        days = self.policy.steps["call"]["days_after_thank_you"]
        if self.call_anchor is not None:
            anchor = self.call_anchor.effective
        else:  # a policy without thank-you letters: count from when one would have been due
            anchor = self.cal.bd_after(
                interview_day, self.policy.timing("thank_you", "business_days_after_interview")
            )
        return self.cal.on_or_after(anchor + timedelta(days=days))

    def _add_letter(self, step: str, contact: str, due: date) -> None:
        """Plan a secondary or final letter, skipped when an earlier letter to the same person
        is due on or after it (001: each letter must come after the one before)."""
        touch = self._add(step, contact, due)
        for earlier in self.touches[:-1]:
            if (
                earlier.step in LETTER_STEPS
                and earlier.status != "skipped"
                and same_name(earlier.contact, contact)
                and due <= earlier.due
            ):
                touch.status = "skipped"
                touch.reason = (
                    f"due {due.isoformat()}, on or before the {NOUNS[earlier.step]} "
                    f"to {earlier.contact} due {earlier.due.isoformat()}"
                )
                return

    # -- events -------------------------------------------------------------------------------
    def _event(self, event: Event) -> None:
        if event.kind == "done":
            self._done(event)
            return
        self._cancel(event)
        if event.kind == "reply" and event.contact:
            rule = self.policy.steps.get("reply")
            if rule:
                same_day = self.cal.is_business_day(event.date) and (
                    event.time is None or event.time < rule.reply_cutoff
                )
                due = event.date if same_day else self.cal.bd_after(event.date, 1)
                self._add("reply", self._name(event.contact), due)
        elif event.kind == "rejected":
            self._after_rejection(event.date)

    def _done(self, event: Event) -> None:
        if not event.step or not event.contact:
            return
        matching = [
            t
            for t in self.touches
            if t.pending and t.step == event.step and same_name(t.contact, event.contact)
        ]
        if not matching:
            return  # recorded, changes no touch
        touch = min(matching, key=lambda t: (t.due, t.seq))
        touch.status = "done"
        touch.done_on = event.date
        self._follow_dependents()

    def _cancel(self, event: Event) -> None:
        steps = self.policy.cancelled_by(event.kind)
        if not steps:
            return
        what = EVENT_NOUNS[event.kind]
        if event.kind == "reply" and event.contact:
            what += f" from {self._name(event.contact)}"
        reason = f"cancelled by {what} of {event.date.isoformat()}"
        for touch in self.touches:
            if touch.pending and touch.step in steps:
                touch.status = "cancelled"
                touch.reason = reason

    def _after_rejection(self, rejected_on: date) -> None:
        if self.primary is None:
            return
        stay_rule = self.policy.steps.get("stay_in_touch")
        days = self.policy.timing("stay_in_touch", "business_days_after_rejection")
        base = self.cal.bd_after(rejected_on, days)
        self.stay = self._add("stay_in_touch", self.primary.name, base) if stay_rule else None
        self.stay_base = base
        self.check_ins = []
        rule = self.policy.steps.get("check_in")
        if rule:
            for k in range(1, rule["count"] + 1):
                due = self.cal.on_or_after(base + timedelta(days=rule["every_days"] * k))
                self.check_ins.append(self._add("check_in", self.primary.name, due))

    def _follow_dependents(self) -> None:
        if self.call is not None and self.call.pending and self.first is not None:
            self.call.due = self._call_due(self.first.date)
        if self.stay is not None and self.check_ins:
            base = self.stay.effective
            every = self.policy.steps["check_in"]["every_days"]
            for k, touch in enumerate(self.check_ins, start=1):
                if touch.pending:
                    touch.due = self.cal.on_or_after(base + timedelta(days=every * k))

    # -- helpers -----------------------------------------------------------------------------
    def _add(self, step: str, contact: str, due: date, interview: str | None = None) -> Touch:
        touch = Touch(
            opportunity=self.opp.id,
            contact=contact,
            step=step,
            channel=self.policy.steps[step].channel,
            due=due,
            interview=interview,
            seq=len(self.touches),
        )
        self.touches.append(touch)
        return touch

    def _name(self, name: str) -> str:
        """The contact's name as recorded, for a name given in an event."""
        contact = self.opp.find_contact(name)
        return contact.name if contact else name
