"""wrong-company: another company's name run together in a hashtag ("#ikejapower",
"#SongHongTrading") or in camel case ("the HarmattanCapital crew") names it in a letter with no
link, no address and no full stop, as it does beside them (a LinkedIn message is often one line
of hashtags); the letter's own company run together, hashtags of no company and words in camel
case that hold none stay clean."""

from __future__ import annotations

import pytest

from followup.adapters.check_rules import build_checker
from followup.domain.letters.context import Directory, LetterContext

CHECKER = build_checker(None)
DIRECTORY = Directory.build(
    [
        ("ikeja", "Ikeja Power Solutions", ["Oluwaseun Adeyemi"]),
        ("rivage", "Rivage Cosmétiques", ["Hélène Dubois-Lefèvre"]),
        ("songhong", "Sông Hồng Trading", ["Phạm Thị Lan"]),
        ("harmattan", "Harmattan Capital", ["Folasade Ogunleye"]),
        ("wisla", "Wisła Software", ["Krzysztof Wójcik"]),
    ]
)


def _companies(body: str) -> list[str]:
    ctx = LetterContext(
        kind="check_in",
        recipient="Hélène Dubois-Lefèvre",
        company="Rivage Cosmétiques",
        opportunity="rivage",
        people=("Hélène Dubois-Lefèvre",),
        candidate_name="Adaeze Okonkwo-Bello",
        directory=DIRECTORY,
    )
    text = f"Hélène,\n\n{body}\n\nAdaeze"
    return [text[f.start : f.end] for f in CHECKER.check(text, ctx) if f.rule == "wrong-company"]


@pytest.mark.parametrize(
    "body",
    [
        "Thrilled to be in the final round! #ikejapower #energy",
        "Congratulations on the spring launch in Dakar! #skincare #SongHongTrading",
        "Great week with the HarmattanCapital crew, more soon",
        "Proud to share some news #wislasoftware #partners",
        "Loved the summit, see you all there next year #IKEJAPOWER",
    ],
)
def test_another_company_run_together_without_a_full_stop_is_named(body):
    assert _companies(body)


@pytest.mark.parametrize(
    "body",
    [
        "The pharmacy chain pilot in Accra is live! #RivageCosmetiques #skincare",
        "Congratulations on the spring launch! #skincare #westafrica #beauty",
        "This is my #1 priority for the quarter, happy to talk on WhatsApp",
        "The LinkedIn post on the Accra pilot drew forty comments",
    ],
)
def test_own_company_and_hashtags_of_no_company_stay_clean(body):
    assert _companies(body) == []
