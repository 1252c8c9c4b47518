"""Human-readable output: short lines that say what to do, fitting an 80-column terminal.

The machine-readable output (`--json`) is adapters/json_shapes.py, a stable contract. The words
shared with the web (step labels, day names, countdowns) are domain/vocabulary.py.
"""

from __future__ import annotations

from datetime import date

from followup.domain.vocabulary import ACTIONS, LABELS, countdown, day

TYPE_CHECKING = False  # typing is not loaded at start-up

if TYPE_CHECKING:  # annotations only: the agenda's start-up stays light
    from followup.domain.guards import GuardWarning
    from followup.domain.letters.check import Finding
    from followup.domain.model import Opportunity, Touch
    from followup.domain.progress import Progress
    from followup.services.agenda import Agenda
    from followup.services.planning import OpportunityView
    from followup.services.storage import OpportunitySummary, TouchRow

WIDTH = 80
_NOTE_LABELS = (("said", "they said:"), ("bring", "you bring:"), ("promised", "you promised:"))


def fit(text: str, width: int = WIDTH) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"


def action_line(row: TouchRow, on: date) -> str:
    t = row.touch
    when = f"due {day(t.due, on)}, {countdown(t.due, on)}"
    if t.due == on:
        when = "due today"
    what = f"{ACTIONS[t.step]} {t.contact} ({row.company})"
    if t.snoozed_until:
        when = f"due {day(t.due, on)}, snoozed to {day(t.snoozed_until, on)}"
    line = f"  {what} — {when}"
    if len(line) <= WIDTH:
        return line
    return f"  {fit(what, WIDTH - 2)}\n    — {when}"  # wrap rather than cut a name


# 001: the final letter leads with what changed; with nothing new, ask for news, not a letter.
NEWS_FIRST = (
    "    first, what is new since the interview? A sales course or other interviews:\n"
    '    `followup profile --course "…"` or `--other-interviews N`; the letter leads with it'
)


def agenda_text(agenda: Agenda) -> str:
    on = agenda.on
    lines = [f"Agenda for {on:%A} {on.day} {on:%B %Y}"]
    sections = (
        ("Overdue", agenda.overdue, agenda.overdue_more),
        ("Today", agenda.today, agenda.today_more),
        ("Next", agenda.upcoming, agenda.upcoming_more),
    )
    for title, rows, more in sections:
        if not rows:
            continue
        lines += ["", title]
        for r in rows:
            lines.append(action_line(r, on))
            if r.touch.step == "final" and agenda.news_needed:
                lines.append(NEWS_FIRST)
        if more:
            lines.append(f"  … and {'999+' if more >= 999 else more} more")
    if not (agenda.overdue or agenda.today or agenda.upcoming):
        lines += ["", "Nothing planned. Record an interview with `followup add-interview`."]
    elif not (agenda.overdue or agenda.today):
        lines += ["", "Nothing is due today."]
    return "\n".join(lines)


def plan_text(rows: list[TouchRow], today: date | None = None) -> str:
    if not rows:
        return "No touches planned."
    lines: list[str] = []
    current = None
    for row in rows:
        t = row.touch
        if t.opportunity != current:
            current = t.opportunity
            if lines:
                lines.append("")
            lines.append(f"{row.company} [{t.opportunity}]")
        lines.append(touch_line(t, today))
    return "\n".join(lines)


def touch_line(t: Touch, today: date | None = None) -> str:
    status = t.status
    if t.status == "done" and t.done_on:
        status = f"done {day(t.done_on, today)}"
    line = f"  {day(t.due, today):<16} {LABELS[t.step]:<13} {t.contact:<20} {status}"
    line = fit(line.rstrip())
    if t.reason:
        line += "\n" + fit(f"      {t.reason}")
    return line


def opportunities_text(items: list[OpportunitySummary], today: date) -> str:
    if not items:
        return "No opportunities yet. Add one with `followup add-opportunity` or `followup import`."
    lines = []
    for item in items:
        head = (
            f"{item.id:<14} {item.company} — {item.role}"
            if item.role
            else (f"{item.id:<14} {item.company}")
        )
        lines.append(fit(f"{head}  ({item.stage})"))
        if item.next_touch:
            t = item.next_touch
            lines.append(
                fit(f"{'':14} next: {ACTIONS[t.step].lower()} {t.contact}, {day(t.due, today)}")
            )
    return "\n".join(lines)


