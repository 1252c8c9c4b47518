"""Notes as people type them right after an interview, turned into what a letter's frame takes
(domain/letters/drafting.py): a course written with its own date keeps that date and the frame
drops its own ('finished in October' is never 'since we met I have finished in October'); a
note that starts with a verb gets the subject it left out (what the interviewer 'wants' is what
'you want'; what the candidate 'did' is what 'I did'); bullets, a topic typed as a question and a
promise of an act ('ping', 'will call') read as a letter says them."""

from __future__ import annotations

import pytest

from followup.domain.letters.drafting import Promise, as_topic, promise_of, tidy, told
from followup.domain.letters.typed_notes import Course, brought, course_of


@pytest.mark.parametrize(
    ("note", "what", "when"),
    [
        (
            "Challenger Sale workshop, finished in October",
            "the Challenger Sale workshop",
            "in October",
        ),
        ("completed MEDDICC cert last month", "the MEDDICC certification", "last month"),
        ("finished Solution Selling in October", "Solution Selling", "in October"),
        ("Gap Selling - completed last month", "Gap Selling", "last month"),
        ("Sandler Foundations (Nov 2026)", "Sandler Foundations", "in November 2026"),
        (
            "took a negotiation course at KAIST last year",
            "a negotiation course at KAIST",
            "last year",
        ),
        (
            "HubSpot Sales Hub certification, done in September",
            "the HubSpot Sales Hub certification",
            "in September",
        ),
        ("Verhandlungstraining (IHK), finished in March", "Verhandlungstraining (IHK)", "in March"),
        (
            "Strategic account management, IIM Bangalore, Sept 2026",
            "Strategic account management at IIM Bangalore",
            "in September 2026",
        ),
        (
            "completed the Safaricom Business sales course in August",
            "the Safaricom Business sales course",
            "in August",
        ),
        ("a JETRO export course in September", "a JETRO export course", "in September"),
        (
            "Corso di vendita consulenziale, completed in 2026",
            "Corso di vendita consulenziale",
            "in 2026",
        ),
        ("did a cold-calling bootcamp two weeks ago", "a cold-calling bootcamp", "two weeks ago"),
        # no date of its own: the frame gives the time ("since we met")
        ("Gap Selling online course", "the Gap Selling online course", ""),
        ("a MEDDIC qualification course", "a MEDDIC qualification course", ""),
        ("Sandler's negotiation course", "Sandler's negotiation course", ""),
        ("the SPIN Selling course", "the SPIN Selling course", ""),
        ("a formation in negotiation", "a formation in negotiation", ""),
    ],
)
def test_a_course_keeps_its_own_date_apart_from_what_it_is(note, what, when):
    assert course_of(note) == Course(what, when)


@pytest.mark.parametrize(
    ("note", "done"),
    [
        # the institution or the place typed after a comma joins the course with a preposition
        (
            "completed the key account course, Wits Business School in Mar 2026",
            "the key account course at Wits Business School in March 2026",
        ),
        (
            "negotiation masterclass, INSEAD, Fontainebleau, Jan 2026",
            "the negotiation masterclass at INSEAD in Fontainebleau in January 2026",
        ),
        (
            "Value selling cert - Universidad de los Andes - finished Aug 2025",
            "the Value selling certification at Universidad de los Andes in August 2025",
        ),
        (
            "did the pricing workshop, Kraków, 2025",
            "the pricing workshop in Kraków in 2025",
        ),
        (
            "B2B sales diploma, Open University",
            "the B2B sales diploma at Open University",
        ),
        # a part that has its own preposition keeps it; 'online' is no place
        (
            "cold email course, from HubSpot Academy, Oct 2026",
            "the cold email course from HubSpot Academy in October 2026",
        ),
        (
            "discovery calls bootcamp, online, last month",
            "the discovery calls bootcamp online last month",
        ),
        # abbreviations written out, and the article a kind of course takes
        (
            "negotiation w/ farmers workshop, finished Nov 2026",
            "the negotiation with farmers workshop in November 2026",
        ),
        # a date typed in figures
        ("Sandler Foundations, 09/2026", "Sandler Foundations in September 2026"),
        ("MEDDICC certification 2026-05", "the MEDDICC certification in May 2026"),
    ],
)
def test_a_course_reads_with_its_institution_place_and_date_as_a_sentence_takes_them(note, done):
    assert course_of(note).done == done


