"""Classes of language session 30's fresh sets (a Nigerian and a Filipino candidate) showed the
check missing or misreading, each beside the clean near miss that shares its words (001, 003).

wrong-name: an attorney's, an architect's and a chief's titles are titles ("Dear Atty.
Manalastas," to Jose Manalastas Jr. is right; "Dear Atty. Brooks," is not); a given name with its
last vowel changed ("Dear Wanjiro," to Wanjiru Kamau) is a slip; a sheikh's title is a title ("Dear
Sheikh Majid,"); a letter written all
in lowercase calls its reader with a title and its stop too ("hi ms. bing!", "dear ms. yap,").
wrong-company: another company called without the trade word that closes its name ("Summit
Aircon" of Summit Aircon Trading), capitalised, or in lowercase in a letter written so; a word of
it alone in another sense ("the regional summit") stays clean.
new-topic: a wish that the reader enjoy their own feast or rite ("I hope you all enjoy the
Christmas service", "I hope you enjoy the wedding in Nnewi"), as a greeting for the season
("Merry Christmas to you and your family") is not; national teams by their names ("the Super
Eagles", "Gilas Pilipinas").
needy: pleading by the earlier messages counted ("As I wrote in my emails of 16, 19 and 23
February", "in my last three emails").
flattery: "better than any" of a thing that made a point ("which made your point about CRM hygiene
better than any slide could") praises no one; said of the reader, it still is."""

from __future__ import annotations

import pytest

from followup.services.dependencies import Dependencies

from .voices import contact, dossier_deps, rules_in, signed


def _opportunity(key: str, company: str, contacts: list[dict[str, object]]) -> dict[str, object]:
    return {
        "id": key,
        "company": company,
        "role": "Key Account Manager",
        "policy": "persistent",
        "interviews": [{"id": f"{key}-1", "date": "2027-10-05", "round": 1, "contacts": contacts}],
    }


TOPIC = "merchant onboarding in Cavite"
DOSSIER = {
    "candidate": {
        "name": "Andrea Soriano",
        "email": "andrea.soriano@mail.example",
        "phone": "+63 917 555 0142",
        "timezone": "Asia/Manila",
        "country": "PH",
    },
    "opportunities": [
        _opportunity(
            "s30t-lakbay",
            "Lakbay Payments",
            [
                contact("Jose Manalastas Jr.", [TOPIC], True),
                contact("Ma. Lourdes Tan", [TOPIC]),
                contact("Grace Yap", [TOPIC]),
                contact("Nathan Brooks", [TOPIC]),
                contact("Wanjiru Kamau", [TOPIC]),
                contact("Khalid Mansour", [TOPIC]),
                contact("Thabo Nkosi", [TOPIC]),
                contact("Majid bin Sultan Al Mansoori", [TOPIC]),
                contact("Irfan Sheikh", [TOPIC]),
            ],
        ),
        _opportunity("s30t-summit", "Summit Aircon Trading", [contact("Rodel Pascual", [TOPIC])]),
    ],
}
OPPORTUNITY = "s30t-lakbay"
SIGNATURE = "Best regards,\nAndrea Soriano\n0917 555 0142"


@pytest.fixture(scope="module")
def deps() -> Dependencies:
    return dossier_deps(DOSSIER)


def _letter(salutation: str, body: str) -> str:
    return signed(salutation, body, SIGNATURE)


def _rules_for(deps: Dependencies, body: str, kind: str = "check_in") -> list[str]:
    """What the check finds in a letter to Ma. Lourdes Tan that says `body` after its thanks."""
    text = _letter("Dear Ms Tan,", f"Thank you for the call about {TOPIC}. {body}")
    return rules_in(deps, OPPORTUNITY, "Ma. Lourdes Tan", text, kind)


