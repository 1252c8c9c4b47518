"""Classes of language the check reads, in the voices set's dossier (tests/data/letters_voices),
beyond the letters of that set: template marks of more shapes, holidays, games and greetings of
our candidates' cultures, and the near misses each must leave clean. Each letter is checked for
exactly the expected rule ids (spelling aside)."""

from __future__ import annotations

import pytest

from followup.services.dependencies import Dependencies
from followup.services.letters import check_letter

from .voices import dossier_deps, voices_deps


@pytest.fixture(scope="module")
def deps() -> Dependencies:
    return voices_deps()


def _to_rebecca(body: str, sign: str = "Ines") -> str:
    return f"Dear Rebecca,\n\n{body}\n\n{sign}"


LETTERS = [
    # template marks: an x standing for a name, a surname field, a field's name in capitals
    (_to_rebecca("The renewals summary for the xxx account is attached."), ["placeholder"]),
    (
        _to_rebecca("The renewals summary is attached. Thank you again, Mr. Lastname."),
        ["placeholder"],
    ),
    (
        _to_rebecca("I'm still excited about the Job Title role and attached the summary."),
        ["placeholder"],
    ),
    # a subject's tag in lenticular brackets, as Japanese business mail writes it, is no mark
    (_to_rebecca("【Thank you】 The renewals summary from our interview is attached."), []),
    (_to_rebecca("The renewals summary for 【company name】 is attached."), ["placeholder"]),
    # near misses: kisses after the name, a CRM's field called by its name
    (_to_rebecca("The renewals summary is attached. Speak soon!", "Ines xxx"), []),
    (_to_rebecca("The summary is attached; I matched councils on the Company Name field."), []),
    # private life: a name day, a game with the family, a folk dance at a festival
    (_to_rebecca("Happy name day, by the way!"), ["new-topic"]),
    (
        _to_rebecca("The summary is attached. I spent the holiday playing tavla with my uncles."),
        ["new-topic"],
    ),
    # the reader's holiday asked about, a table booked at a restaurant
    (_to_rebecca("The summary is attached. How was the trip to Santorini?"), ["new-topic"]),
    (_to_rebecca("Did you ever get a table at the fish place by the harbour?"), ["new-topic"]),
    # near misses: a greeting of the season, trade senses of family, church and party, a
    # holiday given as the time the writer is free
    (_to_rebecca("The renewals summary is attached. Eid Mubarak to you and the team!"), []),
    (
        _to_rebecca(
            "The summary is attached; one buyer is a family business running wedding venues."
        ),
        [],
    ),
    (
        _to_rebecca(
            "The summary is attached; churches and schools buy through the council framework."
        ),
        [],
    ),
    (_to_rebecca("The summary is attached; the contracts with the two parties renew in May."), []),
    (_to_rebecca("The summary is attached; I'll be in Leeds after the Bayram holiday."), []),
    (_to_rebecca("The summary is attached. How was your trip to the Leeds office?"), []),
    (_to_rebecca("How was the trip to Hull for the council tender briefing?"), []),
    # flattery: the acronym of praise in capitals, the rarity of meeting the reader, meeting
    # them as the high point of a week; near misses: a goat dairy on their list, a message that
    # made the writer's week, the writer humbled by a chance of their own, a time ranked
    (_to_rebecca("You're the GOAT of council renewals."), ["flattery"]),
    (_to_rebecca("It's not often one gets to work with someone of your calibre."), ["flattery"]),
    (_to_rebecca("It is rare to meet someone with your grasp of council budgets."), ["flattery"]),
    (_to_rebecca("Meeting you made my week."), ["flattery"]),
    (_to_rebecca("The summary is attached; a goat dairy near York is on your supplier list."), []),
    (_to_rebecca("Your reply about the Leeds office opening made my whole week."), []),
    (_to_rebecca("I'm humbled to be shortlisted for the second round."), []),
    (_to_rebecca("Which is the best morning in June for the Leeds visit?"), []),
    # the reader ranked through "you'd have to be"; the writer's own need to be the best is not
    (
        _to_rebecca("Honestly, you'd have to be the best sales boss in the whole of England."),
        ["flattery"],
    ),
    (_to_rebecca("I have to be the best salesperson in the region to hit that target."), []),
    # hospitality at their office ranked is no praise of the office; the office itself is
    (_to_rebecca("The coffee at your office is the best I've had in Leeds."), []),
    (_to_rebecca("Your office is the best I've ever seen."), ["flattery"]),
]


