"""missing-recap: which words of a topic name it (DESIGN's rule table; articles 001, 003)."""

from __future__ import annotations

import pytest

from followup.adapters.check_rules import build_checker
from followup.adapters.files.dossier import parse_dossier
from followup.adapters.holidays import calendar_for
from followup.adapters.policies import PolicyBook
from followup.domain.letters.context import LetterContext
from followup.services.dependencies import Dependencies
from followup.services.dossier import import_dossier
from followup.services.letters import check_letter

from ..fakes import FakeStore

CHECKER = build_checker(None)
CONTACT = "\n\nInes Carvalho\n+44 7700 900761"


def _recap_missing(text: str, *topics: str, role: str = "Account Director") -> bool:
    ctx = LetterContext(
        kind="thank_you",
        recipient="Aisha Rahman",
        company="Morgan Reid",
        role=role,
        decision_maker=True,
        topics=topics,
        notes=topics,
        candidate_name="Ines Carvalho",
        candidate_phone="+44 7700 900761",
    )
    found = CHECKER.check("Dear Aisha,\n\nThank you for Wednesday. " + text + CONTACT, ctx)
    return any(f.rule == "missing-recap" for f in found)


@pytest.mark.parametrize(
    ("text", "topics"),
    [
        ("Twelve years of agency life taught me to keep clients happy.", ("agency retainers",)),
        ("I'm ready to branch out from retail banking.", ("the branch closures",)),
        ("My commercial background fits the role.", ("commercial solar tenders",)),
        (
            "As an independent-minded seller, I'd fit.",
            ("independent grocers in the Peak District",),
        ),
        (
            "I was among the first small business owners here.",
            ("churn among small business customers",),
        ),
        (
            "Sam's tour of the demo environments was useful.",
            ("agency retainers", "pitching to retail brands"),
        ),
    ],
)
def test_a_word_that_only_qualifies_a_topic_or_another_persons_topic_is_no_recap(text, topics):
    assert _recap_missing(text, *topics)


@pytest.mark.parametrize(
    ("text", "topics"),
    [
        ("Your view on retainers versus project fees was new to me.", ("agency retainers",)),
        ("You were frank about the closures.", ("the branch closures",)),
        ("I've thought about the Benelux since.", ("the Benelux expansion",)),
        ("Your renewal numbers surprised me.", ("renewal rates",)),
        ("The commission plan you outlined is fair.", ("the commission structure",)),
        ("Your point about discounts stayed with me.", ("pricing and discounts",)),
        ("Your coaching ideas were practical.", ("coaching new SDRs",)),
        ("The loyalty scheme is smart.", ("the loyalty programme",)),
    ],
)
def test_a_topics_head_a_name_in_it_or_the_word_before_a_generic_head_recaps_it(text, topics):
    assert not _recap_missing(text, *topics)


@pytest.mark.parametrize(
    ("text", "topics"),
    [
        ("My forecasting was within 3% of target for eight quarters.", ("quarterly forecasting",)),
        ("Twenty years in business lending have prepared me well.", ("lending to farms",)),
        ("I'd bring strong retainer relationships to the role.", ("agency retainers",)),
        ("My lending experience would serve you well.", ("lending to farms",)),
        # the record named by what follows the word, with nothing before it
        ("Lending experience is what I'd put first.", ("lending to farms",)),
        ("Forecasting skills, eight years of them, are on the CV.", ("quarterly forecasting",)),
    ],
)
def test_a_topics_word_used_only_for_the_writers_own_record_is_no_recap(text, topics):
    assert _recap_missing(text, *topics)


@pytest.mark.parametrize(
    ("text", "topics"),
    [
        ("You asked about my reactivation numbers in detail.", ("reactivating lapsed customers",)),
        ("My notes on forecasting are attached.", ("quarterly forecasting",)),
        ("Your forecasting point fits my forecasting habits.", ("quarterly forecasting",)),
    ],
)
def test_the_writers_record_asked_about_or_the_topic_also_named_as_theirs_recaps(text, topics):
    assert not _recap_missing(text, *topics)