@pytest.mark.parametrize(
    ("to", "salutation", "expected"),
    [
        ("Jose Manalastas Jr.", "Dear Atty. Manalastas,", []),
        ("Jose Manalastas Jr.", "Dear Atty Manalastas,", []),
        ("Jose Manalastas Jr.", "Dear Atty. Brooks,", ["wrong-name"]),
        ("Jose Manalastas Jr.", "Dear Arch. Manalastas,", []),
        ("Jose Manalastas Jr.", "Dear Chief Manalastas,", []),
        ("Jose Manalastas Jr.", "Dear Chief Brooks,", ["wrong-name"]),
        # a given name with its last vowel changed is a slip, not a pet form nor a spelling
        # from another script, whose vowels differ inside
        ("Wanjiru Kamau", "Dear Wanjiro,", ["wrong-name"]),
        ("Wanjiru Kamau", "Dear Wanjiru,", []),
        ("Khalid Mansour", "Dear Khaled,", []),
        ("Thabo Nkosi", "Hi Thabs,", []),
        # a sheikh is called by his given name after the title
        ("Majid bin Sultan Al Mansoori", "Dear Sheikh Majid,", []),
        ("Majid bin Sultan Al Mansoori", "Dear Sheikha Majid,", ["wrong-name"]),
        ("Majid bin Sultan Al Mansoori", "Dear Sheikh Khalid,", ["wrong-name"]),
        ("Irfan Sheikh", "Dear Mr Sheikh,", []),
    ],
)
def test_titles_of_a_trade_and_of_rank_are_titles(deps, to, salutation, expected):
    text = _letter(salutation, f"Thank you for the call on Tuesday about {TOPIC}.")
    assert rules_in(deps, OPPORTUNITY, to, text, "check_in") == expected


@pytest.mark.parametrize(
    ("opening", "expected"),
    [
        ("hi ms. bing!", ["wrong-name"]),
        ("dear ms. yap,", ["wrong-name"]),
        ("hi ms. grace!", ["wrong-name"]),
        ("hi ms. tan,", []),
        ("hi ms. lourdes!", []),
        ("hi ma'am lourdes!", []),
        ("hi po!", []),
        ("hi all. thanks!", []),
    ],
)
def test_a_lowercase_letter_calls_its_reader_with_a_title_and_its_stop(deps, opening, expected):
    text = (
        f"{opening} thank u po for the call last thursday about {TOPIC}. "
        "if u need anything else, andrea.soriano@mail.example po"
    )
    assert rules_in(deps, OPPORTUNITY, "Ma. Lourdes Tan", text, "check_in") == expected


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("Sorry, I almost mixed it up with my Summit Aircon schedule.", ["wrong-company"]),
        ("Sorry, I almost mixed it up with my Summit Aircon Trading schedule.", ["wrong-company"]),
        ("Sorry, I almost mixed it up with the regional summit schedule.", []),
        ("The aircon summit in Pasig was useful.", []),
    ],
)
def test_another_company_without_the_trade_word_that_closes_it(deps, body, expected):
    assert _rules_for(deps, body) == expected


def test_a_lowercase_letter_names_another_company_in_lowercase(deps):
    text = (
        f"hi ms. tan! thank u po for the call about {TOPIC}. sorry i almost mixed it up with "
        "my summit aircon schedule hehe. andrea.soriano@mail.example"
    )
    assert rules_in(deps, OPPORTUNITY, "Ma. Lourdes Tan", text, "check_in") == ["wrong-company"]


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        (
            "I hope you all enjoy the Christmas service and the village celebrations in Nnewi.",
            ["new-topic"],
        ),
        ("I hope you enjoy the wedding in Nnewi.", ["new-topic"]),
        ("Merry Christmas to you and your family.", []),
        ("I hope you have a lovely Christmas.", []),
        ("I hope you enjoyed the rest of the roadshow.", []),
        ("What a game by the Super Eagles last night!", ["new-topic"]),
        ("Did you watch Gilas Pilipinas on Sunday?", ["new-topic"]),
        ("Our merchants in Cavite are the real stars of the pilot.", []),
    ],
)
def test_wishes_for_the_readers_own_feasts_and_named_teams(deps, body, expected):
    assert _rules_for(deps, body) == expected


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        (
            "The demo ran on a laptop hotspot through the power cut, which made your point "
            "about onboarding better than any slide could.",
            [],
        ),
        (
            "You made your point about onboarding better than anyone I have ever worked with.",
            ["flattery"],
        ),
    ],
)
def test_better_than_any_of_a_thing_that_made_a_point(deps, body, expected):
    assert _rules_for(deps, body) == expected


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        (
            "As I wrote in my emails of 16, 19 and 23 February, and again last week, I am "
            "available for a second interview.",
            ["needy"],
        ),
        ("As I said in my last three emails, I am available for a second interview.", ["needy"]),
        ("As I wrote in my email of 16 February, I am available for a second interview.", []),
        ("In my last two roles I ran merchant desks of this size.", []),
        ("I met merchants on 16, 19 and 23 February in Cavite.", []),
    ],
)
def test_pleading_by_the_earlier_messages_counted(deps, body, expected):
    assert _rules_for(deps, body, "secondary") == expected


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        (
            "Our interview was the most wonderful, unforgettable afternoon of my career.",
            ["flattery"],
        ),
        (
            "After three weeks of preparation, I have to say a two-line email felt unfair.",
            ["needy"],
        ),
        ("Frankly, the decision was unfair after everything I prepared.", ["needy"]),
        ("The process felt fair and clear throughout.", []),
        ("Your feedback was very helpful.", []),
    ],
)
def test_the_occasion_praised_in_a_list_and_a_reproach_for_the_reply(deps, body, expected):
    assert _rules_for(deps, body, "stay_in_touch") == expected


