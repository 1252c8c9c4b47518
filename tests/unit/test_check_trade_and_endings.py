"""Session 12, by class, in the voices set's dossier (tests/data/letters_voices, beside its
v3900-v3958): new-topic for a word of leisure that is the trade of the company written to or
part of a company's name (work, not a pastime) and for hearsay of a colleague's row with a
superior; flattery of the reader's child by likeness to a parent or as a gain to others;
asks-decision by a verb of ending whose object or subject is the hire itself; missing-recap where
the only shared word is the writer's own availability; then, in whole letters, the later rounds
(confidences, politics as small talk, things for sale, a vote on the candidates, the writer's
skills as no recap). Each beside clean near misses that share its words. Every letter is a
check-in (no thanks, contact or recap needed) unless its kind is given, and is checked for
exactly the expected rule ids (spelling aside)."""

from __future__ import annotations

import pytest

from followup.services.dependencies import Dependencies
from followup.services.letters import check_letter

from .voices import voices_deps

SIGNED = "\n\nInes Carvalho\n+44 7700 900761"


@pytest.fixture(scope="module")
def deps() -> Dependencies:
    return voices_deps()


# (opportunity, recipient, kind, the letter's body, expected rule ids)
LETTERS = [
    # a word of leisure as the trade of the company written to, or inside a company's name
    (
        "kilnworth",
        "Marguerite Oyelaran",
        "check_in",
        "Buyers at the spring show kept asking about pottery for balconies and small gardens.",
        [],
    ),
    (
        "fellgate",
        "Ruairi Dempsey",
        "check_in",
        "Two new cycling dealers opened in Aviemore this month; both stock only e-bikes.",
        [],
    ),
    (
        "otterbrook",
        "Martin Kowalski",
        "check_in",
        "I spent the spring on a short contract with Fellgate Cycling, pricing their dealer "
        "finance.",
        ["wrong-company"],
    ),
    (
        "kumasi",
        "Kwame Asante",
        "check_in",
        "Pottery is my escape these days: I throw bowls at a studio every Sunday morning.",
        ["new-topic"],
    ),
    # hearsay of a colleague's row with a superior, whatever the colleague's title
    (
        "tromso",
        "Sigrid Haugen",
        "check_in",
        "Apparently your key account manager for Japan fell out with the managing director and "
        "is off to a rival. Is that so?",
        ["new-topic"],
    ),
    (
        "tromso",
        "Sigrid Haugen",
        "check_in",
        "A buyer in Osaka told me your new export tool had some teething problems with the "
        "customs portal; I have notes on the workaround if useful.",
        [],
    ),
    # the reader's child praised by likeness or as a gain to others
    (
        "fernhill",
        "Oksana Petrenko",
        "check_in",
        "The county would be fortunate to welcome a bowler as gifted as your son.",
        ["flattery"],
    ),
    (
        "fernhill",
        "Oksana Petrenko",
        "check_in",
        "The new route plan is as simple and reliable as the old one was slow.",
        [],
    ),
    # a verb of ending whose object or subject is the hire
    (
        "miraflores",
        "Diego Salazar",
        "check_in",
        "Do you know when the selection process will wrap up?",
        ["asks-decision"],
    ),
    (
        "miraflores",
        "Diego Salazar",
        "check_in",
        "When does the partner onboarding process end for this quarter?",
        [],
    ),
    (
        "miraflores",
        "Diego Salazar",
        "check_in",
        "When do you expect to close the Lima bank deal?",
        [],
    ),
    # the writer's availability is no recap of a topic that holds the word
    (
        "kilnworth",
        "Marguerite Oyelaran",
        "secondary",
        "I'll make myself available on any day that works for the panel next week.",
        ["missing-recap"],
    ),
    (
        "kilnworth",
        "Marguerite Oyelaran",
        "secondary",
        "Since we spoke I have mapped which planters garden centres run out of first, so stock "
        "availability before Easter can be planned. I am free for a second meeting any day.",
        [],
    ),
]


@pytest.mark.parametrize(("opportunity", "to", "kind", "body", "expected"), LETTERS)
def test_each_letter_gets_exactly_its_rules(deps, opportunity, to, kind, body, expected):
    first = to.split()[0]
    text = f"Dear {first},\n\n{body}{SIGNED}"
    _, findings = check_letter(deps, text, opportunity, to, kind)
    assert sorted({f.rule for f in findings if f.rule != "spelling"}) == expected