def opportunity_text(view: OpportunityView) -> str:
    o: Opportunity = view.opportunity
    today = view.today
    lines = [
        fit(f"{o.company}{' — ' + o.role if o.role else ''}  [{o.id}]"),
        f"Policy: {view.policy.name} ({view.policy.title})",
    ]
    if view.policy.follows:
        lines.append(f"  follows articles {', '.join(view.policy.follows)}")
    for source, why in view.policy.departs_from:
        lines.append(fit(f"  departs from {source}: {why}", 200))
    tl = o.timeline
    if tl.preliminary_deadline or tl.second_round_deadline:
        parts = []
        if tl.preliminary_deadline:
            parts.append(f"preliminary deadline {day(tl.preliminary_deadline, today)}")
        if tl.second_round_deadline:
            parts.append(f"second-round deadline {day(tl.second_round_deadline, today)}")
        lines.append("Timeline: " + "; ".join(parts))
    lines += ["", "Interviews"] if o.interviews else ["", "No interviews recorded yet."]
    for iv in o.interviews:
        at = f" {iv.time:%H:%M}" if iv.time else ""
        where = f" · {iv.location}" if iv.location else ""
        lines.append(f"  {day(iv.date, today)}{at}, round {iv.round} ({iv.id}){where}")
        for c in iv.contacts:
            bits = [c.title] if c.title else []
            bits.append(f"{c.minutes} min")
            if c.decision_maker:
                bits.append("decision maker")
            lines.append(fit(f"    {c.name} — {' · '.join(bits)}"))
            if c.topics:
                lines.append(fit(f"      topics: {', '.join(c.topics)}"))
            for t in (t for t in c.noted_topics() if t.noted):
                said = [
                    f"{label} {getattr(t, key)}" for key, label in _NOTE_LABELS if getattr(t, key)
                ]
                lines.append(fit(f"      {t.name}: {'; '.join(said)}"))
    if o.events:
        lines += ["", "Events"]
        for n, e in enumerate(o.events, 1):
            at = f" {e.time:%H:%M}" if e.time else ""
            what = e.kind + (f" {LABELS.get(e.step, e.step)}" if e.step else "")
            who = f" — {e.contact}" if e.contact else ""
            lines.append(fit(f"  {n}. {day(e.date, today)}{at}  {what}{who}"))
    lines += ["", "Plan"]
    lines += [touch_line(t, today) for t in view.touches] or ["  nothing planned"]
    if view.warnings:
        lines += ["", "Warnings"]
        lines += [warning_line(w) for w in view.warnings]
    return "\n".join(lines)


def warning_line(w: GuardWarning) -> str:
    return f"  ! [{w.source}] {w.message}"


def findings_text(text: str, kind: str, findings: list[Finding]) -> str:
    """Each finding with the line it is on, so the user can find it."""
    if not findings:
        return f"No findings: the {kind.replace('_', '-')} letter is ready to go."
    lines = [
        f"{len(findings)} finding{'s' if len(findings) != 1 else ''} "
        f"in the {kind.replace('_', '-')} letter:"
    ]
    for f in findings:
        line_no = text.count("\n", 0, f.start) + 1
        excerpt = " ".join(text[f.start : f.end].split())
        if len(excerpt) > 60:
            excerpt = excerpt[:57] + "…"
        lines.append(f"  line {line_no}: [{f.rule}] {f.message}")
        if excerpt and f.end - f.start < len(text.strip()):
            lines.append(f"      “{excerpt}”")
    return "\n".join(lines)


def progress_text(report: Progress) -> str:
    """`followup stats`: one column per window, then how each figure was counted."""
    from followup.domain.progress import days_text

    windows = report.windows
    table: list[tuple[str, list[str]]] = [
        ("", [f"last {w.window.weeks} weeks" for w in windows]),
        ("Thank-yous sent on time", [w.thank_you.summary() for w in windows]),
        (
            "  median business days to send",
            [days_text(w.thank_you.median_business_days) for w in windows],
        ),
        ("Replies the same business day", [w.reply_same_day.summary() for w in windows]),
        (
            "  median business days late",
            [days_text(w.reply_same_day.median_business_days) for w in windows],
        ),
        ("Touches due: done", [f"{w.outcomes.done} of {w.outcomes.total}" for w in windows]),
        (
            "  skipped / cancelled / open",
            [f"{w.outcomes.skipped} / {w.outcomes.cancelled} / {w.outcomes.open}" for w in windows],
        ),
        ("Answers from the hiring side", ["" for _ in windows]),
    ]
    steps = [s for s in LABELS if any(a.step == s for w in windows for a in w.answers)]
    for step in steps:
        found = [next((a for a in w.answers if a.step == step), None) for w in windows]
        table.append((f"  {LABELS[step]} answered", [a.summary() if a else "—" for a in found]))
        table.append(
            (
                "    median business days",
                [days_text(a.median_business_days) if a else "—" for a in found],
            )
        )
    if not steps:
        table.append(("  no letters or calls made", ["" for _ in windows]))
    label_width = max(len(label) for label, _ in table) + 2
    col = max(len(cell) for _, cells in table for cell in cells) + 2
    lines = [f"How the follow-up is going, as of {day(report.on, report.on)} {report.on.year}", ""]
    for label, cells in table:
        lines.append((f"{label:<{label_width}}" + "".join(f"{c:<{col}}" for c in cells)).rstrip())
    widest = windows[-1]
    lines += ["", "How these were counted (shown for the widest window):"]
    for text in (
        widest.thank_you.how,
        widest.reply_same_day.how,
        widest.answers_how,
        widest.outcomes.how,
    ):
        lines.append(_wrap("- " + text, "  "))
    return "\n".join(lines)


def _wrap(text: str, indent: str) -> str:
    import textwrap

    return textwrap.fill(text, WIDTH, subsequent_indent=indent)
