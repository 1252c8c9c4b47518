"""too-long counts words as a word processor does: what spaces part, numbers among them (a date's
day, the phone number under the name), a dash or a bullet alone no word (article 003)."""

from __future__ import annotations

from followup.adapters.check_rules import build_checker
from followup.domain.letters.context import LetterContext

CHECKER = build_checker(None)


def _too_long(text: str, kind: str = "thank_you") -> list[tuple[str, str]]:
    ctx = LetterContext(kind=kind, recipient="Đỗ Quang Khải", company="Phú Thái Foods")
    found = CHECKER.check(text, ctx)
    return [(f.message, text[f.start : f.start + 12]) for f in found if f.rule == "too-long"]


def _letter(body_words: int) -> str:
    """Dear Khải, a body of the given number of words, and a sign-off of six: 'Best,', the
    name of three words, a phone number of four (with its calling code) = 2 + body + 8."""
    body = " ".join(["pipeline"] * body_words)
    return f"Dear Khải,\n\n{body}\n\nBest,\nNguyễn Thu Hà\n+84 90 812 3456"


def test_two_hundred_and_fifty_words_with_the_phone_numbers_digits_are_within_the_limit():
    assert _too_long(_letter(240)) == []  # 2 + 240 + 8


def test_the_phone_numbers_digits_are_words_a_reader_counts():
    text = _letter(241)  # 2 + 241 + 8 = 251 words, 247 of them letters
    assert _too_long(text) == [
        (
            "251 words; a thank-you letter should stay within 250 "
            "(003: brief and to the point) (article 003)",
            "3456",
        )
    ]


def test_a_dash_or_a_bullet_alone_is_no_word():
    body = " — ".join(["pipeline"] * 120) + "\n• • •"
    text = f"Dear Khải,\n\n{body}\n\nBest,\nHà"
    assert _too_long(text, kind="call") == [
        (
            "124 words; a call letter should stay within 120 "
            "(003: brief and to the point) (article 003)",
            "pipeline — p",
        )
    ]