# A word of the role or the company names the whole job: it stands for no topic's word by a
# word of the same meaning ("agricultural" of an agricultural role is no recap of "farm loans").
FARMS = {
    "candidate": {
        "name": "Ines Carvalho",
        "email": "ines.carvalho@mail.example",
        "phone": "+44 7700 900761",
        "timezone": "Europe/London",
        "country": "GB",
    },
    "opportunities": [
        {
            "id": "greenacre",
            "company": "Greenacre Agricultural Supplies",
            "role": "Agricultural Sales Manager",
            "policy": "persistent",
            "interviews": [
                {
                    "id": "greenacre-1",
                    "date": "2027-06-09",
                    "round": 1,
                    "contacts": [
                        {
                            "name": "Tobias Wren",
                            "title": "Sales Director",
                            "minutes": 40,
                            "decision_maker": True,
                            "topics": ["tractor sales to farms"],
                        }
                    ],
                }
            ],
        }
    ],
}


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        (
            "I remain very keen on the agricultural sales role and have since finished a "
            "short course in agronomy.",
            ["missing-recap"],
        ),
        (
            "I remain very keen on the role; since we spoke about tractor sales to farms, "
            "I have met three Devon dealers at the county show.",
            [],
        ),
    ],
)
def test_a_word_of_the_role_recaps_no_topic_by_its_synonyms(body, expected):
    from .voices import dossier_deps

    deps = dossier_deps(FARMS)
    text = f"Dear Tobias,\n\n{body}{SIGNED}"
    _, findings = check_letter(deps, text, "greenacre", "Tobias Wren", "secondary")
    assert sorted({f.rule for f in findings if f.rule != "spelling"}) == expected