@pytest.mark.parametrize(
    ("note", "interview", "today", "news"),
    [
        # dated before the interview: background, not news
        ("SPIN course, IIM Bangalore, Sept 2026", "2026-10-20", "2026-11-30", False),
        ("pricing workshop, 2025", "2026-02-03", "2026-03-01", False),
        ("Challenger workshop, finished in October", "2027-01-19", "2027-02-10", False),
        ("Sandler Foundations, Q2 2026", "2026-07-01", "2026-08-01", False),
        # in the interview's own month, year or quarter: it may have ended before they met
        ("SPIN course, Oct 2026", "2026-10-20", "2026-11-30", False),
        ("MEDDICC certification, 2027-03", "2027-03-18", "2027-05-02", False),
        ("Solution Selling, finished in March 2027", "2027-03-18", "2027-05-02", False),
        ("negotiation workshop (03/2027)", "2027-03-18", "2027-05-02", False),
        ("Gap Selling, finished in March", "2027-03-18", "2027-05-02", False),
        ("key account course in 2027", "2027-03-18", "2027-05-02", False),
        ("Sandler Foundations, Q1 2027", "2027-03-18", "2027-05-02", False),
        ("pricing course, mid-March 2027", "2027-03-18", "2027-05-02", False),
        # known to the day: the day decides (the interview's own day is not after it)
        ("Solution Selling, finished 2027-03-18", "2027-03-18", "2027-05-02", False),
        ("negotiation workshop on 17 March 2027", "2027-03-18", "2027-05-02", False),
        ("Solution Selling, finished 2027-03-19", "2027-03-18", "2027-05-02", True),
        ("negotiation workshop, 25 March 2027", "2027-03-18", "2027-05-02", True),
        ("Sandler course (March 25, 2027)", "2027-03-18", "2027-05-02", True),
        # after the interview's month, year or quarter: news
        ("SPIN course, IIM Bangalore, Nov 2026", "2026-10-20", "2026-11-30", True),
        ("Challenger workshop, finished in February", "2027-01-19", "2027-02-10", True),
        ("MEDDICC certification, 2027-04", "2027-03-18", "2027-05-02", True),
        ("Sandler Foundations, Q2 2027", "2027-03-18", "2027-05-02", True),
        # a time relative to the day it was typed, which the data does not keep: it may reach
        # back before the interview, so it is not told as news
        ("cold-calling bootcamp two weeks ago", "2026-10-20", "2026-11-30", False),
        ("completed MEDDICC cert last month", "2026-10-20", "2026-11-30", False),
        ("did a negotiation course recently", "2026-10-20", "2026-11-30", False),
        ("Gap Selling - completed this year", "2026-10-20", "2026-11-30", False),
        ("pricing workshop yesterday", "2026-10-20", "2026-11-30", False),
        ("Gap Selling, a few weeks ago", "2026-10-20", "2026-11-30", False),
        # no time at all: the candidate listed it as news (001: what changed since)
        ("Gap Selling online course", "2026-10-20", "2026-11-30", True),
        ("a MEDDIC qualification course", "2026-10-20", "2026-11-30", True),
    ],
)
def test_a_course_is_news_only_when_its_known_dates_are_after_the_interview(
    note, interview, today, news
):
    from datetime import date

    course = course_of(note)
    assert course.news_after(date.fromisoformat(interview), date.fromisoformat(today)) is news


@pytest.mark.parametrize(
    ("note", "done"),
    [
        ("Solution Selling, finished 2027-03-19", "Solution Selling on March 19, 2027"),
        ("negotiation workshop, 25 March 2027", "the negotiation workshop on 25 March 2027"),
        ("Sandler course (March 25, 2027)", "the Sandler course on March 25, 2027"),
        ("completed the SPIN course on 2nd April 2027", "the SPIN course on 2nd April 2027"),
        ("Gap Selling - finished April 3, 2027", "Gap Selling on April 3, 2027"),
    ],
)
def test_a_course_dated_to_the_day_keeps_its_day(note, done):
    assert course_of(note).done == done


