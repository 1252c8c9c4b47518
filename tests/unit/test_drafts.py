"""Drafts from the shipped templates: built from the notes, each kind saying something of its own,
every one passing its own check; a missing note shows as a [[...]] marker the check flags."""

from __future__ import annotations

import copy
import json
import re
from collections import defaultdict
from datetime import UTC, datetime
from pathlib import Path

import pytest

from followup.adapters.check_rules import build_checker
from followup.adapters.files.dossier import parse_dossier
from followup.adapters.holidays import calendar_for
from followup.adapters.policies import PolicyBook
from followup.adapters.templates import TemplateRenderer, join_and
from followup.domain.errors import BadInput, NotFound
from followup.domain.letters.context import LETTER_KINDS
from followup.domain.replies.model import Reply
from followup.services.dependencies import Dependencies
from followup.services.dossier import import_dossier
from followup.services.letters import draft_letter
from followup.services.recording import log_event

from ..fakes import FakeStore

CHECKER = build_checker(None)
DATA = Path(__file__).parents[1] / "data"
DOSSIER = json.loads((DATA / "acme.json").read_text())
NOTES = json.loads((DATA / "notes.json").read_text())


# a fixed drafting day: what a draft tells as news may depend on it (a course's month)
DRAFTED = datetime(2026, 12, 1, 9, 0, tzinfo=UTC)


def services_with(dossier, templates: Path | None = None) -> Dependencies:
    deps = Dependencies(
        FakeStore(),
        calendar_for,
        PolicyBook(None),
        clock=lambda: DRAFTED,
        checker=lambda: CHECKER,
        renderer=lambda: TemplateRenderer(templates),
    )
    import_dossier(deps, parse_dossier(dossier))
    return deps


def _notes(**candidate):
    d = copy.deepcopy(NOTES)
    d["candidate"].update(candidate)
    return d


def _without_notes():
    """The same people and topics, with no notes and no strengths: nothing to say of them."""
    d = copy.deepcopy(NOTES)
    for key in ("strengths", "courses", "other_interviews"):
        d["candidate"].pop(key)
    opp = d["opportunities"][0]
    opp.pop("strengths")
    for c in opp["interviews"][0]["contacts"]:
        c["topics"] = [t["name"] if isinstance(t, dict) else t for t in c.get("topics", [])]
    return d


def _sentences(text: str) -> list[str]:
    """A letter's sentences of six words or more, as a reader would compare them."""
    parts = re.split(r"(?<=[.!?])\s+|\n+", text)
    return [" ".join(p.split()) for p in parts if len(p.split()) >= 6]


def findings_of(draft):
    return [(f.rule, draft.body[f.start : f.end]) for f in CHECKER.check(draft.body, draft.context)]


# -- every kind, from a dossier with notes ----------------------------------------------------
@pytest.mark.parametrize("kind", LETTER_KINDS)
@pytest.mark.parametrize("to", ["Dana Reyes", "Lee Park"])
def test_every_kind_from_notes_passes_its_own_check(kind, to):
    draft = draft_letter(services_with(NOTES), "acme-ae", to, kind)
    assert draft.subject and draft.body.endswith("\n")
    assert findings_of(draft) == []


def test_no_sentence_of_six_words_is_shared_by_two_letters_to_the_same_person():
    deps = services_with(NOTES)
    seen: dict[str, set[str]] = defaultdict(set)
    for kind in LETTER_KINDS:
        for sentence in _sentences(draft_letter(deps, "acme-ae", "Dana Reyes", kind).body):
            seen[sentence].add(kind)
    assert {s: sorted(k) for s, k in seen.items() if len(k) > 1} == {}


def test_the_thank_you_says_something_of_each_noted_topic_and_what_was_promised():
    body = draft_letter(services_with(NOTES), "acme-ae", "Dana Reyes", "thank_you").body
    assert "the Midwest needs someone who can open accounts from a standing start." in body
    assert "I opened forty new accounts in my first year in Chicago." in body
    assert "half the team still keeps its pipeline in spreadsheets." in body
    assert "my 30-60-90 day plan for Wisconsin" in body
    assert "We also talked about quarterly business reviews." in body
    # a strength goes to the topic it fits: the CRM rollout to CRM adoption
    assert (
        "half the team still keeps its pipeline in spreadsheets. It fits what I did in my "
        "last role, where I rebuilt a CRM rollout that had stalled." in body
    )


def test_contact_details_appear_once_in_the_signature():
    body = draft_letter(services_with(NOTES), "acme-ae", "Dana Reyes", "thank_you").body
    assert body.count("+1 312 555 0100") == 1 and body.count("sam@example.com") == 1
    assert body.endswith("Sam Ortiz\n+1 312 555 0100\nsam@example.com\n")