def test_a_word_that_shares_only_its_first_letters_with_a_topics_word_is_no_recap():
    assert _recap_missing("I believe I could contribute quickly.", "annual contracts")
    foreclosures = "I lived through the foreclosure wave in Lisbon."
    assert _recap_missing(foreclosures, "quarterly forecasting")


def test_a_word_of_the_same_family_as_a_topics_word_recaps_it():
    assert not _recap_missing("We spoke about how you negotiate.", "contract negotiation")
    assert not _recap_missing("Your plan to expand stayed with me.", "expansion into Ohio")


def test_a_noun_and_its_verb_or_agent_recap_a_topic_together():
    keep_close = "I've been thinking about how to keep farmers close as the branches close."
    assert not _recap_missing(keep_close, "lending to farms", "the branch closures")
    assert _recap_missing("I tend to prepare too much.", "commercial solar tenders")


@pytest.mark.parametrize(
    ("text", "topics"),
    [
        (
            "In the first round I said I could own those renewals from the first week this year.",
            ("the first-year revenue target",),
        ),
        ("I could start next month and be selling in my second week.", ("second-month ramp-up",)),
        ("Over the last ten years I've met every quarter's number.", ("the annual quota",)),
        ("I'm free any day next week for a second conversation.", ("the weekly pipeline review",)),
        ("By the end of the year I'd hope to be fully up to speed.", ("year-end close",)),
    ],
)
def test_words_of_time_and_order_that_a_topic_shares_are_no_recap_alone(text, topics):
    assert _recap_missing(text, *topics)


@pytest.mark.parametrize(
    ("text", "topics"),
    [
        (
            "Your point that the first-year target ramps over two quarters was fair.",
            ("the first-year revenue target",),
        ),
        ("I've been thinking about the ramp-up you described.", ("second-month ramp-up",)),
        ("Your view of the quota as a floor stayed with me.", ("the annual quota",)),
        ("I liked how you run the pipeline review.", ("the weekly pipeline review",)),
        ("The year-end close you described sounds demanding.", ("year-end close",)),
        ("Your plan for the first ninety days is clear.", ("the first ninety days",)),
    ],
)
def test_a_topic_named_beside_its_words_of_time_is_still_a_recap(text, topics):
    assert not _recap_missing(text, *topics)


@pytest.mark.parametrize(
    ("text", "topics"),
    [
        ("The attrition among corner shops worries me too.", ("customer churn",)),
        (
            "Selling into Scandinavia through resellers is familiar ground.",
            ("Nordic distributors",),
        ),
        ("Your farmers' loan book is a good fit for me.", ("agricultural lending",)),
        ("The new flame-proof uniforms should sell themselves.", ("fire-retardant workwear",)),
        ("The July bids for the council are worth chasing.", ("council tenders",)),
    ],
)
def test_a_topic_restated_in_words_of_the_same_meaning_is_a_recap(text, topics):
    assert not _recap_missing(text, *topics)


@pytest.mark.parametrize(
    ("text", "topics"),
    [
        ("I cut my teeth in retail.", ("shortening the sales cycle",)),
        ("My uniform is ready for the first day.", ("fire-retardant workwear sales",)),
        ("I bid you a pleasant weekend.", ("council tenders in Leeds",)),
        ("The recruitment process was smooth and well run.", ("hiring SDRs",)),
    ],
)
def test_a_word_of_the_same_meaning_as_a_qualifier_or_one_word_of_three_is_no_recap(text, topics):
    assert _recap_missing(text, *topics)


@pytest.mark.parametrize(
    ("text", "topics"),
    [
        (
            "Ten more plants around Daegu on the books by December sounds right to me.",
            ("winning Daegu manufacturers",),
        ),
        (
            "The Osaka factory accounts you want to open are my kind of target.",
            ("expanding into Osaka manufacturers",),
        ),
        (
            "Fewer vendors in Lyon would make the buying simpler.",
            ("supplier consolidation in Lyon",),
        ),
        (
            "Getting the Ghent shops to reorder weekly is a fine goal.",
            ("independent retailers in Ghent",),
        ),
    ],
)
def test_a_topic_whose_head_is_said_in_a_word_of_the_same_meaning_beside_its_place_is_a_recap(
    text, topics
):
    assert not _recap_missing(text, *topics)


