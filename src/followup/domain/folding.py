"""The one folding of names that every key is built from: the address book's name and company
(DESIGN: "the same name (case and accents folded) at the same company"), an opportunity's stable
id from company and role, an invitation's people.

Case is folded, accents dropped (NFKD), and the Latin letters Unicode does not decompose are
written as the ASCII letters they stand for ("Østergaard" is "ostergaard", "Straße" is
"strasse", "Łódź" is "lodz", "Ærø" is "aero"), as `latin_letters.json` lists them (built from
anyascii by bench/build_latin_letters.py). Letters of other scripts are kept as they are, case
folded: "Иван" stays "иван", "王" stays "王" (transliterated, "王" and "汪" would be one "wang").
"""

from __future__ import annotations

import os
import unicodedata

_TABLE: dict[int, str] | None = None


def _letters() -> dict[int, str]:
    """Read once, the first time a name with a letter outside ASCII is folded."""
    global _TABLE
    if _TABLE is None:
        import json  # not at import: the agenda, which folds no name, starts without it

        path = os.path.join(os.path.dirname(__file__), "latin_letters.json")
        with open(path, encoding="utf-8") as handle:
            letters = json.load(handle)["letters"]
        _TABLE = {ord(letter): ascii_form for letter, ascii_form in letters.items()}
    return _TABLE


def fold(text: str) -> str:
    """Case, accents and runs of spaces folded: what two spellings of one name share."""
    return " ".join(fold_letters(text).split())


def fold_letters(text: str) -> str:
    """Case and accents folded, the letters that do not decompose written as ASCII; spaces and
    marks left as they are (what a reader that finds words by their places compares: the card
    reader)."""
    if text.isascii():  # no accents to drop: the common case, and much quicker
        return text.lower()
    decomposed = unicodedata.normalize("NFKD", text)
    bare = "".join(c for c in decomposed if not unicodedata.combining(c))
    return bare.translate(_letters()).casefold()