@pytest.mark.parametrize(("text", "expected"), LETTERS, ids=[str(i) for i in range(len(LETTERS))])
def test_each_class_of_language_gets_exactly_its_rules(deps, text, expected):
    _, findings = check_letter(deps, text, "northgate", "Rebecca Holt", "check_in")
    assert sorted({f.rule for f in findings} - {"spelling"}) == expected
    assert [text[f.start : f.end] for f in findings if f.rule == "spelling"] == []


def _thanks(first: str, body: str) -> str:
    return f"Dear {first},\n\nThank you for the interview. {body}\n\nInes Carvalho\n+44 7700 900761"


RECAPS = [
    # a topic's head alone, said as what was discussed with the reader, recaps it
    ("northgate", "Rebecca Holt", "I liked how frankly you talked about renewals.", []),
    ("larkspur", "Graham Fenwick", "You were candid about churn, and I have ideas already.", []),
    # what the reader said of a topic, restated by three of its words, two of them distinctive
    (
        "fernhill",
        "Oksana Petrenko",
        "The picture of shops phoning in their orders each Thursday stayed with me.",
        [],
    ),
    # not the writer's own record of it, nor a talk still to come
    ("larkspur", "Graham Fenwick", "I cut churn by a third at my last firm.", ["missing-recap"]),
    (
        "northgate",
        "Rebecca Holt",
        "I look forward to talking about renewals when we next speak.",
        ["missing-recap"],
    ),
]


@pytest.mark.parametrize(
    ("opportunity", "to", "body", "expected"), RECAPS, ids=[str(i) for i in range(len(RECAPS))]
)
def test_a_thank_you_recaps_a_topic_in_fewer_words_when_they_still_tell_it(
    deps, opportunity, to, body, expected
):
    text = _thanks(to.split()[0], body)
    _, findings = check_letter(deps, text, opportunity, to, "thank_you")
    assert sorted({f.rule for f in findings} - {"spelling"}) == expected


STAKES = [
    "I had already told my parents I would be joining you in June.",
    "My whole family is counting on this offer.",
    "My kids are waiting to hear whether I got the job.",
]


@pytest.mark.parametrize("sentence", STAKES, ids=[str(i) for i in range(len(STAKES))])
def test_the_writers_family_as_what_rides_on_the_job_is_no_new_topic(deps, sentence):
    text = _to_rebecca(f"The renewals summary is attached. {sentence}")
    _, findings = check_letter(deps, text, "northgate", "Rebecca Holt", "check_in")
    assert "new-topic" not in {f.rule for f in findings}


def test_the_writers_family_at_a_party_is_still_a_new_topic(deps):
    text = _to_rebecca("The summary is attached. My whole family came over for my birthday.")
    _, findings = check_letter(deps, text, "northgate", "Rebecca Holt", "check_in")
    assert "new-topic" in {f.rule for f in findings}


def _note(greeting: str, body: str, sign: str = "Ines") -> str:
    return f"{greeting}\n\n{body}\n\n{sign}"


def _to_graham(body: str) -> str:
    return f"Dear Graham,\n\nThe churn summary is attached. {body}\n\nInes"


SUMMARY = "The renewals summary is attached."
N, R = "northgate", "Rebecca Holt"
L, G = "larkspur", "Graham Fenwick"