@pytest.mark.parametrize(
    ("said", "told_back"),
    [
        # a verb with no subject: the interviewer's own doing, told back to them
        (
            "wants someone who can open doors at Biedronka",
            "you want someone who can open doors at Biedronka",
        ),
        ("runs the Warsaw marathon every April", "you run the Warsaw marathon every April"),
        ("leads the Nordic team since 2024", "you lead the Nordic team since 2024"),
        ("hates when reps read a script", "you hate when reps read a script"),
        ("coaches an under 12 team in Kilkenny", "you coach an under 12 team in Kilkenny"),
        ("expects to double the chains in 2027", "you expect to double the chains in 2027"),
        ("needs a hunter not a farmer", "you need a hunter not a farmer"),
        ("says most leads come from the fair", "you say most leads come from the fair"),
        ("really thinks the team is too junior", "you really think the team is too junior"),
        ("loses to Zoho on price", "you lose to Zoho on price"),
        ("looking for someone hungry", "you are looking for someone hungry"),
        ("moving to Shoreditch in May", "you are moving to Shoreditch in May"),
        ("lost the last two panels to Canon", "you lost the last two panels to Canon"),
        ("is the main reason clients leave", "it is the main reason clients leave"),
        # a subject of its own stays as written
        ("reps forecast on gut feel", "reps forecast on gut feel"),
        ("customers say they want SAP", "customers say they want SAP"),
        ("churn doubled after the price change", "churn doubled after the price change"),
        ("operators still book by phone", "operators still book by phone"),
        ("distributors owe them 90 days", "distributors owe them 90 days"),
        ("importers in NY want exclusivity", "importers in NY want exclusivity"),
        ("half their pipeline is migrations now", "half their pipeline is migrations now"),
        ("patchy", "patchy"),
        # a bullet typed before it is no part of it
        ("- cycle is 110 days", "cycle is 110 days"),
        (
            "• 40% of deals lost on price; rest on timing",
            "40% of deals lost on price; rest on timing",
        ),
    ],
)
def test_a_note_typed_without_its_subject_is_told_back_with_one(said, told_back):
    assert told(said) == told_back


@pytest.mark.parametrize(
    ("bring", "said_by_me"),
    [
        (
            "know the category buyers at Biedronka and Lidl",
            "I know the category buyers at Biedronka and Lidl",
        ),
        ("did 80 dials a day at vodafone", "I did 80 dials a day at vodafone"),
        ("won 22 new machine builders in 2025", "I won 22 new machine builders in 2025"),
        (
            "sold telematics to three large transporters",
            "I sold telematics to three large transporters",
        ),
        ("ran 30+ partners, QBRs every qtr", "I ran 30+ partners, QBRs every qtr"),
        # verb phrases typed one after another are joined as a sentence joins them
        (
            "built a 40-partner network at Freshworks, doubled partner-sourced pipeline",
            "I built a 40-partner network at Freshworks and doubled partner-sourced pipeline",
        ),
        ("prospected, booked 30 demos, closed 12", "I prospected, booked 30 demos and closed 12"),
        ("know the buyers, speak Polish", "I know the buyers and speak Polish"),
        ("sold into Tesco, Asda and Aldi", "I sold into Tesco, Asda and Aldi"),
        ("opened Leeds, Hull and York", "I opened Leeds, Hull and York"),
        ("- cut a cycle from 120 to 75 days", "I cut a cycle from 120 to 75 days"),
        ("speak Japanese and English", "I speak Japanese and English"),
        # a sentence of its own, or a noun phrase, stays as written
        (
            "I have contacts in the big hospital groups",
            "I have contacts in the big hospital groups",
        ),
        ("my network in Bath and Exeter", "my network in Bath and Exeter"),
        ("40 logos in the NHS from zero", "40 logos in the NHS from zero"),
        ("MEDDPICC on every deal", "MEDDPICC on every deal"),
    ],
)
def test_what_the_candidate_brings_typed_as_a_verb_is_said_with_i(bring, said_by_me):
    assert brought(bring) == said_by_me


@pytest.mark.parametrize(
    ("topic", "phrase"),
    [
        ("how to win back churned clients?", "how to win back churned clients"),
        ("how to get into Tata Motors?", "how to get into Tata Motors"),
        ("- pricing", "pricing"),
    ],
)
def test_a_topic_typed_as_a_question_or_a_bullet_reads_as_a_phrase(topic, phrase):
    assert as_topic(topic) == phrase


