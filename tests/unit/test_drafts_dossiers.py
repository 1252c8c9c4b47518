"""Every kind of letter to every decision maker, drafted from dossiers other people might write
(tests/unit/dossiers.py), read the way issue 10 judges them and the way article 000's recruiter
reads them: each passes its own check; the thank-you uses the notes and says what was promised;
no sentence recurs across kinds; without notes, a marker the check flags; and nothing pasted from
the notes reads wrong in its frame (a promise as a verb, a deadline, a third person, a verb as a
topic, punctuation doubled at the seam)."""

from __future__ import annotations

import re
from collections import defaultdict
from datetime import UTC, datetime
from functools import cache

import pytest

from followup.adapters.check_rules import build_checker
from followup.adapters.files.dossier import parse_dossier
from followup.adapters.holidays import calendar_for
from followup.adapters.policies import PolicyBook
from followup.adapters.templates import TemplateRenderer
from followup.domain.letters.context import LETTER_KINDS
from followup.services.dependencies import Dependencies
from followup.services.dossier import import_dossier
from followup.services.letters import Draft, draft_letter, is_decision_maker

from ..fakes import FakeStore
from .dossiers import dossiers

CHECKER = build_checker(None)
DOSSIERS = dossiers()
# The drafts are written on a fixed day, the day these expectations were read: a course typed
# with a month and no year ('done in September') is the last such month up to the drafting day,
# so on the real clock the same dossier would tell other news a year on.
DRAFTED = datetime(2026, 12, 1, 9, 0, tzinfo=UTC)


def _deps(name: str) -> Dependencies:
    deps = Dependencies(
        FakeStore(),
        calendar_for,
        PolicyBook(None),
        clock=lambda: DRAFTED,
        checker=lambda: CHECKER,
        renderer=lambda: TemplateRenderer(None),
    )
    import_dossier(deps, parse_dossier(DOSSIERS[name]))
    return deps


def _deciders() -> list[tuple[str, str, str]]:
    """(dossier, opportunity, person) for every decision maker of every dossier."""
    out: list[tuple[str, str, str]] = []
    for name, data in DOSSIERS.items():
        for opp in parse_dossier(data).opportunities:
            for iv in opp.interviews:  # a person met twice decides once
                out += [
                    (name, opp.id, c.name) for c in iv.contacts if is_decision_maker(opp, c.name)
                ]
    return list(dict.fromkeys(out))


DECIDERS = _deciders()


@cache
def _drafts(name: str, opportunity: str, person: str) -> dict[str, Draft]:
    deps = _deps(name)
    return {kind: draft_letter(deps, opportunity, person, kind) for kind in LETTER_KINDS}


def _draft(name: str, person: str, kind: str) -> str:
    opportunity = next(o for n, o, p in DECIDERS if n == name and p == person)
    return _drafts(name, opportunity, person)[kind].body


def _topics(name: str, opportunity: str, person: str) -> list[dict]:
    opp = next(o for o in DOSSIERS[name]["opportunities"] if o["id"] == opportunity)
    for c in opp["interviews"][0]["contacts"]:
        if c["name"] == person:
            return [t if isinstance(t, dict) else {"name": t} for t in c.get("topics", [])]
    raise LookupError(person)


def _findings(draft: Draft) -> list[tuple[str, str]]:
    return [(f.rule, draft.body[f.start : f.end]) for f in CHECKER.check(draft.body, draft.context)]


def _sentences(text: str) -> list[str]:
    """Sentences of six words or more (words of letters: a phone number is no sentence)."""
    parts = re.split(r"(?<=[.!?])\s+|\n+", text)
    return [" ".join(p.split()) for p in parts if len(re.findall(r"[^\W\d_]+", p)) >= 6]


def test_the_dossiers_are_many_and_varied():
    assert len(DOSSIERS) >= 20
    assert len(DECIDERS) >= 25
    assert len({d["candidate"]["country"] for d in DOSSIERS.values()}) >= 12


@pytest.mark.parametrize(("name", "opportunity", "person"), DECIDERS)
def test_every_kind_passes_its_own_check_or_flags_only_its_markers(name, opportunity, person):
    noted = any(len(t) > 1 for t in _topics(name, opportunity, person))
    for kind, draft in _drafts(name, opportunity, person).items():
        found = _findings(draft)
        markers = re.findall(r"\[\[[^\]]*\]\]", draft.body)
        expected = [("placeholder", m) for m in markers]
        if markers and [rule for rule, _ in found[:1]] == ["missing-recap"]:
            # a marker where the notes of a topic were to be is no recap (as letters57h-dev
            # t57-030 taught the check): a letter that says nothing else of a topic lacks one
            expected.insert(0, found[0])
        assert found == expected, (kind, found)
        if noted and kind in ("thank_you", "secondary", "final", "call", "stay_in_touch"):
            assert markers == [], (kind, markers)