# Names and companies in other Englishes (engineer A, session 9): spelling aside, as these
# letters hold words of other languages on purpose.
NAMES_AND_COMPANIES = [
    # a title cut short with a slash (the Ethiopian "W/ro") before the recipient's name or
    # another's (session 11)
    (N, R, _note("Dear W/ro Rebecca,", SUMMARY), []),
    (N, R, _note("Dear W/ro Joy,", SUMMARY), ["wrong-name"]),
    # a company's first word after a title of respect: a person of that name (session 11)
    (N, R, _to_rebecca(f"{SUMMARY} My first manager was a Mr Morgan; he taught me renewals."), []),
    (
        N,
        R,
        _to_rebecca(f"{SUMMARY}\n\nPS: Mr Fenwick, the tender notes are attached."),
        ["wrong-name"],
    ),
    # a company's first word as another's surname ("Sarah Morgan", "Piers Morgan"), and alone
    # still the company; its word in lowercase, a flower
    (N, R, _to_rebecca("My old manager, Sarah Morgan, has agreed to act as a referee."), []),
    (N, R, _to_rebecca(f"{SUMMARY} I saw Piers Morgan at Leeds station this morning!"), []),
    (N, R, _to_rebecca(f"{SUMMARY} Working with Morgan would be a dream."), ["wrong-company"]),
    (N, R, _to_rebecca("Thank you for the larkspur seedlings from your stand."), []),
    # honorifics of Ethiopian and Malaysian English before the recipient's name or another's
    ("otterbrook", "Martin Kowalski", _note("Dear Ato Martin,", SUMMARY), []),
    ("otterbrook", "Martin Kowalski", _note("Dear Datuk Martin,", SUMMARY), []),
    (N, R, _note("Respected Weizero Rebecca,", SUMMARY), []),
    (N, R, _note("Dear Ato Martin,", SUMMARY), ["wrong-name"]),
    # a message's greeting ended by an emoji: another's name, or the recipient's
    (N, R, _note("hey sam \U0001f44b", "quick one - summary attached", "ines"), ["wrong-name"]),
    (N, R, _note("hey rebecca \U0001f44b", "quick one - summary attached", "ines"), []),
    (N, R, _note("Hi Graham \U0001f642", SUMMARY), ["wrong-name"]),
    # another person spoken to in a bullet; one of another opportunity spoken of by first name
    # (a letter copied, as the house reads it)
    (N, R, _to_rebecca("- summary: attached\n- Graham, thanks for the intro!"), ["wrong-name"]),
    (N, R, _to_rebecca("- summary: attached\n- Graham's intro: very kind"), ["wrong-name"]),
    # sign-offs and interjections of Jamaican, Welsh, Māori, South African, Ghanaian, Ethiopian
    # and Indian English, and places opening a sentence, are no name
    (N, R, _to_rebecca(SUMMARY, "Walk good,\nInes"), []),
    (N, R, _to_rebecca(SUMMARY, "Hwyl fawr,\nInes"), []),
    (N, R, _to_rebecca(SUMMARY, "Noho ora mai,\nInes"), []),
    (N, R, _to_rebecca(SUMMARY, "Ka kite,\nInes"), []),
    (N, R, _to_rebecca("Boy, the April renewals came in strong! Summary attached."), []),
    (N, R, _to_rebecca("Sweet as, the summary is attached."), []),
    (N, R, _to_rebecca("Ehh, I nearly missed the deadline. Summary attached."), []),
    (N, R, _to_rebecca("Haibo, the renewals doubled! Summary attached."), []),
    (N, R, _to_rebecca("Yaa, the summary is attached."), []),
    (N, R, _to_rebecca("Ishi, I'll send the summary by Friday."), []),
    (N, R, _to_rebecca("Bai, the summary is attached, no?"), []),
    (N, R, _to_rebecca("Kandy, you'll remember, was my old patch."), []),
    (N, R, _to_rebecca("Kingston, Montego Bay and Ocho Rios were my old territory."), []),
    (N, R, _to_rebecca("Addis, Bahir Dar and Hawassa were my old territory."), []),
    # greetings to a group or a friend in Māori; a name called out on the first line
    (N, R, _note("Kia ora koutou,", SUMMARY), []),
    (N, R, _note("M\u014drena e hoa,", SUMMARY), []),
    (N, R, _note("Yes Rebecca!", SUMMARY), []),
    (N, R, _note("Yes Graham!", SUMMARY), ["wrong-name"]),
    # a company's first word naming a place by its lowercase kind: a shopping centre, an
    # industrial estate, a retail park, a ward, a school, a shore; a sea crossed
    (L, G, _to_graham("I'll be at the Northgate shopping centre pop-up on Saturday."), []),
    (L, G, _to_graham("Two of the shops sit on the Otterbrook industrial estate."), []),
    (L, G, _to_graham("The pilot site is the Fernhill retail park near Derby."), []),
    (L, G, _to_graham("The Northgate ward has the highest churn in the city, oddly."), []),
    (L, G, _to_graham("I've mapped the solar tenders along the Solent shore."), []),
    (L, G, _to_graham("We're halfway across the Solent and the summary is attached."), []),
    (L, G, _to_graham("The sample came from the Kestrel Bay Marina, oddly enough."), []),
    # …beside the company named by its first words: its people, offices, family, a notice
    # period there, an interview there, a link, a P.S.
    (L, G, _to_graham("I'd love to help Northgate tackle churn."), ["wrong-company"]),
    (L, G, _to_graham("I shared it with the Northgate people last week."), ["wrong-company"]),
    (L, G, _to_graham("I have shared my plan with the Otterbrook team."), ["wrong-company"]),
    (L, G, _to_graham("I can come to the Northgate offices in Leeds."), ["wrong-company"]),
    (L, G, _to_graham("My notes from my Fernhill interview are attached."), ["wrong-company"]),
    (L, G, _to_graham("My portfolio: fernhill-foods-careers.example/ines."), ["wrong-company"]),
    (L, G, _to_graham("- start date: June\n- notice at Otterbrook: none"), ["wrong-company"]),
    (L, G, _to_graham("P.S. Say hi to everyone at Kestrel Bay!"), ["wrong-company"]),
    (
        L,
        G,
        _to_graham("I'm thrilled at the thought of joining the Solent family."),
        ["wrong-company"],
    ),
    # a company's first word among places listed after a preposition of place, or joined to
    # one by a slash before a noun, or as the place a produce comes from; beside companies
    # listed or joined so
    (L, G, _to_graham("The depots in Derby, Fernhill and Buxton share a van."), []),
    (L, G, _to_graham("The shops around Northgate, Ripon and Thirsk churn least."), []),
    (L, G, _to_graham("The Derby/Fernhill shops renew in May."), []),
    (L, G, _to_graham("We shipped a crate of Otterbrook cheese to Leeds."), []),
    (L, G, _to_graham("I've had offers from Northgate and Otterbrook."), ["wrong-company"]),
    (L, G, _to_graham("The Northgate/Otterbrook offers both expire in May."), ["wrong-company"]),
    (
        L,
        G,
        _to_graham("I'm weighing it against Northgate, Otterbrook and Fernhill."),
        ["wrong-company"],
    ),
    # a sentence opened by a preposition before a firm or a place speaks to no one; thanks in
    # other languages before another person's name in the body speak to them
    (N, R, _to_rebecca("Before Halden, I sold council software, as you know."), []),
    (N, R, _to_rebecca("After Harrogate, I can call you any day."), []),
    (N, R, _to_rebecca("Graham, before Friday I'll send the figures."), ["wrong-name"]),
    (N, R, _to_rebecca("Diolch Graham for the introduction to your team."), ["wrong-name"]),
    (N, R, _to_rebecca("Terima kasih Puan Aisha for your time."), ["wrong-name"]),
    (N, R, _to_rebecca("Terima kasih Rebecca for your time."), []),
    (N, R, _to_rebecca("Cheers Graham for the introduction."), ["wrong-name"]),
    (N, R, _to_rebecca("Cheers Leeds for hosting the council fair."), []),
    # a company's first word before "de", "of" and a capitalised word: another name
    (N, R, _to_rebecca("My mentor, Morgan de Souza, reviewed the plan."), []),
    # (engineer C's classes, ported) a preposition that is no word of greeting governs the name
    # after it; Jamaican and Turkish thanks, and a salute after a name set off, speak to it
    (N, R, _to_rebecca("Despite Graham, I sent the renewals on time."), []),
    (N, R, _to_rebecca("Per Graham, I have moved the council call to Friday."), []),
    (N, R, _to_rebecca("Big up Graham for the introduction."), ["wrong-name"]),
    (N, R, _to_rebecca("Much obliged Graham for the introduction."), ["wrong-name"]),
    (N, R, _to_rebecca("Much obliged Rebecca for the introduction."), []),
    (N, R, _to_rebecca(f"{SUMMARY}\n\nGraham — big respect for the demo."), ["wrong-name"]),
]


