"""Classes of language session 28's fresh sets and probes showed the check missing, each beside
the clean near miss that shares its words (000, 001, 003, 004).

wrong-name: the recipient's family name with a letter added or changed ("Dear Ms Thwaites," to
Imogen Thwaite, also beside their right given name); a title of the other sex than the pronouns of
the notes on the recipient, where the given name tells none ("Dear Ms Roy," to Dominique, whose
notes say "his"). Their own: a first syllable with its consonant doubled ("Immy" for Imogen), the
Irish vocative with its lenition ("A Phádraig, a chara") and Irish pet forms ("Paudie").
wrong-company: another opportunity's company in lowercase after a process with it ("another
process going with tidewater") or before its process ("the larkspur process"), which the learned
reader no longer withdraws.
flattery: a comparison that few leaders match the reader ("Few leaders I have met combine your
clarity with such warmth", "unlike most I have met"); a praise noun of weight ("a true industry
heavyweight"); slang praise ("ur the blueprint fr", "the goat of closing"); a superlative about
the reader's warehouse or depot as about their office.
needy: assuming one did something wrong; being owed ("I think I'm owed that much").
asks-decision: closer to a yes; a sense of whether one moves forward; Irish idioms ("Am I over the
line, or has someone else pipped me to it?", "how I'm fixed").
new-topic: a personal invitation ("a charity quiz … if you fancy it"), the reader's health asked
after, politics, selling for a school trip, a trip seen on Instagram; the personal invitation, the
reader's private life asked after and politics are no longer withdrawn by the learned reader.
missing-thanks: thanks in Irish with "míle" ("Go raibh míle maith agat")."""

from __future__ import annotations

import pytest

from followup.services.dependencies import Dependencies

from .voices import dossier_deps, rules_in, signed

DOSSIER = {
    "candidate": {
        "name": "Cathal Brennan",
        "email": "cathal.brennan@mail.example",
        "phone": "+353 87 555 0199",
        "timezone": "Europe/Dublin",
        "country": "IE",
    },
    "opportunities": [
        {
            "id": "s28t-fernmoor",
            "company": "Fernmoor Freight",
            "role": "Account Executive",
            "policy": "persistent",
            "timeline": {"preliminary_deadline": "2027-10-15"},
            "interviews": [
                {
                    "id": "s28t-fernmoor-1",
                    "date": "2027-10-05",
                    "round": 1,
                    "contacts": [
                        {
                            "name": "Imogen Thwaite",
                            "title": "VP Sales",
                            "email": "imogen.thwaite@fernmoor.example",
                            "minutes": 50,
                            "decision_maker": True,
                            "topics": [
                                "selling route planning to hauliers",
                                "the Midlands pipeline",
                            ],
                        },
                        {
                            "name": "Pádraig Ó Súilleabháin",
                            "title": "Sales Director",
                            "email": "padraig@fernmoor.example",
                            "minutes": 30,
                            "topics": ["the Cork depot", "cold-chain audits"],
                        },
                        {
                            "name": "Siân Morgan",
                            "title": "Onboarding Lead",
                            "email": "sian.morgan@fernmoor.example",
                            "minutes": 20,
                            "topics": ["reseller onboarding", "her choir's tour of Ireland"],
                        },
                        {
                            "name": "Malakai Taufa",
                            "title": "Account Director",
                            "email": "malakai.taufa@fernmoor.example",
                            "minutes": 20,
                            "topics": ["managed Wi-Fi for depots"],
                        },
                        {
                            "name": "Dafydd Hughes",
                            "title": "Product Lead",
                            "email": "dafydd.hughes@fernmoor.example",
                            "minutes": 20,
                            "topics": ["the offline mode of the app"],
                        },
                        {
                            "name": "Dominique Roy",
                            "title": "Head of Partnerships",
                            "email": "dominique.roy@fernmoor.example",
                            "minutes": 30,
                            "topics": ["his move from the Montréal office", "reseller margins"],
                        },
                    ],
                }
            ],
        },
        {
            "id": "s28t-tidewater",
            "company": "Tidewater Lift Systems",
            "role": "Territory Manager",
            "policy": "persistent",
            "interviews": [
                {
                    "id": "s28t-tidewater-1",
                    "date": "2027-10-01",
                    "round": 1,
                    "contacts": [
                        {
                            "name": "Ruth Kavanagh",
                            "title": "Head of Sales",
                            "email": "ruth@tidewater.example",
                            "minutes": 40,
                            "decision_maker": True,
                            "topics": ["forklift fleet renewals"],
                        }
                    ],
                }
            ],
        },
        {
            "id": "s28t-larkspur",
            "company": "Larkspur Ledger",
            "role": "Account Executive",
            "policy": "persistent",
            "interviews": [
                {
                    "id": "s28t-larkspur-1",
                    "date": "2027-09-28",
                    "round": 1,
                    "contacts": [
                        {
                            "name": "Rhea Castillo",
                            "title": "Onboarding Lead",
                            "email": "rhea@larkspur.example",
                            "minutes": 30,
                            "decision_maker": True,
                            "topics": ["onboarding around month-end close"],
                        }
                    ],
                }
            ],
        },
    ],
}
OPPORTUNITY = "s28t-fernmoor"
SIGNATURE = "Best regards,\nCathal Brennan\n087 555 0199"