@pytest.mark.parametrize(("name", "opportunity", "person"), DECIDERS)
def test_no_sentence_of_six_words_is_shared_by_two_kinds(name, opportunity, person):
    seen: dict[str, set[str]] = defaultdict(set)
    for kind, draft in _drafts(name, opportunity, person).items():
        for sentence in _sentences(draft.body):
            seen[sentence].add(kind)
    assert {s: sorted(k) for s, k in seen.items() if len(k) > 1} == {}


@pytest.mark.parametrize(("name", "opportunity", "person"), DECIDERS)
def test_the_thank_you_uses_every_note_and_mentions_every_promise(name, opportunity, person):
    body = " ".join(_drafts(name, opportunity, person)["thank_you"].body.split())
    topics = _topics(name, opportunity, person)
    # between two words of a note, a sign typed for a word ('+', '&', 'w/') may be written out
    # ('re:' is 'about'), and an act done to them names them ('ping re: X': 'ping you about X')
    seam = r"\W+(?:(?:and|with|about|you|you about)\W+)?"
    for t in topics:
        for key in ("said", "bring"):
            if t.get(key):  # the note's last words, however its start was turned to fit
                note = re.sub(r"([\"”])\s*[-–(].*$", r"\1", t[key])  # less '- her words'
                tail = re.findall(r"[\w'/%£-]+", note)[-3:]
                assert re.search(seam.join(map(re.escape, tail)), body, re.I), (key, t[key])
        if t.get("promised"):  # its last words, less a deadline
            thing = re.sub(
                r"\s+(?:(?:by|until|before)\s+\w+(?:\s+(?:week|\w{3}))?|asap|next week)$",
                "",
                t["promised"].rstrip("."),
            )
            tail = re.findall(r"[\w'/%£-]+", re.sub(r"\bre:", "", thing))[-3:]
            assert re.search(seam.join(map(re.escape, tail)), body), t["promised"]
    if not any(len(t) > 1 for t in topics):  # nothing noted: a marker the check flags
        draft = _drafts(name, opportunity, person)["thank_you"]
        assert "[[" in body and ("placeholder", re.findall(r"\[\[[^\]]*\]\]", body)[0]) in (
            _findings(draft)
        )


# What a recruiter stops at: each pattern is a class of seam between a frame and a pasted note.
MISREAD = {
    "a word twice": r"\b(?!\d)(\w+) \1\b",
    "punctuation twice at a seam": r"[?!.][\"”’)]?\.(?!\.)|[?!][\"”’)]?,",
    "a sending verb pasted after a verb of sending": (
        r"\b(attach|sent you|that) (send|sending|share)"
    ),
    "a deadline pasted into a thing sent": (
        r"\b(attach|sent you|check that)\b[^.\n]*\bby (Monday|Tuesday|Wednesday|Thursday|Friday|"
        r"next week|tomorrow)\b"
    ),
    "an act attached": r"\b(attach|attached|sent you|check that) (an|the) (intro|introduction)\b",
    "a bare noun sent": (
        r"\b(attach|sent you|check that) (?!(a|an|the|my|our|your|two|three|it)\b)[a-z]+\b"
    ),
    "the interviewer in the third person": r": (she|he) [a-z]+\b",
    "a verb as a topic": r"\b(about|on|with|Has) (grow|retain|expand|build|hire|open) ",
    "agreement after a topic": r"how [\w -]+s is going",
    "a strength that is no verb phrase": r"\bI (outbound|I)\b",
    "a sentence begun in lower case": r"(?<![.\d])[.!?] [a-z]",
    "a title for a name": r"\b(Dear|Hello|Thank you,) (Dr|Mr|Mrs|Ms|Prof)(\.?,|\.\.)",
    "their own words in the candidate's mouth": (
        r"(stayed with me|useful one|words on it|you said on [^:.]*): (I|we|We|our|Our) "
    ),
    "a capitalised word after 'about'": r"\babout (Our|The|Their|My) ",
    # notes as typed right after an interview (tests/unit/dossiers_typed.py)
    "a verb typed without its subject after a colon": (
        r": (?:really |always |still )?[a-z]+[^s\W]s (?:a|an|the|to|someone|most|when|that)\b"
    ),
    "a note's own verb of doing after the frame's": (
        r"\b(?:completed|finished) (?:completed|finished|took|did|done|attended)\b"
    ),
    "a course's own time after the frame's": (
        r"(?:[Ss]ince (?:we|my|our)|This season|recently|have (?:completed|finished))[^.]*"
        r"\b(?:in (?:January|February|March|April|May|June|July|August|September|October|"
        r"November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec|\d{4})|"
        r"last (?:month|year|week)|\(\w* ?\d{4}\))"
    ),
    "a bullet pasted after a colon": r": [-–•*] ",
    "a sign typed for a word": r" \+ |\b[a-z-]+ & [a-z]|\bw/ |\bre: ",  # 'Dupont & Fils' is a name
    "a topic's question mark mid-sentence": r"\?(?:,| is | since | with | and )",
    "an attribution pasted after a quote": r"[\"”] ?[-–(] ?(?:her|his|their) words",
}