@pytest.mark.parametrize(
    ("opportunity", "to", "text", "expected"),
    NAMES_AND_COMPANIES,
    ids=[str(i) for i in range(len(NAMES_AND_COMPANIES))],
)
def test_names_and_companies_in_other_englishes_get_exactly_their_rules(
    deps, opportunity, to, text, expected
):
    _, findings = check_letter(deps, text, opportunity, to, "check_in")
    assert sorted({f.rule for f in findings} - {"spelling"}) == expected


# A dossier where another opportunity's company bears the name of a town this opportunity's
# notes discuss, and where someone met bears the name of a football club (engineer A, session 9)
BORDERS = {
    "candidate": {"name": "Ines Carvalho", "email": "ines.carvalho@mail.example"},
    "opportunities": [
        {
            "id": "tweed",
            "company": "Tweed Valley Medical",
            "role": "Territory Manager",
            "policy": "etiquette",
            "interviews": [
                {
                    "id": "tweed-1",
                    "date": "2027-05-10",
                    "round": 1,
                    "contacts": [
                        {
                            "name": "Morag Innes",
                            "title": "Sales Director",
                            "email": "morag.innes@tweed.example",
                            "minutes": 40,
                            "decision_maker": True,
                            "topics": ["the Melrose and Hawick clinic accounts"],
                        },
                        {"name": "Everton Baptiste", "title": "Team Lead", "minutes": 20},
                    ],
                }
            ],
        },
        {
            "id": "melrose",
            "company": "Melrose Insurance Brokers",
            "role": "Inside Sales Lead",
            "policy": "etiquette",
            "interviews": [
                {
                    "id": "melrose-1",
                    "date": "2027-05-12",
                    "round": 1,
                    "contacts": [{"name": "Calum Reid", "title": "Head of Sales", "minutes": 30}],
                }
            ],
        },
    ],
}


