"""A telephone number misread by one character, put right where only then it is valid
(adapters/cards/phone_repairs.py, asked by fields.find_fields where no number on the card is
valid as read)."""

from __future__ import annotations

from dataclasses import replace

import numpy as np
import pytest

from followup.adapters.cards.fields import find_fields, lines_from_text
from followup.adapters.cards.frames import Frames


def read(texts: list[str], region: str):
    return find_fields(lines_from_text(texts), region)


@pytest.mark.parametrize(
    ("line", "region", "phone"),
    [
        ("Office: +33 1 23 04 57 B1  Fax: +33 1 23 33 49 50", "FR", "+33 1 23 04 57 81"),
        ("Mobile: +31 6 1Z 74 44 18", "NL", "+31 6 12744418"),
        ("T 0Z1 231 01 04", "CH", "+41 21 231 01 04"),
        ("Tel. 030 8S3781", "DE", "+49 30 853781"),
        ("Tel. +48 12 329 4B 30", "PL", "+48 12 329 48 30"),
        ("Tel. +45 3G 62 17 65", "DK", "+45 36 62 17 65"),
        # A 7 read as a slash where it opens a group (and a `+` as `>`).
        (">90 212.378 /5 12", "TR", "+90 212 378 75 12"),
        ("T +33 1 23 04 /5 81", "FR", "+33 1 23 04 75 81"),
    ],
)
def test_a_letter_read_for_a_digit_is_the_digit_where_only_then_the_number_is_valid(
    line, region, phone
):
    card = read(["Loïc Lefèvre", "Directeur", line], region)
    assert card.phone == phone
    assert card.confidence["phone"] <= 0.7  # put right: not claimed as sure as a clean reading


@pytest.mark.parametrize(
    ("line", "region", "phone"),
    [
        ("Tel. +33 1 23 04 57 81", "FR", "+33 1 23 04 57 81"),  # valid as read: left alone
        ("Fax: +33 1 23 04 57 B1", "FR", None),  # only a fax comes of it: no phone
        ("Tel. +33 1 23 B", "FR", None),  # too short to be valid, mended or not
        ("Suite 5S, Keizersgracht 555", "NL", None),  # an address: no number in it
        ("Tel. +34 010 93 79 13", "ES", "+34 010937913"),  # a digit for a digit: frames only
        # A slash between the area code and the number is a separator, not a 7.
        ("Tel. 030/562371", "DE", "+49 30 562371"),
        ("Tel 089 / 2180 3311", "DE", "+49 89 21803311"),
        ("Tel. 030 /562371", "DE", "+49 30 562371"),
    ],
)
def test_a_number_valid_as_read_or_that_no_letter_makes_valid_is_not_mended(line, region, phone):
    assert read(["Ana Peña", line], region).phone == phone


# --- a digit read for another, weighed on what the recogniser saw --------------------------------


def frames_of(printed: str, near: dict[int, dict[str, float]]) -> Frames:
    """What a recogniser might see along `printed`: each character sure (0.95), but at the places
    of `near` the characters given there at the chances given (the first of them the likeliest,
    and so what it read)."""
    extra = {c for chances in near.values() for c in chances}
    characters = ["blank", *sorted(set(printed) | extra)]
    column = {c: k for k, c in enumerate(characters)}
    steps = []
    for at, char in enumerate(printed):
        step = np.zeros(len(characters))
        if at in near:
            for other, chance in near[at].items():
                step[column[other]] = chance
        else:
            step[column[char]], step[0] = 0.95, 0.05
        between = np.zeros(len(characters))
        between[0], between[column[char]] = 0.97, 0.03
        steps += [step, between]
    return Frames(np.array(steps), characters)


PRINTED = "Tel. +34 810 93 79 13"
AT = PRINTED.index("810")


def card_with_phone_line(read_as: str, frames: Frames):
    lines = lines_from_text(["Ana Peña", "Directora", read_as])
    lines[2] = replace(lines[2], frames=lambda: frames)
    return find_fields(lines, "ES")


def test_a_digit_the_recogniser_nearly_saw_is_taken_where_only_it_makes_the_number_valid():
    # An 8 read as 0 (0.55 against 0.45): +34 010… is no Spanish number, +34 810… is.
    frames = frames_of(PRINTED, {AT: {"0": 0.55, "8": 0.45}})
    card = card_with_phone_line("Tel. +34 010 93 79 13", frames)
    assert card.phone == "+34 810 93 79 13"
    assert card.confidence["phone"] <= 0.7


def test_a_digit_the_recogniser_was_sure_of_is_not_changed_to_make_a_number_valid():
    frames = frames_of("Tel. +34 010 93 79 13", {})
    assert card_with_phone_line("Tel. +34 010 93 79 13", frames).phone == "+34 010937913"


def test_two_digits_as_near_that_each_make_a_valid_number_leave_the_reading_as_it_was():
    # 8 and 6 equally near: +34 810… and +34 610… are both valid; the card does not say which.
    frames = frames_of(PRINTED, {AT: {"0": 0.4, "8": 0.3, "6": 0.3}})
    assert card_with_phone_line("Tel. +34 010 93 79 13", frames).phone == "+34 010937913"


def test_a_digit_of_the_calling_code_is_not_changed_to_make_another_country_s_number():
    # +32 10 93 79 13 (Belgium) is valid too, and the 2 nearer than the 8: but the card is
    # Spanish, and a Spanish number needs the 8.
    at_code = PRINTED.index("34") + 1
    frames = frames_of(PRINTED, {AT: {"0": 0.6, "8": 0.4}, at_code: {"4": 0.52, "2": 0.48}})
    assert card_with_phone_line("Tel. +34 010 93 79 13", frames).phone == "+34 810 93 79 13"


def test_a_short_number_that_one_digit_makes_valid_is_not_taken_from_a_line_of_noise():
    # Italy's plan allows numbers of six digits: blurred print read as `Pe 1817 06` becomes
    # +39 081 706 with its 1 as a 0. No printed phone is that short: nothing is mended.
    frames = frames_of("Pe 0817 06", {3: {"1": 0.55, "0": 0.45}})
    lines = lines_from_text(["Giulia Mancuso", "Direttore Tecnico", "Pe 1817 06"])
    lines[2] = replace(lines[2], frames=lambda: frames)
    assert find_fields(lines, "IT").phone is None
