"""wrong-name and wrong-company on the classes session 20 read (tests/data/letters_voices,
v20n-…, say them in letters): names written family name first (Vietnamese, Korean), whose first
word tells no sex and whose middle name may ("Thị", "Văn"); Arabic given names, read for the sex
a title must agree with; a call script's speaker labels ("Me:"). Each letter gets exactly the
findings listed (the words they point at), read by the rules alone (the learned reader left out)
and by the check as shipped."""

from __future__ import annotations

import pytest

from .voices import found_in

ATTACHED = "\n\nThe comparison is attached.\n\nInes"

LETTERS = [
    # family name first: the given name after a title is right, whatever the first word is
    ("saomai", "Trần Văn Phúc", "Dear Mr. Phúc," + ATTACHED, []),
    ("saomai", "Trần Văn Phúc", "Dear Mr Tran," + ATTACHED, []),
    ("saomai", "Nguyễn Thị Thu Hà", "Dear Ms. Hà," + ATTACHED, []),
    ("saomai", "Nguyễn Thị Thu Hà", "Dear Ms Nguyen," + ATTACHED, []),
    ("hanbit", "Park Ji-hoon", "Dear Mr Park," + ATTACHED, []),
    # …and a title of the other sex than the middle name says is wrong
    (
        "saomai",
        "Nguyễn Thị Thu Hà",
        "Dear Mr Nguyen," + ATTACHED,
        [("wrong-name", "Mr Nguyen")],
    ),
    ("saomai", "Trần Văn Phúc", "Dear Ms Tran," + ATTACHED, [("wrong-name", "Ms Tran")]),
    # Arabic given names tell the sex a title must agree with
    (
        "fayoum",
        "Yasmine El-Masry",
        "Dear Mr El-Masry," + ATTACHED,
        [("wrong-name", "Mr El-Masry")],
    ),
    ("fayoum", "Nour El-Din Farouk", "Dear Mr Farouk," + ATTACHED, []),
    (
        "fayoum",
        "Mohamed Abdel-Rahman",
        "Dear Ms. Abdel-Rahman," + ATTACHED,
        [("wrong-name", "Ms. Abdel-Rahman")],
    ),
    # a speaker's label in a call script is no one addressed
    (
        "saomai",
        "Trần Văn Phúc",
        "Me: Good morning, Mr. Phúc, it's Ines Carvalho.\nMe: I am calling about the notes I "
        "sent on Monday.\nPhúc: ...\nMe: Thank you, sir.",
        [],
    ),
]


@pytest.mark.parametrize(("opportunity", "to", "text", "expected"), LETTERS)
def test_names_abroad(voices, voices_reading, opportunity, to, text, expected):
    assert (
        found_in(voices, opportunity, to, text, kind="call" if "Me:" in text else "check_in")
        == expected
    )