@pytest.mark.parametrize(
    ("note", "promise"),
    [
        (
            "to ping my old colleague at Anglo about the tender",
            Promise("", True, "ping my old colleague at Anglo about the tender"),
        ),
        (
            "will ping re: availability next week",
            Promise("", True, "ping you about availability next week"),
        ),
        (
            "call her after the Hannover Messe",
            Promise("", True, "call you after the Hannover Messe"),
        ),
        ("a reference from my current MD by 20 Jan", Promise("a reference from my current MD")),
        ("my 30-60-90 plan + two references asap", Promise("my 30-60-90 plan and two references")),
        ("pricing one-pager & a case study", Promise("the pricing one-pager and a case study")),
    ],
)
def test_a_promise_typed_in_a_hurry_is_a_thing_sent_or_an_act_owed(note, promise):
    assert promise_of(note) == promise


def test_tidy_keeps_a_note_without_its_bullet():
    assert tidy("  - cycle is 110 days. ") == "cycle is 110 days"


@pytest.mark.parametrize(
    ("strength", "when"),
    [
        ("closed three seven-figure logistics deals in 2026", "in 2026"),
        ("won the Bavaria tender last year", "last year"),
        # a span it took is its own time too: 'This season ... in two years' says two times
        ("grew a Lagos FMCG territory by 70% in two years", "in two years"),
        ("booked 40 meetings a month for a year", "for a year"),
        ("booked 40 meetings a month", ""),
    ],
)
def test_a_piece_of_work_says_its_own_time_when_it_has_one(strength, when):
    from followup.domain.letters.typed_notes import own_time

    assert own_time(strength) == when


@pytest.mark.parametrize(
    ("name", "signed"),
    [
        ("ciara walsh", "Ciara Walsh"),
        ("sean o'brien-kelly", "Sean O'Brien-Kelly"),
        ("Jan de Vries", "Jan de Vries"),
        ("Zanele", "Zanele"),
    ],
)
def test_a_name_typed_in_lower_case_signs_with_capitals(name, signed):
    from followup.domain.letters.typed_notes import as_signed

    assert as_signed(name) == signed


@pytest.mark.parametrize(
    ("strength", "after_i"),
    [
        ("speak Japanese, English and Mandarin", "spoke Japanese, English and Mandarin"),
        ("manage the Lombardy pharmacies", "managed the Lombardy pharmacies"),
        ("ran the Chicago territory", "ran the Chicago territory"),
    ],
)
def test_a_strength_typed_in_the_present_is_told_as_done(strength, after_i):
    from followup.domain.letters.drafting import deed

    assert deed(strength) == after_i


@pytest.mark.parametrize(
    ("said", "told_back"),
    [
        # who said it, typed after it without quote marks: the note is their words
        ("reps hate logging calls - her words", '"Reps hate logging calls."'),
        ("budget is frozen till Q2, his words", '"Budget is frozen till Q2."'),
        ("the channel is dead (their words)", '"The channel is dead."'),
        # abbreviations are written out in what they said, as in what was promised
        ("wants someone w/ a network in the NHS", "you want someone with a network in the NHS"),
    ],
)
def test_what_they_said_reads_as_a_letter_says_it(said, told_back):
    assert told(said) == told_back


@pytest.mark.parametrize(
    ("bring", "expected"),
    [
        ("opened 40 new accounts w/ no leads", "I opened 40 new accounts with no leads"),
        ("ran the Leeds patch + the Hull one", "I ran the Leeds patch and the Hull one"),
        # units of time and a manager, shortened as notes shorten them
        ("sold milking kit to farms for 4 yrs", "I sold milking kit to farms for 4 years"),
        ("coached 2 mgrs, 1 yr each", "I coached 2 managers, 1 year each"),
        ("cut onboarding from 6 wks to 10 days", "I cut onboarding from 6 weeks to 10 days"),
        ("did 18 mths as a BDR", "I did 18 months as a BDR"),
    ],
)
def test_what_the_candidate_brings_has_its_abbreviations_written_out(bring, expected):
    assert brought(tidy(bring)) == expected


@pytest.mark.parametrize(
    ("note", "item"),
    [
        ("30-60-90 plan by Fri", "the 30-60-90 plan"),
        ("send the 90-day plan", "the 90-day plan"),
        ("2 references", "2 references"),
        ("three case studies by Friday", "three case studies"),
    ],
)
def test_a_promised_thing_named_by_a_number_compound_takes_its_article(note, item):
    assert promise_of(note).item == item


@pytest.mark.parametrize(
    ("note", "item"),
    [
        ("ref from my old mgr by fri", "the reference from my old manager"),
        ("2 refs from Kerry customers", "2 references from Kerry customers"),
    ],
)
def test_a_promised_reference_typed_short_is_written_out(note, item):
    assert promise_of(note).item == item