@pytest.mark.parametrize(("name", "opportunity", "person"), DECIDERS)
def test_drafts_read_as_written(name, opportunity, person):
    misread = []
    for kind, draft in _drafts(name, opportunity, person).items():
        body = " ".join(draft.body.split())
        for what, pattern in MISREAD.items():
            for m in re.finditer(pattern, body):
                misread.append((kind, what, body[max(0, m.start() - 30) : m.end() + 20]))
        if body.lower().count("all the best") > 1:
            misread.append((kind, "a closing said twice", "all the best"))
    assert misread == []


# -- exact sentences, for what the reading above found ----------------------------------------
@pytest.mark.parametrize(
    ("name", "person", "kind", "sentence"),
    [
        # a promise as a verb: the thing promised is what goes with the letter
        (
            "de-berlin",
            "Katrin Vogel",
            "thank_you",
            "I am sending the deck about my Austria launch with this letter, as I promised.",
        ),
        (
            "de-berlin",
            "Katrin Vogel",
            "call",
            '"I sent you the deck about my Austria launch after our meeting',
        ),
        # a deadline belongs to the promise, not to the thing sent
        ("us-hobby", "Elena Park", "thank_you", "As promised, I attach a case study."),
        ("us-hobby", "Elena Park", "call", "One purpose: check that a case study reached Elena."),
        # an introduction is made, not attached
        (
            "es-intro",
            "Javier Ruiz",
            "thank_you",
            "As I promised, I will follow up separately on the intro to my former CFO.",
        ),
        (
            "es-intro",
            "Javier Ruiz",
            "call",
            "One purpose: follow up on the intro to my former CFO that I promised Javier.",
        ),
        # a bare noun takes an article
        ("nl-one-word", "Eva Jansen", "thank_you", "On pricing, I attach the deck, as promised."),
        ("nl-one-word", "Eva Jansen", "call", "One purpose: check that the deck reached Eva."),
        ("us-sport", "Megan Doyle", "thank_you", "I attach the API notes, as promised."),
        # two things promised: no verb to agree with them
        (
            "ie-no-topics",
            "Aoife Kelly",
            "thank_you",
            "As promised, I attach my onboarding plan and two references.",
        ),
        # a note that ends in its own punctuation keeps it, once
        (
            "ca-quote",
            "Gordon Blake",
            "thank_you",
            'Your point about hospital procurement was a useful one: "Procurement is where our '
            'deals go to die."',
        ),
        (
            "us-punctuation",
            "Alex Morgan",
            "thank_you",
            "On solar for farms, one thing you said has stayed with me: why would a farmer trust "
            "us? Your point about the territory turnaround was a useful one: it's been last for "
            "three years! My part in that would start from this: I turned around a territory that "
            "was last in the country!",
        ),
        # what the interviewer said of themselves, told back to them
        (
            "us-hobby",
            "Elena Park",
            "thank_you",
            "On sailing, one thing you said has stayed with me: you race a J/70 on the bay every "
            "weekend.",
        ),
        (
            "us-sport",
            "Megan Doyle",
            "thank_you",
            "On the Cubs, one thing you said has stayed with me: you have had season tickets since "
            "2010.",
        ),
        (
            "es-pronouns",
            "Núria Puig",
            "thank_you",
            "I made a note of what you said on your surgeons: your surgeons choose the device, not "
            "procurement.",
        ),
        # a topic that is a verb reads as what is done
        (
            "mx-verb",
            "Sofía Herrera",
            "thank_you",
            "Your point about growing the northern region was a useful one",
        ),
        (
            "mx-verb",
            "Sofía Herrera",
            "final",
            "when we talked about growing the northern region and retaining key accounts.",
        ),
        # a strength written as a sentence of its own
        (
            "de-berlin",
            "Katrin Vogel",
            "check_in",
            "A piece of news from my side: in my current role I closed the biggest deal of my team "
            "in 2025.",
        ),
        # a topic that only carries a promise is recapped by it
        (
            "promise-only",
            "Henry Ford",
            "thank_you",
            "On lab automation, I attach the slides from my talk, as promised.",
        ),
        (
            "promise-only",
            "Henry Ford",
            "secondary",
            "I have thought most about lab automation, and I hope you found the slides from my "
            "talk useful.",
        ),
        # a name written with a title: the letter calls them by title and surname
        ("eg-titles", "Dr. Amira Haddad", "thank_you", "Dear Dr. Haddad, Thank you for"),
        ("eg-titles", "Dr. Amira Haddad", "call", '3. "Thank you, Dr. Haddad. Have a good day."'),
        # what they said in their own first person is quoted as their words
        (
            "eg-titles",
            "Dr. Amira Haddad",
            "thank_you",
            "On pharmacy chains, one thing you said has stayed with me: \"I don't trust the big "
            'chains." It fits',
        ),
        # an act promised with "to", to "her": owed to them
        (
            "eg-titles",
            "Dr. Amira Haddad",
            "thank_you",
            "As I promised, I will connect you with the cardiologist I trained with.",
        ),
        (
            "no-role",
            "Pieter Botha",
            "thank_you",
            'I made a note of what you said on your installer network: "We need twenty installers '
            'by March."',
        ),
        (
            "no-role",
            "Pieter Botha",
            "final",
            "when we talked about farm financing and your installer network.",
        ),
        # -- notes as typed right after an interview (session 16) --
        # a verb typed without its subject: theirs in what they said, mine in what I bring
        (
            "t-pl-verbs",
            "Tomasz Zielinski",
            "thank_you",
            "I made a note of what you said on modern trade: you want someone who can open doors "
            "at Biedronka. Here is what I would bring to it: I know the category buyers at "
            "Biedronka and Lidl. On running, one thing you said has stayed with me: you run the "
            "Warsaw marathon every April.",
        ),
        (
            "t-za-gerunds",
            "Johan van Wyk",
            "thank_you",
            "mining accounts: you are looking for someone hungry who can handle the mines.",
        ),
        ("t-br-english", "Fernanda Rocha", "thank_you", "after-sales was a useful one: it is the"),
        ("t-ca-bullets", "Sophie Gagnon", "thank_you", "That is where I can help: I cut a cycle"),
        # a course with its own date keeps it, and the frame gives none of its own (a date
        # after the interview: a course over before it is background, not news)
        (
            "t-pl-verbs",
            "Tomasz Zielinski",
            "final",
            "I have news to share: I completed the Challenger Sale workshop in February 2027. "
            "When we met on January 19 about the Key Account Manager position, we talked about "
            "modern trade and running.",
        ),
        (
            "t-au-courses",
            "Ben Harris",
            "final",
            # 'Gap Selling - completed last month' was typed on a day the data does not keep:
            # it may be older than the interview, so it is not told as news
            "Since we met on February 10, I have interviewed with other sales teams. On top of "
            "that, I completed Solution Selling in March 2027. When we met",
        ),
        (
            "t-pl-verbs",
            "Tomasz Zielinski",
            "check_in",
            "I completed the Challenger Sale workshop in February 2027, and it has already "
            "changed how I sell.",
        ),
        (
            "t-za-gerunds",
            "Johan van Wyk",
            "final",
            "Since we met on February 22, I have completed the Gap Selling online course.",
        ),
        # a piece of work with its own year: no "this season" before it
        (
            "t-us-quotes",
            "Monica Alvarez",
            "check_in",
            "One result to report from my current work: I closed three seven-figure logistics "
            "deals in 2026.",
        ),
        # promises typed in a hurry
        (
            "t-za-gerunds",
            "Johan van Wyk",
            "thank_you",
            "I will ping my old colleague at Anglo about the tender, as promised.",
        ),
        (
            "t-us-promises",
            "Dwayne Brooks",
            "thank_you",
            "On scheduling, I will ping you about availability next week, as promised.",
        ),
        ("t-de-hunter", "Sabine Huber", "thank_you", "I will call you after the Hannover Messe"),
        ("t-ng-dates", "Funmi Adeyemi", "thank_you", "I attach a reference from my current MD,"),
        ("t-ch-products", "Urs Meier", "call", "check that my migration checklist and timeline"),
        # a quote keeps its words, not who said them; a topic typed as a question reads as one
        (
            "t-us-quotes",
            "Monica Alvarez",
            "thank_you",
            'I made a note of what you said on enterprise shippers: "We\'re not a startup anymore."'
            " My part",
        ),
        (
            "t-us-promises",
            "Dwayne Brooks",
            "thank_you",
            "On how to win back churned clients, one thing you said has stayed with me:",
        ),
        # a name typed in lower case signs the letter with capitals; a skill told in the past
        ("t-ie-lower", "Declan Byrne", "call", "this is Ciara Walsh. We met on March 2"),
        (
            "t-jp-nemawashi",
            "Aiko Yamamoto",
            "thank_you",
            "In my last role I spoke Japanese, English and Mandarin,",
        ),
    ],
)
def test_what_the_reading_found_reads_right_now(name, person, kind, sentence):
    body = " ".join(_draft(name, person, kind).split())
    assert sentence in body