# Session 12's third round (written after the spent sets letters35h/43h/45h-dev showed the
# classes), whole letters: the reader praised as the parent whatever follows; confidences passed
# on; politics and the cost of living as small talk, beside politics as a buyer's process; a
# company named by its legal form; the reader's own things for sale, beside a capacity sold.
WHOLE = [
    (
        "fernhill",
        "Oksana Petrenko",
        "Dear Oksana,\n\nI am sure your son will shine at Trent Bridge - with such a "
        "clever and determined mother, how could he not?\n\nBest wishes,\nInes",
        ["flattery"],
    ),
    (
        "fernhill",
        "Oksana Petrenko",
        "Oksana - fingers crossed for the trials! With a mum so talented, it can "
        "only go well. Ines",
        ["flattery"],
    ),
    (
        "fernhill",
        "Oksana Petrenko",
        "Dear Oksana,\n\nWith such a patient and careful planner as your dispatcher, "
        "the Thursday orders will never go astray.\n\nBest wishes,\nInes",
        [],
    ),
    (
        "kinabalu",
        "Aminah Yusof",
        "Dear Aminah,\n\nA friend at the port authority says one of your competitors "
        "is about to lose its bonded warehouse licence. You didn't hear it from "
        "me!\n\nBest,\nInes",
        ["new-topic"],
    ),
    (
        "tromso",
        "Sigrid Haugen",
        "Sigrid, I probably shouldn't tell you this, but the Bergen plant is being "
        "sold to a Danish group next month. Ines",
        ["new-topic"],
    ),
    (
        "kumasi",
        "Kwame Asante",
        "Dear Kwame,\n\nStrictly between us, a trader in Tema told me a big exporter "
        "there is close to bankruptcy. Please do not repeat it.\n\nBest,\nInes",
        ["new-topic"],
    ),
    (
        "kinabalu",
        "Aminah Yusof",
        "Dear Aminah,\n\nThe port authority announced that two competitors lost "
        "their bonded warehouse licences last week; their palm oil shippers may be "
        "looking for a new partner.\n\nBest,\nInes",
        [],
    ),
    (
        "uppsala",
        "Johan Lindqvist",
        "Dear Johan,\n\nPlease keep this between us for now: I have told my current "
        "employer I am leaving only this week.\n\nKind regards,\nInes",
        [],
    ),
    (
        "kisumu",
        "Otieno Odhiambo",
        "Dear Otieno,\n\nI saw that bread and fuel went up again. Life is getting so "
        "expensive for everybody - let's hope the government acts soon.\n\nRegards,\n"
        "Ines",
        ["new-topic"],
    ),
    (
        "makati",
        "Maricel Santos",
        "Hi Maricel,\n\nP.S. Those new taxes are crazy, no? Everyone in London is "
        "complaining. Hopefully the politicians wake up.\n\nInes",
        ["new-topic"],
    ),
    (
        "kisumu",
        "Otieno Odhiambo",
        "Dear Otieno,\n\nI hope the ministry publishes the irrigation subsidy rules "
        "soon; three cooperatives told me they are waiting for them before ordering "
        "kits.\n\nRegards,\nInes",
        [],
    ),
    (
        "northgate",
        "Rebecca Holt",
        "Rebecca - two councils I spoke to said internal politics, not budget, is "
        "what slows their renewals. Worth knowing for the public sector pitch. Ines",
        [],
    ),
    (
        "sharjah",
        "Rania Haddad",
        "Dear Rania,\n\nLast year I ran a similar promotion with Gulf Dairy LLC, and "
        "it lifted their shelf share by a fifth over the Ramadan season.\n\nBest,\n"
        "Ines",
        [],
    ),
    (
        "kumasi",
        "Kwame Asante",
        "Dear Kwame,\n\nAt Coastal Cocoa Ltd we saw orders double in the Christmas "
        "season, mostly from Belgian chocolate makers.\n\nBest,\nInes",
        [],
    ),
    (
        "kumasi",
        "Kwame Asante",
        "Dear Kwame,\n\nWe spent the Christmas season at my parents' house in Porto "
        "- too much food, as always!\n\nBest,\nInes",
        ["new-topic"],
    ),
    (
        "morgan",
        "Aisha Rahman",
        "Aisha - is your flat in Clapham still for sale? A friend of mine is house-hunting. Ines",
        ["new-topic"],
    ),
    (
        "otterbrook",
        "Martin Kowalski",
        "Dear Martin,\n\nAre you still trying to sell your sailing boat? I know "
        "someone in Falmouth who wants one.\n\nKind regards,\nInes",
        ["new-topic"],
    ),
    (
        "larkspur",
        "Graham Fenwick",
        "Dear Graham,\n\nAre you still selling the rooftop solar package to small "
        "business customers on the old tariff? Two of my contacts asked.\n\nBest,\n"
        "Ines",
        [],
    ),
    (
        "kestrel",
        "Tomasz Wierzbicki",
        "Dear Tomasz,\n\nAre you still selling the spare trailer capacity on the "
        "Harwich night trunk? A haulier I know needs four slots a week.\n\nBest "
        "regards,\nInes",
        [],
    ),
    # near misses of the round's own patterns, and true topics beside them
    (
        "larkspur",
        "Graham Fenwick",
        "Dear Graham,\n\nMy two boys now go to three different swimming clubs, so my "
        "weekends are spent in the car!\n\nBest,\nInes",
        ["new-topic"],
    ),
    (
        "northgate",
        "Rebecca Holt",
        "Rebecca - we visited four yoga studios on holiday in Bali, each one "
        "lovelier than the last. Ines",
        ["new-topic"],
    ),
    (
        "otterbrook",
        "Martin Kowalski",
        "Dear Martin,\n\nI heard from a client that the branch team had some issues "
        "with the management of the closure timetable; I've drafted a short customer "
        "letter that might help.\n\nKind regards,\nInes",
        [],
    ),
    (
        "otterbrook",
        "Martin Kowalski",
        "Dear Martin,\n\nI heard the farmers' union had problems with the board "
        "approving the new lending criteria, so I expect the loan volumes to pick up "
        "in autumn.\n\nKind regards,\nInes",
        [],
    ),
    (
        "uppsala",
        "Johan Lindqvist",
        "Dear Johan,\n\nYour sales director has worked in hospital procurement for "
        "years, so she will know the Skåne buyers.\n\nKind regards,\nInes",
        [],
    ),
    (
        "sharjah",
        "Rania Haddad",
        "Hi Rania,\n\nAre you still selling the house brand in the Dubai stores? A "
        "buyer asked me about the recycled-board packs.\n\nInes",
        [],
    ),
    (
        "fernhill",
        "Oksana Petrenko",
        "Dear Oksana,\n\nThe shops we visited were lucky to have her as their rep "
        "for so long; the new route keeps her best customers first.\n\nBest,\nInes",
        [],
    ),
    (
        "miraflores",
        "Diego Salazar",
        "Dear Diego,\n\nDo you know when the Lima office search ends? I know a good "
        "agent in Miraflores if you need one.\n\nBest,\nInes",
        [],
    ),
    (
        "miraflores",
        "Diego Salazar",
        "Dear Diego,\n\nPlease let me know if you need anything from me before you "
        "close the search.\n\nBest,\nInes",
        [],
    ),
    (
        "kisumu",
        "Otieno Odhiambo",
        "Dear Otieno,\n\nPrices of irrigation pipe are crazy this year, which is why "
        "the kits with credit sell better than cash sales.\n\nRegards,\nInes",
        [],
    ),
    (
        "makati",
        "Maricel Santos",
        "Dear Maricel,\n\nThings are getting hard for small merchants these days, "
        "which is why the QR fees matter so much to them.\n\nBest regards,\nInes",
        [],
    ),
    (
        "kumasi",
        "Kwame Asante",
        "Dear Kwame,\n\nI hope the government releases the cocoa price for the new "
        "season soon; the buyers in Hamburg are waiting to place orders.\n\nBest,\n"
        "Ines",
        [],
    ),
    (
        "tromso",
        "Sigrid Haugen",
        "Sigrid, don't tell anyone, but I heard your export director is pregnant with twins! Ines",
        ["new-topic"],
    ),
    (
        "arequipa",
        "Lucía Quispe",
        "Dear Lucía,\n\nOur site manager in Cerro Verde was in hospital supplies "
        "before mining, so she already knows how critical spare parts stock is.\n\n"
        "Saludos,\nInes",
        [],
    ),
    (
        "kestrel",
        "Tomasz Wierzbicki",
        "Dear Tomasz,\n\nI probably shouldn't say this so early, but I think the "
        "Felixstowe rail slots will sell out by March.\n\nBest regards,\nInes",
        [],
    ),
]