@pytest.fixture(scope="module")
def deps() -> Dependencies:
    return dossier_deps(DOSSIER)


def _letter(salutation: str, body: str) -> str:
    return signed(salutation, body, SIGNATURE)


@pytest.mark.parametrize(
    ("to", "salutation", "expected"),
    [
        ("Imogen Thwaite", "Dear Ms Thwaites,", ["wrong-name"]),
        ("Imogen Thwaite", "Dear Imogen Thwaites,", ["wrong-name"]),
        ("Imogen Thwaite", "Dear Ms Thwaite,", []),
        ("Imogen Thwaite", "Hi Immy,", []),
        ("Dominique Roy", "Dear Ms Roy,", ["wrong-name"]),
        ("Dominique Roy", "Dear Mr Roy,", []),
        ("Pádraig Ó Súilleabháin", "A Phádraig, a chara,", []),
        ("Pádraig Ó Súilleabháin", "Hi Paudie,", []),
        ("Pádraig Ó Súilleabháin", "Hi Padraig,", []),
        ("Malakai Taufa", "Dear Malikai,", ["wrong-name"]),
        ("Malakai Taufa", "Dear Malakai,", []),
        ("Dafydd Hughes", "Hi Dai,", []),
        ("Siân Morgan", "Hi Sian,", []),
    ],
)
def test_the_recipients_names_read_as_they_are(deps, to, salutation, expected):
    text = _letter(salutation, "Thank you for the call on Tuesday about the depot.")
    assert rules_in(deps, OPPORTUNITY, to, text, "check_in") == expected


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        # wrong-company: another opportunity's company in lowercase in a frame of the search
        (
            "I must be honest: I have another process going with tidewater, but my heart is "
            "with your team.",
            ["wrong-company"],
        ),
        ("I must be honest: I have another process going with the council as well.", []),
        # flattery
        ("Few leaders I have met combine your clarity with such warmth.", ["flattery"]),
        ("Few hauliers I have met combine rail and road as well as the Cork depot does.", []),
        ("What a treat to meet a VP who knows the product, unlike most I have met.", ["flattery"]),
        ("It is not every day one learns from a true industry heavyweight.", ["flattery"]),
        ("We moved the Cork depot to a heavyweight CRM last year.", []),
        ("ngl ur the blueprint fr, literally the goat of closing.", ["flattery"]),
        ("You're a legend for sending the tender pack through so quickly.", []),
        ("Your warehouse is honestly the most impressive I've ever walked through.", ["flattery"]),
        ("Your warehouse is the busiest in the region, and the audit showed why.", []),
        # needy
        ("If I don't hear back I'll assume I did something wrong.", ["needy"]),
        ("After all the candidates I sent your way, I think I'm owed that much.", ["needy"]),
        ("The invoice for the pilot is still owed by the client.", []),
        # asks-decision
        ("Are we any closer to a yes?", ["asks-decision"]),
        ("Are we any closer to a decision on the Cork depot audit?", []),
        ("Do you have a sense yet of whether I'll be moving forward?", ["asks-decision"]),
        ("Am I over the line, or has someone else pipped me to it?", ["asks-decision"]),
        ("Either way, I'd be delighted to know how I'm fixed.", ["asks-decision"]),
        ("Is the Cork depot over the line on the audit yet?", []),
        (
            "I was wondering whether you had managed to land on anyone for the role yet.",
            ["asks-decision"],
        ),
        ("I was wondering whether the pilot had managed to land on budget.", []),
        # new-topic
        ("My church is running a charity quiz next month if you fancy it.", ["new-topic"]),
        ("We're running a customer webinar on cold-chain audits next month if you fancy it.", []),
        ("Thank you for meeting me for the second round on Thursday.", []),
        ("I hope your back is feeling better after the physio.", ["new-topic"]),
        ("What a mess the election was.", ["new-topic"]),
        ("Honestly, that lot can't get voted out fast enough.", ["new-topic"]),
        (
            "My old school is selling boxes of chocolate almonds to fund the sixth-year trip to "
            "Galway, if you'd like one.",
            ["new-topic"],
        ),
        (
            "I saw on Instagram that you just got back from Lisbon, it looked amazing.",
            ["new-topic"],
        ),
        ("I saw on LinkedIn that the Cork depot passed its cold-chain audit.", []),
    ],
)
def test_classes_and_their_near_misses(deps, body, expected):
    text = _letter("Dear Imogen,", body)
    assert rules_in(deps, OPPORTUNITY, "Imogen Thwaite", text, "check_in") == expected