def test_a_recipient_whose_name_is_another_opportunitys_company_is_no_wrong_company():
    draft = _drafts("fr-shared-words", "vision-retail", "Claire Simon")["call"]
    assert draft.body.startswith("Call Claire Simon (Directrice des ventes).")
    assert _findings(draft) == []


# -- the rules that turn a note into what a frame takes (domain/letters/drafting.py) -----------
@pytest.mark.parametrize(
    ("note", "item", "act", "will"),
    [
        ("send the deck about my Austria launch", "the deck about my Austria launch", False, ""),
        ("I'll share the pricing sheet by end of week", "the pricing sheet", False, ""),
        ("sending over the API notes", "the API notes", False, ""),
        ("a case study by Friday", "a case study", False, ""),
        ("deck", "the deck", False, ""),
        ("Q3 numbers", "the Q3 numbers", False, ""),
        ("Gartner's report", "Gartner's report", False, ""),
        ("two references", "two references", False, ""),
        (
            "an intro to their CFO",
            "the intro to your CFO",
            True,
            "follow up separately on the intro to your CFO",
        ),
        (
            "a call with my old manager next week",
            "the call with my old manager",
            True,
            "follow up separately on the call with my old manager next week",
        ),
        (
            "introduce them to the buyer at Nordstrom",
            "",
            True,
            "introduce you to the buyer at Nordstrom",
        ),
    ],
)
def test_a_promise_is_what_goes_with_the_letter_or_an_act_still_owed(note, item, act, will):
    from followup.domain.letters.drafting import Promise, promise_of

    assert promise_of(note) == Promise(item, act, will)


