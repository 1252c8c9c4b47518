"""A job title's misread words chosen among the title words the reader knows by what the
recogniser saw along the line.

Print small in a small photo is read letter by letter wrongly (`Vaneging Partser`,
`Represeniarive`, `Sunior`): too many letters, and not the letters the OCR usually confuses, for
`mend.mend_title` to put right by their letters alone. But the recogniser's own probabilities
along the line (`frames.py`) still say which of the known words a few letters off the reading is
printed there: the right word is far likelier than the others (`Senior` against `Junior` where
`Sunior` was read), if less likely than the reading itself, which is the likeliest character at
each step. A word is replaced where one known word is much likelier than any other near it, and
not far less likely than the reading for the letters it changes. Only a line read unsurely is
weighed so (a line read surely is not misread in practice), and only a word no list knows.
"""

from __future__ import annotations

import re

from followup.adapters.cards.contacts import fold, words
from followup.adapters.cards.lines import Line
from followup.adapters.cards.mend import cased_like, distance

UNSURE = 0.93  # a title's line read less surely than this is weighed
# How much less likely (nats) than the reading a known word may be: `SLACK`, and `PER_LETTER` for
# each letter it changes (a misread letter of small print costs 2 to 3 nats on its line; a word
# read right, that no list knows, is 4 or more a letter likelier than a known word near it).
SLACK, PER_LETTER = 1.5, 3.5
MARGIN = 1.0  # how much likelier (nats) the word taken must be than any other known word
SHORTEST = 4  # letters of a word read, and of a known word, to be weighed
# Letters a known word may be longer or shorter than the word read by: small print loses a
# narrow letter or two (`Ofcer`); a word three letters off in length is another word, one no list
# knows (`Recrutenwent` is not recruteur, but recrutement).
LENGTHS_APART = 2
MOST = 12  # known words weighed for one word read, the nearest by their letters first


def _allowed(length: int) -> int:
    """Letters a known word may differ by from a word read of `length` letters: two, and in a
    long word a third of them and one."""
    return max(2, length // 3 + 1)


def _known() -> list[str]:
    vocabulary = words()["title_words"] | words()["department_words"] | words()["company_words"]
    return sorted(w for w in vocabulary if " " not in w and len(w) >= SHORTEST and w.isalpha())


def weighed_title(text: str, line: Line) -> str:
    """`text` (the title as read on `line` and put right by its letters) with each word no list
    knows replaced by the known word the recogniser saw more surely than any other near it."""
    if line.score >= UNSURE or line.frames is None:
        return text
    vocabulary = words()["title_words"] | words()["department_words"] | words()["company_words"]
    tokens = text.split(" ")
    doubtful = [
        at
        for at, token in enumerate(tokens)
        if len(_bare(token)) >= SHORTEST
        and _bare(token).isalpha()
        and fold(_bare(token)) not in vocabulary
    ]
    if not doubtful:
        return text
    seen = line.frames()
    if seen is None:
        return text
    known = _known()
    for at in doubtful:
        word = _bare(tokens[at])
        folded = fold(word)
        near = _near(folded, known)
        if not near:
            continue
        tail = tokens[at][len(word) :]
        texts = [" ".join(tokens)] + [
            " ".join([*tokens[:at], cased_like(k, word) + tail, *tokens[at + 1 :]]) for _, k in near
        ]
        likelihoods = seen.log_likelihoods(texts)
        read, weighed = (
            likelihoods[0],
            sorted(zip(likelihoods[1:], near, strict=True), key=lambda pair: -pair[0]),
        )
        best, (letters, chosen) = weighed[0]
        runner_up = weighed[1][0] if len(weighed) > 1 else float("-inf")
        if best >= read - SLACK - PER_LETTER * letters and best >= runner_up + MARGIN:
            tokens[at] = cased_like(chosen, word) + tail
    return " ".join(tokens)


def _near(folded: str, known: list[str]) -> list[tuple[int, str]]:
    """The known words a word read (folded) may be, with the letters they differ by, nearest
    first (at most `MOST`)."""
    return sorted(
        (d, k)
        for k in known
        if abs(len(k) - len(folded)) <= LENGTHS_APART
        and (d := distance(folded, k)) <= _allowed(len(folded))
    )[:MOST]


def _bare(token: str) -> str:
    """The word without the comma or colon after it."""
    return re.sub(r"[,;:.]+$", "", token)