@pytest.mark.parametrize(("opportunity", "to", "text", "expected"), WHOLE)
def test_each_whole_letter_gets_exactly_its_rules(deps, opportunity, to, text, expected):
    _, findings = check_letter(deps, text, opportunity, to, "check_in")
    assert sorted({f.rule for f in findings if f.rule != "spelling"}) == expected


# A fourth round, probing common classes in other voices: new topics of festivals, food, weddings,
# surgery and finals; praise of the office or the boss; the decision asked by a vote or a light at
# the end of the tunnel; no recap but the writer's skills ('good with buyers'); with near misses.
LETTERS_OF_KINDS = [
    (
        "kisumu",
        "Otieno Odhiambo",
        "check_in",
        "Dear Otieno,\n\nNext month is our village harvest festival; if you are "
        "around, you should come and try my grandmother's cooking.\n\nRegards,\nInes",
        ["new-topic"],
    ),
    (
        "tromso",
        "Sigrid Haugen",
        "check_in",
        "Dear Sigrid,\n\nI finally tried the cloudberry cake you recommended at the "
        "café by the harbour. Heavenly!\n\nBest,\nInes",
        ["new-topic"],
    ),
    (
        "makati",
        "Maricel Santos",
        "check_in",
        "Hi Maricel, my sister is getting married in Cebu in December and I'm the "
        "maid of honour - so excited! Ines",
        ["new-topic"],
    ),
    (
        "uppsala",
        "Johan Lindqvist",
        "check_in",
        "Dear Johan,\n\nI hope your back is better after the surgery. My father had "
        "the same operation and recovered well.\n\nKind regards,\nInes",
        ["new-topic"],
    ),
    (
        "kumasi",
        "Kwame Asante",
        "check_in",
        "Dear Kwame,\n\nWhat a final on Sunday! I still can't believe the Black "
        "Stars let it slip in the last minute.\n\nBest,\nInes",
        ["new-topic"],
    ),
    (
        "salalah",
        "Khalid Al-Harthy",
        "check_in",
        "Dear Khalid,\n\nRamadan Kareem to you and your family. We break the fast at "
        "my aunt's house every Friday; you would be most welcome to join us.\n\nBest "
        "regards,\nInes",
        ["new-topic"],
    ),
    (
        "arequipa",
        "Lucía Quispe",
        "check_in",
        "Dear Lucía,\n\nYour office has the most breathtaking view of the Misti I "
        "have ever seen.\n\nSaludos,\nInes",
        ["flattery"],
    ),
    (
        "naivasha",
        "Wanjiru Kamau",
        "check_in",
        "Dear Wanjiru,\n\nI have never met a director with such grace and such a "
        "sharp mind.\n\nKind regards,\nInes",
        ["flattery"],
    ),
    (
        "sharjah",
        "Rania Haddad",
        "check_in",
        "Rania - honestly, the best boss anyone could wish for. Your team doesn't "
        "know how lucky they are! Ines",
        ["flattery"],
    ),
    (
        "miraflores",
        "Diego Salazar",
        "check_in",
        "Dear Diego,\n\nHas the committee already voted on the AE candidates?\n\nBest,\nInes",
        ["asks-decision"],
    ),
    (
        "kinabalu",
        "Aminah Yusof",
        "check_in",
        "Dear Aminah,\n\nIs there any light at the end of the tunnel regarding the "
        "freight sales position?\n\nBest,\nInes",
        ["asks-decision"],
    ),
    (
        "kinabalu",
        "Aminah Yusof",
        "check_in",
        "Dear Aminah,\n\nShould I keep my hopes up for the role, or has the train "
        "left the station?\n\nBest,\nInes",
        ["asks-decision"],
    ),
    (
        "uppsala",
        "Johan Lindqvist",
        "check_in",
        "Dear Johan,\n\nI am curious whether you have settled on someone for the "
        "territory.\n\nKind regards,\nInes",
        ["asks-decision"],
    ),
    (
        "naivasha",
        "Wanjiru Kamau",
        "thank_you",
        "Dear Wanjiru,\n\nThank you for the interview yesterday. The flowers in your "
        "reception were beautiful, and I came away even more excited about exporting "
        "with you.\n\nInes Carvalho\n+44 7700 900761",
        ["missing-recap"],
    ),
    (
        "kumasi",
        "Kwame Asante",
        "thank_you",
        "Dear Kwame,\n\nThank you for the interview. I am a fast learner, good with "
        "buyers, and I would bring energy to the team.\n\nInes Carvalho\n+44 7700 "
        "900761",
        ["missing-recap"],
    ),
    (
        "kinabalu",
        "Aminah Yusof",
        "secondary",
        "Dear Aminah,\n\nI write to confirm my interest in the role and my "
        "availability for a second interview at the port office.\n\nInes Carvalho\n"
        "+44 7700 900761",
        ["missing-recap"],
    ),
    (
        "kinabalu",
        "Aminah Yusof",
        "secondary",
        "Dear Aminah,\n\nSince our talk about the queues at Sepanggar port, I have "
        "mapped which palm oil shippers lose most days to them.\n\nInes Carvalho\n"
        "+44 7700 900761",
        [],
    ),
    (
        "miraflores",
        "Diego Salazar",
        "check_in",
        "Dear Diego,\n\nHas the board voted on the new partner budget? Two banks "
        "asked me whether the channel will grow.\n\nBest,\nInes",
        [],
    ),
    (
        "kinabalu",
        "Aminah Yusof",
        "check_in",
        "Dear Aminah,\n\nIs there any light at the end of the tunnel for the "
        "congestion at Sepanggar? My shippers keep asking.\n\nBest,\nInes",
        [],
    ),
    (
        "kumasi",
        "Kwame Asante",
        "thank_you",
        "Dear Kwame,\n\nThank you for the interview. I am confident the buyers in "
        "Europe will pay more for beans graded the way you described.\n\nInes "
        "Carvalho\n+44 7700 900761",
        [],
    ),
    (
        "kumasi",
        "Kwame Asante",
        "secondary",
        "Dear Kwame,\n\nI remain keen on the role: I am good at bean sorting and "
        "patient with the slowest customers.\n\nInes Carvalho\n+44 7700 900761",
        ["missing-recap"],
    ),
]


@pytest.mark.parametrize(("opportunity", "to", "kind", "text", "expected"), LETTERS_OF_KINDS)
def test_each_letter_of_its_kind_gets_exactly_its_rules(
    deps, opportunity, to, kind, text, expected
):
    _, findings = check_letter(deps, text, opportunity, to, kind)
    assert sorted({f.rule for f in findings if f.rule != "spelling"}) == expected