@pytest.mark.parametrize(
    ("note", "told"),
    [
        ("she races a J/70 on the bay every weekend", "you race a J/70 on the bay every weekend"),
        ("he always watches the Cubs", "you always watch the Cubs"),
        ("she has had season tickets since 2010", "you have had season tickets since 2010"),
        ("he's been there ten years", "you've been there ten years"),
        ("she's new in the role", "you're new in the role"),
        ("their surgeons choose the device", "your surgeons choose the device"),
        ("they need 4x coverage", "you need 4x coverage"),
        ("she carries her laptop everywhere", "you carry your laptop everywhere"),
        ("she want to double the stores", "you want to double the stores"),
        # a note about somebody else stays as written
        ("customers say they want SAP", "customers say they want SAP"),
        ("Oracle took three of their accounts", "Oracle took three of their accounts"),
    ],
)
def test_what_the_interviewer_said_of_themselves_is_told_back_to_them(note, told):
    from followup.domain.letters.drafting import second_person

    assert second_person(note) == told


@pytest.mark.parametrize(
    ("topic", "phrase"),
    [
        ("grow the northern region", "growing the northern region"),
        ("retain key accounts", "retaining key accounts"),
        ("hire two SDRs", "hiring two SDRs"),
        ("win back Oracle customers", "winning back Oracle customers"),
        ("launch the new product", "launching the new product"),
        ("their surgeons", "your surgeons"),
        # nouns stay nouns
        ("launch plan", "launch plan"),
        ("price increases", "price increases"),
        ("entering Portugal", "entering Portugal"),
        ("CRM adoption", "CRM adoption"),
        ("Open Banking", "Open Banking"),
    ],
)
def test_a_topic_written_as_a_task_reads_as_a_noun_phrase(topic, phrase):
    from followup.domain.letters.drafting import as_topic

    assert as_topic(topic) == phrase