@pytest.fixture(scope="module")
def borders() -> Dependencies:
    return dossier_deps(BORDERS)


IN_THE_NOTES = [
    # the town of the notes' topic, said beside a word of it there, is no other company
    ("Morag Innes", "I'd gladly take on the Melrose and Hawick clinic accounts.", []),
    ("Morag Innes", "For Melrose and Hawick, I'd visit each clinic fortnightly.", []),
    # …the company named by its first word is
    ("Morag Innes", "I also had an interview at Melrose this week.", ["wrong-company"]),
    # a person met is no football club; spoken to in a postscript, they are addressed
    ("Everton Baptiste", "Thank you for showing me the floor.", []),
    ("Morag Innes", "Everton kindly showed me the floor after our talk.", []),
    ("Morag Innes", "The plan is attached.\n\nP.S. Everton - big up yourself!", ["wrong-name"]),
    # referees in a numbered list, with their titles, are spoken of
    (
        "Morag Innes",
        "My referees:\n1. Mr. Alan Moffat, my manager at Borders Print\n2. Ms. Jean Hogg, a client",
        [],
    ),
]


@pytest.mark.parametrize(
    ("to", "body", "expected"), IN_THE_NOTES, ids=[str(i) for i in range(len(IN_THE_NOTES))]
)
def test_a_town_of_the_notes_and_a_person_met_are_read_as_what_the_dossier_says(
    borders, to, body, expected
):
    text = f"Hi {to.split()[0]},\n\n{body}\n\nInes"
    _, findings = check_letter(borders, text, "tweed", to, "check_in")
    assert sorted({f.rule for f in findings} - {"spelling"}) == expected