def test_the_larkspur_process_in_a_lowercase_note_is_another_company(deps):
    text = (
        "hey imogen, quick one: the larkspur process is moving fast on my end. "
        "still thinking about the midlands pipeline. cathal · 087 555 0199"
    )
    assert rules_in(deps, OPPORTUNITY, "Imogen Thwaite", text, "check_in") == ["wrong-company"]


def test_thanks_in_irish_is_thanks(deps):
    text = _letter(
        "Dear Imogen,",
        "Go raibh míle maith agat for Tuesday. Selling route planning to hauliers is what I did "
        "for six years, and the Midlands pipeline looks like a good place to start.",
    )
    assert rules_in(deps, OPPORTUNITY, "Imogen Thwaite", text, "thank_you") == []


@pytest.mark.parametrize(
    "thanks",
    [
        "Chur for the tour on Tuesday.",
        "Fa'afetai tele lava for your time on Tuesday.",
        "谢谢 for Tuesday.",
    ],
)
def test_thanks_in_new_zealand_samoan_and_chinese_is_thanks(deps, thanks):
    text = _letter(
        "Dear Imogen,",
        f"{thanks} Selling route planning to hauliers is what I did for six years, and the "
        "Midlands pipeline looks like a good place to start.",
    )
    assert rules_in(deps, OPPORTUNITY, "Imogen Thwaite", text, "thank_you") == []


def test_church_is_no_chur(deps):
    text = _letter(
        "Dear Imogen,",
        "The church hall talk on Tuesday was useful. Selling route planning to hauliers is what I "
        "did for six years, and the Midlands pipeline looks like a good place to start.",
    )
    assert rules_in(deps, OPPORTUNITY, "Imogen Thwaite", text, "thank_you") == ["missing-thanks"]


def test_the_photos_of_the_notes_own_pursuit_are_that_pursuit(deps):
    choir = "I saw the photos from the Galway concert and it looked like a full house."
    assert rules_in(deps, OPPORTUNITY, "Siân Morgan", _letter("Hi Siân,", choir), "check_in") == []
    match = "I saw the photos from the Galway match and it looked like a full house."
    found = rules_in(deps, OPPORTUNITY, "Siân Morgan", _letter("Hi Siân,", match), "check_in")
    assert found == ["new-topic"]