def test_without_notes_the_thank_you_carries_markers_the_check_flags():
    draft = draft_letter(services_with(_without_notes()), "acme-ae", "Dana Reyes", "thank_you")
    assert (
        "[[a few words on new Midwest territories: what Dana said about it, or what you bring "
        "to it]]" in draft.body
    )
    assert {rule for rule, _ in findings_of(draft)} == {"placeholder"}
    assert [text for rule, text in findings_of(draft)] == re.findall(r"\[\[[^\]]*\]\]", draft.body)


def test_a_decision_maker_with_no_topics_is_asked_for_what_was_discussed():
    d = _without_notes()
    d["opportunities"][0]["interviews"][0]["contacts"][0]["topics"] = []
    body = draft_letter(services_with(d), "acme-ae", "Dana Reyes", "thank_you").body
    assert "[[what you discussed with Dana, and what you bring to it]]" in body


def test_the_secondary_brings_one_point_and_what_happened_since():
    body = draft_letter(services_with(NOTES), "acme-ae", "Dana Reyes", "secondary").body
    assert "new Midwest territories: the Midwest needs someone who can open accounts" in body
    assert "CRM adoption" not in body  # one point, not the list
    assert "a course in solution selling" in body
    assert "second interview" in body


def test_the_final_letter_leads_with_what_changed():
    body = draft_letter(services_with(NOTES), "acme-ae", "Dana Reyes", "final").body
    lead = body.split("\n\n")[1]
    assert (
        "I have completed a course in solution selling, and I have interviewed with other "
        "sales teams." in lead
    )
    assert lead.index("solution selling") < lead.index("we talked about")
    assert "new Midwest territories, CRM adoption and quarterly business reviews" in lead


def test_with_nothing_new_the_final_letter_reminds_and_the_agenda_asks_for_news():
    from followup.cli.format import NEWS_FIRST, agenda_text
    from followup.services.agenda import agenda

    deps = services_with(_without_notes())
    body = draft_letter(deps, "acme-ae", "Dana Reyes", "final").body
    assert body.split("\n\n")[1].startswith(
        "I interviewed for the Account Executive position at Acme Corp on December 23"
    )
    found = agenda(deps, on=datetime(2027, 1, 28).date())
    assert found.news_needed
    assert NEWS_FIRST in agenda_text(found)
    assert not agenda(services_with(NOTES), on=datetime(2027, 1, 28).date()).news_needed


def test_each_check_in_carries_news_of_its_own_and_shares_no_sentence():
    d = _notes(courses=["a course in solution selling", "a negotiation workshop"])
    d["opportunities"][0]["events"] = [{"date": "2027-01-20", "kind": "rejected"}]
    deps = services_with(d)
    bodies = []
    for k in range(1, 6):
        if k > 1:  # the previous check-in was sent: the next one is the k-th
            due = next(
                r.touch.due
                for r in deps.store.unit_of_work().plan("acme-ae")
                if r.touch.step == "check_in" and r.touch.status == "planned"
            )
            log_event(deps, "acme-ae", "done", "Dana Reyes", "check_in", on=due)
        draft = draft_letter(deps, "acme-ae", "Dana Reyes", "check_in")
        assert findings_of(draft) == [] or k > 4  # five pieces of news at most: then a marker
        bodies.append(draft.body)
    assert "a course in solution selling" in bodies[0]
    assert "a negotiation workshop" in bodies[1]
    assert "ran the Chicago territory for three years" in bodies[2]
    assert "opened forty new accounts in a year" in bodies[3]
    assert "rebuilt a CRM rollout that had stalled" in bodies[4]
    seen: dict[str, int] = {}
    for i, body in enumerate(bodies):
        for sentence in _sentences(body):
            assert sentence not in seen, (sentence, seen.get(sentence), i)
            seen[sentence] = i
    topics = ("new Midwest territories", "CRM adoption", "quarterly business reviews")
    for body in bodies:  # and each asks for their news, about one of the topics
        assert any(topic in body.split("\n\n")[2] for topic in topics)


def test_a_check_in_with_no_news_left_asks_for_some():
    d = _without_notes()
    body = draft_letter(services_with(d), "acme-ae", "Dana Reyes", "check_in").body
    assert "[[your news since you last wrote to Dana: a course, a result, a new role]]" in body


def test_the_reply_quotes_the_message_keeps_its_subject_and_leaves_a_slot_for_the_answer():
    deps = services_with(NOTES)
    with deps.store.unit_of_work() as uow:
        uow.add_reply(
            Reply(
                "acme-ae",
                "Dana Reyes",
                datetime(2027, 1, 4, 22, 30, tzinfo=UTC),  # 16:30 in Chicago
                "<1@acme.example>",
                "RE: Next steps",
                "Hi Sam,\n\nThanks for the plan. Could you send two references by Friday?\n\nDana",
                "question",
                "Could you send two references by Friday?",
            )
        )
        uow.commit()
    draft = draft_letter(deps, "acme-ae", "Dana Reyes", "reply")
    assert draft.subject == "Re: Next steps"
    assert "[[your answer to: Could you send two references by Friday?]]" in draft.body
    assert draft.body.endswith(
        "On Monday, January 4, Dana Reyes wrote:\n> Hi Sam,\n>\n> Thanks for the plan. Could you "
        "send two references by Friday?\n>\n> Dana\n"
    )
    assert [rule for rule, _ in findings_of(draft)] == ["placeholder"]