@pytest.mark.parametrize(
    ("text", "topics"),
    [
        ("I worked in a factory one summer as a student.", ("expanding into Busan manufacturers",)),
        ("My parents still live in Daegu.", ("winning Daegu manufacturers",)),
        ("The shops near your office were busy at lunch.", ("retailer loyalty schemes in Ghent",)),
        ("I know many vendors from my trade-show days.", ("supplier consolidation in Lyon",)),
    ],
)
def test_a_word_of_the_same_meaning_alone_or_the_place_alone_is_no_recap(text, topics):
    assert _recap_missing(text, *topics)


@pytest.mark.parametrize(
    ("text", "topics"),
    [
        ("Could you tell me whether I made the shortlist?", ("shortening the approval cycle",)),
        ("Our broadband at home held up well for the video call.", ("broadening the channel mix",)),
        ("Selling freshwater fish taught me patience.", ("freshening the product range",)),
        ("It felt like a tightrope walk at times.", ("tightening the discount rules",)),
    ],
)
def test_a_compound_that_shares_only_its_first_word_with_a_topics_word_is_no_recap(text, topics):
    assert _recap_missing(text, *topics)


@pytest.mark.parametrize(
    ("text", "topics"),
    [
        ("A shorter approval path would help the reps.", ("shortening the approval cycle",)),
        ("Your plan to expand stayed with me.", ("expansion into Ohio",)),
        ("The way you manage the channel was new to me.", ("channel management",)),
    ],
)
def test_a_word_of_the_same_family_with_an_ending_is_still_a_recap(text, topics):
    assert not _recap_missing(text, *topics)


def _recap_missing_in(text: str) -> bool:
    """Through the use case: the recipient's topic carries notes, as a dossier gives them."""
    deps = Dependencies(FakeStore(), calendar_for, PolicyBook(None), checker=lambda: CHECKER)
    topic = {
        "name": "expansion into the Walloon market",
        "said": "wants ten reference customers in Wallonia by the end of the year",
        "bring": "three years covering Liège for a telecom reseller",
        "promised": "a 90-day plan for Wallonia",
    }
    contact = {"name": "Aisha Rahman", "title": "Sales Director", "decision_maker": True}
    dossier = {
        "candidate": {"name": "Ines Carvalho", "phone": "+44 7700 900761"},
        "opportunities": [
            {
                "id": "morgan",
                "company": "Morgan Reid",
                "role": "Account Director",
                "interviews": [
                    {
                        "id": "morgan-1",
                        "date": "2027-03-02",
                        "round": 1,
                        "contacts": [{**contact, "topics": [topic]}],
                    }
                ],
            }
        ],
    }
    import_dossier(deps, parse_dossier(dossier))
    letter = "Dear Aisha,\n\nThank you for Wednesday. " + text + CONTACT
    _, found = check_letter(deps, letter, "morgan", "Aisha Rahman", "thank_you")
    return any(f.rule == "missing-recap" for f in found)


def test_a_letter_that_restates_what_was_promised_on_a_topic_recaps_it():
    assert not _recap_missing_in("I have started the 90-day plan for Wallonia we spoke of.")
    assert _recap_missing_in("I have started a 90-day reading plan of my own.")


@pytest.mark.parametrize(
    ("text", "topics"),
    [
        (
            "Selling through local integrators is how software wins in Egypt.",
            ("the channel partnership with Egyptian system integrators",),
        ),
        (
            "Most of the Italian hospital buyers I know order direct.",
            ("direct orders from hospitals in Italy",),
        ),
        (
            "I would start with the twelve northern accounts you want by December.",
            ("twelve new accounts in the north by December",),
        ),
        (
            "A Mexican distributor network changes the timing of every launch.",
            ("distributor networks in Mexico",),
        ),
    ],
)
def test_a_place_said_by_its_adjective_or_the_adjective_by_its_place_is_a_recap(text, topics):
    assert not _recap_missing(text, *topics)