@pytest.mark.parametrize(
    ("strength", "after_i"),
    [
        ("I have closed the biggest deal of my team", "closed the biggest deal of my team"),
        ("I have been a top seller", "have been a top seller"),
        ("ran the Chicago territory", "ran the Chicago territory"),
        ("doubled renewals", "doubled renewals"),
        ("outbound", "gained experience in outbound"),
        ("Salesforce administration", "gained experience in Salesforce administration"),
    ],
)
def test_a_strength_follows_i_whatever_its_shape(strength, after_i):
    from followup.domain.letters.drafting import deed

    assert deed(strength) == after_i


@pytest.mark.parametrize(
    ("said", "told"),
    [
        ("we lose doctors when reps change", '"We lose doctors when reps change."'),
        ("I don't trust the big chains!", '"I don\'t trust the big chains!"'),
        ("our churn is 20%", '"Our churn is 20%."'),
        ("she wants a local team", "you want a local team"),
        ("operators still book by phone", "operators still book by phone"),
        ('"Procurement is where deals die."', '"Procurement is where deals die."'),
    ],
)
def test_what_was_said_is_told_back_in_the_right_voice(said, told):
    from followup.domain.letters.drafting import told as told_back

    assert told_back(said) == told


@pytest.mark.parametrize(
    ("name", "called"),
    [
        ("Dana Reyes", "Dana"),
        ("Dr. Amira Haddad", "Dr. Haddad"),
        ("Prof Lena Brandt", "Prof Brandt"),
        ("Drew Barry", "Drew"),
        ("Madonna", "Madonna"),
        # an initial before the name (the father's, as South India writes it): not a name
        ("R. Lakshmi", "Lakshmi"),
        ("R.K. Narayan", "Narayan"),
        ("J Smith", "Smith"),
    ],
)
def test_a_letter_calls_a_titled_person_by_title_and_surname(name, called):
    from followup.domain.letters.drafting import address_of

    assert address_of(name) == called


@pytest.mark.parametrize(
    ("said", "topic", "told_back"),
    [
        # a 'they' in the note of a named party is that party speaking
        ("they want a single supplier by June", "Kansanshi", "they want a single supplier by June"),
        ("their buyers sit in Lyon", "Carrefour Belgium", "their buyers sit in Lyon"),
        # a subject, or a product led by an acronym: 'they' is the interviewer's side
        ("they want to be in Vienna", "expansion to Austria", "you want to be in Vienna"),
        ("they need 4x coverage", "Pipeline hygiene", "you need 4x coverage"),
        ("they run the old line", "BMW Dingolfing", "they run the old line"),
        ("they want weekly forecasts", "CRM", "you want weekly forecasts"),
        ("they keep it in spreadsheets", "SAP integration", "you keep it in spreadsheets"),
        ("she runs it herself", "Kansanshi", "you run it yourself"),
    ],
)
def test_a_they_in_the_note_of_a_named_party_is_that_party(said, topic, told_back):
    from followup.domain.letters.drafting import told

    assert told(said, topic) == told_back


@pytest.mark.parametrize(
    ("said", "told_back"),
    [
        # written as the sentence they said: quoted, since the frame takes it mid-sentence
        ("Price is not the issue, delivery time is", '"Price is not the issue, delivery time is."'),
        # a pronoun told back mid-sentence is not capitalised
        ("He wants weekly forecasts", "you want weekly forecasts"),
        ("Their reps churn after a year", "your reps churn after a year"),
        # a name that leads a short note, or a note in lower case, stays as written
        ("Munich Re", "Munich Re"),
        ("delivery time matters more than price", "delivery time matters more than price"),
    ],
)
def test_a_note_in_its_own_capitals_reads_right_after_a_colon(said, told_back):
    from followup.domain.letters.drafting import told

    assert told(said) == told_back


def test_a_strength_is_not_given_to_a_topic_for_a_light_verb_they_share():
    from followup.domain.letters.drafting import noted_topics
    from followup.domain.model import Topic

    (topic,) = noted_topics(
        [Topic("his marathon training", said="runs the Munich marathon in October")],
        ["I run my own newsletter for 4,000 buyers"],
    )
    assert topic.strength == ""
