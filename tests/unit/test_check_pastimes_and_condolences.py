"""new-topic for the classes of private life session 20 found missing: pastimes by words the
lexicon lacked (paddling, birdwatching, crosswords and puzzles, sewing, a "good book"), a team
followed through a tournament's rounds ("following ... in the qualifiers") or called a "national
team" (no team of work), concern about a
colleague's home life and talk "between us", condolences ("sorry to hear about your father's
..."), and a private sentence whose only tie to the interview is a proper name the notes or the
company share ("a nanny who moved to Uppsala", to Uppsala Diagnostics), and another person's
pastime noted as their topic whatever its first word ("the Saturday sea swimming group"), brought
into a letter to someone else. Each beside clean near
misses: a wish for a feast ("wishing you a peaceful Eid"), the same place in a sentence about the
work or about travel for the job, the words of a pastime as the company's trade. Written in the
voices set's dossier (tests/data/letters_voices), beside that set's v20t letters; each letter is
checked for exactly the expected rule ids (spelling aside)."""

from __future__ import annotations

import pytest

from followup.services.dependencies import Dependencies

from .voices import rules_in, voices_deps

SIGNED = "\n\nBest,\nInes"


@pytest.fixture(scope="module")
def deps() -> Dependencies:
    return voices_deps()


# (opportunity, recipient, the letter's body, expected rule ids): check-ins, which need no
# thanks, recap or contact details
LETTERS = [
    # pastimes by words the lexicon lacked
    (
        "brekke",
        "Ingrid Solberg",
        "We took two kayaks out on the fjord last Sunday; the water was like glass.",
        ["new-topic"],
    ),
    (
        "szalai",
        "Margaret Oduya",
        "Do you still go birdwatching on the Neusiedler See at weekends?",
        ["new-topic"],
    ),
    (
        "morgan",
        "Will Hart",
        "Are you a sudoku person? I've moved on to jigsaws this winter, a thousand pieces each.",
        ["new-topic"],
    ),
    (
        "quillon",
        "Chiamaka Eze",
        "Any tips for a good book for the beach? I've finished everything on my list.",
        ["new-topic"],
    ),
    # a team followed through a tournament's rounds
    (
        "kumasi",
        "Kwame Asante",
        "Are you following the Black Stars in the play-offs? My whole street was out for it.",
        ["new-topic"],
    ),
    # a colleague's home life, talk "between us"
    (
        "northgate",
        "Joy Petersen",
        "Between us, Sam looked exhausted. Is everything all right with him at home?",
        ["new-topic"],
    ),
    # condolences
    (
        "kilnworth",
        "Marguerite Oyelaran",
        "I was so sorry to hear about your father's illness; my thoughts are with you.",
        ["new-topic"],
    ),
    # a private sentence whose one tie is a proper name the company or the notes share
    (
        "uppsala",
        "Johan Lindqvist",
        "Our eldest has just started at a nursery in Uppsala and loves it.",
        ["new-topic"],
    ),
    (
        "dagli",
        "Gülşen Yıldız",
        "My sister is getting married in Bursa in June, and the whole family is coming.",
        ["new-topic"],
    ),
    # another person's pastime noted as their topic, whatever its first word ("the Saturday
    # sea swimming group at Salthill", Declan's), brought into a letter to someone else
    (
        "corrib",
        "Aoife Brennan",
        "Declan says the Salthill swimmers go in every Saturday, even in January. Are you one of "
        "them?",
        ["new-topic"],
    ),
    # ... but to Declan himself it is his topic; and another's topic of work with a word of
    # leisure in it ("the cheese festival sponsorship") may be brought up with anyone
    (
        "corrib",
        "Declan Moran",
        "I'd like to try the Saturday sea swim at Salthill once I've settled in.",
        [],
    ),
    (
        "corrib",
        "Aoife Brennan",
        "Siobhán's cheese festival sponsorship is a smart way to meet buyers; I've run a festival "
        "stand before.",
        [],
    ),
    # a team of sport is no team of work ("the national team's match", "the under-19 team")
    (
        "kisumu",
        "Otieno Odhiambo",
        "Were you watching the national team's match on Saturday? That last goal!",
        ["new-topic"],
    ),
    (
        "larkspur",
        "Priscilla Wong",
        "Our team's win of the Ofgem pilot came from clean CRM data; the checklist is attached.",
        [],
    ),
    # the writer's own health or a new pastime learnt, and a link to their music
    (
        "solent",
        "Harriet Osei",
        "Sorry for the silence: I've had a slipped disc and was laid up for most of the month.",
        ["new-topic"],
    ),
    (
        "tromso",
        "Sigrid Haugen",
        "I'm teaching myself to bake rye bread in the evenings; the kitchen is a mess.",
        ["new-topic"],
    ),
    (
        "otterbrook",
        "Martin Kowalski",
        "The songs from my choir's spring concert are here: https://spotify.example/playlist/ines",
        ["new-topic"],
    ),
    # clean: an election named for what it does to the trade
    (
        "salalah",
        "Khalid Al-Harthy",
        "The elections may delay the ministries' tenders, so I'd submit the reefer offer early.",
        [],
    ),
    # clean: a wish for a feast, the reader's family named in the greeting
    (
        "salalah",
        "Khalid Al-Harthy",
        "Wishing you and your family a peaceful Eid. The reefer capacity note follows on Sunday.",
        [],
    ),
    (
        "makati",
        "Maricel Santos",
        "I hope you have a restful Christmas. The QR payments summary is ready for January.",
        [],
    ),
    # clean: the same place in a sentence about the work, or a trip there for the job
    (
        "uppsala",
        "Johan Lindqvist",
        "I can be in Uppsala on Monday to walk the hospital laboratories with your team.",
        [],
    ),
    (
        "dagli",
        "Gülşen Yıldız",
        "My children are at school all week, so travelling to Bursa every month is easy.",
        [],
    ),
    # clean: the words of a pastime in the work
    (
        "brekke",
        "Ingrid Solberg",
        "I visited three fish farms on the fjord to see how their pumps are serviced.",
        [],
    ),
    (
        "mahoe",
        "Aroha Ngata",
        "I sketched a shopfront layout for the franchise chains; the drawing is attached.",
        [],
    ),
    (
        "kinabalu",
        "Aminah Yusof",
        "Sorry to hear about the delays at the port; I have a workaround for the palm oil "
        "shipments.",
        [],
    ),
]


@pytest.mark.parametrize(
    ("opportunity", "to", "body", "expected"),
    LETTERS,
    ids=[str(i) for i in range(len(LETTERS))],
)
def test_each_letter_gets_exactly_its_rules(deps, opportunity, to, body, expected):
    first = to.split()[0]
    text = f"Hi {first},\n\n{body}{SIGNED}"
    assert rules_in(deps, opportunity, to, text, "check_in") == expected