# A named competition, a club's news, a rumour about the reader's firm, and praise of the
# reader's child (engineer LA, session 10): each class in words of its own, with near misses
SPORT_AND_RUMOUR = [
    # a league or a cup known by its own proper name, its final or derby asked about
    (N, R, _to_rebecca(f"{SUMMARY} Were you watching the Ranji Trophy final?"), ["new-topic"]),
    (N, R, _to_rebecca(f"{SUMMARY} Thoughts on the Currie Cup decider?"), ["new-topic"]),
    (N, R, _to_rebecca(f"{SUMMARY} How mad was the Liga MX final!"), ["new-topic"]),
    (N, R, _to_rebecca(f"{SUMMARY} What did you think of the H2 final figures?"), []),
    (N, R, _to_rebecca(f"{SUMMARY} What did you make of the Q3 final?"), []),
    # a club's players and coach; a firm's clients, staff and coaches are work
    (N, R, _to_rebecca(f"{SUMMARY} Did you see they sacked the goalkeeper?"), ["new-topic"]),
    (N, R, _to_rebecca(f"{SUMMARY} Rovers finally signed a new winger!"), ["new-topic"]),
    (N, R, _to_rebecca(f"{SUMMARY} We signed a new coach company for the site visits."), []),
    (N, R, _to_rebecca(f"{SUMMARY} My firm signed a new executive coach for the sales team."), []),
    # a rumour that someone at the reader's firm is going, however it was heard
    (
        N,
        R,
        _to_rebecca(f"{SUMMARY} Rumour has it your sales director is defecting to a rival."),
        ["new-topic"],
    ),
    (
        N,
        R,
        _to_rebecca(f"{SUMMARY} A contact says your COO has been headhunted - true?"),
        ["new-topic"],
    ),
    (
        N,
        R,
        _to_rebecca(f"{SUMMARY} I'm told your head of finance is jumping ship in June."),
        ["new-topic"],
    ),
    (
        N,
        R,
        _to_rebecca(f"{SUMMARY} I hear your CEO is leaving on Friday for the Leeds summit."),
        [],
    ),
    (
        N,
        R,
        _to_rebecca(f"{SUMMARY} I hear a rival is moving to a new pricing model."),
        [],
    ),
    # praise of the reader's child for what the child did: flattery alone
    (
        L,
        G,
        _to_graham(
            "Your daughter's county hockey cap: she gets her talent from her brilliant dad."
        ),
        ["flattery"],
    ),
    (
        L,
        G,
        _to_graham("I hear your daughter got a county hockey cap - congratulations!"),
        ["new-topic"],
    ),
]


@pytest.mark.parametrize(
    ("opportunity", "to", "text", "expected"),
    SPORT_AND_RUMOUR,
    ids=[str(i) for i in range(len(SPORT_AND_RUMOUR))],
)
def test_sport_by_its_proper_names_rumours_and_praise_of_a_child_get_exactly_their_rules(
    deps, opportunity, to, text, expected
):
    _, findings = check_letter(deps, text, opportunity, to, "check_in")
    assert sorted({f.rule for f in findings} - {"spelling"}) == expected
