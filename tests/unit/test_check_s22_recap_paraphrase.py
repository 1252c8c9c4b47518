"""missing-recap: a topic said in other words (001, 003): a country by its adjective ("selling
to Portuguese garment makers" for "denim exports to Portugal"), a product by its everyday word
("jeans fabric" for denim, "chemists" for pharmacies), prepaid as paying before use
("pay-before-you-use meters", "top-ups"), and reseller onboarding as new resellers got
productive. The same words of the writer alone ("my Portuguese", "I polish my pitch") or of
another matter are no recap."""

from __future__ import annotations

import pytest

from followup.adapters.check_rules import build_checker
from followup.domain.letters.context import LetterContext

CHECKER = build_checker(None)
CONTACT = "\n\nInes Carvalho\n+44 7700 900761"


def _recap_missing(text: str, *topics: str) -> bool:
    ctx = LetterContext(
        kind="thank_you",
        recipient="Guilherme Tavares",
        company="Aurora Têxtil",
        role="Export Sales Manager",
        decision_maker=True,
        topics=topics,
        notes=topics,
        candidate_name="Ines Carvalho",
        candidate_phone="+44 7700 900761",
    )
    found = CHECKER.check("Dear Guilherme,\n\nThank you for Monday. " + text + CONTACT, ctx)
    return any(f.rule == "missing-recap" for f in found)


@pytest.mark.parametrize(
    ("text", "topics"),
    [
        (
            "Selling jeans fabric to Portuguese garment makers is what I know best.",
            ("denim exports to Portugal", "minimum order quantities"),
        ),
        ("Your Nigerian distributors could double their orders.", ("distributors in Nigeria",)),
        (
            "Your plan to get the range into chemists across Ghana is one I can help with.",
            ("pharmacy sales in Ghana",),
        ),
        (
            "Putting pay-before-you-use meters in every home in Ogun is ambitious.",
            ("prepaid meter rollout", "distributor credit terms"),
        ),
        ("Customers who top up their meters by phone pay on time.", ("prepaid meters",)),
        (
            "Getting new resellers productive in their first weeks is where I'd start.",
            ("reseller onboarding", "the Kraków support desk"),
        ),
    ],
)
def test_a_topic_said_in_other_words_is_a_recap(text, topics):
    assert not _recap_missing(text, *topics)


@pytest.mark.parametrize(
    ("text", "topics"),
    [
        ("My Portuguese is fluent, which would help.", ("denim exports to Portugal",)),
        ("I'll polish my pitch before we meet again.", ("distributors in Poland",)),
        ("I loved the warmth of your team.", ("pharmacy sales in Ghana",)),
        ("The role is exactly what I want next.", ("prepaid meter rollout",)),
    ],
)
def test_the_writers_own_words_or_another_matter_are_no_recap(text, topics):
    assert _recap_missing(text, *topics)


@pytest.mark.parametrize(
    ("text", "topics"),
    [
        (
            "Getting your pepper certified organic for EU buyers is work I'd love to do.",
            ("organic certification", "the Rotterdam distributor"),
        ),
        (
            "The electric van trial in Mysuru is the kind of project I want to sell.",
            ("last-mile delivery", "the fleet electrification pilot"),
        ),
        (
            "Keeping drivers from quitting in their first year is a problem I know well.",
            ("cold-chain routes to Manaus", "driver retention"),
        ),
        (
            "A helpdesk in Kraków that answers Lagos partners in their morning would stand out.",
            ("reseller onboarding", "the Kraków support desk"),
        ),
    ],
)
def test_a_verb_for_its_noun_and_a_word_for_its_synonym_recap(text, topics):
    assert not _recap_missing(text, *topics)


@pytest.mark.parametrize(
    ("text", "topics"),
    [
        (
            "My electrical engineering degree would help me sell.",
            ("the fleet electrification pilot",),
        ),
        ("My first-aid certificate may help.", ("organic certification",)),
        ("I'd keep my notes short in a second round.", ("driver retention",)),
    ],
)
def test_the_writers_own_words_of_the_same_family_are_no_recap(text, topics):
    assert _recap_missing(text, *topics)
