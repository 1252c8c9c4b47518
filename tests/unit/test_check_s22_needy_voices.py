"""needy in voices the check had not met (000, 003): a plea not to forget the application ("kindly
I am requesting you to not forget my candidature"), the inbox watched for the reply ("checking
my mail every day waiting for your answer"), the fear of having been forgotten said in the past
perfect ("I'd hate to think I had been forgotten"), a plea for pity ("consider my case
sympathetically", "I am the sole earning member of my family"), and a promised reply reproached
by the date alone ("You told me I would hear by Friday. It is now Wednesday."), the wait told as
a torment ("every day without news feels like a week"), the job as what would change the
writer's life, and the need to hear anything at all. An apology for the day one writes stays
needy, whatever its reason, as the voices set labels it (v20k-022). Near misses stay clean: a
third party's silence ("still no word from the courier on the samples"), "I will never forget
our talk", the inbox checked for a customer's order, a date said by the reader and kept to."""

from __future__ import annotations

import pytest

from followup.adapters.check_rules import build_checker
from followup.domain.letters.context import LetterContext

CHECKER = build_checker(None)


def _found(body: str) -> list[tuple[str, str]]:
    ctx = LetterContext(
        kind="check_in",
        recipient="Katarzyna Wójcik",
        company="Wisła Pharma",
        people=("Katarzyna Wójcik",),
        candidate_name="Chidinma Okafor",
    )
    text = f"Dear Katarzyna,\n\n{body}\n\nBest regards,\nChidinma Okafor"
    return [(f.rule, text[f.start : f.end]) for f in CHECKER.check(text, ctx) if f.rule == "needy"]


@pytest.mark.parametrize(
    "body",
    [
        "Kindly I am requesting you to not forget my candidature.",
        "I hope you won't forget my application when the shortlist is drawn up.",
        "Please do not forget my CV.",
        "I beg you not to forget me.",
        "I am checking my mail every day waiting for your answer.",
        "I have been checking my email hourly, hoping for your reply.",
        "I check my WhatsApp all the time in case your message comes.",
        "I've been refreshing my mail every hour hoping for your news.",
        "I am checking my Gmail morning and night in case your reply comes.",
        "I'd hate to think I had been forgotten already.",
        "I worry that my application has been overlooked.",
        "I humbly request you to consider my case sympathetically.",
        "Please look at my candidature with compassion.",
        "I am the sole earning member of my family.",
        "As the only breadwinner at home, I need this role.",
        "You told me I would hear by Friday. It is now Wednesday.",
        "You promised me an answer last week; it's now the 18th.",
        "You said you would get back to me within ten days. Here we are, a month later.",
        "Every day without news from you feels like a week.",
        "The waiting feels like an eternity.",
        "This role would literally change my life.",
        "Getting this job would transform my family's life.",
        "Please, I really need to hear something.",
        "I just need to know one way or the other.",
    ],
)
def test_pleas_not_to_be_forgotten_pity_and_a_reproached_date_are_needy(body):
    assert {rule for rule, _ in _found(body)} == {"needy"}, body


@pytest.mark.parametrize(
    "body",
    [
        "Still no word from the courier on the samples, so I have sent a second set.",
        "Still nothing from the bank about the guarantee; I will chase them tomorrow.",
        "I will never forget our talk about the Silesian tenders.",
        "I check my email every morning for the wholesalers' orders.",
        "You told me the hospital would decide by Friday, and it did: we won two lots.",
        "You said you would send the territory map by Friday. It is now here, thank you.",
        "I consider my options carefully before every tender.",
        "The sole distributor in the region is Medim, which I know well.",
        "The new credit terms would change the lives of small distributors in the north.",
        "Every day without the new tender rules costs the hospitals money.",
        "The wait at customs felt like an eternity, but the samples are through.",
        "I need to hear from the Suape port office before I can finish the route study.",
        "I need to hear from you about the delivery slots before Tuesday.",
        "I need to know either way by Friday so I can book the flights for the trade fair.",
        "You told me I would hear from the logistics team by Friday; it is now Wednesday.",
        "My wife is the main breadwinner now, so I can relocate easily.",
        "I check my email every day, so do send the brief whenever suits you.",
        "I check my messages daily while travelling, so you can reach me easily.",
        "I need to hear something concrete from the port before I commit the route.",
        "I need to know something about the tender budget first.",
    ],
)
def test_near_misses_stay_clean(body):
    assert _found(body) == [], body


@pytest.mark.parametrize(
    "body",
    [
        "I am sorry to write on a Sunday; I wanted this to reach you before Monday's meeting.",
        "Apologies for writing so late in the evening: the tender calendar came out at nine.",
        "Still no word from you on the role.",
        "Still no news about my application.",
    ],
)
def test_an_apology_for_the_day_and_your_silence_stay_needy(body):
    assert {rule for rule, _ in _found(body)} == {"needy"}, body
