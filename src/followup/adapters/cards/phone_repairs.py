"""A telephone number misread by one character, put right where only then it is valid.

Small print read by the recogniser loses a digit to a letter it looks like (`57 B1` for 57 81,
`2S` for 25) or to another digit (`010 93 79 13` for 810 93 79 13, a Spanish number no plan
allows with a 0 there). Where no number on the card is valid as read, each single character of
a line's numbers is tried as another digit, and the numbers that become valid in their
country's plan are the candidates:
- where the recogniser's frames along the line are known (`frames.py`), each candidate's line is
  weighed on them: the likeliest is taken where it is no more than `MOST_LOST` nats less likely
  than the reading (a digit the recogniser nearly saw) and `MARGIN` nats likelier than any other
  candidate number (one valid number, not one of several equally near);
- without frames, only a letter put back as the digit it looks like (`LOOKALIKES`) is tried, and
  it is taken only where one number comes of it.
A digit misread as another digit that leaves the number valid is no business of this module: no
plan tells it (the second look at the line, `second_look.py`, is).
"""

from __future__ import annotations

from collections.abc import Sequence

import phonenumbers

from followup.adapters.cards.contacts import Phone, find_phones
from followup.adapters.cards.lines import Line

# A letter the recogniser reads in a printed digit's place (O, o, I, l and | are already read as
# 0 and 1 by `contacts.find_phones`).
LOOKALIKES = {
    "B": "8",
    "S": "5",
    "s": "5",
    "Z": "2",
    "z": "2",
    "G": "6",
    "b": "6",
    "g": "9",
    "q": "9",
    "/": "7",  # a slanted stroke, at the start of a group only (see `_between_digits`)
}
MOST_LOST = 6.0  # nats: how much less likely than the reading a candidate may be
MARGIN = 1.0  # nats: how much likelier than any other candidate number it must be
# The fewest digits (national, without the trunk prefix) of a number mended: a short number
# valid in a lenient plan (Italy's, from six digits) is what a line of noise most easily becomes
# with one digit changed (`Pe 1817 06`, blurred past reading, as +39 081 706).
SHORTEST = 8


def mended_phone(lines: Sequence[Line], regions: Sequence[str]) -> tuple[Phone, float] | None:
    """The one number of one of `regions` (the candidate's country, the card's) valid as a
    line's reading with one character of it another digit (see the module's docstring), with
    the line's score; None where there is none, or several."""
    best: tuple[float, Phone, float] | None = None
    rivals: list[tuple[float, str]] = []
    for line in lines:
        for region in dict.fromkeys(regions):
            found = _candidates(line.text, region, line.frames is not None)
            if not found:
                continue
            seen = line.frames() if line.frames is not None else None
            if seen is None:
                scored = [(0.0, phone) for text, phone in found if _is_letter_mend(line.text, text)]
            else:
                likelihoods = seen.log_likelihoods([line.text, *(text for text, _ in found)])
                own = likelihoods[0]
                scored = [
                    (likelihood - own, phone)
                    for likelihood, (_, phone) in zip(likelihoods[1:], found, strict=True)
                    if likelihood - own >= -MOST_LOST
                ]
            for value, phone in scored:
                rivals.append((value, phone.international))
                if best is None or value > best[0]:
                    best = (value, phone, line.score)
    if best is None:
        return None
    value, phone, score = best
    others = [v for v, number in rivals if number != phone.international]
    if others and max(others) > value - MARGIN:
        return None  # two numbers as near: the card does not say which
    return phone, score


def _candidates(text: str, region: str, every_digit: bool) -> list[tuple[str, Phone]]:
    """Each reading of `text` with one character another digit that makes a number of `region`
    valid that was not (no fax, no short number: `SHORTEST`): (the text so read, the number).
    A number of another country is no candidate: a digit of the calling code misread (`–34`
    read for +32) is a claim the card's country contradicts (`contacts.recoded_country` mends
    that code)."""
    before = {p.international for p in find_phones(text, region) if p.valid}
    found: list[tuple[str, Phone]] = []
    for at, char in enumerate(text):
        if char.isdigit():
            if not every_digit:
                continue
            digits = [d for d in "0123456789" if d != char]
        elif _between_digits(text, at):
            digits = [LOOKALIKES[char]]
        else:
            continue
        if not _in_a_number(text, at):
            continue
        for digit in digits:
            changed = text[:at] + digit + text[at + 1 :]
            for phone in find_phones(changed, region):
                new = phone.valid and phone.international not in before
                if new and _a_candidate(phone, region) and phone.start <= at < phone.end:
                    found.append((changed, phone))
    return found


def _a_candidate(phone: Phone, region: str) -> bool:
    """A phone (no fax) of `region`, of at least `SHORTEST` digits."""
    digits = phonenumbers.national_significant_number(phone.number)
    ours = phonenumbers.region_code_for_number(phone.number) == region
    return ours and phone.kind != "fax" and len(digits) >= SHORTEST


def _between_digits(text: str, at: int) -> bool:
    """A look-alike letter with a digit right before or after it (`57 B1`, `2S 14`)."""
    near = text[max(0, at - 1) : at] + text[at + 1 : at + 2]
    if text[at] == "/":
        # A slash is also a separator between digits (`030/562371`): a 7 only where it opens a
        # group (`378 /5 12`), a space before it and a digit after.
        return at > 0 and text[at - 1] == " " and text[at + 1 : at + 2].isdigit()
    return text[at] in LOOKALIKES and any(c.isdigit() for c in near)


def _in_a_number(text: str, at: int) -> bool:
    """A place inside a run of at least six digits, spaces and separators (a number)."""
    start = at
    while start > 0 and (text[start - 1].isdigit() or text[start - 1] in " .-/()+"):
        start -= 1
    end = at + 1
    while end < len(text) and (text[end].isdigit() or text[end] in " .-/()"):
        end += 1
    around = text[start:end]
    return sum(c.isdigit() for c in around) >= 5


def _is_letter_mend(read: str, changed: str) -> bool:
    """Whether `changed` is `read` with a look-alike letter put back as its digit."""
    return any(a != b and a in LOOKALIKES for a, b in zip(read, changed, strict=False))