def test_the_call_script_has_one_purpose_and_stays_short():
    body = draft_letter(services_with(NOTES), "acme-ae", "Dana Reyes", "call").body
    assert "One purpose: check that my 30-60-90 day plan for Wisconsin reached Dana." in body
    assert len(body.split()) <= 120
    body = draft_letter(services_with(_without_notes()), "acme-ae", "Dana Reyes", "call").body
    assert "One purpose: say that you are ready for a second interview." in body


def test_a_kind_not_in_the_persons_plan_warns():
    deps = services_with(NOTES)
    assert draft_letter(deps, "acme-ae", "Dana Reyes", "secondary").warnings == ()
    assert draft_letter(deps, "acme-ae", "Lee Park", "secondary").warnings == (
        "no secondary is planned for Lee Park under the persistent policy; make sure it is "
        "wanted before it goes out",
    )
    rejected = services_with(DOSSIER)  # the rejection cancelled Lee's thank-you
    assert draft_letter(rejected, "acme-ae", "Lee Park", "thank_you").warnings == (
        "the thank-you to Lee Park was cancelled: cancelled by the rejection of 2027-01-20",
    )


def test_phrasings_are_chosen_per_person_and_the_same_every_time():
    deps = services_with(NOTES)
    again = [draft_letter(deps, "acme-ae", "Dana Reyes", k).body for k in LETTER_KINDS]
    assert again == [draft_letter(deps, "acme-ae", "Dana Reyes", k).body for k in LETTER_KINDS]
    d = copy.deepcopy(NOTES)
    people = d["opportunities"][0]["interviews"][0]["contacts"]
    openings = set()
    for name in ("Dana Reyes", "Ana Ruiz", "Kim Lee", "Jo Marsh", "Ola Berg", "Max Roth"):
        people[0]["name"] = name
        body = draft_letter(services_with(d), "acme-ae", name, "thank_you").body
        openings.add(body.split("\n\n")[1].split(" on ")[0])
    assert len(openings) > 1


def test_the_kind_defaults_to_the_persons_next_planned_touch():
    deps = services_with(DOSSIER)  # rejected: Dana's next touch is the stay-in-touch letter
    assert draft_letter(deps, "acme-ae", "dana reyes").kind == "stay_in_touch"


def test_an_unknown_recipient_is_named_with_who_is_known():
    with pytest.raises(NotFound, match=r"^to: no person 'Kim' \(known: Dana Reyes, Lee Park\)$"):
        draft_letter(services_with(DOSSIER), "acme-ae", "Kim", "thank_you")


def test_a_user_template_overrides_the_shipped_one(tmp_path):
    (tmp_path / "thank_you.txt").write_text(
        "Subject: Thanks\nHi {{ recipient.first_name }}, thank you! {{ candidate.email }}\n"
    )
    draft = draft_letter(services_with(DOSSIER, tmp_path), "acme-ae", "Lee Park", "thank_you")
    assert (draft.subject, draft.body) == ("Thanks", "Hi Lee, thank you! sam@example.com\n")


def test_a_user_template_can_use_the_notes_and_the_phrasings(tmp_path):
    (tmp_path / "thank_you.txt").write_text(
        "{% for t in recap %}{{ t.name }}: {{ t.said }}\n{% endfor %}"
        "{{ ['A', 'B'][variant('x', 2)] }} {{ promised | join_and }} {{ marker('todo') }}\n"
    )
    body = draft_letter(services_with(NOTES, tmp_path), "acme-ae", "Dana Reyes", "thank_you").body
    assert body.startswith("new Midwest territories: the Midwest needs someone")
    assert body.rstrip().endswith("my 30-60-90 day plan for Wisconsin [[todo]]")


def test_a_template_variable_that_is_missing_is_an_error_naming_it(tmp_path):
    (tmp_path / "thank_you.txt").write_text("Dear {{ recipient.nickname }},\n")
    with pytest.raises(
        BadInput, match=r"^template thank_you\.txt: 'dict object' has no attribute 'nickname'"
    ):
        draft_letter(services_with(DOSSIER, tmp_path), "acme-ae", "Lee Park", "thank_you")


def test_a_template_cannot_run_code(tmp_path):
    (tmp_path / "thank_you.txt").write_text("{{ ''.__class__.__mro__[1].__subclasses__() }}\n")
    with pytest.raises(BadInput, match=r"^template thank_you\.txt: refused by the sandbox"):
        draft_letter(services_with(DOSSIER, tmp_path), "acme-ae", "Lee Park", "thank_you")


@pytest.mark.parametrize(
    ("items", "text"),
    [([], ""), (["a"], "a"), (["a", "b"], "a and b"), (["a", "b", "c"], "a, b and c")],
)
def test_join_and(items, text):
    assert join_and(items) == text