MX_DOSSIER = {
    "candidate": {
        "name": "Mariana Elizondo Quiroga",
        "email": "mariana.eq@mail.example",
        "phone": "+52 81 5550 4417",
        "timezone": "America/Monterrey",
        "country": "MX",
    },
    "opportunities": [
        _opportunity(
            "s30t-kestrel",
            "Kestrel Payments",
            [
                contact("María José Garza Treviño", [TOPIC], True),
                contact("José Luis Cantú Villarreal", [TOPIC]),
            ],
        ),
        _opportunity("s30t-tandem", "Tandem", [contact("Graeme MacLeod", [TOPIC])]),
    ],
}


@pytest.fixture(scope="module")
def mx_deps() -> Dependencies:
    return dossier_deps(MX_DOSSIER)


@pytest.mark.parametrize(
    ("to", "salutation", "expected"),
    [
        # the mother's family name alone is not the one a person is called by in Mexico
        ("María José Garza Treviño", "Estimada Lic. Treviño:", ["wrong-name"]),
        ("María José Garza Treviño", "Dear Ms. Treviño,", ["wrong-name"]),
        ("María José Garza Treviño", "Estimada Lic. Garza:", []),
        ("María José Garza Treviño", "Estimada Lic. Garza Treviño:", []),
        ("María José Garza Treviño", "Dear María José,", []),
        ("José Luis Cantú Villarreal", "Estimado Ing. Villarreal:", ["wrong-name"]),
        ("José Luis Cantú Villarreal", "Estimado Ing. Cantú:", []),
    ],
)
def test_the_first_of_two_family_names_is_the_one_called_by(mx_deps, to, salutation, expected):
    text = f"{salutation}\n\nThank you for the call about {TOPIC}.\n\nMariana Elizondo Quiroga"
    assert rules_in(mx_deps, "s30t-kestrel", to, text, "check_in") == expected


def test_another_company_in_a_frame_of_applications_is_kept_in_a_long_letter(mx_deps):
    """The learned reader, which reads the words but not their frame, does not withdraw another
    company named as one applied to ("the final interview at Tandem"), however long the letter."""
    news = (
        "First, I completed a twelve-week course on partner sales at EGADE Business School. The "
        "course covered proposal writing, pricing for multi-year contracts, and the way large "
        "buyers compare vendors. I found the module on pricing especially useful, because it "
        "gave me a framework for explaining the value of a package rather than discounting it. "
        "Second, I have been doing freelance work with two automotive suppliers in Apodaca, "
        "helping them plan their payments to smaller vendors. Both have German headquarters, and "
        "I now understand much better what their finance teams expect. Third, I have reached "
        "the final interview at Tandem for a partner sales role, which has taught me a great "
        "deal about selling through channels. Whatever happens there, I remain very interested "
        f"in {TOPIC} and in the work we discussed."
    )
    text = f"Dear María José,\n\nI hope this note finds you well. {news}\n\nMariana"
    found = rules_in(mx_deps, "s30t-kestrel", "María José Garza Treviño", text, "check_in")
    assert "wrong-company" in found