@pytest.mark.parametrize(
    ("text", "topics"),
    [
        (
            "Egypt is where I grew up.",
            ("the channel partnership with Egyptian system integrators",),
        ),
        ("My northern accent gave me away.", ("twelve new accounts in the north by December",)),
        ("I have family in Italy.", ("direct orders from hospitals in Italy",)),
    ],
)
def test_the_place_or_its_adjective_alone_is_no_recap(text, topics):
    assert _recap_missing(text, *topics)


@pytest.mark.parametrize(
    ("text", "topics"),
    [
        ("Mentoring new joiners is the part I enjoy most.", ("coaching a team of ten new agents",)),
        (
            "With half your agents new, I would train each recruit on live calls.",
            ("coaching eight new agents",),
        ),
        (
            "Keeping lemons chilled from the packhouse to the port is what buyers pay for.",
            ("reefer shipping of citrus to Europe",),
        ),
    ],
)
def test_new_staff_coached_and_fruit_kept_cold_restate_their_topics(text, topics):
    assert not _recap_missing(text, *topics)


@pytest.mark.parametrize(
    "text",
    [
        "Supermarket own brands now take a third of the shelf, and the margin on them is thin.",
        "I would sell the premium line against the store brands on margin, not on price.",
    ],
)
def test_a_private_label_said_as_the_shops_own_brands_is_a_recap(text):
    assert not _recap_missing(text, "private-label margins")


def test_a_brand_alone_is_no_recap_of_private_label_margins():
    assert _recap_missing(
        "My background in brand marketing would help here.", "private-label margins"
    )


def _said_recap_missing(text: str) -> bool:
    ctx = LetterContext(
        kind="thank_you",
        recipient="Aisha Rahman",
        company="Morgan Reid",
        role="Account Director",
        decision_maker=True,
        topics=("agency retainers",),
        notes=("agency retainers",),
        said=("the retail retainers are due for renewal today and budgets close soon",),
        candidate_name="Ines Carvalho",
        candidate_phone="+44 7700 900761",
    )
    found = CHECKER.check("Dear Aisha,\n\nThank you for your time today. " + text + CONTACT, ctx)
    return any(f.rule == "missing-recap" for f in found)


def test_words_of_time_a_thanks_carries_do_not_restate_what_was_said() -> None:
    # "today" and "soon" are in any letter; with one word of the note besides, no recap
    assert _said_recap_missing("I hope to hear soon, and I'd close any gap in my CV quickly.")
    assert _said_recap_missing("Now I'm keen to start; tomorrow I'll send the references.")


def test_what_was_said_restated_beside_words_of_time_is_still_a_recap() -> None:
    assert not _said_recap_missing("Good luck closing those retail renewals before budgets close.")


@pytest.mark.parametrize(
    ("text", "topics"),
    [
        # the abbreviation the notes give a topic in brackets names the whole topic alone
        (
            "My years at Lidl could help with the GPO talks.",
            ("group purchasing organisations (GPO)",),
        ),
        ("Happy to say more about winning KAM accounts.", ("key account management (KAM)",)),
        ("- the SLA renewals: I have a plan", ("service level agreements (SLAs)",)),
    ],
)
def test_the_abbreviation_the_notes_give_a_topic_recaps_it(text, topics):
    assert not _recap_missing(text, *topics)


@pytest.mark.parametrize(
    ("text", "topics"),
    [
        # not given in brackets: an abbreviation inside the topic's words qualifies it
        ("My CRM skills are strong.", ("the CRM migration to the new regional platform",)),
        # another abbreviation than the one the notes give
        ("My KPI reports were praised at Lidl.", ("group purchasing organisations (GPO)",)),
    ],
)
def test_an_abbreviation_not_given_for_the_topic_is_no_recap(text, topics):
    assert _recap_missing(text, *topics)
